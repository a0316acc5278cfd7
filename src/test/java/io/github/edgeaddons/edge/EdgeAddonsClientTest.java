package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.Credentials;
import io.github.edgeaddons.core.Deadline;
import io.github.edgeaddons.core.OperationKind;
import io.github.edgeaddons.core.OperationState;
import io.github.edgeaddons.core.OperationStatus;
import io.github.edgeaddons.core.PollPolicy;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.core.Transport;

import static io.github.edgeaddons.edge.ClientTestSupport.apiKeyClient;
import static io.github.edgeaddons.edge.ClientTestSupport.apiKeySettings;
import static io.github.edgeaddons.edge.ClientTestSupport.oauthClient;
import static io.github.edgeaddons.edge.ClientTestSupport.oauthSettings;
import static io.github.edgeaddons.edge.ClientTestSupport.randomFile;
import static io.github.edgeaddons.edge.ClientTestSupport.routes;
import static io.github.edgeaddons.edge.ClientTestSupport.seconds;
import static io.github.edgeaddons.edge.ClientTestSupport.sha256;
import static io.github.edgeaddons.edge.ClientTestSupport.statuses;
import static io.github.edgeaddons.edge.ClientTestSupport.assertHint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.edge.ClientTestSupport.MutableClock;
import io.github.edgeaddons.edge.ClientTestSupport.RecordingReporter;
import io.github.edgeaddons.edge.ClientTestSupport.RecordingSleeper;
import io.github.edgeaddons.sim.EdgeApiSimulator;
import io.github.edgeaddons.sim.Fault;
import io.github.edgeaddons.sim.LocationShape;
import io.github.edgeaddons.sim.Operation;
import io.github.edgeaddons.sim.Outcome;
import io.github.edgeaddons.sim.RecordedRequest;
import io.github.edgeaddons.sim.Route;
import io.github.edgeaddons.sim.Simulator;
import io.github.edgeaddons.sim.Vocabulary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link EdgeAddonsClient} against the real HTTP simulator of the Edge API: both auth versions, token
 * reuse and renewal, both status vocabularies, every Location shape, odd status bodies, and secrets.
 */
class EdgeAddonsClientTest {
    private static final String PID = EdgeApiSimulator.PRODUCT_ID;
    /** Non-ASCII, a tab, CRLF and trailing whitespace: the body must carry these bytes exactly. */
    private static final String NOTES = "Überprüfung bitte ✓ — 日本語\r\n\tzweite Zeile mit Leerzeichen   \n\n  ";

    @Simulator
    private static EdgeApiSimulator sim;

    @TempDir
    Path tmp;

    private RecordingReporter reporter;

    @BeforeEach
    void setUp() {
        reporter = new RecordingReporter();
    }

    // ---- v1.1 ---------------------------------------------------------------------------------------------

    @Test
    void apiKeyHappyPathSendsTheExactBytesAndHeaders() throws Exception {
        Path zip = randomFile(tmp, "ext.zip", 300_000); // several 64 KiB blocks
        String uploadOp;
        String publishOp;
        OperationStatus upload;
        OperationStatus publish;
        try (EdgeAddonsClient client = apiKeyClient(sim, reporter)) {
            uploadOp = client.startUpload(zip, Files.size(zip), seconds(20));
            upload = client.await(OperationKind.UPLOAD, uploadOp, seconds(20));
            publishOp = client.startPublish(NOTES, seconds(20));
            publish = client.await(OperationKind.PUBLISH, publishOp, seconds(20));
        }
        assertEquals(OperationState.SUCCEEDED, upload.state());
        assertEquals(EdgeApiSimulator.UPLOAD_SUCCESS_MESSAGE, upload.message());
        assertEquals(OperationState.SUCCEEDED, publish.state());
        assertTrue(publish.message().startsWith("Successfully created submission with ID "), publish.message());

        // exactly the documented calls, in order (default outcome: InProgress once, then terminal)
        assertEquals(Arrays.asList(Route.UPLOAD, Route.UPLOAD_STATUS, Route.UPLOAD_STATUS,
                Route.PUBLISH, Route.PUBLISH_STATUS, Route.PUBLISH_STATUS), routes(sim));
        assertEquals(Arrays.asList(202), statuses(sim, Route.UPLOAD));
        assertEquals(Arrays.asList(200, 200), statuses(sim, Route.UPLOAD_STATUS));

        List<Operation> ops = sim.operations();
        assertEquals(2, ops.size());
        assertEquals(ops.get(0).id(), uploadOp);
        assertEquals(ops.get(1).id(), publishOp);

        for (RecordedRequest r : sim.requests()) {
            assertEquals("ApiKey ***", r.header("Authorization"), r.toString());
            assertEquals(EdgeApiSimulator.CLIENT_ID, r.header("X-ClientID"), r.toString());
            assertTrue(r.authValid(), "the real key reached the server: " + r);
            assertTrue(r.path().contains(PID), r.path());
        }

        RecordedRequest up = sim.requests(Route.UPLOAD).get(0);
        assertEquals("POST", up.method());
        assertEquals("/v1/products/" + PID + "/submissions/draft/package", up.path());
        assertEquals("application/zip", up.header("Content-Type"));
        assertEquals(Files.size(zip), up.bodySize());
        assertEquals(sha256(zip), up.bodySha256());
        assertEquals("/v1/products/" + PID + "/submissions/draft/package/operations/" + uploadOp,
                sim.requests(Route.UPLOAD_STATUS).get(0).path());

        RecordedRequest pub = sim.requests(Route.PUBLISH).get(0);
        byte[] notes = NOTES.getBytes(StandardCharsets.UTF_8);
        assertEquals("POST", pub.method());
        assertEquals("/v1/products/" + PID + "/submissions", pub.path());
        assertEquals("text/plain; charset=UTF-8", pub.header("Content-Type"));
        assertEquals(notes.length, pub.bodySize());
        assertEquals(sha256(notes), pub.bodySha256());
        assertEquals(NOTES, pub.bodyText());
        assertEquals("/v1/products/" + PID + "/submissions/operations/" + publishOp,
                sim.requests(Route.PUBLISH_STATUS).get(0).path());
    }

    @Test
    void publishWithoutNotesSendsAnEmptyPlainTextBody() throws Exception {
        try (EdgeAddonsClient client = apiKeyClient(sim, reporter)) {
            String op = client.startPublish(null, seconds(10));
            assertNotNull(op);
        }
        RecordedRequest pub = sim.requests(Route.PUBLISH).get(0);
        assertEquals(0, pub.bodySize());
        assertEquals("text/plain; charset=UTF-8", pub.header("Content-Type"));
    }

    @Test
    void statusReadsOneAnswerWithoutPollingFurther() throws Exception {
        sim.config().uploadOutcome(Outcome.succeeded().afterPolls(5));
        Path zip = randomFile(tmp, "ext.zip", 1000);
        try (EdgeAddonsClient client = apiKeyClient(sim, reporter)) {
            String op = client.startUpload(zip, Files.size(zip), seconds(10));
            OperationStatus s = client.status(OperationKind.UPLOAD, op, seconds(10));
            assertEquals(OperationState.IN_PROGRESS, s.state());
            assertEquals(op, s.operationId());
        }
        assertEquals(1, sim.requests(Route.UPLOAD_STATUS).size());
    }

    @Test
    void credentialsAcceptedIsTrueForGoodCredentialsAndFalseForABadKey() throws Exception {
        try (EdgeAddonsClient client = apiKeyClient(sim, reporter)) {
            assertTrue(client.credentialsAccepted(seconds(10)));
        }
        assertEquals(Arrays.asList(404), statuses(sim, Route.PUBLISH_STATUS));
        assertTrue(sim.requests().get(0).path().contains("00000000-0000-0000-0000-000000000000"));

        sim.reset();
        ClientSettings bad = apiKeySettings(sim).reporter(reporter)
                .credentials(new Credentials(EdgeApiSimulator.CLIENT_ID, "expired-key-0000")).build();
        try (EdgeAddonsClient client = new EdgeAddonsClient(bad)) {
            assertFalse(client.credentialsAccepted(seconds(10)));
        }
        assertEquals(Arrays.asList(401), statuses(sim, Route.PUBLISH_STATUS), "a 401 is not retried");
        assertTrue(sim.requests().stream().noneMatch(r -> r.route() == Route.UPLOAD || r.route() == Route.PUBLISH));
    }

    @Test
    void credentialsAcceptedWorksUnderOAuthToo() throws Exception {
        try (EdgeAddonsClient client = oauthClient(sim, reporter)) {
            assertTrue(client.credentialsAccepted(seconds(10)));
        }
        assertEquals(Arrays.asList(Route.TOKEN, Route.PUBLISH_STATUS), routes(sim));
    }

    @Test
    void listProductsReturnsTheStoreList() throws Exception {
        try (EdgeAddonsClient client = apiKeyClient(sim, reporter)) {
            String json = client.listProducts(seconds(10));
            assertTrue(json.contains(PID), json);
        }
        assertEquals(Arrays.asList(Route.PRODUCTS), routes(sim));
    }

    // ---- v1 OAuth ------------------------------------------------------------------------------------------

    @Test
    void oauthTokenIsFetchedOnceAndReusedWithTheScope() throws Exception {
        Path zip = randomFile(tmp, "ext.zip", 70_000);
        try (EdgeAddonsClient client = oauthClient(sim, reporter)) {
            String up = client.startUpload(zip, Files.size(zip), seconds(20));
            assertEquals(OperationState.SUCCEEDED, client.await(OperationKind.UPLOAD, up, seconds(20)).state());
            String pub = client.startPublish("notes", seconds(20));
            assertEquals(OperationState.SUCCEEDED, client.await(OperationKind.PUBLISH, pub, seconds(20)).state());
        }
        assertEquals(Arrays.asList(Route.TOKEN, Route.UPLOAD, Route.UPLOAD_STATUS, Route.UPLOAD_STATUS,
                Route.PUBLISH, Route.PUBLISH_STATUS, Route.PUBLISH_STATUS), routes(sim));
        assertEquals(Arrays.asList(io.github.edgeaddons.config.EdgeStore.SCOPE), sim.tokenScopes());

        RecordedRequest token = sim.requests(Route.TOKEN).get(0);
        assertEquals("POST", token.method());
        assertEquals("/" + EdgeApiSimulator.TENANT + "/oauth2/v2.0/token", token.path());
        assertTrue(token.header("Content-Type").startsWith("application/x-www-form-urlencoded"),
                token.header("Content-Type"));
        assertTrue(token.authValid());
        assertNotNull(token.bodyText());
        assertTrue(token.bodyText().contains("grant_type=client_credentials"), token.bodyText());
        assertTrue(token.bodyText().contains("client_id=" + EdgeApiSimulator.CLIENT_ID), token.bodyText());
        assertTrue(token.bodyText().contains("client_secret=***"), token.bodyText());
        assertEquals(null, token.header("Authorization"), "the token request carries no Authorization");

        for (RecordedRequest r : sim.requests()) {
            if (r.route() != Route.TOKEN) {
                assertEquals("Bearer ***", r.header("Authorization"), r.toString());
                assertTrue(r.authValid(), r.toString());
                assertEquals(2, r.status() / 100, r.toString());
            }
        }
    }

    @Test
    void oauthCustomScopeIsSent() throws Exception {
        String scope = "https://addons.edge.microsoft.com/.default";
        try (EdgeAddonsClient client = new EdgeAddonsClient(oauthSettings(sim).scope(scope).build())) {
            client.startPublish("", seconds(10));
        }
        assertEquals(Arrays.asList(scope), sim.tokenScopes());
    }

    @Test
    void anExpiredTokenIsRenewedOnceAfterA401AndTheRequestRepeatedOnce() throws Exception {
        try (EdgeAddonsClient client = oauthClient(sim, reporter)) {
            String op = client.startPublish("n", seconds(20));
            sim.expireTokens();
            OperationStatus s = client.await(OperationKind.PUBLISH, op, seconds(20));
            assertEquals(OperationState.SUCCEEDED, s.state());
        }
        assertEquals(Arrays.asList(Route.TOKEN, Route.PUBLISH, Route.PUBLISH_STATUS, Route.TOKEN,
                Route.PUBLISH_STATUS, Route.PUBLISH_STATUS), routes(sim));
        assertEquals(Arrays.asList(401, 200, 200), statuses(sim, Route.PUBLISH_STATUS));
        assertEquals(2, sim.tokenScopes().size());
    }

    @Test
    void a401ThatPersistsAfterTheNewTokenIsNotRepeatedAgain() throws Exception {
        sim.config().failAlways(Route.PUBLISH_STATUS, 401);
        StoreException e;
        try (EdgeAddonsClient client = oauthClient(sim, reporter)) {
            e = assertThrows(StoreException.class,
                    () -> client.status(OperationKind.PUBLISH, "0f3c6a4e-1111-2222-3333-444455556666", seconds(10)));
        }
        assertEquals(StoreException.Kind.HTTP, e.kind());
        assertEquals(401, e.httpStatus());
        assertEquals(2, sim.requests(Route.TOKEN).size(), "one token, then one renewal, no more");
        assertEquals(2, sim.requests(Route.PUBLISH_STATUS).size(), "the request, then one repeat");
    }

    @Test
    void aTokenIsRenewedBeforeItExpires() throws Exception {
        sim.config().tokenLifetime(Duration.ofSeconds(2));
        MutableClock clock = new MutableClock();
        ClientSettings s = oauthSettings(sim).reporter(reporter).clock(clock).build();
        try (EdgeAddonsClient client = new EdgeAddonsClient(s)) {
            client.startPublish("a", ClientTestSupport.deadline(Duration.ofSeconds(3600)));
            clock.advance(Duration.ofMillis(500));
            client.startPublish("b", Deadline.after(Duration.ofSeconds(3600), clock));
            assertEquals(1, sim.requests(Route.TOKEN).size(), "still fresh: reused");
            clock.advance(Duration.ofMillis(1400)); // 1.9 s of a 2 s token: renew before sending
            client.startPublish("c", Deadline.after(Duration.ofSeconds(3600), clock));
        }
        assertEquals(Arrays.asList(Route.TOKEN, Route.PUBLISH, Route.PUBLISH, Route.TOKEN, Route.PUBLISH),
                routes(sim));
        assertEquals(Arrays.asList(202, 202, 202), statuses(sim, Route.PUBLISH), "no request was refused");
    }

    @Test
    void aTokenOutlivedInRealTimeIsRenewedWithoutA401() throws Exception {
        sim.config().tokenLifetime(Duration.ofSeconds(1));
        try (EdgeAddonsClient client = oauthClient(sim, reporter)) {
            client.startPublish("a", seconds(10));
            Thread.sleep(1100);
            client.startPublish("b", seconds(10));
        }
        assertEquals(Arrays.asList(Route.TOKEN, Route.PUBLISH, Route.TOKEN, Route.PUBLISH), routes(sim));
        assertEquals(Arrays.asList(202, 202), statuses(sim, Route.PUBLISH));
    }

    @Test
    void aWrongClientSecretFailsWithAuthNamingTheSettingsButNotTheSecret() throws Exception {
        String wrong = "wrong-secret-ZZZZ-9876";
        ClientSettings s = oauthSettings(sim).reporter(reporter)
                .credentials(new Credentials(EdgeApiSimulator.CLIENT_ID, wrong)).build();
        StoreException e;
        try (EdgeAddonsClient client = new EdgeAddonsClient(s)) {
            e = assertThrows(StoreException.class, () -> client.startPublish("n", seconds(10)));
        }
        assertEquals(StoreException.Kind.AUTH, e.kind());
        assertEquals(401, e.httpStatus());
        assertTrue(e.fromTokenEndpoint());
        assertHint(e, EdgeHints.tokenRefused(s));
        String m = e.getMessage();
        assertTrue(m.contains("'edge-test'"), "names the server id: " + m);
        assertTrue(m.contains("invalid_client"), "carries the OAuth error: " + m);
        assertFalse(m.contains(wrong), m);
        assertFalse(m.contains(EdgeApiSimulator.CLIENT_SECRET), m);
        assertFalse(reporter.text().contains(wrong), reporter.text());
        assertEquals(Arrays.asList(Route.TOKEN), routes(sim), "no API request without a token, no retry");
    }

    // ---- vocabularies and Location shapes -------------------------------------------------------------------

    static Stream<Arguments> vocabulariesAndShapes() {
        List<Arguments> out = new ArrayList<>();
        for (Vocabulary v : Vocabulary.values()) {
            for (LocationShape l : LocationShape.values()) {
                out.add(Arguments.of(v, l));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, Location {1}")
    @MethodSource("vocabulariesAndShapes")
    void everyVocabularyAndLocationShapeIsFollowed(Vocabulary vocabulary, LocationShape shape) throws Exception {
        sim.config().vocabulary(vocabulary).locationShape(shape)
                .uploadOutcome(Outcome.succeeded().afterPolls(2))
                .publishOutcome(Outcome.succeeded().afterPolls(2));
        Path zip = randomFile(tmp, "ext.zip", 5000);
        OperationStatus up;
        OperationStatus pub;
        String upId;
        String pubId;
        try (EdgeAddonsClient client = apiKeyClient(sim, reporter)) {
            upId = client.startUpload(zip, Files.size(zip), seconds(20));
            up = client.await(OperationKind.UPLOAD, upId, seconds(20));
            pubId = client.startPublish("x", seconds(20));
            pub = client.await(OperationKind.PUBLISH, pubId, seconds(20));
        }
        List<Operation> ops = sim.operations();
        assertEquals(ops.get(0).id(), upId, "the id taken from the Location header");
        assertEquals(ops.get(1).id(), pubId);
        assertEquals(OperationState.SUCCEEDED, up.state());
        assertEquals(OperationState.SUCCEEDED, pub.state());
        assertEquals(vocabulary == Vocabulary.MODERN ? "Succeeded" : "SUCCESS", up.rawStatus());
        assertEquals(vocabulary == Vocabulary.MODERN ? "Succeeded" : "IN-REVIEW", pub.rawStatus());
        assertEquals(3, sim.requests(Route.UPLOAD_STATUS).size());
        assertEquals(3, sim.requests(Route.PUBLISH_STATUS).size());
        for (RecordedRequest r : sim.requests()) {
            assertTrue(r.status() == 200 || r.status() == 202, r.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failedPublishes")
    void failedPublishesInEitherVocabularyEndFailedWithTheirCode(Vocabulary vocabulary, String code,
            String expectedRaw) throws Exception {
        sim.config().vocabulary(vocabulary).publishOutcome(Outcome.failed(code, "nope"));
        OperationStatus s;
        try (EdgeAddonsClient client = apiKeyClient(sim, reporter)) {
            s = client.await(OperationKind.PUBLISH, client.startPublish("", seconds(10)), seconds(10));
        }
        assertEquals(OperationState.FAILED, s.state());
        assertEquals(expectedRaw, s.rawStatus());
        assertNotNull(s.errorCode());
        assertTrue(EdgeHints.forErrorCode(s.errorCode(), OperationKind.PUBLISH, apiKeySettings(sim).build()).contains(
                code.equals("NoModulesUpdated") ? "nothing to publish" : "still in review"), s.toString());
    }

    static Stream<Arguments> failedPublishes() {
        return Stream.of(
                Arguments.of(Vocabulary.MODERN, "NoModulesUpdated", "Failed"),
                Arguments.of(Vocabulary.MODERN, "InProgressSubmission", "Failed"),
                Arguments.of(Vocabulary.LEGACY_2021, "NoModulesUpdated", "NOTHING-TO-PUBLISH"),
                Arguments.of(Vocabulary.LEGACY_2021, "InProgressSubmission", "CONFLICT"));
    }

    // ---- odd status bodies -----------------------------------------------------------------------------------

    @Test
    void malformedEmptyAndStatuslessAnswersArePolledAgainAndALaterGoodAnswerWins() throws Exception {
        sim.config().uploadOutcome(Outcome.succeeded().afterPolls(0))
                .fault(Route.UPLOAD_STATUS, Fault.malformedBody())
                .fault(Route.UPLOAD_STATUS, Fault.emptyBody());
        Path zip = randomFile(tmp, "ext.zip", 100);
        OperationStatus s;
        try (EdgeAddonsClient client = apiKeyClient(sim, reporter)) {
            String op = client.startUpload(zip, Files.size(zip), seconds(10));
            s = client.await(OperationKind.UPLOAD, op, seconds(10));
        }
        assertEquals(OperationState.SUCCEEDED, s.state());
        assertEquals(3, sim.requests(Route.UPLOAD_STATUS).size());
        assertEquals(1, reporter.warnings.size(), "one warning per streak: " + reporter.warnings);
        String w = reporter.warnings.get(0);
        assertTrue(w.contains("HTTP 200, application/json") && w.contains("not JSON"), w);
        assertTrue(w.contains("the wait goes on until edge.timeout"), w);

        sim.reset();
        sim.config().publishOutcome(Outcome.succeeded().afterPolls(0))
                .fault(Route.PUBLISH_STATUS, Fault.noStatusField());
        try (EdgeAddonsClient client = apiKeyClient(sim, reporter)) {
            s = client.await(OperationKind.PUBLISH, client.startPublish("", seconds(10)), seconds(10));
        }
        assertEquals(OperationState.SUCCEEDED, s.state());
        assertEquals(2, sim.requests(Route.PUBLISH_STATUS).size());
    }

    @Test
    void threeUnreadableAnswersInARowDoNotEndTheWait() throws Exception {
        sim.config().uploadOutcome(Outcome.succeeded().afterPolls(0))
                .fault(Route.UPLOAD_STATUS, Fault.malformedBody())
                .fault(Route.UPLOAD_STATUS, Fault.emptyBody())
                .fault(Route.UPLOAD_STATUS, Fault.noStatusField())
                .fault(Route.UPLOAD_STATUS, Fault.htmlPage200());
        Path zip = randomFile(tmp, "ext.zip", 100);
        OperationStatus s;
        try (EdgeAddonsClient client = apiKeyClient(sim, reporter)) {
            String op = client.startUpload(zip, Files.size(zip), seconds(10));
            s = client.await(OperationKind.UPLOAD, op, seconds(10));
        }
        assertEquals(OperationState.SUCCEEDED, s.state());
        assertEquals(5, sim.requests(Route.UPLOAD_STATUS).size(), "asked again after each unreadable answer");
        assertEquals(1, reporter.warnings.size(), reporter.warnings.toString());
        assertFalse(reporter.text().contains("NullPointerException"), reporter.text());
    }

    @Test
    void anHtmlPageAnsweredWith200IsNamedAsSuchWithItsStatusAndContentType() throws Exception {
        String op = UUID.randomUUID().toString();
        sim.config().fault(Route.UPLOAD_STATUS, Fault.htmlPage200());
        StoreException e;
        try (EdgeAddonsClient client = apiKeyClient(sim, reporter)) {
            e = assertThrows(StoreException.class, () -> client.status(OperationKind.UPLOAD, op, seconds(10)));
        }
        assertEquals(StoreException.Kind.MALFORMED, e.kind());
        String m = e.getMessage();
        assertTrue(m.contains(op), m);
        assertTrue(m.contains("HTTP 200, text/html"), m);
        assertTrue(m.contains("Service maintenance") && m.contains("maintenance page"), m);
        assertFalse(m.contains("<"), "no HTML dump: " + m);
        assertFalse(m.contains("not JSON"), m);
    }

    @Test
    void anAnswerCutAtTheReadLimitSaysItWasTooLarge() throws Exception {
        String op = UUID.randomUUID().toString();
        sim.config().fault(Route.UPLOAD_STATUS, Fault.oversizedBody(Transport.MAX_BODY + 10));
        StoreException e;
        try (EdgeAddonsClient client = apiKeyClient(sim, reporter)) {
            e = assertThrows(StoreException.class, () -> client.status(OperationKind.UPLOAD, op, seconds(10)));
        }
        String m = e.getMessage();
        assertEquals(StoreException.Kind.MALFORMED, e.kind());
        assertTrue(m.contains("larger than 1 MiB") && m.contains("cut"), m);
        assertFalse(m.contains("not JSON"), m);
        assertTrue(m.length() < 400, "no body dump: " + m.length());
    }

    @Test
    void anAnswerOfExactlyTheReadLimitIsReadWhole() throws Exception {
        String op = UUID.randomUUID().toString();
        sim.config().fault(Route.UPLOAD_STATUS, Fault.oversizedBody(Transport.MAX_BODY));
        OperationStatus s;
        try (EdgeAddonsClient client = apiKeyClient(sim, reporter)) {
            s = client.status(OperationKind.UPLOAD, op, seconds(10));
        }
        assertEquals(OperationState.IN_PROGRESS, s.state());
    }

    @Test
    void anUnknownStatusWordKeepsPollingAndWarnsOnce() throws Exception {
        sim.config().publishOutcome(Outcome.succeeded().afterPolls(0))
                .fault(Route.PUBLISH_STATUS, Fault.unknownStatus("Queued"))
                .fault(Route.PUBLISH_STATUS, Fault.unknownStatus("Queued"))
                .fault(Route.PUBLISH_STATUS, Fault.unknownStatus("Queued"));
        OperationStatus s;
        try (EdgeAddonsClient client = apiKeyClient(sim, reporter)) {
            s = client.await(OperationKind.PUBLISH, client.startPublish("", seconds(10)), seconds(10));
        }
        assertEquals(OperationState.SUCCEEDED, s.state());
        assertEquals(4, sim.requests(Route.PUBLISH_STATUS).size());
        long warned = reporter.warnings.stream().filter(w -> w.contains("Queued")).count();
        assertEquals(1, warned, reporter.warnings.toString());
    }

    @Test
    void nullMessageAndTimesAreTolerated() throws Exception {
        sim.config().uploadOutcome(Outcome.succeeded().message(null).nullTimes());
        Path zip = randomFile(tmp, "ext.zip", 100);
        OperationStatus s;
        try (EdgeAddonsClient client = apiKeyClient(sim, reporter)) {
            s = client.await(OperationKind.UPLOAD, client.startUpload(zip, 100, seconds(10)), seconds(10));
        }
        assertEquals(OperationState.SUCCEEDED, s.state());
        assertEquals(null, s.message());
        assertEquals(null, s.createdTime());
    }

    @Test
    void pollingFollowsThePollPolicyAndItsWaitsAreRecorded() throws Exception {
        sim.config().publishOutcome(Outcome.succeeded().afterPolls(3));
        RecordingSleeper sleeper = RecordingSleeper.recordOnly();
        ClientSettings s = apiKeySettings(sim).reporter(reporter).sleeper(sleeper)
                .pollPolicy(PollPolicy.fixed(Duration.ofSeconds(7))).build();
        try (EdgeAddonsClient client = new EdgeAddonsClient(s)) {
            client.await(OperationKind.PUBLISH, client.startPublish("", seconds(60)), seconds(60));
        }
        assertEquals(4, sim.requests(Route.PUBLISH_STATUS).size());
        assertEquals(3, sleeper.waits.size());
        for (Duration d : sleeper.waits) {
            // counted from the start of the previous request, so its round trip is not added
            assertTrue(d.compareTo(Duration.ofSeconds(7)) <= 0 && d.compareTo(Duration.ofMillis(6000)) > 0,
                    sleeper.waits.toString());
        }
    }

    // ---- secrets --------------------------------------------------------------------------------------------

    @Test
    void noSecretReachesTheReporterInEitherModeOnSuccessOrFailure() throws Exception {
        Path zip = randomFile(tmp, "ext.zip", 2000);
        try (EdgeAddonsClient client = apiKeyClient(sim, reporter)) {
            client.await(OperationKind.UPLOAD, client.startUpload(zip, 2000, seconds(10)), seconds(10));
            client.await(OperationKind.PUBLISH, client.startPublish("n", seconds(10)), seconds(10));
        }
        try (EdgeAddonsClient client = oauthClient(sim, reporter)) {
            client.await(OperationKind.UPLOAD, client.startUpload(zip, 2000, seconds(10)), seconds(10));
            sim.expireTokens();
            client.await(OperationKind.PUBLISH, client.startPublish("n", seconds(10)), seconds(10));
        }
        List<String> failures = new ArrayList<>();
        sim.config().apiKey("another-key-ABCD");
        try (EdgeAddonsClient client = apiKeyClient(sim, reporter)) {
            failures.add(assertThrows(StoreException.class,
                    () -> client.startPublish("n", seconds(10))).getMessage());
        }
        sim.config().restoreDefaults().clientSecret("another-secret-ABCD");
        try (EdgeAddonsClient client = oauthClient(sim, reporter)) {
            failures.add(assertThrows(StoreException.class,
                    () -> client.startPublish("n", seconds(10))).getMessage());
        }
        assertTrue(reporter.debugs.size() > 5, "debug output was collected: " + reporter.debugs);
        String everything = reporter.text() + "\n" + String.join("\n", failures)
                + "\n" + EdgeAddonsClient.describeAuthHeaders(apiKeySettings(sim).build())
                + "\n" + EdgeAddonsClient.describeAuthHeaders(oauthSettings(sim).build());
        assertFalse(everything.contains(EdgeApiSimulator.API_KEY), everything);
        assertFalse(everything.contains(EdgeApiSimulator.CLIENT_SECRET), everything);
        assertFalse(everything.contains("sim-token-"), everything);
        assertNotEquals(0, sim.requests(Route.TOKEN).size());
    }
}
