package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.Hints;

import io.github.edgeaddons.core.Failure;
import io.github.edgeaddons.core.OperationKind;
import io.github.edgeaddons.core.OperationState;
import io.github.edgeaddons.core.OperationStatus;
import io.github.edgeaddons.core.PollPolicy;
import io.github.edgeaddons.core.RetryPolicy;
import io.github.edgeaddons.core.StoreException;

import static io.github.edgeaddons.edge.ClientTestSupport.apiKeySettings;
import static io.github.edgeaddons.edge.ClientTestSupport.deadline;
import static io.github.edgeaddons.edge.ClientTestSupport.oauthSettings;
import static io.github.edgeaddons.edge.ClientTestSupport.randomFile;
import static io.github.edgeaddons.edge.ClientTestSupport.seconds;
import static io.github.edgeaddons.edge.ClientTestSupport.sha256;
import static io.github.edgeaddons.edge.ClientTestSupport.statuses;
import static io.github.edgeaddons.edge.ClientTestSupport.assertHint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.edge.ClientTestSupport.RecordingReporter;
import io.github.edgeaddons.edge.ClientTestSupport.RecordingSleeper;
import io.github.edgeaddons.sim.EdgeApiSimulator;
import io.github.edgeaddons.sim.Fault;
import io.github.edgeaddons.sim.Outcome;
import io.github.edgeaddons.sim.RecordedRequest;
import io.github.edgeaddons.sim.Route;
import io.github.edgeaddons.sim.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one retry policy ({@link RetryPolicy}) against faults injected by the simulator: what is repeated, how long it
 * waits, where it stops, and what the server saw.
 */
class ResilienceTest {
    private static final String SOME_OP = "0f3c6a4e-1111-2222-3333-444455556666";

    @Simulator
    private static EdgeApiSimulator sim;

    @TempDir
    Path tmp;

    private RecordingReporter reporter;
    private RecordingSleeper sleeper;

    @BeforeEach
    void setUp() {
        reporter = new RecordingReporter();
        sleeper = new RecordingSleeper(Duration.ofMillis(20));
    }

    private ClientSettings.Builder settings() {
        return apiKeySettings(sim).reporter(reporter).sleeper(sleeper);
    }

    private EdgeAddonsClient client() {
        return new EdgeAddonsClient(settings().build());
    }

    /** Starts an upload whose status GETs answer terminal at once; returns its id. */
    private String startedUpload(EdgeAddonsClient client) throws Exception {
        sim.config().uploadOutcome(Outcome.succeeded().afterPolls(0));
        Path zip = randomFile(tmp, "ext.zip", 1000);
        return client.startUpload(zip, Files.size(zip), seconds(10));
    }

    // ---- Retry-After --------------------------------------------------------------------------------------

    @Test
    void a429WithRetryAfterSecondsIsWaitedOutThenRetried() throws Exception {
        OperationStatus s;
        try (EdgeAddonsClient client = client()) {
            String op = startedUpload(client);
            sim.config().fault(Route.UPLOAD_STATUS, Fault.status(429, "1"));
            s = client.status(OperationKind.UPLOAD, op, seconds(30));
        }
        assertEquals(OperationState.SUCCEEDED, s.state());
        assertEquals(Arrays.asList(429, 200), statuses(sim, Route.UPLOAD_STATUS));
        assertEquals(1, sleeper.waits.size(), sleeper.waits.toString());
        assertTrue(sleeper.waits.get(0).compareTo(Duration.ofSeconds(1)) >= 0, "Retry-After honoured: " + sleeper.waits);
        assertTrue(sleeper.waits.get(0).compareTo(Duration.ofSeconds(2)) < 0, sleeper.waits.toString());
        assertTrue(reporter.warnings.stream().anyMatch(w -> w.contains("429") && w.contains("Retry-After")),
                reporter.warnings.toString());
    }

    @Test
    void aRetryAfterHttpDateIsHonoured() throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(5));
        OperationStatus s;
        try (EdgeAddonsClient client = client()) {
            String op = startedUpload(client);
            sim.config().fault(Route.UPLOAD_STATUS, Fault.status(503, date));
            s = client.status(OperationKind.UPLOAD, op, seconds(30));
        }
        assertEquals(OperationState.SUCCEEDED, s.state());
        assertEquals(Arrays.asList(503, 200), statuses(sim, Route.UPLOAD_STATUS));
        Duration wait = sleeper.waits.get(0);
        assertTrue(wait.compareTo(Duration.ofSeconds(3)) >= 0 && wait.compareTo(Duration.ofSeconds(5)) <= 0,
                "waited until the date: " + wait);
    }

    @Test
    void aRetryAfterBeyondTheDeadlineIsNotWaitedFor() throws Exception {
        long started = System.nanoTime();
        StoreException e;
        try (EdgeAddonsClient client = client()) {
            String op = startedUpload(client);
            sim.config().fault(Route.UPLOAD_STATUS, Fault.status(429, "120"));
            e = assertThrows(StoreException.class,
                    () -> client.status(OperationKind.UPLOAD, op, seconds(5)));
        }
        assertEquals(429, e.httpStatus());
        assertEquals(1, sim.requests(Route.UPLOAD_STATUS).size());
        assertTrue(sleeper.waits.isEmpty(), "no wait past the deadline: " + sleeper.waits);
        assertTrue((System.nanoTime() - started) / 1_000_000 < 3000);
        assertEquals(Failure.Request.UPLOAD_STATUS, e.failure().request());
        assertHint(e, EdgeHints.forHttpError(settings().build(), e.failure(), null));
    }

    // ---- what is repeated -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "HTTP {0} on a status GET")
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void transientAnswersToAStatusGetAreRetried(int code) throws Exception {
        OperationStatus s;
        try (EdgeAddonsClient client = client()) {
            String op = startedUpload(client);
            sim.config().fault(Route.UPLOAD_STATUS, Fault.status(code));
            s = client.status(OperationKind.UPLOAD, op, seconds(10));
        }
        assertEquals(OperationState.SUCCEEDED, s.state());
        assertEquals(Arrays.asList(code, 200), statuses(sim, Route.UPLOAD_STATUS));
        assertEquals(1, sleeper.waits.size());
    }

    @ParameterizedTest(name = "HTTP {0} on a status GET")
    @ValueSource(ints = {400, 403, 404, 405, 409, 413})
    void otherClientErrorsAreNotRetried(int code) throws Exception {
        sim.config().fault(Route.UPLOAD_STATUS, Fault.status(code));
        StoreException e;
        try (EdgeAddonsClient client = client()) {
            e = assertThrows(StoreException.class, () -> client.status(OperationKind.UPLOAD, SOME_OP, seconds(10)));
        }
        assertEquals(StoreException.Kind.HTTP, e.kind());
        assertEquals(code, e.httpStatus());
        assertEquals(1, sim.requests(Route.UPLOAD_STATUS).size(), "sent once");
        assertTrue(sleeper.waits.isEmpty());
        assertTrue(e.getMessage().contains("HTTP " + code), e.getMessage());
    }

    @Test
    void aStatusGetOnAClosedConnectionIsRetried() throws Exception {
        OperationStatus s;
        try (EdgeAddonsClient client = client()) {
            String op = startedUpload(client);
            sim.config().fault(Route.UPLOAD_STATUS, Fault.closeConnection());
            s = client.status(OperationKind.UPLOAD, op, seconds(10));
        }
        assertEquals(OperationState.SUCCEEDED, s.state());
        assertEquals(Arrays.asList(-1, 200), statuses(sim, Route.UPLOAD_STATUS));
    }

    @Test
    void aStatusGetThatTimesOutIsRetried() throws Exception {
        OperationStatus s;
        try (EdgeAddonsClient client = new EdgeAddonsClient(settings()
                .responseTimeout(Duration.ofMillis(300)).build())) {
            String op = startedUpload(client);
            sim.config().fault(Route.UPLOAD_STATUS, Fault.delay(Duration.ofMillis(1500)));
            s = client.status(OperationKind.UPLOAD, op, seconds(10));
        }
        assertEquals(OperationState.SUCCEEDED, s.state());
        assertEquals(2, sim.requests(Route.UPLOAD_STATUS).size());
    }

    @Test
    void a502HtmlPageIsShownAsOneShortLineWhenRetriesRunOut() throws Exception {
        String html = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1>"
                + "<p>" + new String(new char[2000]).replace('\0', 'x') + "</p></body></html>";
        for (int i = 0; i < ClientTestSupport.FAST_RETRIES.maxAttempts(); i++) {
            sim.config().fault(Route.UPLOAD_STATUS, Fault.status(502).body("text/html", html));
        }
        StoreException e;
        try (EdgeAddonsClient client = client()) {
            e = assertThrows(StoreException.class, () -> client.status(OperationKind.UPLOAD, SOME_OP, seconds(10)));
        }
        assertEquals(502, e.httpStatus());
        assertEquals(4, sim.requests(Route.UPLOAD_STATUS).size());
        String m = e.getMessage();
        assertTrue(m.contains("HTTP 502") && m.contains("after 4 attempts"), m);
        assertTrue(m.contains("502 Bad Gateway"), m);
        assertFalse(m.contains("<"), "no HTML dump: " + m);
        assertFalse(m.contains("xxxxxxxxxx"), m);
        assertTrue(m.length() < 600, m.length() + ": " + m);
    }

    @Test
    void attemptsAreBoundedByMaxAttempts() throws Exception {
        sim.config().failAlways(Route.UPLOAD_STATUS, 503);
        StoreException e;
        try (EdgeAddonsClient client = new EdgeAddonsClient(settings()
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20))).build())) {
            e = assertThrows(StoreException.class, () -> client.status(OperationKind.UPLOAD, SOME_OP, seconds(30)));
        }
        assertEquals(503, e.httpStatus());
        assertEquals(3, sim.requests(Route.UPLOAD_STATUS).size());
        assertEquals(2, sleeper.waits.size());
        assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
    }

    @Test
    void backoffGrowsBetweenAttempts() throws Exception {
        sim.config().failAlways(Route.UPLOAD_STATUS, 500);
        try (EdgeAddonsClient client = new EdgeAddonsClient(settings()
                .retryPolicy(new RetryPolicy(4, Duration.ofMillis(400), Duration.ofSeconds(10))).build())) {
            assertThrows(StoreException.class, () -> client.status(OperationKind.UPLOAD, SOME_OP, seconds(60)));
        }
        List<Duration> w = sleeper.waits;
        assertEquals(3, w.size());
        assertTrue(w.get(0).toMillis() >= 300 && w.get(0).toMillis() <= 500, w.toString());
        assertTrue(w.get(1).toMillis() >= 600 && w.get(1).toMillis() <= 1000, w.toString());
        assertTrue(w.get(2).toMillis() >= 1200 && w.get(2).toMillis() <= 2000, w.toString());
    }

    @Test
    void retriesStopAtTheDeadline() throws Exception {
        sim.config().failAlways(Route.UPLOAD_STATUS, 503);
        RecordingSleeper real = RecordingSleeper.real();
        long started = System.nanoTime();
        StoreException e;
        try (EdgeAddonsClient client = new EdgeAddonsClient(apiKeySettings(sim).reporter(reporter).sleeper(real)
                .retryPolicy(new RetryPolicy(1000, Duration.ofMillis(50), Duration.ofMillis(200))).build())) {
            e = assertThrows(StoreException.class,
                    () -> client.await(OperationKind.UPLOAD, SOME_OP, seconds(1)));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 2500, "took " + millis + " ms");
        int seen = sim.requests(Route.UPLOAD_STATUS).size();
        assertTrue(seen >= 2 && seen <= 15, "bounded: " + seen);
        assertTrue(e.kind() == StoreException.Kind.HTTP || e.kind() == StoreException.Kind.TIMEOUT, e.toString());
        long slept = real.waits.stream().mapToLong(Duration::toMillis).sum();
        assertTrue(slept <= 1000, "waits stayed within the deadline: " + real.waits);
    }

    // ---- the POSTs ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "HTTP {0} on the publish POST")
    @ValueSource(ints = {429, 503})
    void thePublishPostIsRetriedWhenTheStoreSurelyDidNotProcessIt(int code) throws Exception {
        sim.config().fault(Route.PUBLISH, Fault.status(code, "1"));
        String op;
        try (EdgeAddonsClient client = client()) {
            op = client.startPublish("notes", seconds(30));
        }
        assertEquals(Arrays.asList(code, 202), statuses(sim, Route.PUBLISH));
        assertEquals(1, sim.operations().size());
        assertEquals(sim.operations().get(0).id(), op);
        assertTrue(sleeper.waits.get(0).compareTo(Duration.ofSeconds(1)) >= 0, sleeper.waits.toString());
    }

    @ParameterizedTest(name = "HTTP {0} on the publish POST")
    @ValueSource(ints = {500, 502, 504, 408})
    void anAmbiguousPublishAnswerIsNotRepeatedAndTheMessageSaysWhy(int code) throws Exception {
        sim.config().fault(Route.PUBLISH, Fault.status(code));
        StoreException e;
        try (EdgeAddonsClient client = client()) {
            e = assertThrows(StoreException.class, () -> client.startPublish("notes", seconds(10)));
        }
        assertEquals(1, sim.requests(Route.PUBLISH).size(), "exactly one publish request");
        assertEquals(code, e.httpStatus());
        assertMayHaveReachedTheStore(e);
    }

    @Test
    void aPublishOnAClosedConnectionIsNotRepeated() throws Exception {
        sim.config().fault(Route.PUBLISH, Fault.closeConnection());
        StoreException e;
        try (EdgeAddonsClient client = client()) {
            e = assertThrows(StoreException.class, () -> client.startPublish("notes", seconds(10)));
        }
        assertEquals(StoreException.Kind.NETWORK, e.kind());
        assertEquals(1, sim.requests(Route.PUBLISH).size());
        assertMayHaveReachedTheStore(e);
    }

    @Test
    void aPublishWhoseAnswerIsLateIsNotRepeated() throws Exception {
        sim.config().fault(Route.PUBLISH, Fault.delay(Duration.ofMillis(1500)));
        StoreException e;
        try (EdgeAddonsClient client = new EdgeAddonsClient(settings()
                .responseTimeout(Duration.ofMillis(300)).build())) {
            e = assertThrows(StoreException.class, () -> client.startPublish("notes", seconds(10)));
        }
        assertEquals(1, sim.requests(Route.PUBLISH).size());
        assertMayHaveReachedTheStore(e);
    }

    private void assertMayHaveReachedTheStore(StoreException e) {
        assertEquals(Failure.Request.PUBLISH, e.failure().request());
        assertTrue(e.failure().mayHaveReachedStore(), e.failure().toString());
        assertHint(e, Hints.publishMayHaveReachedTheStore(settings().build()));
        // never the 5xx advice that invites a blind repeat
        assertFalse(e.getMessage().contains(EdgeHints.forHttpError(settings().build(),
                Failure.of(StoreException.Kind.HTTP, Failure.Request.PUBLISH).answer(500, false), null)),
                e.getMessage());
    }

    @Test
    void aPublishWhoseConnectionIsRefusedIsRetriedUpToMaxAttempts() throws Exception {
        // the connection is refused: the request surely never reached the store
        String downUrl;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            downUrl = "http://127.0.0.1:" + s.getLocalPort(); // closed once the block ends: nothing listens
        }
        StoreException e;
        try (EdgeAddonsClient client = new EdgeAddonsClient(settings()
                .apiBaseUrl(java.net.URI.create(downUrl)).build())) {
            e = assertThrows(StoreException.class, () -> client.startPublish("n", seconds(10)));
        }
        assertEquals(StoreException.Kind.NETWORK, e.kind());
        assertEquals(3, sleeper.waits.size(), "refused connections are retried even for publish");
        assertTrue(e.getMessage().contains("4 attempts"), e.getMessage());
        assertFalse(e.failure().mayHaveReachedStore(), e.failure().toString());
        assertHint(e, Hints.networkTrouble());
        assertTrue(sim.requests().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"502", "close"})
    void theUploadPostIsRetriedAndResendsTheWholeFile(String fault) throws Exception {
        sim.config().fault(Route.UPLOAD, "close".equals(fault) ? Fault.closeConnection() : Fault.status(502));
        Path zip = randomFile(tmp, "ext.zip", 200_000);
        String op;
        try (EdgeAddonsClient client = client()) {
            op = client.startUpload(zip, Files.size(zip), seconds(10));
        }
        List<RecordedRequest> ups = sim.requests(Route.UPLOAD);
        assertEquals(2, ups.size());
        assertEquals(Arrays.asList("close".equals(fault) ? -1 : 502, 202), statuses(sim, Route.UPLOAD));
        for (RecordedRequest r : ups) {
            assertEquals(Files.size(zip), r.bodySize());
            assertEquals(sha256(zip), r.bodySha256());
        }
        assertEquals(1, sim.operations().size());
        assertEquals(sim.operations().get(0).id(), op);
    }

    @Test
    void aTokenRequestIsRetriedOnA503() throws Exception {
        sim.config().fault(Route.TOKEN, Fault.status(503));
        try (EdgeAddonsClient client = new EdgeAddonsClient(oauthSettings(sim).reporter(reporter).sleeper(sleeper)
                .build())) {
            client.startPublish("n", seconds(10));
        }
        assertEquals(Arrays.asList(503, 200), statuses(sim, Route.TOKEN));
        assertEquals(Arrays.asList(202), statuses(sim, Route.PUBLISH));
    }

    // ---- timeouts -------------------------------------------------------------------------------------------

    @Test
    void aSilentServerCannotHoldAStatusGetPastTheDeadline() throws Exception {
        StoreException e;
        long started;
        try (EdgeAddonsClient client = client()) {
            String op = startedUpload(client);
            sim.config().fault(Route.UPLOAD_STATUS, Fault.delay(Duration.ofSeconds(4)));
            started = System.nanoTime();
            e = assertThrows(StoreException.class,
                    () -> client.status(OperationKind.UPLOAD, op, deadline(Duration.ofSeconds(1))));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(StoreException.Kind.TIMEOUT, e.kind());
        assertTrue(millis >= 900 && millis < 2000, "ended about the deadline: " + millis + " ms");
        assertEquals(Failure.Request.UPLOAD_STATUS, e.failure().request());
        assertTrue(e.getMessage().contains("edge.timeout"), "names the setting: " + e.getMessage());
        assertEquals(1, sim.requests(Route.UPLOAD_STATUS).size());
    }

    @Test
    void anAwaitWhoseStatusRequestHangsPastTheDeadlineStillNamesTheOperation() throws Exception {
        StoreException e;
        String op;
        long millis;
        try (EdgeAddonsClient client = client()) {
            op = client.startPublish("", seconds(10));
            sim.config().fault(Route.PUBLISH_STATUS, Fault.delay(Duration.ofSeconds(4)));
            long started = System.nanoTime();
            e = assertThrows(StoreException.class,
                    () -> client.await(OperationKind.PUBLISH, op, deadline(Duration.ofSeconds(1))));
            millis = (System.nanoTime() - started) / 1_000_000;
        }
        assertEquals(StoreException.Kind.TIMEOUT, e.kind());
        assertTrue(millis < 2000, millis + " ms");
        assertEquals(op, e.operationId());
        assertTrue(e.getMessage().contains("publish operation " + op), e.getMessage());
        assertEquals(1, sim.requests(Route.PUBLISH_STATUS).size());
    }

    @Test
    void anOperationThatNeverEndsTimesOutNamingItsIdAndHowToResume() throws Exception {
        sim.config().publishOutcome(Outcome.succeeded().afterPolls(1_000_000));
        RecordingSleeper real = RecordingSleeper.real();
        StoreException e;
        String op;
        long millis;
        try (EdgeAddonsClient client = new EdgeAddonsClient(apiKeySettings(sim).reporter(reporter).sleeper(real)
                .pollPolicy(PollPolicy.fixed(Duration.ofMillis(100))).build())) {
            op = client.startPublish("", seconds(10));
            long started = System.nanoTime();
            e = assertThrows(StoreException.class,
                    () -> client.await(OperationKind.PUBLISH, op, deadline(Duration.ofSeconds(1))));
            millis = (System.nanoTime() - started) / 1_000_000;
        }
        assertEquals(StoreException.Kind.TIMEOUT, e.kind());
        assertEquals(op, e.operationId());
        assertTrue(e.getMessage().contains("publish operation " + op), e.getMessage());
        assertTrue(e.getMessage().contains("may still finish"), e.getMessage());
        assertTrue(millis >= 900 && millis < 2500, millis + " ms");
        int polls = sim.requests(Route.PUBLISH_STATUS).size();
        assertTrue(polls >= 5 && polls <= 15, "polled at the fixed interval: " + polls);
    }
}
