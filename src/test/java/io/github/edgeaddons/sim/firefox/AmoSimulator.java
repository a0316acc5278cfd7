package io.github.edgeaddons.sim.firefox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.edgeaddons.sim.LoopbackServer;
import io.github.edgeaddons.sim.Answer;
import io.github.edgeaddons.sim.Fault;
import io.github.edgeaddons.sim.RecordedRequest;
import io.github.edgeaddons.sim.SimHttp;
import io.github.edgeaddons.sim.SimJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A stateful fake of the addons.mozilla.org (AMO) API v5, speaking real HTTP/1.1 on 127.0.0.1 (an ephemeral port
 * by default), built on the JDK's {@code com.sun.net.httpserver}. See docs/FIREFOX-API.md for the API it
 * simulates.
 *
 * <p>This class is the server: it binds the port, records each request (the JWT masked) as a
 * {@link RecordedRequest} whose {@link RecordedRequest#routeName() routeName} is a {@link FirefoxRoute}'s, reads
 * its body, takes the request's {@link Fault} (queued per route, or from a fault source) and writes the
 * {@link Answer}. What to answer and the store's state is {@link AmoStore}'s ({@link #store()}); the command line
 * is {@link AmoSimulatorCli}'s; a test class starts one with {@code @Simulator} on a static field of this type.
 *
 * <pre>
 * try (AmoSimulator sim = new AmoSimulator().start()) {
 *     sim.store().processingPolls(1).signingPolls(2);
 *     // point the client at sim.apiBaseUrl() with JWT_ISSUER and JWT_SECRET, add-on ADDON_GUID
 * }
 * </pre>
 */
public final class AmoSimulator implements AutoCloseable {
    /** The JWT issuer (the API key) the store knows. */
    public static final String JWT_ISSUER = "user:12345678:90";
    /** The JWT secret of {@link #JWT_ISSUER}: tokens are HS256 over its UTF-8 bytes. */
    public static final String JWT_SECRET = "sim-amo-jwt-secret-SECRET-0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    /** The main add-on's guid: a UUID in braces. */
    public static final String ADDON_GUID = "{5f3a9c2e-7b1d-4e8a-9c6f-0d2b4a6e8c10}";
    public static final String ADDON_SLUG = "sim-addon";
    public static final long ADDON_ID = 2_100_001L;
    /** A second add-on, with an e-mail-like guid and no version yet. */
    public static final String EMAIL_ADDON_GUID = "sim-addon@example.com";
    public static final String EMAIL_ADDON_SLUG = "sim-email-addon";
    public static final long EMAIL_ADDON_ID = 2_100_002L;
    /** An add-on whose authors the key's user is not among: readable, any write 403. */
    public static final String FOREIGN_ADDON_GUID = "someone-else@example.org";
    public static final String FOREIGN_ADDON_SLUG = "someone-elses-addon";
    public static final long FOREIGN_ADDON_ID = 2_000_001L;

    /** Bodies up to this size are kept in memory (an upload's zip is read from them). */
    private static final int BODY_LIMIT = 64 * 1024 * 1024;
    private static final Pattern JSON_SECRET = Pattern.compile("\"(secret|jwt_secret)\"\\s*:\\s*\"[^\"]*\"");

    private final Object lock = new Object();
    private final List<RecordedRequest> records = new ArrayList<>();           // guarded by lock
    private final Map<FirefoxRoute, Deque<Fault>> faults = new EnumMap<>(FirefoxRoute.class); // guarded by lock
    private Function<FirefoxRoute, Fault> faultSource;                         // guarded by lock
    private final AtomicLong requestCounter = new AtomicLong();
    private volatile Clock clock = Clock.systemUTC();
    private final AmoStore store = new AmoStore(() -> clock, this::apiBaseUrl);

    private final LoopbackServer server = new LoopbackServer("amo-sim-");
    private volatile boolean controlEndpoints;
    private volatile boolean logRequests;

    public AmoSimulator() {
    }

    // ------------------------------------------------------------------ lifecycle

    /** Bind 127.0.0.1 on {@link #port(int)} (0, the default: a free port) and serve. */
    public AmoSimulator start() {
        server.start(this::handle);
        return this;
    }

    /** The port to bind at {@link #start()} (0: any free port). */
    public AmoSimulator port(int port) {
        server.port(port);
        return this;
    }

    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:PORT}: the root (firefox.apiBaseUrl); the API is under {@code /api/v5/}. */
    public String apiBaseUrl() {
        return server.baseUrl();
    }

    /** Serve the unrecorded {@code GET /_sim/requests} (the command line's). */
    public AmoSimulator enableControlEndpoints() {
        controlEndpoints = true;
        return this;
    }

    AmoSimulator logRequests(boolean value) {
        logRequests = value;
        return this;
    }

    /** The clock of the JWT checks and records (default: the system clock). */
    public AmoSimulator clock(Clock c) {
        clock = Objects.requireNonNull(c, "clock");
        return this;
    }

    @Override
    public void close() {
        server.close();
    }

    // ------------------------------------------------------------------ state, faults, records

    /** What the store answers and its state: settings, verdicts, inspection. */
    public AmoStore store() {
        return store;
    }

    /** Queue a one-shot fault for the next request on {@code route}; queued faults apply in order. */
    public AmoSimulator fault(FirefoxRoute route, Fault fault) {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(fault, "fault");
        synchronized (lock) {
            faults.computeIfAbsent(route, r -> new ArrayDeque<>()).addLast(fault);
        }
        return this;
    }

    /** Ask {@code source} for the fault of each request no queued fault claims (null: none), e.g. a seeded plan. */
    public AmoSimulator faultSource(Function<FirefoxRoute, Fault> source) {
        synchronized (lock) {
            faultSource = source;
        }
        return this;
    }

    /** Every request received so far, in order of arrival (snapshot). */
    public List<RecordedRequest> requests() {
        synchronized (lock) {
            return Collections.unmodifiableList(new ArrayList<>(records));
        }
    }

    /** The requests received on one route, in order. */
    public List<RecordedRequest> requests(FirefoxRoute route) {
        List<RecordedRequest> out = new ArrayList<>();
        for (RecordedRequest r : requests()) {
            if (route.name().equals(r.routeName())) {
                out.add(r);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Records and faults cleared; the clock back to the system's; the store's settings and state to their defaults. */
    public void reset() {
        synchronized (lock) {
            records.clear();
            faults.clear();
            faultSource = null;
        }
        clock = Clock.systemUTC();
        store.restoreDefaults();
    }

    // ------------------------------------------------------------------ request handling

    private void handle(HttpExchange ex) {
        try {
            dispatch(ex);
        } catch (Throwable t) {
            SimHttp.answerSimulatorError(ex, t);
        } finally {
            ex.close();
            if (logRequests && !ex.getRequestURI().getPath().startsWith("/_sim/")) {
                System.out.println("[amo simulator] " + ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath()
                        + " -> " + (ex.getResponseCode() < 0 ? "connection closed" : ex.getResponseCode()));
                System.out.flush();
            }
        }
    }

    private void dispatch(HttpExchange ex) throws IOException, InterruptedException {
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = ex.getRequestURI().getRawPath();
        if (rawPath == null || rawPath.isEmpty()) {
            rawPath = "/";
        }
        if (controlEndpoints && rawPath.startsWith("/_sim/")) {
            handleControl(ex, rawPath);
            return;
        }
        Instant receivedAt = clock.instant();
        // Matched on the raw path: an id's braces arrive percent-encoded (%7B...%7D) and are decoded per segment.
        AmoStore.Match match = AmoStore.match(method, rawPath);
        Headers h = ex.getRequestHeaders();
        RecordedRequest rec;
        Fault fault;
        synchronized (lock) {
            rec = new RecordedRequest(requestCounter.incrementAndGet(), match.route.name(), method, rawPath,
                    ex.getRequestURI().getRawQuery(), SimHttp.maskHeaders(h, this::maskLiterals), receivedAt, clock);
            records.add(rec);
            Deque<Fault> q = faults.get(match.route);
            fault = q != null && !q.isEmpty() ? q.pollFirst() : faultSource != null ? faultSource.apply(match.route) : null;
        }
        rec.authValid(store.isAuthorized(h::getFirst));
        SimHttp.Body body = SimHttp.readBody(ex.getRequestBody(), BODY_LIMIT, null);
        String recorded = null;
        String type = h.getFirst("Content-Type");
        if (body.bytes() != null && body.size() <= 64 * 1024
                && (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/"))) {
            recorded = maskLiterals(JSON_SECRET.matcher(body.text()).replaceAll("\"$1\":\"" + SimHttp.MASK + "\""));
        }
        rec.body(body.size(), body.sha256(), recorded, null);

        Answer answer;
        if (fault != null && fault.kind() != Fault.Kind.DELAY) {
            answer = store.faultAnswer(fault, match);
        } else {
            if (fault != null) {
                Thread.sleep(fault.delayDuration().toMillis());
            }
            answer = store.answer(new AmoStore.Request(method, rawPath, ex.getRequestURI().getRawQuery(), match,
                    h::getFirst, body.bytes()));
        }
        SimHttp.write(ex, rec, answer);
    }

    private String maskLiterals(String s) {
        return SimHttp.maskLiterals(s, JWT_SECRET);
    }

    private void handleControl(HttpExchange ex, String path) throws IOException {
        int status = 200;
        String json;
        if ("/_sim/requests".equals(path)) {
            StringBuilder sb = new StringBuilder("[");
            int i = 0;
            for (RecordedRequest r : requests()) {
                if (i++ > 0) {
                    sb.append(',');
                }
                sb.append("{\"sequence\":").append(r.sequence())
                        .append(",\"route\":").append(SimJson.quote(r.routeName()))
                        .append(",\"method\":").append(SimJson.quote(r.method()))
                        .append(",\"path\":").append(SimJson.quote(r.path()))
                        .append(",\"status\":").append(r.status())
                        .append(",\"authValid\":").append(r.authValid())
                        .append(",\"bodySize\":").append(r.bodySize())
                        .append(",\"bodySha256\":").append(SimJson.quote(r.bodySha256())).append('}');
            }
            json = sb.append(']').toString();
        } else {
            status = 404;
            json = "{\"detail\":\"unknown control endpoint\"}";
        }
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }
}
