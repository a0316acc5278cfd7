package io.github.edgeaddons.sim;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A stateful fake of the Microsoft Edge Add-ons update API (v1.1 API-key auth and v1 OAuth
 * client-credentials auth) that speaks real HTTP/1.1 on loopback, built on the JDK's
 * {@code com.sun.net.httpserver}. See {@code EDGE-API.md} for the API it simulates.
 *
 * <p>This class is the server: it binds the port, records each request (secrets masked), reads its body,
 * takes the request's {@link Fault} from the {@link Config} and writes the {@link Answer}. What to answer,
 * the store's behaviour and state (products, operations, tokens, quirks), is {@link SimulatedStore}'s; the
 * command line is {@link SimulatorCli}'s; a test class starts one with {@link Simulator @Simulator}.
 *
 * <pre>
 * try (EdgeApiSimulator sim = new EdgeApiSimulator().start()) {
 *     sim.config().uploadOutcome(Outcome.succeeded().afterPolls(2));
 *     // point the plugin at sim.baseUrl(), client id CLIENT_ID, API key API_KEY
 * }
 * </pre>
 */
public final class EdgeApiSimulator implements AutoCloseable {

    public static final String PRODUCT_ID = "d34f98f5-f9b7-42b1-bebb-98707202b21d";
    public static final String CLIENT_ID = "sim-client-id";
    public static final String API_KEY = "sim-api-key-SECRET-1111";
    public static final String CLIENT_SECRET = "sim-client-secret-SECRET-2222";
    /** The tenant path segment of {@link #tokenUrl()} (any single segment is accepted). */
    public static final String TENANT = "sim-tenant";
    /** Default upload success message. */
    public static final String UPLOAD_SUCCESS_MESSAGE = "Successfully updated package to package.zip";
    /** The upload success message as the live service also answers it: without a file name. */
    public static final String UPLOAD_SUCCESS_MESSAGE_WITHOUT_FILE = "Successfully updated package";
    /** The 401 body of the live service when an API-key request lacks the client-id header (it then checks for a JWT). */
    public static final String INVALID_AZURE_AD_JWT = "{\"statusCode\": 401, \"message\": \"Invalid Azure AD JWT\"}";
    /** The 401 body of the live service for a v1 bearer token it does not accept. */
    public static final String INVALID_JWT = "{\"statusCode\": 401, \"message\": \"Invalid JWT.\"}";

    static final String ZERO_GUID = "00000000-0000-0000-0000-000000000000";
    private static final int TEXT_LIMIT = 64 * 1024;
    private static final String MASK = SimHttp.MASK;
    private static final Pattern FORM_SECRET = Pattern.compile("(^|&)(client_secret=)[^&]*");
    private final Config config = new Config();
    private final SimulatedStore store = new SimulatedStore(config, this::clock, this::port);
    private final Object lock = new Object();
    private final List<RecordedRequest> records = new ArrayList<>();       // guarded by lock
    private final AtomicLong requestCounter = new AtomicLong();
    private final AtomicLong fileCounter = new AtomicLong();

    private final LoopbackServer server = new LoopbackServer("edge-api-sim-");
    private volatile boolean controlEndpoints;
    /** One line per answered request on standard output ({@link SimulatorCli}'s --log-requests). */
    private volatile boolean logRequests;
    private volatile Clock clock = Clock.systemUTC();

    public EdgeApiSimulator() {
    }

    /**
     * The clock of operations, streaks and records (default: the system clock). A benchmark gives the
     * simulator and the client the same fast-forwarding clock, so a 10-minute operation takes no 10 minutes.
     */
    public EdgeApiSimulator clock(Clock c) {
        clock = java.util.Objects.requireNonNull(c, "clock");
        return this;
    }

    public Clock clock() {
        return clock;
    }

    private Instant now() {
        return clock.instant();
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Bind 127.0.0.1 on {@link #port(int)} (0, the default: a free port) and start serving. A closed
     * simulator may be started again (records, operations and settings survive), e.g. to simulate an outage.
     */
    public EdgeApiSimulator start() {
        server.start(this::handle);
        return this;
    }

    /** The port to bind at {@link #start()} (0: any free port). */
    public EdgeApiSimulator port(int port) {
        server.port(port);
        return this;
    }

    /** The bound port once started (still answered after close()), else the port requested. */
    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:PORT}: the plugin's apiBaseUrl. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** {@code baseUrl() + "/sim-tenant/oauth2/v2.0/token"}. */
    public String tokenUrl() {
        return baseUrl() + "/" + TENANT + "/oauth2/v2.0/token";
    }

    /** Serve the unauthenticated, unrecorded {@code GET /_sim/requests} and {@code /_sim/operations} (CLI mode). */
    public EdgeApiSimulator enableControlEndpoints() {
        controlEndpoints = true;
        return this;
    }

    /** Stop at once; requests in flight (for example sleeping on a delay fault) are abandoned. */
    @Override
    public void close() {
        server.close();
    }

    // ------------------------------------------------------------------ inspection

    public Config config() {
        return config;
    }

    /** Every request received so far, in order of arrival (snapshot). */
    public List<RecordedRequest> requests() {
        synchronized (lock) {
            return Collections.unmodifiableList(new ArrayList<>(records));
        }
    }

    /** The requests received on one route, in order. */
    public List<RecordedRequest> requests(Route route) {
        List<RecordedRequest> out = new ArrayList<>();
        for (RecordedRequest r : requests()) {
            if (r.route() == route) {
                out.add(r);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Snapshot of every operation created, in order. */
    public List<Operation> operations() {
        return store.operations();
    }

    /** The scopes requested from the token endpoint by successful token requests, in order. */
    public List<String> tokenScopes() {
        return store.tokenScopes();
    }

    /** Clear records, operations, faults and issued tokens. The other settings stay as configured. */
    public void reset() {
        synchronized (lock) {
            records.clear();
        }
        store.reset();
        config.clearFaults();
    }

    /**
     * Let a pending operation end: from the next status request on it answers its terminal status (its
     * outcome's). An unknown id throws.
     */
    public void complete(String operationId) {
        store.complete(operationId);
    }

    /** Every v1 token issued so far becomes expired (answers 401 from now on). */
    public void expireTokens() {
        store.expireTokens();
    }

    /** One line per answered request on standard output: method, path, status. */
    EdgeApiSimulator logRequests(boolean value) {
        logRequests = value;
        return this;
    }

    // ------------------------------------------------------------------ request handling

    private void handle(HttpExchange ex) {
        try {
            dispatch(ex);
        } catch (Throwable t) {
            // Best effort: if headers were not sent yet, answer 500; otherwise the close below drops the connection.
            SimHttp.answerSimulatorError(ex, t);
        } finally {
            ex.close();
            if (logRequests && !ex.getRequestURI().getPath().startsWith("/_sim/")) {
                System.out.println("[simulator] " + ex.getRequestMethod() + " " + ex.getRequestURI().getPath()
                        + " -> " + (ex.getResponseCode() < 0 ? "connection closed" : ex.getResponseCode()));
                System.out.flush();
            }
        }
    }

    private void dispatch(HttpExchange ex) throws IOException, InterruptedException {
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = ex.getRequestURI().getPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        if (controlEndpoints && path.startsWith("/_sim/")) {
            handleControl(ex, path);
            return;
        }
        Instant receivedAt = now();
        SimulatedStore.Match match = SimulatedStore.match(path);
        Headers h = ex.getRequestHeaders();

        RecordedRequest rec;
        synchronized (lock) {
            rec = new RecordedRequest(requestCounter.incrementAndGet(), match.route, method, path,
                    ex.getRequestURI().getRawQuery(), maskHeaders(h), receivedAt, clock);
            records.add(rec);
        }
        if (match.route != Route.TOKEN) {
            rec.authValid(store.isAuthorized(h::getFirst));
        }
        Fault fault = config.takeFault(match.route, receivedAt);

        // Read (stream) the whole body first, whatever the answer will be.
        String contentType = h.getFirst("Content-Type");
        Path saveTo = null;
        Path dir = config.keepUploadsIn();
        if (dir != null && match.route == Route.UPLOAD && "POST".equals(method)) {
            Files.createDirectories(dir);
            saveTo = dir.resolve(String.format("upload-%04d.zip", fileCounter.incrementAndGet()));
        }
        SimHttp.Body body = SimHttp.readBody(ex.getRequestBody(), SimulatedStore.isZip(contentType) ? 0 : TEXT_LIMIT,
                saveTo);
        String text = body.text();
        String recorded = text;
        if (recorded != null) {
            if (match.route == Route.TOKEN) {
                recorded = FORM_SECRET.matcher(recorded).replaceAll("$1$2" + MASK);
            }
            recorded = maskLiterals(recorded);
        }
        rec.body(body.size(), body.sha256(), recorded, saveTo);

        Answer answer;
        if (fault != null && fault.kind() != Fault.Kind.DELAY) {
            answer = store.faultAnswer(fault, match);
        } else {
            if (fault != null) {
                Thread.sleep(fault.delayDuration().toMillis());
            }
            answer = store.answer(new SimulatedStore.Request(method, path, match, h::getFirst, body.size(), text,
                    rec.savedFile()), rec);
        }
        SimHttp.write(ex, rec, answer);
    }

    // ------------------------------------------------------------------ control endpoints (CLI)

    private void handleControl(HttpExchange ex, String path) throws IOException {
        String json;
        if ("/_sim/requests".equals(path)) {
            StringBuilder sb = new StringBuilder("[");
            int i = 0;
            for (RecordedRequest r : requests()) {
                if (i++ > 0) {
                    sb.append(',');
                }
                sb.append("{\"sequence\":").append(r.sequence())
                        .append(",\"route\":").append(SimJson.quote(r.route().name()))
                        .append(",\"method\":").append(SimJson.quote(r.method()))
                        .append(",\"path\":").append(SimJson.quote(r.path()))
                        .append(",\"status\":").append(r.status())
                        .append(",\"authValid\":").append(r.authValid())
                        .append(",\"bodySize\":").append(r.bodySize())
                        .append(",\"bodySha256\":").append(SimJson.quote(r.bodySha256()))
                        .append(",\"receivedAt\":").append(r.receivedAt().toEpochMilli())
                        .append(",\"answeredAt\":").append(r.answeredAt() == null ? "null"
                                : String.valueOf(r.answeredAt().toEpochMilli())).append('}');
            }
            json = sb.append(']').toString();
        } else if ("/_sim/operations".equals(path)) {
            StringBuilder sb = new StringBuilder("[");
            int i = 0;
            for (Operation o : operations()) {
                if (i++ > 0) {
                    sb.append(',');
                }
                sb.append("{\"id\":").append(SimJson.quote(o.id()))
                        .append(",\"kind\":").append(SimJson.quote(o.kind().name()))
                        .append(",\"createdAt\":").append(o.created().toEpochMilli())
                        .append(",\"terminalAt\":").append(o.terminalAt() == null ? "null"
                                : String.valueOf(o.terminalAt().toEpochMilli()))
                        .append(",\"terminal\":").append(o.terminal())
                        .append(",\"polls\":").append(o.polls())
                        .append(",\"status\":").append(SimJson.quote(o.status())).append('}');
            }
            json = sb.append(']').toString();
        } else {
            byte[] b = "{\"message\":\"unknown control endpoint\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(404, b.length);
            ex.getResponseBody().write(b);
            return;
        }
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
    }

    // ------------------------------------------------------------------ helpers

    private Map<String, List<String>> maskHeaders(Headers h) {
        return SimHttp.maskHeaders(h, this::maskLiterals);
    }

    private String maskLiterals(String s) {
        return SimHttp.maskLiterals(s, config.apiKey(), config.clientSecret(), API_KEY, CLIENT_SECRET);
    }

    static String hex(byte[] bytes) {
        return SimHttp.hex(bytes);
    }

    // ------------------------------------------------------------------ command line

    /** The command line lives in {@link SimulatorCli}; this entry point is kept for scripts that name this class. */
    public static void main(String[] args) throws Exception {
        SimulatorCli.main(args);
    }
}
