package io.github.edgeaddons.sim;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful fake of the Microsoft Edge Add-ons update API (v1.1 API-key auth and v1 OAuth
 * client-credentials auth) that speaks real HTTP/1.1 on loopback, built on the JDK's
 * {@code com.sun.net.httpserver}. See {@code EDGE-API.md} for the API it simulates.
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
    private static final String MASK = "***";
    private static final String GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final Pattern GUID_PATTERN = Pattern.compile(GUID);
    private static final Pattern P_PRODUCTS = Pattern.compile("/v1/products");
    private static final Pattern P_UPLOAD = Pattern.compile("/v1/products/([^/]+)/submissions/draft/package");
    private static final Pattern P_UPLOAD_STATUS =
            Pattern.compile("/v1/products/([^/]+)/submissions/draft/package/operations/([^/]+)");
    private static final Pattern P_PUBLISH = Pattern.compile("/v1/products/([^/]+)/submissions");
    private static final Pattern P_PUBLISH_STATUS =
            Pattern.compile("/v1/products/([^/]+)/submissions/operations/([^/]+)");
    private static final Pattern P_TOKEN = Pattern.compile("/([^/]+)/oauth2/v2\\.0/token");
    private static final Pattern FORM_SECRET = Pattern.compile("(^|&)(client_secret=)[^&]*");

    static {
        // The JDK server writes an answer's headers and body separately; with Nagle's algorithm on (its
        // default), the body waits for the client's delayed ACK, about 40 ms per answer on Linux loopback. A
        // real server does not stall so. Read once, when the first HttpServer is made; an explicit value wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Config config = new Config();
    private final Object lock = new Object();
    private final List<RecordedRequest> records = new ArrayList<>();       // guarded by lock
    private final Map<String, OpState> operations = new LinkedHashMap<>(); // guarded by lock
    private final Map<String, Instant> tokens = new HashMap<>();           // guarded by lock
    private final List<String> tokenScopes = new ArrayList<>();            // guarded by lock
    private final AtomicLong requestCounter = new AtomicLong();
    private final AtomicLong tokenCounter = new AtomicLong();
    private final AtomicLong fileCounter = new AtomicLong();

    private volatile int requestedPort;
    private volatile int boundPort = -1; // kept after close() so baseUrl() still names the old address
    private volatile boolean controlEndpoints;
    /** CLI --log-requests: one line per answered request on standard output (for the demo). */
    private volatile boolean logRequests;
    private volatile HttpServer server;
    private volatile ExecutorService executor;
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
    public synchronized EdgeApiSimulator start() {
        if (server != null) {
            throw new IllegalStateException("already started on port " + port());
        }
        HttpServer s;
        try {
            s = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), requestedPort), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + requestedPort, e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8, new ThreadFactory() {
            private final AtomicInteger n = new AtomicInteger();

            @Override
            public Thread newThread(Runnable r) {
                Thread t = new Thread(r, "edge-api-sim-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            }
        });
        s.setExecutor(pool);
        s.createContext("/", this::handle);
        s.start();
        executor = pool;
        boundPort = s.getAddress().getPort();
        server = s;
        return this;
    }

    /** The port to bind at {@link #start()} (0: any free port). */
    public synchronized EdgeApiSimulator port(int port) {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        requestedPort = port;
        return this;
    }

    /** The bound port once started (still answered after close()), else the port requested. */
    public int port() {
        int bound = boundPort;
        return bound >= 0 ? bound : requestedPort;
    }

    /** {@code http://127.0.0.1:PORT}: the plugin's apiBaseUrl. */
    public String baseUrl() {
        if (boundPort < 0) {
            throw new IllegalStateException("not started");
        }
        return "http://127.0.0.1:" + boundPort;
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
    public synchronized void close() {
        HttpServer s = server;
        ExecutorService pool = executor;
        server = null;
        executor = null;
        if (s != null) {
            s.stop(0);
        }
        if (pool != null) {
            pool.shutdownNow();
        }
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
        List<OpState> copy;
        synchronized (lock) {
            copy = new ArrayList<>(operations.values());
        }
        Instant now = now();
        List<Operation> out = new ArrayList<>(copy.size());
        for (OpState op : copy) {
            out.add(op.snapshot(now));
        }
        return Collections.unmodifiableList(out);
    }

    /** The scopes requested from the token endpoint by successful token requests, in order. */
    public List<String> tokenScopes() {
        synchronized (lock) {
            return Collections.unmodifiableList(new ArrayList<>(tokenScopes));
        }
    }

    /** Clear records, operations, faults and issued tokens. The other settings stay as configured. */
    public void reset() {
        synchronized (lock) {
            records.clear();
            operations.clear();
            tokens.clear();
            tokenScopes.clear();
        }
        config.clearFaults();
    }

    /**
     * Let a pending operation end: from the next status request on it answers its terminal status (its
     * outcome's). An unknown id throws.
     */
    public void complete(String operationId) {
        OpState op;
        synchronized (lock) {
            op = operations.get(operationId.toLowerCase(Locale.ROOT));
        }
        if (op == null) {
            throw new IllegalArgumentException("no operation " + operationId);
        }
        op.complete(now());
    }

    /** Every v1 token issued so far becomes expired (answers 401 from now on). */
    public void expireTokens() {
        synchronized (lock) {
            Instant past = now().minusSeconds(1);
            for (Map.Entry<String, Instant> e : tokens.entrySet()) {
                e.setValue(past);
            }
        }
    }

    // ------------------------------------------------------------------ request handling

    private static final class Match {
        final Route route;
        final String productId;
        final String operationId;
        final String expectedMethod;

        Match(Route route, String productId, String operationId, String expectedMethod) {
            this.route = route;
            this.productId = productId;
            this.operationId = operationId;
            this.expectedMethod = expectedMethod;
        }
    }

    private static Match match(String path) {
        Matcher m;
        if ((m = P_UPLOAD_STATUS.matcher(path)).matches()) {
            return new Match(Route.UPLOAD_STATUS, m.group(1), m.group(2), "GET");
        }
        if ((m = P_PUBLISH_STATUS.matcher(path)).matches()) {
            return new Match(Route.PUBLISH_STATUS, m.group(1), m.group(2), "GET");
        }
        if ((m = P_UPLOAD.matcher(path)).matches()) {
            return new Match(Route.UPLOAD, m.group(1), null, "POST");
        }
        if ((m = P_PUBLISH.matcher(path)).matches()) {
            return new Match(Route.PUBLISH, m.group(1), null, "POST");
        }
        if (P_PRODUCTS.matcher(path).matches()) {
            return new Match(Route.PRODUCTS, null, null, "GET");
        }
        if (P_TOKEN.matcher(path).matches()) {
            return new Match(Route.TOKEN, null, null, "POST");
        }
        return new Match(Route.UNKNOWN, null, null, null);
    }

    private void handle(HttpExchange ex) {
        try {
            dispatch(ex);
        } catch (Throwable t) {
            // Best effort: if headers were not sent yet, answer 500; otherwise the close below drops the connection.
            try {
                byte[] b = ("simulator error: " + t).getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                ex.sendResponseHeaders(500, b.length);
                ex.getResponseBody().write(b);
            } catch (IOException | RuntimeException ignored) {
                // connection gone or answer already started
            }
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
        Match match = match(path);
        Headers h = ex.getRequestHeaders();

        RecordedRequest rec;
        synchronized (lock) {
            rec = new RecordedRequest(requestCounter.incrementAndGet(), match.route, method, path,
                    ex.getRequestURI().getRawQuery(), maskHeaders(h), receivedAt, clock);
            records.add(rec);
        }
        if (match.route != Route.TOKEN) {
            rec.authValid(isAuthorized(h));
        }
        Fault fault = config.takeFault(match.route, receivedAt);

        // Read (stream) the whole body first, whatever the answer will be.
        String contentType = h.getFirst("Content-Type");
        boolean zip = isZip(contentType);
        Path saveTo = null;
        Path dir = config.keepUploadsIn();
        if (dir != null && match.route == Route.UPLOAD && "POST".equals(method)) {
            Files.createDirectories(dir);
            saveTo = dir.resolve(String.format("upload-%04d.zip", fileCounter.incrementAndGet()));
        }
        Body body = readBody(ex.getRequestBody(), !zip, saveTo);
        String text = null;
        if (body.text != null) {
            text = new String(body.text, StandardCharsets.UTF_8);
            if (match.route == Route.TOKEN) {
                text = FORM_SECRET.matcher(text).replaceAll("$1$2" + MASK);
            }
            text = maskLiterals(text);
        }
        rec.body(body.size, body.sha256, text, saveTo);

        if (fault != null) {
            if (fault.kind() == Fault.Kind.DELAY) {
                Thread.sleep(fault.delayDuration().toMillis());
            } else {
                applyFault(ex, rec, match, fault);
                return;
            }
        }

        if (match.route == Route.UNKNOWN) {
            sendJson(ex, rec, 404, "{\"message\":" + SimJson.quote("No route for " + method + " " + path) + "}");
            return;
        }
        if (!match.expectedMethod.equals(method)) {
            ex.getResponseHeaders().set("Allow", match.expectedMethod);
            sendEmpty(ex, rec, 405);
            return;
        }
        if (match.route == Route.TOKEN) {
            handleToken(ex, rec, contentType, body);
            return;
        }
        if (match.productId != null && !GUID_PATTERN.matcher(match.productId).matches()) {
            // Like a route constraint: a non-GUID product id never reaches the authenticated handler.
            sendJson(ex, rec, 404, "{\"message\":\"Product id is not a GUID\"}");
            return;
        }
        if (!rec.authValid()) {
            unauthorized(ex, rec, h);
            return;
        }
        if (config.v1Retired() && isBearer(h)) {
            sendEmpty(ex, rec, 410); // live from February 2025: v1 answers 410 Gone, though its token still comes
            return;
        }
        if (match.route == Route.PRODUCTS) {
            sendJson(ex, rec, 200, productsJson());
            return;
        }
        if (!config.isKnownProduct(match.productId)) {
            sendJson(ex, rec, 404, "{\"message\":\"Product not found\"}");
            return;
        }
        switch (match.route) {
            case UPLOAD:
                handleUpload(ex, rec, match, contentType, body);
                break;
            case PUBLISH:
                createOperation(ex, rec, match, Operation.Kind.PUBLISH, config.publishOutcome(), null);
                break;
            case UPLOAD_STATUS:
                handleStatus(ex, rec, match, Operation.Kind.UPLOAD);
                break;
            case PUBLISH_STATUS:
                handleStatus(ex, rec, match, Operation.Kind.PUBLISH);
                break;
            default:
                sendEmpty(ex, rec, 404);
        }
    }

    private void handleUpload(HttpExchange ex, RecordedRequest rec, Match match, String contentType, Body body)
            throws IOException {
        if (config.requireUploadContentType() && !isZip(contentType)) {
            sendJson(ex, rec, 400, "{\"message\":\"Content-Type must be application/zip\"}");
            return;
        }
        if (body.size == 0) {
            sendJson(ex, rec, 400, "{\"message\":\"The request body must contain the package zip\"}");
            return;
        }
        createOperation(ex, rec, match, Operation.Kind.UPLOAD, config.uploadOutcome(), rec.savedFile());
    }

    private void createOperation(HttpExchange ex, RecordedRequest rec, Match match, Operation.Kind kind,
            Outcome outcome, Path file) throws IOException {
        String id = UUID.randomUUID().toString();
        Instant now = now();
        OpState op = new OpState(id, kind, match.productId, now, outcome, config.vocabulary());
        synchronized (lock) {
            operations.put(id, op);
        }
        String opPath = "/products/" + match.productId
                + (kind == Operation.Kind.UPLOAD ? "/submissions/draft/package/operations/" : "/submissions/operations/")
                + id;
        String location;
        switch (config.locationShape()) {
            case PATH:
                location = "/v1" + opPath;
                break;
            case PATH_WITHOUT_V1:
                location = opPath;
                break;
            case ABSOLUTE_URL:
                location = "http://127.0.0.1:" + boundPort + "/v1" + opPath;
                break;
            default:
                location = id;
        }
        ex.getResponseHeaders().set("Location", location);
        sendEmpty(ex, rec, 202); // Content-Length: 0, no body
    }

    private void handleStatus(HttpExchange ex, RecordedRequest rec, Match match, Operation.Kind kind)
            throws IOException {
        OpState op;
        synchronized (lock) {
            op = operations.get(match.operationId.toLowerCase(Locale.ROOT));
        }
        if (op == null || op.kind != kind || !op.productId.equalsIgnoreCase(match.productId)) {
            sendJson(ex, rec, 404, "{\"message\":\"Operation not found\"}");
            return;
        }
        sendJson(ex, rec, 200, op.poll(now()));
    }

    private void handleToken(HttpExchange ex, RecordedRequest rec, String contentType, Body body)
            throws IOException {
        Map<String, String> form = new HashMap<>();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                && body.text != null) {
            for (String pair : new String(body.text, StandardCharsets.UTF_8).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                form.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            }
        }
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        boolean credentialsOk = config.clientId().equals(id) && config.clientSecret().equals(secret);
        rec.authValid(credentialsOk);
        if (id == null || secret == null) {
            tokenError(ex, rec, 400, "invalid_request",
                    "AADSTS900144: The request body must contain the parameters client_id and client_secret"
                            + " (form-urlencoded).");
            return;
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            tokenError(ex, rec, 400, "unsupported_grant_type",
                    "AADSTS70003: The app requested an unsupported grant type; use client_credentials.");
            return;
        }
        if (!credentialsOk) {
            tokenError(ex, rec, 401, "invalid_client",
                    "AADSTS7000215: Invalid client secret provided, or unknown client id.");
            return;
        }
        String token = "sim-token-" + tokenCounter.incrementAndGet();
        Duration lifetime = config.tokenLifetime();
        synchronized (lock) {
            tokens.put(token, now().plus(lifetime));
            tokenScopes.add(form.get("scope"));
        }
        sendJson(ex, rec, 200, "{\"token_type\":\"Bearer\",\"expires_in\":" + lifetime.getSeconds()
                + ",\"ext_expires_in\":" + lifetime.getSeconds() + ",\"access_token\":" + SimJson.quote(token) + "}");
    }

    private void tokenError(HttpExchange ex, RecordedRequest rec, int status, String error, String description)
            throws IOException {
        // Azure AD's descriptions run over several lines: the message, then trace and correlation ids
        String full = description + "\r\nTrace ID: " + UUID.randomUUID() + "\r\nCorrelation ID: " + UUID.randomUUID()
                + "\r\nTimestamp: " + Instant.now();
        sendJson(ex, rec, status, "{\"error\":" + SimJson.quote(error) + ",\"error_description\":"
                + SimJson.quote(full) + ",\"error_codes\":[" + description.replaceAll("^AADSTS(\\d+).*", "$1")
                + "]}");
    }

    private void applyFault(HttpExchange ex, RecordedRequest rec, Match match, Fault fault) throws IOException {
        String opId = match.operationId != null ? match.operationId : UUID.randomUUID().toString();
        switch (fault.kind()) {
            case CLOSE_CONNECTION:
                rec.status(-1);
                ex.close(); // no response headers sent yet: the server drops the TCP connection
                return;
            case STATUS:
                for (Map.Entry<String, String> h : fault.headers().entrySet()) {
                    ex.getResponseHeaders().set(h.getKey(), h.getValue());
                }
                if (fault.retryAfter() != null) {
                    ex.getResponseHeaders().set("Retry-After", fault.retryAfter());
                }
                if (fault.body() == null) {
                    sendEmpty(ex, rec, fault.statusCode());
                } else {
                    send(ex, rec, fault.statusCode(), fault.contentType(), fault.body());
                }
                return;
            case MALFORMED_BODY:
                sendJson(ex, rec, 200, "{\"status\": ");
                return;
            case EMPTY_BODY:
                ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                sendEmpty(ex, rec, 200);
                return;
            case NO_STATUS_FIELD:
                sendJson(ex, rec, 200, "{\"id\":" + SimJson.quote(opId) + "}");
                return;
            case UNKNOWN_STATUS:
                String now = now().toString();
                sendJson(ex, rec, 200, "{\"id\":" + SimJson.quote(opId) + ",\"createdTime\":" + SimJson.quote(now)
                        + ",\"lastUpdatedTime\":" + SimJson.quote(now) + ",\"status\":" + SimJson.quote(fault.word())
                        + ",\"message\":null,\"errorCode\":null,\"errors\":null}");
                return;
            case OVERSIZED_BODY:
                StringBuilder big = new StringBuilder(fault.size()).append("{\"id\":").append(SimJson.quote(opId))
                        .append(",\"status\":\"InProgress\",\"message\":\"");
                while (big.length() < fault.size() - 2) {
                    big.append('x');
                }
                sendJson(ex, rec, 200, big.append("\"}").toString());
                return;
            default:
                throw new IllegalStateException("unhandled fault " + fault);
        }
    }

    private String productsJson() {
        StringBuilder sb = new StringBuilder("[");
        int i = 0;
        String updated = Instant.now().minus(Duration.ofDays(3)).toString();
        for (String p : config.products()) {
            if (i++ > 0) {
                sb.append(',');
            }
            sb.append("{\"id\":").append(SimJson.quote(p))
                    .append(",\"name\":").append(SimJson.quote("Simulated extension " + i))
                    .append(",\"status\":\"Published\"")
                    .append(",\"lastUpdatedDate\":").append(SimJson.quote(updated)).append('}');
        }
        return sb.append(']').toString();
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

    private boolean isAuthorized(Headers h) {
        String auth = h.getFirst("Authorization");
        if (auth == null) {
            return false;
        }
        auth = auth.trim();
        int sp = auth.indexOf(' ');
        if (sp < 0) {
            return false;
        }
        String scheme = auth.substring(0, sp);
        String value = auth.substring(sp + 1).trim();
        if ("ApiKey".equalsIgnoreCase(scheme)) {
            return config.apiKey().equals(value) && config.clientId().equals(h.getFirst("X-ClientID"));
        }
        if ("Bearer".equalsIgnoreCase(scheme)) {
            synchronized (lock) {
                Instant expiry = tokens.get(value);
                return expiry != null && now().isBefore(expiry);
            }
        }
        return false;
    }

    /**
     * A 401 as the live service words it: an API-key request without the {@code X-ClientID} header (for
     * example misspelt {@code X-Client-ID}) falls back to the JWT check, answering "Invalid Azure AD JWT"; a
     * bearer token that is not accepted answers "Invalid JWT."; a wrong key or client id answers an empty 401.
     */
    private void unauthorized(HttpExchange ex, RecordedRequest rec, Headers h) throws IOException {
        String auth = h.getFirst("Authorization");
        String scheme = auth == null ? "" : auth.trim().split(" ", 2)[0];
        if ("ApiKey".equalsIgnoreCase(scheme) && h.getFirst("X-ClientID") == null) {
            sendJson(ex, rec, 401, INVALID_AZURE_AD_JWT);
        } else if ("Bearer".equalsIgnoreCase(scheme)) {
            sendJson(ex, rec, 401, INVALID_JWT);
        } else {
            sendEmpty(ex, rec, 401);
        }
    }

    private static boolean isBearer(Headers h) {
        String auth = h.getFirst("Authorization");
        return auth != null && auth.trim().regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private Map<String, List<String>> maskHeaders(Headers h) {
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> e : h.entrySet()) {
            List<String> values = new ArrayList<>();
            for (String v : e.getValue()) {
                if ("Authorization".equalsIgnoreCase(e.getKey()) || "Proxy-Authorization".equalsIgnoreCase(e.getKey())) {
                    String t = v.trim();
                    int sp = t.indexOf(' ');
                    values.add(sp < 0 ? MASK : t.substring(0, sp) + " " + MASK);
                } else {
                    values.add(maskLiterals(v));
                }
            }
            out.put(e.getKey(), Collections.unmodifiableList(values));
        }
        return out;
    }

    private String maskLiterals(String s) {
        if (s == null) {
            return null;
        }
        String out = s;
        for (String secret : new String[] {config.apiKey(), config.clientSecret(), API_KEY, CLIENT_SECRET}) {
            if (secret != null && secret.length() >= 4) { // a shorter "secret" would mask ordinary text
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }

    private static boolean isZip(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        String mime = (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
        return "application/zip".equalsIgnoreCase(mime);
    }

    private static final class Body {
        long size;
        String sha256;
        byte[] text; // the bytes when size <= TEXT_LIMIT and text was wanted, else null
    }

    /** Stream the body: size and SHA-256 on the fly, at most 64 KiB kept in memory, optional copy to a file. */
    private static Body readBody(InputStream in, boolean keepText, Path saveTo) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream text = keepText ? new ByteArrayOutputStream() : null;
        byte[] buf = new byte[64 * 1024];
        long size = 0;
        OutputStream file = saveTo == null ? null : Files.newOutputStream(saveTo);
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
                size += n;
                if (file != null) {
                    file.write(buf, 0, n);
                }
                if (text != null) {
                    if (size <= TEXT_LIMIT) {
                        text.write(buf, 0, n);
                    } else {
                        text = null;
                    }
                }
            }
        } finally {
            if (file != null) {
                file.close();
            }
        }
        Body b = new Body();
        b.size = size;
        b.sha256 = hex(sha.digest());
        b.text = text == null ? null : text.toByteArray();
        return b;
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte x : bytes) {
            sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return sb.toString();
    }

    private static void sendEmpty(HttpExchange ex, RecordedRequest rec, int status) throws IOException {
        rec.status(status);
        ex.sendResponseHeaders(status, -1); // Content-Length: 0 (except 204/304)
    }

    private static void sendJson(HttpExchange ex, RecordedRequest rec, int status, String json) throws IOException {
        send(ex, rec, status, "application/json; charset=utf-8", json);
    }

    private static void send(HttpExchange ex, RecordedRequest rec, int status, String contentType, String body)
            throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        rec.status(status);
        if (b.length == 0) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    // ------------------------------------------------------------------ operations

    private static final class OpState {
        final String id;
        final Operation.Kind kind;
        final String productId;
        final Instant created;
        final Outcome outcome;
        final Vocabulary vocabulary;
        final String successMessage;
        // guarded by this
        Instant terminalAt;
        int polls;

        OpState(String id, Operation.Kind kind, String productId, Instant created, Outcome outcome,
                Vocabulary vocabulary) {
            this.id = id;
            this.kind = kind;
            this.productId = productId;
            this.created = created;
            this.outcome = outcome;
            this.vocabulary = vocabulary;
            this.successMessage = kind == Operation.Kind.UPLOAD ? UPLOAD_SUCCESS_MESSAGE
                    : "Successfully created submission with ID " + submissionNumber();
            if (outcome.delay() != null) {
                terminalAt = created.plus(outcome.delay());
            }
        }

        /** Ends a pending operation now (see {@link EdgeApiSimulator#complete(String)}). */
        synchronized void complete(Instant now) {
            if (terminalAt == null || now.isBefore(terminalAt)) {
                terminalAt = now;
            }
        }

        /** A 19-digit submission id, as the live service answers (1152921505701822265): more than a long's 18 safe digits. */
        private static String submissionNumber() {
            return "11529215" + String.format(Locale.ROOT, "%011d",
                    java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000_000_000L));
        }

        /** Answer one status GET: the JSON body. */
        synchronized String poll(Instant now) {
            polls++;
            boolean terminal;
            if (terminalAt != null && !now.isBefore(terminalAt)) {
                terminal = true;
            } else if (outcome.delay() != null) {
                terminal = !now.isBefore(terminalAt);
            } else if (terminalAt != null) {
                terminal = true;
            } else if (polls > outcome.polls()) {
                terminal = true;
                terminalAt = now;
            } else {
                terminal = false;
            }
            String createdTime = outcome.isNullTimes() ? null : created.toString();
            if (!terminal) {
                return statusJson(createdTime, createdTime, inProgressWord(), null, null, "null");
            }
            if (outcome.isIdAndMessageOnly()) {
                return "{\"id\":" + SimJson.quote(id) + ",\"message\":" + SimJson.quote(message()) + "}";
            }
            String updated = outcome.isNullTimes() ? null : terminalAt.toString();
            if (outcome.isSuccess()) {
                return statusJson(createdTime, updated, finalWord(), message(), null, "null");
            }
            return statusJson(createdTime, updated, finalWord(), message(), outcome.errorCode(), errorsJson());
        }

        private String message() {
            return outcome.hasMessage() ? outcome.message() : successMessage;
        }

        private String statusJson(String createdTime, String updated, String status, String message,
                String errorCode, String errorsJson) {
            return "{\"id\":" + SimJson.quote(id)
                    + ",\"createdTime\":" + SimJson.quote(createdTime)
                    + ",\"lastUpdatedTime\":" + SimJson.quote(updated)
                    + ",\"status\":" + SimJson.quote(status)
                    + ",\"message\":" + SimJson.quote(message)
                    + ",\"errorCode\":" + SimJson.quote(errorCode)
                    + ",\"errors\":" + errorsJson + "}";
        }

        private String errorsJson() {
            List<Outcome.ErrorItem> errors = outcome.errors();
            if (vocabulary == Vocabulary.LEGACY_2021 && kind == Operation.Kind.UPLOAD) {
                // 2021 proposal: [{"id": "MANIFEST_FILE_MISSING", "message": "..."}]
                String code = outcome.errorCode() != null ? outcome.errorCode() : "MANIFEST_FILE_MISSING";
                StringBuilder sb = new StringBuilder("[");
                if (errors == null) {
                    sb.append("{\"id\":").append(SimJson.quote(code)).append(",\"message\":")
                            .append(SimJson.quote(outcome.message())).append('}');
                } else {
                    for (int i = 0; i < errors.size(); i++) {
                        sb.append(i > 0 ? "," : "").append("{\"id\":").append(SimJson.quote(code))
                                .append(",\"message\":").append(SimJson.quote(errors.get(i).message())).append('}');
                    }
                }
                return sb.append(']').toString();
            }
            if (errors == null) {
                return "null";
            }
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < errors.size(); i++) {
                Outcome.ErrorItem e = errors.get(i);
                if (i > 0) {
                    sb.append(',');
                }
                if (e.isObject()) {
                    sb.append("{\"message\":").append(SimJson.quote(e.message())).append('}');
                } else {
                    sb.append(SimJson.quote(e.message()));
                }
            }
            return sb.append(']').toString();
        }

        private String inProgressWord() {
            return vocabulary == Vocabulary.MODERN ? "InProgress" : "IN-PROGRESS";
        }

        String finalWord() {
            if (vocabulary == Vocabulary.MODERN) {
                return outcome.isSuccess() ? "Succeeded" : "Failed";
            }
            if (kind == Operation.Kind.UPLOAD) {
                return outcome.isSuccess() ? "SUCCESS" : "FAILED";
            }
            if (outcome.isSuccess()) {
                return "IN-REVIEW";
            }
            String code = outcome.errorCode();
            if ("NoModulesUpdated".equals(code) || "NOTHING-TO-PUBLISH".equals(code)) {
                return "NOTHING-TO-PUBLISH";
            }
            if ("InProgressSubmission".equals(code) || "CONFLICT".equals(code)) {
                return "CONFLICT";
            }
            return "FAILED";
        }

        synchronized Operation snapshot(Instant now) {
            boolean terminal = terminalAt != null && !now.isBefore(terminalAt);
            return new Operation(id, kind, productId, created, terminalAt, finalWord(), outcome.errorCode(),
                    outcome.isSuccess(), terminal, polls);
        }
    }

    // ------------------------------------------------------------------ CLI

    /**
     * {@code java -cp target/test-classes io.github.edgeaddons.sim.EdgeApiSimulator [--port N] [--port-file FILE]
     * [--upload-polls N] [--publish-polls N] [--upload-after SECONDS] [--publish-after SECONDS]
     * [--publish-outcome Succeeded|NoModulesUpdated|InProgressSubmission] [--vocabulary modern|legacy]
     * [--location bare|path|absolute]}. Runs until killed.
     */
    public static void main(String[] args) throws Exception {
        EdgeApiSimulator sim = new EdgeApiSimulator();
        Config c = sim.config();
        Path portFile = null;
        Integer uploadPolls = null;
        Integer publishPolls = null;
        Duration uploadAfter = null;
        Duration publishAfter = null;
        Outcome publish = Outcome.succeeded();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ("--help".equals(a) || "-h".equals(a)) {
                System.out.println("usage: EdgeApiSimulator [--port N] [--port-file FILE] [--upload-polls N]"
                        + " [--publish-polls N] [--upload-after SECONDS] [--publish-after SECONDS]"
                        + " [--publish-outcome Succeeded|NoModulesUpdated|InProgressSubmission]"
                        + " [--vocabulary modern|legacy] [--location bare|path|path-without-v1|absolute] [--log-requests]");
                return;
            }
            if ("--log-requests".equals(a)) {
                sim.logRequests = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--port":
                    sim.port(Integer.parseInt(v));
                    break;
                case "--port-file":
                    portFile = Paths.get(v);
                    break;
                case "--upload-polls":
                    uploadPolls = Integer.parseInt(v);
                    break;
                case "--publish-polls":
                    publishPolls = Integer.parseInt(v);
                    break;
                case "--upload-after":
                    uploadAfter = seconds(v);
                    break;
                case "--publish-after":
                    publishAfter = seconds(v);
                    break;
                case "--publish-outcome":
                    publish = publishOutcome(v);
                    break;
                case "--vocabulary":
                    c.vocabulary("legacy".equalsIgnoreCase(v) || "legacy_2021".equalsIgnoreCase(v)
                            ? Vocabulary.LEGACY_2021 : vocabularyModern(v));
                    break;
                case "--location":
                    c.locationShape(location(v));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + a);
            }
        }
        Outcome upload = Outcome.succeeded();
        if (uploadPolls != null) {
            upload = upload.afterPolls(uploadPolls);
        }
        if (uploadAfter != null) {
            upload = upload.after(uploadAfter);
        }
        if (publishPolls != null) {
            publish = publish.afterPolls(publishPolls);
        }
        if (publishAfter != null) {
            publish = publish.after(publishAfter);
        }
        c.uploadOutcome(upload).publishOutcome(publish);
        sim.enableControlEndpoints().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "edge-api-sim-shutdown"));
        if (portFile != null) {
            Path abs = portFile.toAbsolutePath();
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
            Files.write(tmp, String.valueOf(sim.port()).getBytes(StandardCharsets.US_ASCII));
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        System.out.println("Edge API simulator listening on " + sim.baseUrl());
        System.out.flush();
        stopped.await();
    }

    private static Vocabulary vocabularyModern(String v) {
        if (!"modern".equalsIgnoreCase(v)) {
            throw new IllegalArgumentException("--vocabulary must be modern or legacy: " + v);
        }
        return Vocabulary.MODERN;
    }

    private static LocationShape location(String v) {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "bare":
            case "bare_id":
                return LocationShape.BARE_ID;
            case "path":
                return LocationShape.PATH;
            case "path-without-v1":
            case "path_without_v1":
                return LocationShape.PATH_WITHOUT_V1;
            case "absolute":
            case "absolute_url":
                return LocationShape.ABSOLUTE_URL;
            default:
                throw new IllegalArgumentException("--location must be bare, path, path-without-v1 or absolute: " + v);
        }
    }

    private static Outcome publishOutcome(String v) {
        switch (v) {
            case "Succeeded":
                return Outcome.succeeded();
            case "NoModulesUpdated":
                return Outcome.failed("NoModulesUpdated",
                        "Can't create new submission: no modules were updated since the last submission.");
            case "InProgressSubmission":
                return Outcome.failed("InProgressSubmission",
                        "Can't create new submission, request is not allowed because there is an in progress"
                                + " submission.");
            default:
                throw new IllegalArgumentException(
                        "--publish-outcome must be Succeeded, NoModulesUpdated or InProgressSubmission: " + v);
        }
    }

    private static Duration seconds(String v) {
        double s = Double.parseDouble(v);
        if (s < 0) {
            throw new IllegalArgumentException("negative duration: " + v);
        }
        return Duration.ofNanos(Math.round(s * 1_000_000_000d));
    }
}
