package io.github.edgeaddons.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Drives {@link EdgeApiSimulator} over real HTTP with the JDK's {@link HttpClient}. */
class EdgeApiSimulatorTest {

    private static final String PID = EdgeApiSimulator.PRODUCT_ID;
    private static final String ZERO = "00000000-0000-0000-0000-000000000000";

    private EdgeApiSimulator sim;
    private HttpClient http;

    @TempDir
    Path tmp;

    @BeforeEach
    void startSimulator() {
        sim = new EdgeApiSimulator().start();
        http = newClient();
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    // ------------------------------------------------------------------ helpers

    private static String uploadPath(String pid) {
        return "/v1/products/" + pid + "/submissions/draft/package";
    }

    private static String uploadStatusPath(String pid, String opId) {
        return uploadPath(pid) + "/operations/" + opId;
    }

    private static String publishPath(String pid) {
        return "/v1/products/" + pid + "/submissions";
    }

    private static String publishStatusPath(String pid, String opId) {
        return publishPath(pid) + "/operations/" + opId;
    }

    private HttpRequest.Builder req(String path) {
        return HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).timeout(Duration.ofSeconds(20));
    }

    /** A request with valid v1.1 credentials. */
    private HttpRequest.Builder v11(String path) {
        return req(path).header("Authorization", "ApiKey " + EdgeApiSimulator.API_KEY)
                .header("X-ClientID", EdgeApiSimulator.CLIENT_ID);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder zipPost(HttpRequest.Builder b, byte[] zip) {
        return b.header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip));
    }

    private static String lastSegment(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Upload with v1.1 auth, assert 202, answer the operation id. */
    private String upload(byte[] zip) throws Exception {
        HttpResponse<String> r = send(zipPost(v11(uploadPath(PID)), zip));
        assertEquals(202, r.statusCode(), r.body());
        return lastSegment(r.headers().firstValue("Location").orElseThrow());
    }

    private String publish(String notes) throws Exception {
        HttpResponse<String> r = send(v11(publishPath(PID)).header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(notes)));
        assertEquals(202, r.statusCode(), r.body());
        return lastSegment(r.headers().firstValue("Location").orElseThrow());
    }

    private Map<String, Object> pollUpload(String opId) throws Exception {
        HttpResponse<String> r = send(v11(uploadStatusPath(PID, opId)).GET());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return SimJson.parseObject(r.body());
    }

    private Map<String, Object> pollPublish(String opId) throws Exception {
        HttpResponse<String> r = send(v11(publishStatusPath(PID, opId)).GET());
        assertEquals(200, r.statusCode(), r.body());
        return SimJson.parseObject(r.body());
    }

    private static byte[] smallZip() {
        return "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String form(String... kv) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(kv[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private HttpResponse<String> token(String clientId, String secret, String grantType) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("client_id", clientId, "client_secret", secret,
                        "scope", "https://api.addons.microsoftedge.microsoft.com/.default", "grant_type", grantType)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return EdgeApiSimulator.hex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private RecordedRequest last() {
        List<RecordedRequest> all = sim.requests();
        return all.get(all.size() - 1);
    }

    // ------------------------------------------------------------------ lifecycle and URLs

    @Test
    void baseUrlAndTokenUrlPointAtTheBoundLoopbackPort() {
        assertTrue(sim.port() > 0);
        assertEquals("http://127.0.0.1:" + sim.port(), sim.baseUrl());
        assertEquals(sim.baseUrl() + "/sim-tenant/oauth2/v2.0/token", sim.tokenUrl());
        assertThrows(IllegalStateException.class, () -> sim.start());
    }

    @Test
    void closeStopsPromptlyEvenWithARequestSleepingOnADelay() throws Exception {
        String opId = upload(smallZip());
        sim.config().fault(Route.UPLOAD_STATUS, Fault.delay(Duration.ofSeconds(30)));
        CompletableFuture<HttpResponse<String>> pending =
                http.sendAsync(v11(uploadStatusPath(PID, opId)).GET().build(), HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sim.requests(Route.UPLOAD_STATUS).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, sim.requests(Route.UPLOAD_STATUS).size());
        String url = sim.baseUrl();
        long t0 = System.nanoTime();
        sim.close();
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(3), "close() took too long");
        ExecutionException failed = assertThrows(ExecutionException.class, () -> pending.get(10, TimeUnit.SECONDS));
        assertTrue(failed.getCause() instanceof IOException, String.valueOf(failed.getCause()));
        assertEquals(url, sim.baseUrl(), "baseUrl() still names the old address");
        assertThrows(IOException.class, () -> newClient().send(req("/v1/products").GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void aClosedSimulatorCanBeRestartedOnTheSamePortKeepingItsState() throws Exception {
        String opId = upload(smallZip());
        int port = sim.port();
        sim.close();
        sim.port(port).start();
        assertEquals(port, sim.port());
        assertEquals("InProgress", pollUpload(opId).get("status"));
        assertEquals(2, sim.requests().size());
    }

    // ------------------------------------------------------------------ v1.1 auth

    @Test
    void apiKeyAuthAcceptsTheRightPairAndAnswersEmpty401Otherwise() throws Exception {
        assertEquals(202, send(zipPost(v11(uploadPath(PID)), smallZip())).statusCode());
        assertTrue(last().authValid());

        List<HttpRequest.Builder> bad = List.of(
                zipPost(req(uploadPath(PID)).header("Authorization", "ApiKey wrong-key")
                        .header("X-ClientID", EdgeApiSimulator.CLIENT_ID), smallZip()),
                zipPost(req(uploadPath(PID)).header("Authorization", "ApiKey " + EdgeApiSimulator.API_KEY)
                        .header("X-ClientID", "someone-else"), smallZip()),
                zipPost(req(uploadPath(PID)), smallZip()));
        for (HttpRequest.Builder b : bad) {
            HttpResponse<String> r = send(b);
            assertEquals(401, r.statusCode());
            assertEquals("", r.body(), "401 must have an empty body");
            assertFalse(last().authValid());
            assertEquals(401, last().status());
        }
        assertEquals(1, sim.operations().size(), "rejected uploads create no operation");
    }

    @Test
    void apiKeyWithoutTheClientIdHeaderAnswersTheJwtFallbackBody() throws Exception {
        // live: a misspelt client-id header makes the service check for an Azure AD token instead
        for (HttpRequest.Builder b : List.of(
                zipPost(req(uploadPath(PID)).header("Authorization", "ApiKey " + EdgeApiSimulator.API_KEY)
                        .header("X-Client-ID", EdgeApiSimulator.CLIENT_ID), smallZip()),
                zipPost(req(uploadPath(PID)).header("Authorization", "ApiKey " + EdgeApiSimulator.API_KEY), smallZip()))) {
            HttpResponse<String> r = send(b);
            assertEquals(401, r.statusCode());
            assertEquals("Invalid Azure AD JWT", SimJson.parseObject(r.body()).get("message"));
            assertEquals(401L, SimJson.parseObject(r.body()).get("statusCode"));
        }
        HttpResponse<String> bearer = send(req(uploadStatusPath(PID, UUID.randomUUID().toString()))
                .header("Authorization", "Bearer nope").GET());
        assertEquals(401, bearer.statusCode());
        assertEquals("Invalid JWT.", SimJson.parseObject(bearer.body()).get("message"));
        assertEquals(0, sim.operations().size());
    }

    @Test
    void retiredV1AnswersGoneWhileTheTokenStillComes() throws Exception {
        sim.config().v1Retired(true);
        HttpResponse<String> t = token(EdgeApiSimulator.CLIENT_ID, EdgeApiSimulator.CLIENT_SECRET, "client_credentials");
        assertEquals(200, t.statusCode(), t.body());
        String accessToken = (String) SimJson.parseObject(t.body()).get("access_token");
        HttpResponse<String> up = send(zipPost(req(uploadPath(PID)).header("Authorization", "Bearer " + accessToken),
                smallZip()));
        assertEquals(410, up.statusCode());
        assertEquals(0, sim.operations().size(), "a 410 creates no operation");
        assertEquals(202, send(zipPost(v11(uploadPath(PID)), smallZip())).statusCode(), "API keys still work");
    }

    @Test
    void tokenErrorsCarryAzureAdTraceLines() throws Exception {
        HttpResponse<String> bad = token(EdgeApiSimulator.CLIENT_ID, "wrong-secret", "client_credentials");
        assertEquals(401, bad.statusCode());
        String description = (String) SimJson.parseObject(bad.body()).get("error_description");
        assertTrue(description.startsWith("AADSTS7000215: "), description);
        assertTrue(description.contains("\r\nTrace ID: "), description);
    }

    @Test
    void changedCredentialsApplyToLaterRequests() throws Exception {
        sim.config().apiKey("rotated-key-0001").clientId("other-client");
        assertEquals(401, send(zipPost(v11(uploadPath(PID)), smallZip())).statusCode());
        HttpResponse<String> r = send(zipPost(req(uploadPath(PID)).header("Authorization", "ApiKey rotated-key-0001")
                .header("X-ClientID", "other-client"), smallZip()));
        assertEquals(202, r.statusCode());
    }

    // ------------------------------------------------------------------ v1 token auth

    @Test
    void tokenIsIssuedUsableAndExpiresOnDemand() throws Exception {
        sim.config().tokenLifetime(Duration.ofSeconds(120));
        HttpResponse<String> t = token(EdgeApiSimulator.CLIENT_ID, EdgeApiSimulator.CLIENT_SECRET, "client_credentials");
        assertEquals(200, t.statusCode(), t.body());
        Map<String, Object> json = SimJson.parseObject(t.body());
        assertEquals("Bearer", json.get("token_type"));
        assertEquals(120L, json.get("expires_in"));
        String accessToken = (String) json.get("access_token");
        assertTrue(accessToken.startsWith("sim-token-"), accessToken);
        assertEquals(List.of("https://api.addons.microsoftedge.microsoft.com/.default"), sim.tokenScopes());
        assertEquals(Route.TOKEN, last().route());
        assertTrue(last().authValid());

        HttpResponse<String> up = send(zipPost(req(uploadPath(PID)).header("Authorization", "Bearer " + accessToken),
                smallZip()));
        assertEquals(202, up.statusCode());
        assertTrue(last().authValid());

        sim.expireTokens();
        HttpResponse<String> expired = send(req(uploadStatusPath(PID, lastSegment(up.headers().firstValue("Location")
                .orElseThrow()))).header("Authorization", "Bearer " + accessToken).GET());
        assertEquals(401, expired.statusCode());
        assertEquals("Invalid JWT.", SimJson.parseObject(expired.body()).get("message"));

        // a new token works again
        String fresh = (String) SimJson.parseObject(token(EdgeApiSimulator.CLIENT_ID, EdgeApiSimulator.CLIENT_SECRET,
                "client_credentials").body()).get("access_token");
        assertNotEquals(accessToken, fresh);
        assertEquals(200, send(req("/v1/products").header("Authorization", "Bearer " + fresh).GET()).statusCode());
    }

    @Test
    void tokenLifetimeIsHonoured() throws Exception {
        sim.config().tokenLifetime(Duration.ZERO);
        String tok = (String) SimJson.parseObject(token(EdgeApiSimulator.CLIENT_ID, EdgeApiSimulator.CLIENT_SECRET,
                "client_credentials").body()).get("access_token");
        assertEquals(401, send(req("/v1/products").header("Authorization", "Bearer " + tok).GET()).statusCode());
    }

    @Test
    void tokenEndpointRejectsBadCredentialsAndGrantType() throws Exception {
        HttpResponse<String> badSecret = token(EdgeApiSimulator.CLIENT_ID, "wrong", "client_credentials");
        assertEquals(401, badSecret.statusCode());
        assertEquals("invalid_client", SimJson.parseObject(badSecret.body()).get("error"));
        assertNotNull(SimJson.parseObject(badSecret.body()).get("error_description"));
        assertFalse(last().authValid());

        HttpResponse<String> badId = token("nobody", EdgeApiSimulator.CLIENT_SECRET, "client_credentials");
        assertEquals(401, badId.statusCode());

        HttpResponse<String> badGrant = token(EdgeApiSimulator.CLIENT_ID, EdgeApiSimulator.CLIENT_SECRET, "password");
        assertEquals(400, badGrant.statusCode());
        assertNotNull(SimJson.parseObject(badGrant.body()).get("error"));
        assertTrue(sim.tokenScopes().isEmpty(), "no token was issued");

        // any single tenant segment is accepted
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(
                URI.create(sim.baseUrl() + "/another-tenant/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("client_id", EdgeApiSimulator.CLIENT_ID,
                        "client_secret", EdgeApiSimulator.CLIENT_SECRET, "scope", "s", "grant_type",
                        "client_credentials"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, other.statusCode());
    }

    // ------------------------------------------------------------------ upload

    @Test
    void uploadStreamsAMultiMegabyteBodyAndRecordsSizeAndSha256(@TempDir Path kept) throws Exception {
        byte[] data = new byte[6 * 1024 * 1024 + 123];
        new Random(42).nextBytes(data);
        Path file = tmp.resolve("big.zip");
        Files.write(file, data);
        sim.config().keepUploadsIn(kept);

        HttpResponse<String> r = send(v11(uploadPath(PID)).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofFile(file)));
        assertEquals(202, r.statusCode());
        assertEquals("", r.body());

        RecordedRequest rec = sim.requests(Route.UPLOAD).get(0);
        assertEquals(data.length, rec.bodySize());
        assertEquals(sha256(data), rec.bodySha256());
        assertNull(rec.bodyText(), "zip bodies are never kept as text");
        assertEquals("application/zip", rec.header("content-type"));
        assertNotNull(rec.savedFile());
        assertTrue(Arrays.equals(data, Files.readAllBytes(rec.savedFile())), "kept bytes differ");
        assertEquals(1, sim.operations().size());
        assertEquals(Operation.Kind.UPLOAD, sim.operations().get(0).kind());
        assertEquals(lastSegment(r.headers().firstValue("Location").orElseThrow()), sim.operations().get(0).id());
    }

    @Test
    void uploadNeedsZipContentTypeAndANonEmptyBody() throws Exception {
        HttpResponse<String> noType = send(v11(uploadPath(PID)).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(smallZip())));
        assertEquals(400, noType.statusCode());
        HttpResponse<String> empty = send(zipPost(v11(uploadPath(PID)), new byte[0]));
        assertEquals(400, empty.statusCode());
        assertTrue(sim.operations().isEmpty());

        sim.config().requireUploadContentType(false);
        HttpResponse<String> lenient = send(v11(uploadPath(PID)).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(smallZip())));
        assertEquals(202, lenient.statusCode());
    }

    @Test
    void wrongMethodOnAKnownPathAnswers405() throws Exception {
        HttpResponse<String> put = send(v11(uploadPath(PID)).header("Content-Type", "application/zip")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(smallZip())));
        assertEquals(405, put.statusCode());
        assertEquals(Route.UPLOAD, last().route());
    }

    @Test
    void uploadStatusGoesInProgressThenSucceededAfterNPolls() throws Exception {
        sim.config().uploadOutcome(Outcome.succeeded().afterPolls(3));
        Instant before = Instant.now();
        String opId = upload(smallZip());
        for (int i = 0; i < 3; i++) {
            Map<String, Object> s = pollUpload(opId);
            assertEquals("InProgress", s.get("status"), "poll " + (i + 1));
            assertEquals(opId, s.get("id"));
            assertNull(sim.operations().get(0).terminalAt());
            assertFalse(sim.operations().get(0).terminal());
        }
        Instant beforeTerminal = Instant.now();
        Map<String, Object> done = pollUpload(opId);
        Instant afterTerminal = Instant.now();
        assertEquals("Succeeded", done.get("status"));
        assertEquals("Successfully updated package to package.zip", done.get("message"));
        assertTrue(done.containsKey("errorCode") && done.get("errorCode") == null);
        assertTrue(done.containsKey("errors") && done.get("errors") == null);
        Instant created = Instant.parse((String) done.get("createdTime"));
        assertFalse(created.isBefore(before.minusMillis(1)));
        Instant.parse((String) done.get("lastUpdatedTime"));

        Operation op = sim.operations().get(0);
        assertTrue(op.terminal());
        assertEquals("Succeeded", op.status());
        assertEquals(4, op.polls());
        assertFalse(op.terminalAt().isBefore(beforeTerminal));
        assertFalse(op.terminalAt().isAfter(afterTerminal));
        // stays terminal, terminalAt does not move
        assertEquals("Succeeded", pollUpload(opId).get("status"));
        assertEquals(op.terminalAt(), sim.operations().get(0).terminalAt());
    }

    @Test
    void afterDurationIsTimeBased() throws Exception {
        sim.config().uploadOutcome(Outcome.succeeded().after(Duration.ofMillis(300)));
        String opId = upload(smallZip());
        Operation op = sim.operations().get(0);
        assertEquals(op.created().plusMillis(300), op.terminalAt());
        assertEquals("InProgress", pollUpload(opId).get("status"));
        assertEquals("InProgress", pollUpload(opId).get("status"), "polls do not advance a time-based outcome");
        String status = "InProgress";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while ("InProgress".equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            status = (String) pollUpload(opId).get("status");
        }
        assertEquals("Succeeded", status);
        assertFalse(Instant.now().isBefore(op.terminalAt()));
        assertTrue(sim.operations().get(0).terminal());
    }

    // ------------------------------------------------------------------ publish

    @Test
    void publishRecordsNotesExactlyAndAnswers202WithEmptyBody() throws Exception {
        String notes = "Release notes: fixes ünïcødé ✓\nline two\n";
        HttpResponse<String> r = send(v11(publishPath(PID)).header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(notes, StandardCharsets.UTF_8)));
        assertEquals(202, r.statusCode());
        assertEquals("0", r.headers().firstValue("Content-Length").orElse(null));
        assertEquals("", r.body());
        String opId = r.headers().firstValue("Location").orElseThrow();
        assertTrue(opId.matches("[0-9a-f-]{36}"), opId);

        RecordedRequest rec = sim.requests(Route.PUBLISH).get(0);
        assertEquals(notes, rec.bodyText());
        assertEquals(notes.getBytes(StandardCharsets.UTF_8).length, rec.bodySize());
        assertEquals("text/plain; charset=UTF-8", rec.header("Content-Type"));

        assertEquals("InProgress", pollPublish(opId).get("status"));
        Map<String, Object> done = pollPublish(opId);
        assertEquals("Succeeded", done.get("status"));
        assertTrue(((String) done.get("message")).matches(
                "Successfully created submission with ID [0-9]{19}"), (String) done.get("message"));
        assertEquals(Operation.Kind.PUBLISH, sim.operations().get(0).kind());
    }

    @Test
    void operationIdsAreScopedToTheirKind() throws Exception {
        String uploadOp = upload(smallZip());
        assertEquals(404, send(v11(publishStatusPath(PID, uploadOp)).GET()).statusCode());
        String publishOp = publish("n");
        assertEquals(404, send(v11(uploadStatusPath(PID, publishOp)).GET()).statusCode());
        assertEquals(404, send(v11(uploadStatusPath(PID, UUID.randomUUID().toString())).GET()).statusCode());
    }

    // ------------------------------------------------------------------ Location shapes

    @ParameterizedTest
    @EnumSource(LocationShape.class)
    void locationHeaderHasTheConfiguredShape(LocationShape shape) throws Exception {
        sim.config().locationShape(shape);
        HttpResponse<String> up = send(zipPost(v11(uploadPath(PID)), smallZip()));
        HttpResponse<String> pub = send(v11(publishPath(PID)).POST(HttpRequest.BodyPublishers.ofString("notes")));
        String upLoc = up.headers().firstValue("Location").orElseThrow();
        String pubLoc = pub.headers().firstValue("Location").orElseThrow();
        String upId = sim.operations().get(0).id();
        String pubId = sim.operations().get(1).id();
        String upPath = "/products/" + PID + "/submissions/draft/package/operations/" + upId;
        String pubPath = "/products/" + PID + "/submissions/operations/" + pubId;
        switch (shape) {
            case BARE_ID:
                assertEquals(upId, upLoc);
                assertEquals(pubId, pubLoc);
                break;
            case PATH:
                assertEquals("/v1" + upPath, upLoc);
                assertEquals("/v1" + pubPath, pubLoc);
                break;
            case PATH_WITHOUT_V1:
                assertEquals(upPath, upLoc);
                assertEquals(pubPath, pubLoc);
                break;
            case ABSOLUTE_URL:
                assertEquals(sim.baseUrl() + "/v1" + upPath, upLoc);
                assertEquals(sim.baseUrl() + "/v1" + pubPath, pubLoc);
                // an absolute location can be followed as is
                assertEquals(200, send(HttpRequest.newBuilder(URI.create(upLoc))
                        .header("Authorization", "ApiKey " + EdgeApiSimulator.API_KEY)
                        .header("X-ClientID", EdgeApiSimulator.CLIENT_ID).GET()).statusCode());
                break;
            default:
                throw new AssertionError(shape);
        }
        assertEquals(upId, pollUpload(lastSegment(upLoc)).get("id"));
        assertEquals(pubId, pollPublish(lastSegment(pubLoc)).get("id"));
    }

    // ------------------------------------------------------------------ vocabularies and outcomes

    @Test
    void legacyVocabularyForUpload() throws Exception {
        sim.config().vocabulary(Vocabulary.LEGACY_2021);
        String ok = upload(smallZip());
        assertEquals("IN-PROGRESS", pollUpload(ok).get("status"));
        assertEquals("SUCCESS", pollUpload(ok).get("status"));
        assertEquals("SUCCESS", sim.operations().get(0).status());

        sim.config().uploadOutcome(Outcome.failed(null, "The manifest file is missing").afterPolls(0));
        Map<String, Object> failed = pollUpload(upload(smallZip()));
        assertEquals("FAILED", failed.get("status"));
        List<?> errors = (List<?>) failed.get("errors");
        assertEquals(1, errors.size());
        Map<?, ?> e = (Map<?, ?>) errors.get(0);
        assertEquals("MANIFEST_FILE_MISSING", e.get("id"));
        assertEquals("The manifest file is missing", e.get("message"));
    }

    /** The live store: publishing a draft that holds the package already published answers NoModulesUpdated. */
    @Test
    void anUnchangedPackageIsNothingNewWhenSoConfigured() throws Exception {
        sim.config().unchangedIsNothingNew(true);
        byte[] first = smallZip();
        byte[] second = "PK\u0003\u0004 another zip".getBytes(StandardCharsets.ISO_8859_1);
        String[] expected = {"Succeeded", "Failed", "Succeeded"};
        byte[][] zips = {first, first, second};
        for (int i = 0; i < zips.length; i++) {
            upload(zips[i]);
            String op = publish("n");
            Map<String, Object> status = pollPublish(op);
            while ("InProgress".equals(status.get("status"))) {
                status = pollPublish(op);
            }
            assertEquals(expected[i], status.get("status"), "publish " + (i + 1) + ": " + status);
            if (i == 1) {
                assertEquals("NoModulesUpdated", status.get("errorCode"));
            }
        }
    }

    @Test
    void legacyVocabularyForPublish() throws Exception {
        sim.config().vocabulary(Vocabulary.LEGACY_2021);
        String ok = publish("n");
        assertEquals("IN-PROGRESS", pollPublish(ok).get("status"));
        assertEquals("IN-REVIEW", pollPublish(ok).get("status"));

        String[][] cases = {
            {"NoModulesUpdated", "NOTHING-TO-PUBLISH"},
            {"InProgressSubmission", "CONFLICT"},
            {"CreateNotAllowed", "FAILED"},
        };
        for (String[] c : cases) {
            sim.config().publishOutcome(Outcome.failed(c[0], "m").afterPolls(0));
            assertEquals(c[1], pollPublish(publish("n")).get("status"), c[0]);
        }
        sim.config().publishOutcome(Outcome.genericFailure().afterPolls(0));
        assertEquals("FAILED", pollPublish(publish("n")).get("status"));
    }

    @Test
    void vocabularyChangeAppliesToOperationsCreatedLater() throws Exception {
        String modern = upload(smallZip());
        sim.config().vocabulary(Vocabulary.LEGACY_2021);
        String legacy = upload(smallZip());
        assertEquals("InProgress", pollUpload(modern).get("status"));
        assertEquals("IN-PROGRESS", pollUpload(legacy).get("status"));
    }

    @Test
    void failedOutcomeWithErrorsAsStrings() throws Exception {
        sim.config().publishOutcome(Outcome.failed("SubmissionValidationError", "Validation failed",
                "The version must be higher", "Icon missing"));
        String opId = publish("n");
        assertEquals("InProgress", pollPublish(opId).get("status"));
        Map<String, Object> s = pollPublish(opId);
        assertEquals("Failed", s.get("status"));
        assertEquals("SubmissionValidationError", s.get("errorCode"));
        assertEquals("Validation failed", s.get("message"));
        assertEquals(List.of("The version must be higher", "Icon missing"), s.get("errors"));
        Operation op = sim.operations().get(0);
        assertFalse(op.succeeded());
        assertEquals("SubmissionValidationError", op.errorCode());
        assertEquals("Failed", op.status());
    }

    @Test
    void failedOutcomeWithErrorObjects() throws Exception {
        sim.config().publishOutcome(Outcome.failedWithErrorObjects("ModuleStateUnPublishable", "Cannot publish",
                "Invalid module : Packages").afterPolls(0));
        Map<String, Object> s = pollPublish(publish("n"));
        assertEquals("Failed", s.get("status"));
        List<?> errors = (List<?>) s.get("errors");
        assertEquals(1, errors.size());
        assertEquals(Map.of("message", "Invalid module : Packages"), errors.get(0));
    }

    @Test
    void genericFailureHasNullCodeAndNullErrors() throws Exception {
        sim.config().uploadOutcome(Outcome.genericFailure().afterPolls(0));
        Map<String, Object> s = pollUpload(upload(smallZip()));
        assertEquals("Failed", s.get("status"));
        assertEquals("An error occurred while performing the operation", s.get("message"));
        assertTrue(s.containsKey("errorCode"));
        assertNull(s.get("errorCode"));
        assertTrue(s.containsKey("errors"));
        assertNull(s.get("errors"));
    }

    @Test
    void idAndMessageOnlyFailureBody() throws Exception {
        String msg = "Something went wrong, contact support Correlation ID: abc Timestamp: now";
        sim.config().publishOutcome(Outcome.failedIdAndMessageOnly(msg).afterPolls(1));
        String opId = publish("n");
        assertEquals("InProgress", pollPublish(opId).get("status"));
        Map<String, Object> s = pollPublish(opId);
        assertEquals(new LinkedHashSet<>(List.of("id", "message")), s.keySet());
        assertEquals(opId, s.get("id"));
        assertEquals(msg, s.get("message"));
        assertTrue(sim.operations().get(0).terminal());
        assertFalse(sim.operations().get(0).succeeded());
    }

    @Test
    void nullTimesAndNullMessage() throws Exception {
        sim.config().uploadOutcome(Outcome.succeeded().message(null).nullTimes().afterPolls(0));
        Map<String, Object> s = pollUpload(upload(smallZip()));
        assertEquals("Succeeded", s.get("status"));
        for (String k : List.of("message", "createdTime", "lastUpdatedTime")) {
            assertTrue(s.containsKey(k), k);
            assertNull(s.get(k), k);
        }
    }

    // ------------------------------------------------------------------ faults

    @Test
    void fault429WithRetryAfterIsOneShot() throws Exception {
        String opId = upload(smallZip());
        sim.config().fault(Route.UPLOAD_STATUS, Fault.status(429, "7"));
        HttpResponse<String> r = send(v11(uploadStatusPath(PID, opId)).GET());
        assertEquals(429, r.statusCode());
        assertEquals("7", r.headers().firstValue("Retry-After").orElse(null));
        assertEquals("", r.body());
        assertEquals(429, last().status());
        assertEquals(0, sim.config().pendingFaults(Route.UPLOAD_STATUS));
        assertEquals("InProgress", pollUpload(opId).get("status"), "the faulted GET did not count as a poll");
        assertEquals("Succeeded", pollUpload(opId).get("status"));
    }

    @Test
    void fault502WithHtmlBodyCreatesNoOperation() throws Exception {
        String html = "<html><head><title>502 Bad Gateway</title></head><body>502 Bad Gateway</body></html>";
        sim.config().fault(Route.PUBLISH, Fault.status(502).body("text/html", html));
        HttpResponse<String> r = send(v11(publishPath(PID)).POST(HttpRequest.BodyPublishers.ofString("notes")));
        assertEquals(502, r.statusCode());
        assertEquals("text/html", r.headers().firstValue("Content-Type").orElse(null));
        assertEquals(html, r.body());
        assertTrue(sim.operations().isEmpty());
        assertEquals(1, sim.requests(Route.PUBLISH).size(), "the faulted request is still recorded");
        assertEquals("notes", sim.requests(Route.PUBLISH).get(0).bodyText());
        publish("again");
        assertEquals(1, sim.operations().size());
    }

    @Test
    void throttleStreakLastsItsTimeFromTheFirstRequestWithoutRetryAfter() throws Exception {
        MutableClock clock = new MutableClock();
        sim.clock(clock);
        String opId = upload(smallZip());
        sim.config().throttleFor(Route.UPLOAD_STATUS, Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(100)); // the streak starts at its first request, not when set up
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = send(v11(uploadStatusPath(PID, opId)).GET());
            assertEquals(429, r.statusCode());
            assertFalse(r.headers().firstValue("Retry-After").isPresent());
            assertEquals("", r.body());
            clock.advance(Duration.ofSeconds(9));
        }
        assertEquals("InProgress", pollUpload(opId).get("status"), "27 s after its start the streak is over");
        assertFalse(sim.config().streakPending(Route.UPLOAD_STATUS));
        assertEquals(0, sim.requests(Route.PUBLISH).size());
    }

    @Test
    void livePagesAndHeaders() throws Exception {
        String opId = upload(smallZip());
        sim.config().fault(Route.UPLOAD_STATUS, Fault.html404())
                .fault(Route.UPLOAD_STATUS, Fault.htmlPage200())
                .fault(Route.UPLOAD_STATUS, Fault.serverError500())
                .fault(Route.UPLOAD_STATUS, Fault.badGateway502())
                .fault(Route.UPLOAD_STATUS, Fault.oversizedBody(2 * 1024 * 1024));

        HttpResponse<String> notFound = send(v11(uploadStatusPath(PID, opId)).GET());
        assertEquals(404, notFound.statusCode());
        assertEquals("text/html", notFound.headers().firstValue("Content-Type").orElse(null));
        assertTrue(notFound.body().contains("<title>404 Web Site not found</title>"), notFound.body());

        HttpResponse<String> page = send(v11(uploadStatusPath(PID, opId)).GET());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().startsWith("<!DOCTYPE html>"), page.body());

        HttpResponse<String> error = send(v11(uploadStatusPath(PID, opId)).GET());
        assertEquals(500, error.statusCode());
        assertEquals("0", error.headers().firstValue("Content-Length").orElse(null));
        assertTrue(error.headers().firstValue("x-ms-middleware-request-id").isPresent());
        assertTrue(error.headers().firstValue("Request-Context").orElse("").startsWith("appId="));

        HttpResponse<String> gateway = send(v11(uploadStatusPath(PID, opId)).GET());
        assertEquals(502, gateway.statusCode());
        int size = gateway.body().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(size > 1300 && size < 1800, "about 1.5 KB: " + size);
        assertTrue(gateway.body().contains("<title>502 - Web server received an invalid response"), gateway.body());

        HttpResponse<String> big = send(v11(uploadStatusPath(PID, opId)).GET());
        assertEquals(200, big.statusCode());
        assertEquals(2 * 1024 * 1024, big.body().length());
        assertTrue(big.body().startsWith("{\"id\":"));

        assertEquals("InProgress", pollUpload(opId).get("status"), "no faulted GET counted as a poll");
    }

    @Test
    void operationOfAGivenLengthFollowsTheSimulatorClock() throws Exception {
        MutableClock clock = new MutableClock();
        sim.clock(clock);
        sim.config().uploadOutcome(Outcome.succeeded().after(Duration.ofMinutes(10)));
        String opId = upload(smallZip());
        clock.advance(Duration.ofSeconds(599));
        assertEquals("InProgress", pollUpload(opId).get("status"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals("Succeeded", pollUpload(opId).get("status"));
        Operation op = sim.operations().get(0);
        assertEquals(Duration.ofMinutes(10), Duration.between(op.created(), op.terminalAt()));
        assertEquals(op.terminalAt(), sim.requests(Route.UPLOAD_STATUS).get(1).receivedAt());
    }

    @Test
    void completeEndsAPendingOperation() throws Exception {
        sim.config().publishOutcome(Outcome.succeeded().afterPolls(1_000_000));
        String opId = publish("notes");
        assertEquals("InProgress", SimJson.parseObject(send(v11(publishStatusPath(PID, opId)).GET()).body())
                .get("status"));
        sim.complete(opId);
        assertEquals("Succeeded", SimJson.parseObject(send(v11(publishStatusPath(PID, opId)).GET()).body())
                .get("status"));
        assertThrows(IllegalArgumentException.class, () -> sim.complete(UUID.randomUUID().toString()));
    }

    /** A clock that moves only when told to. */
    static final class MutableClock extends java.time.Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void faultIsAppliedBeforeAuth() throws Exception {
        sim.config().fault(Route.UPLOAD, Fault.status(503));
        HttpResponse<String> r = send(zipPost(req(uploadPath(PID)), smallZip()));
        assertEquals(503, r.statusCode());
        assertFalse(last().authValid());
    }

    @Test
    void closedConnectionGivesTheClientAnIOException() throws Exception {
        sim.config().fault(Route.UPLOAD, Fault.closeConnection());
        HttpClient fresh = newClient();
        byte[] zip = new byte[200_000];
        new Random(1).nextBytes(zip);
        assertThrows(IOException.class, () -> fresh.send(zipPost(v11(uploadPath(PID)), zip).build(),
                HttpResponse.BodyHandlers.ofString()));
        RecordedRequest rec = sim.requests(Route.UPLOAD).get(0);
        assertEquals(-1, rec.status());
        assertEquals(zip.length, rec.bodySize(), "the request was read before closing");
        assertTrue(sim.operations().isEmpty());
        assertEquals(202, fresh.send(zipPost(v11(uploadPath(PID)), zip).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void delayFaultAnswersNormallyButLate() throws Exception {
        String opId = upload(smallZip());
        sim.config().fault(Route.UPLOAD_STATUS, Fault.delay(Duration.ofMillis(250)));
        long t0 = System.nanoTime();
        Map<String, Object> s = pollUpload(opId);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms >= 250, "answered after " + ms + " ms");
        assertEquals("InProgress", s.get("status"), "a delayed GET is a normal poll");
        assertEquals("Succeeded", pollUpload(opId).get("status"));
    }

    @Test
    void bodyFaultsApplyInOrderOnePerRequest() throws Exception {
        String opId = upload(smallZip());
        sim.config().fault(Route.UPLOAD_STATUS, Fault.malformedBody())
                .fault(Route.UPLOAD_STATUS, Fault.emptyBody())
                .fault(Route.UPLOAD_STATUS, Fault.noStatusField())
                .fault(Route.UPLOAD_STATUS, Fault.unknownStatus("Cancelled"));
        assertEquals(4, sim.config().pendingFaults(Route.UPLOAD_STATUS));

        HttpResponse<String> malformed = send(v11(uploadStatusPath(PID, opId)).GET());
        assertEquals(200, malformed.statusCode());
        assertEquals("{\"status\": ", malformed.body());
        assertThrows(IllegalArgumentException.class, () -> SimJson.parse(malformed.body()));

        HttpResponse<String> empty = send(v11(uploadStatusPath(PID, opId)).GET());
        assertEquals(200, empty.statusCode());
        assertEquals("", empty.body());

        HttpResponse<String> noStatus = send(v11(uploadStatusPath(PID, opId)).GET());
        assertEquals(200, noStatus.statusCode());
        assertEquals(Map.of("id", opId), SimJson.parseObject(noStatus.body()));

        Map<String, Object> unknown = pollUpload(opId);
        assertEquals("Cancelled", unknown.get("status"));
        assertEquals(opId, unknown.get("id"));

        assertEquals("InProgress", pollUpload(opId).get("status"), "faulted GETs are not polls");
        assertEquals("Succeeded", pollUpload(opId).get("status"));
        assertEquals(6, sim.requests(Route.UPLOAD_STATUS).size());
    }

    @Test
    void failAlwaysIsStickyUntilClearFaults() throws Exception {
        sim.config().failAlways(Route.PRODUCTS, 503);
        for (int i = 0; i < 3; i++) {
            assertEquals(503, send(v11("/v1/products").GET()).statusCode());
        }
        sim.config().clearFaults();
        assertEquals(200, send(v11("/v1/products").GET()).statusCode());
    }

    // ------------------------------------------------------------------ masking

    @Test
    void secretsNeverAppearInRecords() throws Exception {
        upload(smallZip());
        String tok = (String) SimJson.parseObject(token(EdgeApiSimulator.CLIENT_ID, EdgeApiSimulator.CLIENT_SECRET,
                "client_credentials").body()).get("access_token");
        send(req("/v1/products").header("Authorization", "Bearer " + tok).GET());
        send(req("/v1/products").header("Authorization", "ApiKey " + EdgeApiSimulator.API_KEY)
                .header("X-ClientID", EdgeApiSimulator.CLIENT_ID).GET());
        // a careless client echoing the secrets in a header and the notes
        send(v11(publishPath(PID)).header("X-Debug", "key=" + EdgeApiSimulator.API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("notes " + EdgeApiSimulator.CLIENT_SECRET)));
        token(EdgeApiSimulator.CLIENT_ID, "wrong-secret-value", "client_credentials");

        List<RecordedRequest> all = sim.requests();
        assertEquals(6, all.size());
        Set<String> secrets = new HashSet<>(List.of(EdgeApiSimulator.API_KEY, EdgeApiSimulator.CLIENT_SECRET, tok,
                "wrong-secret-value", URLEncoder.encode(EdgeApiSimulator.CLIENT_SECRET, StandardCharsets.UTF_8)));
        for (RecordedRequest r : all) {
            StringBuilder everything = new StringBuilder(r.toString());
            for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
                everything.append('\n').append(h.getKey()).append(": ").append(h.getValue());
            }
            everything.append('\n').append(r.bodyText());
            for (String s : secrets) {
                assertFalse(everything.toString().contains(s), "secret leaked in " + r + ":\n" + everything);
            }
        }
        assertEquals("ApiKey ***", all.get(0).header("authorization"));
        assertEquals(EdgeApiSimulator.CLIENT_ID, all.get(0).header("X-ClientID"));
        assertEquals("Bearer ***", all.get(2).header("Authorization"));
        String tokenForm = all.get(1).bodyText();
        assertTrue(tokenForm.contains("client_secret=***"), tokenForm);
        assertTrue(tokenForm.contains("client_id=sim-client-id"), tokenForm);
        assertTrue(tokenForm.contains("grant_type=client_credentials"), tokenForm);
        assertTrue(all.get(1).authValid());
        assertFalse(all.get(5).authValid());
        assertEquals("notes ***", all.get(4).bodyText());
    }

    // ------------------------------------------------------------------ product ids and routing

    @Test
    void allZeroGuidAnswers404WithGoodAuthAnd401WithBad() throws Exception {
        String path = uploadStatusPath(ZERO, UUID.randomUUID().toString());
        assertEquals(404, send(v11(path).GET()).statusCode());
        HttpResponse<String> bad = send(req(path).header("Authorization", "ApiKey expired-key")
                .header("X-ClientID", EdgeApiSimulator.CLIENT_ID).GET());
        assertEquals(401, bad.statusCode());
        assertEquals("", bad.body());
        assertEquals(404, send(v11(publishStatusPath(ZERO, UUID.randomUUID().toString())).GET()).statusCode());
        assertTrue(sim.operations().isEmpty());
    }

    @Test
    void productIdsThatAreNotGuidsOrUnknownAnswer404() throws Exception {
        assertEquals(404, send(zipPost(v11(uploadPath("9NBLGGH4R2ZB")), smallZip())).statusCode());
        assertEquals(Route.UPLOAD, last().route());
        assertEquals(404, send(zipPost(v11(uploadPath(UUID.randomUUID().toString())), smallZip())).statusCode());
        // product ids are compared case-insensitively
        assertEquals(202, send(zipPost(v11(uploadPath(PID.toUpperCase())), smallZip())).statusCode());

        String other = UUID.randomUUID().toString();
        sim.config().products(PID, other);
        assertEquals(202, send(zipPost(v11(uploadPath(other)), smallZip())).statusCode());
    }

    @Test
    void unknownPathsAnswer404AndControlEndpointsAreOffByDefault() throws Exception {
        assertEquals(404, send(v11("/v1/nothing/here").GET()).statusCode());
        assertEquals(Route.UNKNOWN, last().route());
        assertEquals(404, send(req("/_sim/requests").GET()).statusCode());
        assertEquals(Route.UNKNOWN, last().route());
    }

    @Test
    void productsListsTheKnownProducts() throws Exception {
        String other = UUID.randomUUID().toString();
        sim.config().products(PID, other);
        HttpResponse<String> r = send(v11("/v1/products").GET());
        assertEquals(200, r.statusCode());
        List<Object> list = SimJson.parseArray(r.body());
        assertEquals(2, list.size());
        Map<?, ?> first = (Map<?, ?>) list.get(0);
        assertEquals(PID, first.get("id"));
        assertEquals(Set.of("id", "name", "status", "lastUpdatedDate"), first.keySet());
        assertEquals(other, ((Map<?, ?>) list.get(1)).get("id"));
        assertEquals(401, send(req("/v1/products").GET()).statusCode());
    }

    @Test
    void recordsCarryRouteMethodPathQueryAndTime() throws Exception {
        Instant t0 = Instant.now();
        send(v11("/v1/products?page=2").GET());
        RecordedRequest r = last();
        assertEquals(Route.PRODUCTS, r.route());
        assertEquals("GET", r.method());
        assertEquals("/v1/products", r.path());
        assertEquals("page=2", r.query());
        assertEquals(200, r.status());
        assertEquals(0, r.bodySize());
        assertEquals(sha256(new byte[0]), r.bodySha256());
        assertFalse(r.receivedAt().isBefore(t0.minusMillis(1)));
        assertThrows(UnsupportedOperationException.class, () -> r.headers().put("x", List.of()));
    }

    @Test
    void resetClearsStateButKeepsSettings() throws Exception {
        sim.config().vocabulary(Vocabulary.LEGACY_2021).fault(Route.PRODUCTS, Fault.status(500));
        String tok = (String) SimJson.parseObject(token(EdgeApiSimulator.CLIENT_ID, EdgeApiSimulator.CLIENT_SECRET,
                "client_credentials").body()).get("access_token");
        upload(smallZip());
        sim.reset();
        assertTrue(sim.requests().isEmpty());
        assertTrue(sim.operations().isEmpty());
        assertTrue(sim.tokenScopes().isEmpty());
        assertEquals(0, sim.config().pendingFaults(Route.PRODUCTS));
        assertEquals(401, send(req("/v1/products").header("Authorization", "Bearer " + tok).GET()).statusCode());
        assertEquals("IN-PROGRESS", pollUpload(upload(smallZip())).get("status"));
    }

    // ------------------------------------------------------------------ concurrency

    @Test
    void concurrentClientsAreServed() throws Exception {
        sim.config().uploadOutcome(Outcome.succeeded().afterPolls(0));
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            byte[] b = new byte[300_000 + i];
            new Random(i).nextBytes(b);
            bodies.add(b);
            HttpClient c = i % 2 == 0 ? http : newClient();
            futures.add(c.sendAsync(zipPost(v11(uploadPath(PID)), b).build(), HttpResponse.BodyHandlers.ofString()));
        }
        Set<String> ids = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> f : futures) {
            HttpResponse<String> r = f.get(30, TimeUnit.SECONDS);
            assertEquals(202, r.statusCode());
            ids.add(r.headers().firstValue("Location").orElseThrow());
        }
        assertEquals(12, ids.size());
        Set<String> expectedShas = new HashSet<>();
        for (byte[] b : bodies) {
            expectedShas.add(sha256(b));
        }
        Set<String> recordedShas = new HashSet<>();
        for (RecordedRequest r : sim.requests(Route.UPLOAD)) {
            recordedShas.add(r.bodySha256());
        }
        assertEquals(expectedShas, recordedShas);
        for (String id : ids) {
            assertEquals("Succeeded", pollUpload(id).get("status"));
        }
    }
}
