package io.github.edgeaddons.sim.chrome;

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
 * A stateful fake of the Chrome Web Store API v2 and of Google's OAuth 2.0 token endpoint, speaking real
 * HTTP/1.1 on 127.0.0.1 (an ephemeral port by default), built on the JDK's {@code com.sun.net.httpserver}. See
 * docs/CHROME-API.md for the API it simulates.
 *
 * <p>This class is the server: it binds the port, records each request (secrets masked) as a
 * {@link RecordedRequest} whose {@link RecordedRequest#routeName() routeName} is a {@link ChromeRoute}'s, reads
 * its body, takes the request's {@link Fault} (queued per route, or from a fault source) and writes the
 * {@link Answer}. What to answer and the store's state is {@link ChromeStore}'s ({@link #store()}); the command
 * line is {@link ChromeSimulatorCli}'s; a test class starts one with {@code @Simulator} on a static field of
 * this type.
 *
 * <pre>
 * try (ChromeWebStoreSimulator sim = new ChromeWebStoreSimulator().start()) {
 *     sim.store().processingPolls(2).publishedVersion("1.0.0");
 *     // point the client at sim.apiBaseUrl() and sim.tokenUrl(), with CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN
 *     // or the key file sim.writeServiceAccountKeyFile(dir.resolve("key.json"))
 * }
 * </pre>
 */
public final class ChromeWebStoreSimulator implements AutoCloseable {
    /** The publisher (developer account) id the store knows; others answer 403 PERMISSION_DENIED. */
    public static final String PUBLISHER_ID = "c4c4c4c4-5e5e-4000-8000-000000000001";
    /** The item the store knows from the start: 32 letters a to p. */
    public static final String ITEM_ID = "abcdefghijklmnopabcdefghijklmnop";
    public static final String CLIENT_ID = "sim-chrome-client.apps.googleusercontent.com";
    public static final String CLIENT_SECRET = "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3";
    /** The refresh token the token endpoint exchanges. */
    public static final String REFRESH_TOKEN = "1//sim-refresh-token-SECRET-4444";
    /** A refresh token answered {@code invalid_grant} "Token has been expired or revoked.". */
    public static final String EXPIRED_REFRESH_TOKEN = "1//sim-expired-refresh-token-SECRET-5555";
    /** A client id answered 401 {@code deleted_client}. */
    public static final String DELETED_CLIENT_ID = "sim-deleted-client.apps.googleusercontent.com";
    public static final String SCOPE = "https://www.googleapis.com/auth/chromewebstore";
    public static final String READONLY_SCOPE = "https://www.googleapis.com/auth/chromewebstore.readonly";

    /** Bodies up to this size are kept in memory (an upload's zip is read from them). */
    private static final int BODY_LIMIT = 64 * 1024 * 1024;
    private static final Pattern FORM_SECRET = Pattern.compile("(^|&)(client_secret=|refresh_token=|assertion=)[^&]*");

    private final Object lock = new Object();
    private final List<RecordedRequest> records = new ArrayList<>();           // guarded by lock
    private final Map<ChromeRoute, Deque<Fault>> faults = new EnumMap<>(ChromeRoute.class); // guarded by lock
    private Function<ChromeRoute, Fault> faultSource;                         // guarded by lock
    private final AtomicLong requestCounter = new AtomicLong();
    private volatile Clock clock = Clock.systemUTC();
    private final ChromeStore store = new ChromeStore(() -> clock, this::tokenUrl);

    private final LoopbackServer server = new LoopbackServer("chrome-sim-");
    private volatile boolean controlEndpoints;
    private volatile boolean logRequests;

    public ChromeWebStoreSimulator() {
    }

    // ------------------------------------------------------------------ lifecycle

    /** Bind 127.0.0.1 on {@link #port(int)} (0, the default: a free port) and serve. */
    public ChromeWebStoreSimulator start() {
        server.start(this::handle);
        return this;
    }

    /** The port to bind at {@link #start()} (0: any free port). */
    public ChromeWebStoreSimulator port(int port) {
        server.port(port);
        return this;
    }

    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:PORT}: the API root (chrome.apiBaseUrl); uploads go to {@code /upload/v2/...} under it. */
    public String apiBaseUrl() {
        return server.baseUrl();
    }

    /** {@code apiBaseUrl() + "/token"}: the token URL (chrome.tokenUrl), also the assertions' {@code aud}. */
    public String tokenUrl() {
        return apiBaseUrl() + "/token";
    }

    /** Serve the unrecorded {@code GET /_sim/requests} (the command line's). */
    public ChromeWebStoreSimulator enableControlEndpoints() {
        controlEndpoints = true;
        return this;
    }

    ChromeWebStoreSimulator logRequests(boolean value) {
        logRequests = value;
        return this;
    }

    /** The clock of token expiry and records (default: the system clock). */
    public ChromeWebStoreSimulator clock(Clock c) {
        clock = Objects.requireNonNull(c, "clock");
        return this;
    }

    @Override
    public void close() {
        server.close();
    }

    // ------------------------------------------------------------------ state, faults, records

    /** What the store answers and its state: settings, verdicts, inspection. */
    public ChromeStore store() {
        return store;
    }

    /** The test service account whose assertions the token endpoint takes. */
    public ServiceAccount serviceAccount() {
        return store.serviceAccount();
    }

    /** Write the service account's JSON key file (its {@code token_uri} is {@link #tokenUrl()}). */
    public java.nio.file.Path writeServiceAccountKeyFile(java.nio.file.Path file) throws IOException {
        return store.serviceAccount().writeKeyFile(file, tokenUrl());
    }

    /** Queue a one-shot fault for the next request on {@code route}; queued faults apply in order. */
    public ChromeWebStoreSimulator fault(ChromeRoute route, Fault fault) {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(fault, "fault");
        synchronized (lock) {
            faults.computeIfAbsent(route, r -> new ArrayDeque<>()).addLast(fault);
        }
        return this;
    }

    /** Ask {@code source} for the fault of each request no queued fault claims (null: none), e.g. a seeded plan. */
    public ChromeWebStoreSimulator faultSource(Function<ChromeRoute, Fault> source) {
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
    public List<RecordedRequest> requests(ChromeRoute route) {
        List<RecordedRequest> out = new ArrayList<>();
        for (RecordedRequest r : requests()) {
            if (route.name().equals(r.routeName())) {
                out.add(r);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Records and faults cleared; the store's settings and state back to their defaults (its key pair stays). */
    public void reset() {
        synchronized (lock) {
            records.clear();
            faults.clear();
            faultSource = null;
        }
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
                System.out.println("[chrome simulator] " + ex.getRequestMethod() + " " + ex.getRequestURI().getPath()
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
        // Matched on the raw path: an item name with its slashes encoded (%2F) is not the API's path.
        ChromeStore.Match match = ChromeStore.match(method, rawPath);
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
        if (match.route != ChromeRoute.TOKEN && match.route != ChromeRoute.UNKNOWN) {
            rec.authValid(store.isAuthorized(h::getFirst));
        }
        SimHttp.Body body = SimHttp.readBody(ex.getRequestBody(), BODY_LIMIT, null);
        String recorded = null;
        if (match.route != ChromeRoute.UPLOAD && body.bytes() != null && body.size() <= 64 * 1024) {
            recorded = body.text();
            if (match.route == ChromeRoute.TOKEN) {
                recorded = FORM_SECRET.matcher(recorded).replaceAll("$1$2" + SimHttp.MASK);
            }
            recorded = maskLiterals(recorded);
        }
        rec.body(body.size(), body.sha256(), recorded, null);

        Answer answer;
        if (fault != null && fault.kind() != Fault.Kind.DELAY) {
            answer = store.faultAnswer(fault, match);
        } else {
            if (fault != null) {
                Thread.sleep(fault.delayDuration().toMillis());
            }
            answer = store.answer(new ChromeStore.Request(method, rawPath, match, h::getFirst, body.size(),
                    body.bytes()));
        }
        SimHttp.write(ex, rec, answer);
    }

    private String maskLiterals(String s) {
        return SimHttp.maskLiterals(s, CLIENT_SECRET, REFRESH_TOKEN, EXPIRED_REFRESH_TOKEN);
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
            json = "{\"message\":\"unknown control endpoint\"}";
        }
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }
}
