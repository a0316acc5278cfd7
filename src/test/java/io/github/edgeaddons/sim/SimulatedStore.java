package io.github.edgeaddons.sim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the simulated Edge Add-ons store answers: its routes, credentials, products, operations, tokens and
 * quirks (the live service's wording of a 401, the v1 retirement, the Location header's shapes), and the
 * answer each {@link Fault} stands for. It knows no HTTP server: {@link EdgeApiSimulator} hands it a parsed
 * request and writes the {@link Answer} it returns, as OkHttp's MockWebServer hands requests to a
 * {@code Dispatcher}. Thread-safe.
 */
final class SimulatedStore {
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

    /** Where a request path leads: the route, and the ids in it. */
    static final class Match {
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

    /** One request as the store sees it. */
    static final class Request {
        final String method;
        final String path;
        final Match match;
        /** The first value of a request header, by name (any case); null when absent. */
        final Function<String, String> header;
        final long bodySize;
        /** The body as UTF-8 text when it was kept (small, not a zip), else null. */
        final String bodyText;
        /** Where the body of an upload was saved, or null. */
        final Path savedFile;

        Request(String method, String path, Match match, Function<String, String> header, long bodySize,
                String bodyText, Path savedFile) {
            this.method = method;
            this.path = path;
            this.match = match;
            this.header = header;
            this.bodySize = bodySize;
            this.bodyText = bodyText;
            this.savedFile = savedFile;
        }

        String contentType() {
            return header.apply("Content-Type");
        }
    }

    private final Config config;
    private final Supplier<Clock> clock;
    private final IntSupplier port;
    private final Object lock = new Object();
    private final Map<String, StoreOperation> operations = new LinkedHashMap<>(); // guarded by lock
    private final Map<String, Instant> tokens = new HashMap<>();                  // guarded by lock
    private final List<String> tokenScopes = new ArrayList<>();                   // guarded by lock
    private final AtomicLong tokenCounter = new AtomicLong();
    private String draftSha256;     // guarded by lock: the package of the last upload the store took
    private String publishedSha256; // guarded by lock: the package of the last publish the store took

    /**
     * @param clock the simulator's clock, read on each use (it can be changed)
     * @param port the bound port, for absolute {@code Location} URLs
     */
    SimulatedStore(Config config, Supplier<Clock> clock, IntSupplier port) {
        this.config = config;
        this.clock = clock;
        this.port = port;
    }

    private Instant now() {
        return clock.get().instant();
    }

    static Match match(String path) {
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

    // ------------------------------------------------------------------ state

    List<Operation> operations() {
        List<StoreOperation> copy;
        synchronized (lock) {
            copy = new ArrayList<>(operations.values());
        }
        Instant now = now();
        List<Operation> out = new ArrayList<>(copy.size());
        for (StoreOperation op : copy) {
            out.add(op.snapshot(now));
        }
        return Collections.unmodifiableList(out);
    }

    List<String> tokenScopes() {
        synchronized (lock) {
            return Collections.unmodifiableList(new ArrayList<>(tokenScopes));
        }
    }

    void reset() {
        synchronized (lock) {
            operations.clear();
            tokens.clear();
            tokenScopes.clear();
        }
    }

    void complete(String operationId) {
        StoreOperation op;
        synchronized (lock) {
            op = operations.get(operationId.toLowerCase(Locale.ROOT));
        }
        if (op == null) {
            throw new IllegalArgumentException("no operation " + operationId);
        }
        op.complete(now());
    }

    void expireTokens() {
        synchronized (lock) {
            Instant past = now().minusSeconds(1);
            for (Map.Entry<String, Instant> e : tokens.entrySet()) {
                e.setValue(past);
            }
        }
    }

    // ------------------------------------------------------------------ answers

    /** Whether the request carries credentials the store takes: the API key and client id, or a live token. */
    boolean isAuthorized(Function<String, String> header) {
        String auth = header.apply("Authorization");
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
            return config.apiKey().equals(value) && config.clientId().equals(header.apply("X-ClientID"));
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
     * The store's answer to a request no fault claimed.
     *
     * @param rec the request's record; a token request's credentials check is written into it
     */
    Answer answer(Request req, RecordedRequest rec) {
        Match match = req.match;
        if (match.route == Route.UNKNOWN) {
            return Answer.json(404, "{\"message\":" + SimJson.quote("No route for " + req.method + " " + req.path) + "}");
        }
        if (!match.expectedMethod.equals(req.method)) {
            return Answer.empty(405).header("Allow", match.expectedMethod);
        }
        if (match.route == Route.TOKEN) {
            return token(req, rec);
        }
        if (match.productId != null && !GUID_PATTERN.matcher(match.productId).matches()) {
            // Like a route constraint: a non-GUID product id never reaches the authenticated handler.
            return Answer.json(404, "{\"message\":\"Product id is not a GUID\"}");
        }
        if (!rec.authValid()) {
            return unauthorized(req.header);
        }
        if (config.v1Retired() && isBearer(req.header)) {
            return Answer.empty(410); // live from February 2025: v1 answers 410 Gone, though its token still comes
        }
        if (match.route == Route.PRODUCTS) {
            return Answer.json(200, productsJson());
        }
        if (!config.isKnownProduct(match.productId)) {
            return Answer.json(404, "{\"message\":\"Product not found\"}");
        }
        switch (match.route) {
            case UPLOAD:
                Answer a = upload(req);
                if (a.status() == 202) {
                    synchronized (lock) {
                        draftSha256 = rec.bodySha256();
                    }
                }
                return a;
            case PUBLISH:
                return createOperation(match, Operation.Kind.PUBLISH, publishOutcome());
            case UPLOAD_STATUS:
                return status(match, Operation.Kind.UPLOAD);
            case PUBLISH_STATUS:
                return status(match, Operation.Kind.PUBLISH);
            default:
                return Answer.empty(404);
        }
    }

    /** The publish's outcome: NoModulesUpdated for an unchanged draft when so configured, else the configured one. */
    private Outcome publishOutcome() {
        synchronized (lock) {
            if (config.unchangedIsNothingNew() && draftSha256 != null && draftSha256.equals(publishedSha256)) {
                return Outcome.failed("NoModulesUpdated",
                        "Can't create new submission: no modules were updated since the last submission.");
            }
            Outcome o = config.publishOutcome();
            if (o.isSuccess()) {
                publishedSha256 = draftSha256;
            }
            return o;
        }
    }

    private Answer upload(Request req) {
        if (config.requireUploadContentType() && !isZip(req.contentType())) {
            return Answer.json(400, "{\"message\":\"Content-Type must be application/zip\"}");
        }
        if (req.bodySize == 0) {
            return Answer.json(400, "{\"message\":\"The request body must contain the package zip\"}");
        }
        return createOperation(req.match, Operation.Kind.UPLOAD, config.uploadOutcome());
    }

    private Answer createOperation(Match match, Operation.Kind kind, Outcome outcome) {
        String id = UUID.randomUUID().toString();
        StoreOperation op = new StoreOperation(id, kind, match.productId, now(), outcome, config.vocabulary());
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
                location = "http://127.0.0.1:" + port.getAsInt() + "/v1" + opPath;
                break;
            default:
                location = id;
        }
        return Answer.empty(202).header("Location", location); // Content-Length: 0, no body
    }

    private Answer status(Match match, Operation.Kind kind) {
        StoreOperation op;
        synchronized (lock) {
            op = operations.get(match.operationId.toLowerCase(Locale.ROOT));
        }
        if (op == null || op.kind != kind || !op.productId.equalsIgnoreCase(match.productId)) {
            return Answer.json(404, "{\"message\":\"Operation not found\"}");
        }
        return Answer.json(200, op.poll(now()));
    }

    private Answer token(Request req, RecordedRequest rec) {
        Map<String, String> form = new HashMap<>();
        String contentType = req.contentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                && req.bodyText != null) {
            for (String pair : req.bodyText.split("&")) {
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
            return tokenError(400, "invalid_request",
                    "AADSTS900144: The request body must contain the parameters client_id and client_secret"
                            + " (form-urlencoded).");
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return tokenError(400, "unsupported_grant_type",
                    "AADSTS70003: The app requested an unsupported grant type; use client_credentials.");
        }
        if (!credentialsOk) {
            return tokenError(401, "invalid_client",
                    "AADSTS7000215: Invalid client secret provided, or unknown client id.");
        }
        String token = "sim-token-" + tokenCounter.incrementAndGet();
        Duration lifetime = config.tokenLifetime();
        synchronized (lock) {
            tokens.put(token, now().plus(lifetime));
            tokenScopes.add(form.get("scope"));
        }
        return Answer.json(200, "{\"token_type\":\"Bearer\",\"expires_in\":" + lifetime.getSeconds()
                + ",\"ext_expires_in\":" + lifetime.getSeconds() + ",\"access_token\":" + SimJson.quote(token) + "}");
    }

    private static Answer tokenError(int status, String error, String description) {
        // Azure AD's descriptions run over several lines: the message, then trace and correlation ids
        String full = description + "\r\nTrace ID: " + UUID.randomUUID() + "\r\nCorrelation ID: " + UUID.randomUUID()
                + "\r\nTimestamp: " + Instant.now();
        return Answer.json(status, "{\"error\":" + SimJson.quote(error) + ",\"error_description\":"
                + SimJson.quote(full) + ",\"error_codes\":[" + description.replaceAll("^AADSTS(\\d+).*", "$1")
                + "]}");
    }

    /**
     * A 401 as the live service words it: an API-key request without the {@code X-ClientID} header (for
     * example misspelt {@code X-Client-ID}) falls back to the JWT check, answering "Invalid Azure AD JWT"; a
     * bearer token that is not accepted answers "Invalid JWT."; a wrong key or client id answers an empty 401.
     */
    private static Answer unauthorized(Function<String, String> header) {
        String auth = header.apply("Authorization");
        String scheme = auth == null ? "" : auth.trim().split(" ", 2)[0];
        if ("ApiKey".equalsIgnoreCase(scheme) && header.apply("X-ClientID") == null) {
            return Answer.json(401, EdgeApiSimulator.INVALID_AZURE_AD_JWT);
        }
        if ("Bearer".equalsIgnoreCase(scheme)) {
            return Answer.json(401, EdgeApiSimulator.INVALID_JWT);
        }
        return Answer.empty(401);
    }

    private static boolean isBearer(Function<String, String> header) {
        String auth = header.apply("Authorization");
        return auth != null && auth.trim().regionMatches(true, 0, "Bearer ", 0, 7);
    }

    static boolean isZip(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        String mime = (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
        return "application/zip".equalsIgnoreCase(mime);
    }

    /**
     * The configured products; when any id is taken ({@link Config#acceptAnyProduct()}), also those that
     * operations were made for.
     */
    private String productsJson() {
        Set<String> ids = new LinkedHashSet<>(config.products());
        if (config.acceptsAnyProduct()) {
            synchronized (lock) {
                for (StoreOperation op : operations.values()) {
                    ids.add(op.productId);
                }
            }
        }
        StringBuilder sb = new StringBuilder("[");
        int i = 0;
        String updated = Instant.now().minus(Duration.ofDays(3)).toString();
        for (String p : ids) {
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

    // ------------------------------------------------------------------ faults

    /**
     * The answer a fault stands for, in place of the store's ({@link Fault.Kind#DELAY} is no answer of its
     * own: the server waits, then asks {@link #answer}).
     */
    Answer faultAnswer(Fault fault, Match match) {
        String opId = match.operationId != null ? match.operationId : UUID.randomUUID().toString();
        switch (fault.kind()) {
            case CLOSE_CONNECTION:
            case STATUS:
                return Answer.of(fault);
            case MALFORMED_BODY:
                return Answer.json(200, "{\"status\": ");
            case EMPTY_BODY:
                return Answer.json(200, "");
            case NO_STATUS_FIELD:
                return Answer.json(200, "{\"id\":" + SimJson.quote(opId) + "}");
            case UNKNOWN_STATUS:
                String now = now().toString();
                return Answer.json(200, "{\"id\":" + SimJson.quote(opId) + ",\"createdTime\":" + SimJson.quote(now)
                        + ",\"lastUpdatedTime\":" + SimJson.quote(now) + ",\"status\":" + SimJson.quote(fault.word())
                        + ",\"message\":null,\"errorCode\":null,\"errors\":null}");
            case OVERSIZED_BODY:
                StringBuilder big = new StringBuilder(fault.size()).append("{\"id\":").append(SimJson.quote(opId))
                        .append(",\"status\":\"InProgress\",\"message\":\"");
                while (big.length() < fault.size() - 2) {
                    big.append('x');
                }
                return Answer.json(200, big.append("\"}").toString());
            default:
                throw new IllegalStateException("no answer of its own for " + fault);
        }
    }
}
