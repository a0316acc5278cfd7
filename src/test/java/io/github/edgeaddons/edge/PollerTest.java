package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.Deadline;
import io.github.edgeaddons.core.OperationState;
import io.github.edgeaddons.core.StoreException;

import io.github.edgeaddons.core.OperationKind;
import io.github.edgeaddons.core.OperationStatus;
import io.github.edgeaddons.core.PollPolicy;
import io.github.edgeaddons.core.RetryPolicy;

import static io.github.edgeaddons.edge.ClientTestSupport.apiKeySettings;
import static io.github.edgeaddons.edge.ClientTestSupport.randomFile;
import static io.github.edgeaddons.edge.ClientTestSupport.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.edge.ClientTestSupport.RecordingReporter;
import io.github.edgeaddons.edge.ClientTestSupport.SimulatedTime;
import io.github.edgeaddons.sim.EdgeApiSimulator;
import io.github.edgeaddons.sim.Fault;
import io.github.edgeaddons.sim.Operation;
import io.github.edgeaddons.sim.Outcome;
import io.github.edgeaddons.sim.RecordedRequest;
import io.github.edgeaddons.sim.Route;
import io.github.edgeaddons.sim.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The poll loop against the simulator, on simulated time shared by both sides (so a ten-minute wait takes
 * no ten minutes): a wait outlasts the store's bad moments and ends only on a definite answer.
 */
class PollerTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    @Simulator
    private static EdgeApiSimulator sim;

    @TempDir
    Path tmp;

    private RecordingReporter reporter;
    private SimulatedTime time;

    @BeforeEach
    void setUp() {
        reporter = new RecordingReporter();
        time = new SimulatedTime();
        sim.clock(time);
    }

    /** The production poll and retry policies, on simulated time. */
    private EdgeAddonsClient client() {
        return new EdgeAddonsClient(apiKeySettings(sim).reporter(reporter).clock(time).sleeper(time)
                .pollPolicy(PollPolicy.adaptive()).retryPolicy(RetryPolicy.DEFAULT)
                .responseTimeout(Duration.ofMillis(500)).build());
    }

    private OperationStatus publishAndAwait(Duration timeout) throws Exception {
        try (EdgeAddonsClient client = client()) {
            String op = client.startPublish("", time.deadline(Duration.ofSeconds(10)));
            return client.await(OperationKind.PUBLISH, op, time.deadline(timeout));
        }
    }

    private static List<Duration> gaps(List<RecordedRequest> requests) {
        return java.util.stream.IntStream.range(1, requests.size())
                .mapToObj(i -> Duration.between(requests.get(i - 1).receivedAt(), requests.get(i).receivedAt()))
                .collect(Collectors.toList());
    }

    // ---- the bad moments do not end a wait ---------------------------------------------------------------

    @Test
    void aTwentySecondStreakOf429WithoutRetryAfterStillEndsSucceededAndSlowsTheWait() throws Exception {
        sim.config().publishOutcome(Outcome.succeeded().after(Duration.ofSeconds(5)))
                .throttleFor(Route.PUBLISH_STATUS, Duration.ofSeconds(20));
        OperationStatus s = publishAndAwait(TIMEOUT);

        assertEquals(OperationState.SUCCEEDED, s.state());
        List<Integer> codes = statuses(sim, Route.PUBLISH_STATUS);
        long throttled = codes.stream().filter(c -> c == 429).count();
        assertTrue(throttled >= 3, "the streak was met: " + codes);
        assertEquals(200, codes.get(codes.size() - 1));
        List<RecordedRequest> polls = sim.requests(Route.PUBLISH_STATUS);
        // slowed: after the first 429s the gaps are longer than the schedule's own (2 s, 2.6 s, 3.2 s...)
        Duration lastThrottledGap = gaps(polls).get((int) throttled - 1);
        assertTrue(lastThrottledGap.compareTo(Duration.ofSeconds(4)) >= 0, gaps(polls).toString());
        assertTrue(Duration.between(polls.get(0).receivedAt(), polls.get(polls.size() - 1).receivedAt())
                .compareTo(Duration.ofMinutes(2)) < 0, "ended soon after the streak: " + gaps(polls));
        assertEquals(1, reporter.warnings.size(), "one warning for the streak: " + reporter.warnings);
        String w = reporter.warnings.get(0);
        assertTrue(w.contains("HTTP 429") && w.contains("the wait goes on until edge.timeout")
                && w.contains("less often"), w);
    }

    @Test
    void serverErrorsOfEveryLiveShapeDoNotEndTheWait() throws Exception {
        sim.config().publishOutcome(Outcome.succeeded().after(Duration.ofSeconds(1)))
                .fault(Route.PUBLISH_STATUS, Fault.serverError500())
                .fault(Route.PUBLISH_STATUS, Fault.badGateway502())
                .fault(Route.PUBLISH_STATUS, Fault.status(503))
                .fault(Route.PUBLISH_STATUS, Fault.status(500).body("application/json",
                        "{\"message\":\"An error occurred\"}"))
                .fault(Route.PUBLISH_STATUS, Fault.status(504))
                .faultFor(Route.PUBLISH_STATUS, Fault.badGateway502(), Duration.ofMinutes(3));
        OperationStatus s = publishAndAwait(TIMEOUT);
        assertEquals(OperationState.SUCCEEDED, s.state());
        List<Integer> codes = statuses(sim, Route.PUBLISH_STATUS);
        assertEquals(Integer.valueOf(200), codes.get(codes.size() - 1), codes.toString());
        assertTrue(codes.size() > 8, codes.toString());
        for (Duration gap : gaps(sim.requests(Route.PUBLISH_STATUS))) {
            assertTrue(gap.compareTo(Duration.ofSeconds(31)) < 0, "backoff capped at 30 s: " + gap);
        }
        assertEquals(1, reporter.warnings.size(), reporter.warnings.toString());
        String w = reporter.warnings.get(0);
        assertTrue(w.contains("HTTP 500 Internal Server Error to the status request of publish operation"), w);
        assertTrue(w.contains("request id 00000000-0000-0000-0000-5e5e5e5e5e5e"), "names the store's request id: " + w);
        assertFalse(w.contains("run the goal again"), "the wait goes on by itself: " + w);
        assertFalse(reporter.text().contains("<html"), "no HTML dump: " + reporter.text());
    }

    @Test
    void anHtml404PageDoesNotEndTheWaitButAJson404Does() throws Exception {
        sim.config().publishOutcome(Outcome.succeeded().after(Duration.ofSeconds(1)))
                .fault(Route.PUBLISH_STATUS, Fault.html404())
                .fault(Route.PUBLISH_STATUS, Fault.html404());
        assertEquals(OperationState.SUCCEEDED, publishAndAwait(TIMEOUT).state());
        assertEquals(List.of(404, 404, 200), statuses(sim, Route.PUBLISH_STATUS));
        assertTrue(reporter.warnings.get(0).contains(Fault.HTML_404_TITLE), reporter.warnings.toString());

        sim.reset();
        sim.config().fault(Route.PUBLISH_STATUS, Fault.status(404).body("application/json",
                "{\"message\":\"Operation not found\"}"));
        StoreException e = assertThrows(StoreException.class, () -> publishAndAwait(TIMEOUT));
        assertEquals(404, e.httpStatus());
        assertEquals(1, sim.requests(Route.PUBLISH_STATUS).size(), "a JSON 404 ends the wait at once");
    }

    @Test
    void threeHtmlPagesAnswered200InARowDoNotEndTheWait() throws Exception {
        sim.config().publishOutcome(Outcome.succeeded().after(Duration.ofSeconds(1)))
                .fault(Route.PUBLISH_STATUS, Fault.htmlPage200())
                .fault(Route.PUBLISH_STATUS, Fault.htmlPage200())
                .fault(Route.PUBLISH_STATUS, Fault.htmlPage200());
        assertEquals(OperationState.SUCCEEDED, publishAndAwait(TIMEOUT).state());
        assertEquals(4, sim.requests(Route.PUBLISH_STATUS).size());
        String w = reporter.warnings.get(0);
        assertTrue(w.contains("HTTP 200, text/html") && w.contains("maintenance page"), w);
    }

    @Test
    void anUploadWaitOutlastsAThrottlingStreakToo() throws Exception {
        sim.config().uploadOutcome(Outcome.succeeded().after(Duration.ofSeconds(3)))
                .throttleFor(Route.UPLOAD_STATUS, Duration.ofSeconds(30));
        Path zip = randomFile(tmp, "ext.zip", 1000);
        OperationStatus s;
        try (EdgeAddonsClient client = client()) {
            Deadline goal = time.deadline(TIMEOUT);
            s = client.await(OperationKind.UPLOAD, client.startUpload(zip, Files.size(zip), goal), goal);
        }
        assertEquals(OperationState.SUCCEEDED, s.state());
        List<Integer> codes = statuses(sim, Route.UPLOAD_STATUS);
        assertTrue(codes.contains(429) && codes.get(codes.size() - 1) == 200, codes.toString());
    }

    @Test
    void a401EndsTheWaitAtOnceNamingTheOperation() throws Exception {
        sim.config().failAlways(Route.PUBLISH_STATUS, 401);
        String op;
        StoreException e;
        try (EdgeAddonsClient client = client()) {
            op = client.startPublish("", time.deadline(Duration.ofSeconds(10)));
            e = assertThrows(StoreException.class,
                    () -> client.await(OperationKind.PUBLISH, op, time.deadline(TIMEOUT)));
        }
        assertEquals(401, e.httpStatus());
        assertEquals(op, e.operationId());
        assertEquals(1, sim.requests(Route.PUBLISH_STATUS).size());
        assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
        assertTrue(Duration.between(sim.requests(Route.PUBLISH).get(0).receivedAt(),
                sim.requests(Route.PUBLISH_STATUS).get(0).receivedAt()).compareTo(Duration.ofSeconds(2)) < 0);
    }

    @Test
    void a403EndsTheWaitAtOnce() throws Exception {
        sim.config().fault(Route.PUBLISH_STATUS, Fault.status(403));
        StoreException e = assertThrows(StoreException.class, () -> publishAndAwait(TIMEOUT));
        assertEquals(403, e.httpStatus());
        assertEquals(1, sim.requests(Route.PUBLISH_STATUS).size());
    }

    @Test
    void connectionFailuresAndReadTimeoutsDoNotEndTheWait() throws Exception {
        sim.config().publishOutcome(Outcome.succeeded().after(Duration.ofSeconds(1)))
                .fault(Route.PUBLISH_STATUS, Fault.closeConnection())
                .fault(Route.PUBLISH_STATUS, Fault.delay(Duration.ofMillis(1500))) // past the 500 ms read timeout
                .fault(Route.PUBLISH_STATUS, Fault.closeConnection())
                .fault(Route.PUBLISH_STATUS, Fault.closeConnection());
        assertEquals(OperationState.SUCCEEDED, publishAndAwait(TIMEOUT).state());
        assertEquals(5, sim.requests(Route.PUBLISH_STATUS).size());
        assertEquals(1, reporter.warnings.size(), reporter.warnings.toString());
        assertTrue(reporter.warnings.get(0).contains("Could not reach the store"), reporter.warnings.toString());
    }

    @Test
    void anOutageThatOutlastsTheTimeoutEndsAtTheTimeoutSayingWhatTheStoreLastAnswered() throws Exception {
        sim.config().failAlways(Route.PUBLISH_STATUS, 503);
        StoreException e = assertThrows(StoreException.class, () -> publishAndAwait(Duration.ofMinutes(5)));
        assertEquals(StoreException.Kind.TIMEOUT, e.kind());
        String m = e.getMessage();
        assertTrue(m.contains("Timed out after 300 s") && m.contains("HTTP 503"), m);
        assertEquals(StoreException.Kind.TIMEOUT, e.kind());
        int polls = sim.requests(Route.PUBLISH_STATUS).size();
        assertTrue(polls >= 10 && polls <= 40, "backed off, not hammering: " + polls);
    }

    // ---- status words -----------------------------------------------------------------------------------

    @Test
    void aCancelledOperationEndsTheWaitAsStopped() throws Exception {
        sim.config().fault(Route.PUBLISH_STATUS, Fault.unknownStatus("Cancelled"));
        OperationStatus s = publishAndAwait(TIMEOUT);
        assertEquals(OperationState.STOPPED, s.state());
        assertEquals("Cancelled", s.rawStatus());
        assertEquals(1, sim.requests(Route.PUBLISH_STATUS).size(), "not polled for ten minutes");
    }

    @Test
    void anUnknownWordIsExplainedOnceAndTheHeartbeatKeepsNamingIt() throws Exception {
        for (int i = 0; i < 30; i++) {
            sim.config().fault(Route.PUBLISH_STATUS, Fault.unknownStatus("Queued"));
        }
        assertEquals(OperationState.SUCCEEDED, publishAndAwait(TIMEOUT).state());
        List<String> about = reporter.warnings.stream().filter(w -> w.contains("'Queued'"))
                .collect(Collectors.toList());
        assertEquals(1, about.size(), reporter.warnings.toString());
        assertTrue(about.get(0).contains("keeps asking until the status is Succeeded or Failed")
                && about.get(0).contains("left"), about.get(0));
        assertTrue(reporter.infos.stream().anyMatch(i -> i.startsWith("Still waiting") && i.contains("Queued")),
                reporter.infos.toString());
    }

    // ---- heartbeat and schedule -------------------------------------------------------------------------

    @Test
    void aLongWaitPrintsOneLineAboutEveryThirtySeconds() throws Exception {
        sim.config().publishOutcome(Outcome.succeeded().after(Duration.ofSeconds(100)));
        assertEquals(OperationState.SUCCEEDED, publishAndAwait(TIMEOUT).state());
        List<String> beats = reporter.infos.stream().filter(i -> i.startsWith("Still waiting"))
                .collect(Collectors.toList());
        assertEquals(3, beats.size(), "at 30, 60 and 90 s: " + beats);
        assertTrue(beats.get(0).contains("InProgress") && beats.get(0).contains("30s waited")
                && beats.get(0).contains("9m30s left of edge.timeout"), beats.get(0));
        assertTrue(beats.get(2).contains("1m30s waited"), beats.get(2));
        assertTrue(reporter.warnings.isEmpty(), reporter.warnings.toString());
    }

    @Test
    void theScheduleCountsFromTheAcceptanceAndNeverAsksTwiceWithinTwoSeconds() throws Exception {
        sim.config().uploadOutcome(Outcome.succeeded().after(Duration.ofSeconds(60)))
                .fault(Route.UPLOAD, Fault.delay(Duration.ofMillis(1200))); // a slow upload
        Path zip = randomFile(tmp, "ext.zip", 1000);
        OperationStatus s;
        try (EdgeAddonsClient client = client()) {
            Deadline goal = time.deadline(TIMEOUT);
            String op = client.startUpload(zip, Files.size(zip), goal);
            s = client.await(OperationKind.UPLOAD, op, goal);
        }
        assertEquals(OperationState.SUCCEEDED, s.state());
        List<RecordedRequest> polls = sim.requests(Route.UPLOAD_STATUS);
        Operation op = sim.operations().get(0);
        Duration first = Duration.between(op.created(), polls.get(0).receivedAt());
        assertTrue(first.compareTo(Duration.ofMillis(700)) >= 0 && first.compareTo(Duration.ofMillis(1100)) < 0,
                "first request about 0.75 s after the 202, the slow upload not counted: " + first);
        for (Duration gap : gaps(polls)) {
            assertTrue(gap.compareTo(Duration.ofSeconds(2)) >= 0, "gap " + gap + " in " + gaps(polls));
        }
        Duration lag = Duration.between(op.terminalAt(), polls.get(polls.size() - 1).receivedAt());
        assertTrue(lag.compareTo(Duration.ofSeconds(6)) <= 0, "lag " + lag);
        assertTrue(polls.size() <= 14, polls.size() + " requests");
    }
}
