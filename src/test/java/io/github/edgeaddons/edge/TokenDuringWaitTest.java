package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.Hints;

import io.github.edgeaddons.core.OperationKind;
import io.github.edgeaddons.core.OperationState;
import io.github.edgeaddons.core.OperationStatus;
import io.github.edgeaddons.core.PollPolicy;
import io.github.edgeaddons.core.RetryPolicy;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.core.TokenCache;

import static io.github.edgeaddons.edge.ClientTestSupport.oauthSettings;
import static io.github.edgeaddons.edge.ClientTestSupport.statuses;
import static io.github.edgeaddons.edge.ClientTestSupport.assertHint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsServer;
import io.github.edgeaddons.edge.ClientTestSupport.RecordingReporter;
import io.github.edgeaddons.edge.ClientTestSupport.SimulatedTime;
import io.github.edgeaddons.sim.EdgeApiSimulator;
import io.github.edgeaddons.sim.Fault;
import io.github.edgeaddons.sim.Outcome;
import io.github.edgeaddons.sim.Route;
import io.github.edgeaddons.sim.Simulator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API v1: the access token fetched again during a wait on an accepted operation (it expired), against the
 * simulator on simulated time. The token endpoint's bad moments do not end the wait before edge.timeout; a
 * definite refusal does. Also the network failures other than a dropped connection during a wait (unknown
 * host: keeps waiting; TLS failure: ends it), played through the token endpoint, the one request of a wait
 * whose host can differ from the store's.
 */
class TokenDuringWaitTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(30); // renewed 3 s early, at 27 s

    @TempDir
    static Path dir;

    @Simulator
    private static EdgeApiSimulator sim;
    private static HttpsServer untrusted;

    private RecordingReporter reporter;
    private SimulatedTime time;

    @BeforeAll
    static void startUntrustedServer() throws Exception {
        untrusted = ClientTestSupport.untrustedHttpsServer(dir);
        untrusted.createContext("/", ex -> {
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        untrusted.start();
    }

    @AfterAll
    static void stopUntrustedServer() {
        untrusted.stop(0);
    }

    @BeforeEach
    void setUp() {
        sim.config().tokenLifetime(TOKEN_LIFETIME).publishOutcome(Outcome.succeeded().after(Duration.ofSeconds(60)));
        reporter = new RecordingReporter();
        time = new SimulatedTime();
        sim.clock(time);
    }

    private ClientSettings.Builder settings() {
        return oauthSettings(sim).reporter(reporter).clock(time).sleeper(time).pollPolicy(PollPolicy.adaptive())
                .retryPolicy(RetryPolicy.DEFAULT).responseTimeout(Duration.ofMillis(500));
    }

    /** Publishes (fetching the first token), then lets {@code duringWait} set up the token endpoint, then waits. */
    private OperationStatus publishThenAwait(Runnable duringWait) throws Exception {
        try (EdgeAddonsClient client = new EdgeAddonsClient(settings().build())) {
            String op = client.startPublish("", time.deadline(Duration.ofSeconds(10)));
            duringWait.run();
            return client.await(OperationKind.PUBLISH, op, time.deadline(TIMEOUT));
        }
    }

    @Test
    void aMaintenancePageFromTheTokenEndpointDoesNotEndTheWait() throws Exception {
        OperationStatus s = publishThenAwait(() -> sim.config().fault(Route.TOKEN, Fault.htmlPage200()));
        assertEquals(OperationState.SUCCEEDED, s.state());
        assertTrue(statuses(sim, Route.TOKEN).size() >= 3, "the page, then a new token: " + statuses(sim, Route.TOKEN));
        assertEquals(1, reporter.warnings.size(), reporter.warnings.toString());
        String w = reporter.warnings.get(0);
        assertTrue(w.contains("Could not get a new access token") && w.contains("not JSON (an HTML page)")
                && w.contains("the wait goes on until edge.timeout"), w);
        assertFalse(w.contains("Check edge.tokenUrl"), "no advice to change the settings mid-wait: " + w);
    }

    @Test
    void aThrottlingStreakOfTheTokenEndpointDoesNotEndTheWait() throws Exception {
        OperationStatus s = publishThenAwait(() -> sim.config().throttleFor(Route.TOKEN, Duration.ofSeconds(40)));
        assertEquals(OperationState.SUCCEEDED, s.state());
        List<Integer> token = statuses(sim, Route.TOKEN);
        assertTrue(token.stream().filter(c -> c == 429).count() >= 6, "more than one request's 5 attempts: " + token);
        assertEquals(Integer.valueOf(200), token.get(token.size() - 1), token.toString());
        String w = reporter.warnings.stream().filter(x -> x.contains("Could not get a new access token")).findFirst().orElse("");
        assertTrue(w.contains("HTTP 429 Too Many Requests") && w.contains("the wait goes on"), reporter.warnings.toString());
        // one warning for the streak: the token request is sent once per status request, not warned per retry
        assertEquals(1, reporter.warnings.stream().filter(x -> x.contains("429")).count(), reporter.warnings.toString());
        assertTrue(reporter.warnings.stream().noneMatch(x -> x.contains("trying again in")), reporter.warnings.toString());
        assertFalse(reporter.text().contains("refused the client credentials"), reporter.text());
        assertFalse(reporter.text().contains("The store answered HTTP 429 to the request to get an access token"),
                "the token endpoint is not the store: " + reporter.text());
        assertFalse(reporter.text().contains("secrets expire"), reporter.text());
    }

    @Test
    void serverErrorsOfTheTokenEndpointDoNotEndTheWait() throws Exception {
        OperationStatus s = publishThenAwait(() -> sim.config().faultFor(Route.TOKEN, Fault.status(503),
                Duration.ofSeconds(40)));
        assertEquals(OperationState.SUCCEEDED, s.state());
    }

    @Test
    void aFrontDoor404FromTheTokenEndpointDoesNotEndTheWait() throws Exception {
        // campaign seeds 1000394, 1001788: the same token URL gave a token moments ago, so its 404 page is no
        // wrong URL and no verdict on the credentials
        OperationStatus s = publishThenAwait(() -> sim.config().fault(Route.TOKEN, Fault.html404()));
        assertEquals(OperationState.SUCCEEDED, s.state());
        assertTrue(statuses(sim, Route.TOKEN).contains(404), statuses(sim, Route.TOKEN).toString());
        assertFalse(reporter.text().contains("refused the client credentials"), reporter.text());
    }

    @Test
    void aTokenUrlAnswering404BeforeAnyTokenIsAWrongUrlNotARefusal() throws Exception {
        sim.config().fault(Route.TOKEN, Fault.status(404));
        try (EdgeAddonsClient client = new EdgeAddonsClient(settings().build())) {
            StoreException e = assertThrows(StoreException.class,
                    () -> client.startPublish("", time.deadline(Duration.ofSeconds(10))));
            assertEquals(404, e.httpStatus());
            assertTrue(e.fromTokenEndpoint());
            assertFalse(e.failure().htmlBody());
            assertTrue(e.getMessage().contains("answered HTTP 404 Not Found to the token request"), e.getMessage());
            assertHint(e, EdgeHints.tokenUrlWrong(settings().build()));
        }
    }

    @Test
    void aDefiniteRefusalOfTheClientSecretEndsTheWait() throws Exception {
        StoreException e = assertThrows(StoreException.class,
                () -> publishThenAwait(() -> sim.config().clientSecret("rotated-since")));
        assertEquals(StoreException.Kind.AUTH, e.kind());
        assertEquals(401, e.httpStatus());
        assertTrue(e.fromTokenEndpoint());
        assertTrue(e.getMessage().contains("invalid_client"), "the OAuth error: " + e.getMessage());
        assertHint(e, EdgeHints.tokenRefused(settings().build()));
        assertEquals(1, statuses(sim, Route.TOKEN).stream().filter(c -> c == 401).count(),
                "one refusal ends it: " + statuses(sim, Route.TOKEN));
    }

    // ---- other network failures during a wait (RetryPolicy part 2) ----------------------------------------

    /**
     * A client whose token endpoint is {@code tokenUrl}, holding a valid simulator token (as one fetched by an
     * earlier goal of the build) that is due for renewal 20 s into the wait.
     */
    private EdgeAddonsClient clientWithTokenEndpoint(URI tokenUrl) throws Exception {
        TokenCache first = new TokenCache();
        ClientSettings real = settings().tokenCache(first).build();
        try (EdgeAddonsClient c = new EdgeAddonsClient(real)) {
            c.credentialsAccepted(time.deadline(Duration.ofSeconds(10)));
        }
        String token = first.entry(real.tokenUrl, real.credentials, real.scope).valid(time.instant());
        TokenCache cache = new TokenCache();
        ClientSettings s = settings().tokenUrl(tokenUrl).tokenCache(cache).build();
        cache.entry(tokenUrl, s.credentials, s.scope).store(token, time.instant().plus(Duration.ofSeconds(20)));
        return new EdgeAddonsClient(s);
    }

    @Test
    void anUnknownHostOnceTheStoreHasAnsweredKeepsTheWaitGoingAsADnsBlip() throws Exception {
        StoreException e;
        try (EdgeAddonsClient client = clientWithTokenEndpoint(URI.create("http://edge-token.invalid/token"))) {
            String op = client.startPublish("", time.deadline(Duration.ofSeconds(10)));
            e = assertThrows(StoreException.class,
                    () -> client.await(OperationKind.PUBLISH, op, time.deadline(Duration.ofMinutes(3))));
        }
        assertEquals(StoreException.Kind.TIMEOUT, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("unknown host edge-token.invalid"), e.getMessage());
        assertTrue(sim.requests(Route.PUBLISH_STATUS).size() >= 3, "answered before the name stopped resolving");
    }

    @Test
    void aTlsFailureDuringAWaitEndsItAtOnce() throws Exception {
        URI tls = URI.create("https://127.0.0.1:" + untrusted.getAddress().getPort() + "/token");
        StoreException e;
        try (EdgeAddonsClient client = clientWithTokenEndpoint(tls)) {
            String op = client.startPublish("", time.deadline(Duration.ofSeconds(10)));
            e = assertThrows(StoreException.class,
                    () -> client.await(OperationKind.PUBLISH, op, time.deadline(TIMEOUT)));
        }
        assertEquals(StoreException.Kind.NETWORK, e.kind(), e.getMessage());
        assertTrue(e.fromTokenEndpoint());
        assertTrue(e.failure().cause() instanceof javax.net.ssl.SSLException, String.valueOf(e.failure().cause()));
        assertHint(e, Hints.untrustedTls());
        assertTrue(reporter.warnings.stream().noneMatch(w -> w.contains("the wait goes on")), reporter.warnings.toString());
    }
}
