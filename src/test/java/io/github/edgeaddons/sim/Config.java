package io.github.edgeaddons.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Live settings of an {@link EdgeApiSimulator}. Thread-safe; a change applies to the requests that
 * arrive after it (an operation keeps the outcome and vocabulary it was created with).
 */
public final class Config {

    private volatile String clientId;
    private volatile String apiKey;
    private volatile String clientSecret;
    private volatile Duration tokenLifetime;
    private volatile List<String> products;
    private volatile Vocabulary vocabulary;
    private volatile LocationShape locationShape;
    private volatile Outcome uploadOutcome;
    private volatile Outcome publishOutcome;
    private volatile boolean requireUploadContentType;
    private volatile Path keepUploadsIn;

    // guarded by this
    private final Map<Route, Deque<Fault>> faults = new EnumMap<>(Route.class);
    private final Map<Route, Integer> sticky = new EnumMap<>(Route.class);
    private FaultSource faultSource;

    Config() {
        restoreDefaults();
    }

    /** Put every setting back to its default and drop all faults. */
    public Config restoreDefaults() {
        clientId = EdgeApiSimulator.CLIENT_ID;
        apiKey = EdgeApiSimulator.API_KEY;
        clientSecret = EdgeApiSimulator.CLIENT_SECRET;
        tokenLifetime = Duration.ofSeconds(3599);
        products = Collections.singletonList(EdgeApiSimulator.PRODUCT_ID);
        vocabulary = Vocabulary.MODERN;
        locationShape = LocationShape.BARE_ID;
        uploadOutcome = Outcome.succeeded();
        publishOutcome = Outcome.succeeded();
        requireUploadContentType = true;
        keepUploadsIn = null;
        clearFaults();
        return this;
    }

    public Config clientId(String value) {
        clientId = Objects.requireNonNull(value, "clientId");
        return this;
    }

    public String clientId() {
        return clientId;
    }

    /** The v1.1 API key ({@code Authorization: ApiKey ...}). */
    public Config apiKey(String value) {
        apiKey = Objects.requireNonNull(value, "apiKey");
        return this;
    }

    public String apiKey() {
        return apiKey;
    }

    /** The v1 client secret (token endpoint). */
    public Config clientSecret(String value) {
        clientSecret = Objects.requireNonNull(value, "clientSecret");
        return this;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** Lifetime of issued v1 tokens, and the {@code expires_in} answered (default 3599 s). */
    public Config tokenLifetime(Duration value) {
        tokenLifetime = Objects.requireNonNull(value, "tokenLifetime");
        return this;
    }

    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    /** The known product GUIDs (default: just {@link EdgeApiSimulator#PRODUCT_ID}). */
    public Config products(String... ids) {
        products = Collections.unmodifiableList(new ArrayList<>(Arrays.asList(ids)));
        return this;
    }

    public List<String> products() {
        return products;
    }

    boolean isKnownProduct(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        for (String p : products) {
            if (p.toLowerCase(Locale.ROOT).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    public Config vocabulary(Vocabulary value) {
        vocabulary = Objects.requireNonNull(value, "vocabulary");
        return this;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public Config locationShape(LocationShape value) {
        locationShape = Objects.requireNonNull(value, "locationShape");
        return this;
    }

    public LocationShape locationShape() {
        return locationShape;
    }

    public Config uploadOutcome(Outcome value) {
        uploadOutcome = Objects.requireNonNull(value, "uploadOutcome");
        return this;
    }

    public Outcome uploadOutcome() {
        return uploadOutcome;
    }

    public Config publishOutcome(Outcome value) {
        publishOutcome = Objects.requireNonNull(value, "publishOutcome");
        return this;
    }

    public Outcome publishOutcome() {
        return publishOutcome;
    }

    /** Default true: an upload without {@code Content-Type: application/zip} answers 400. */
    public Config requireUploadContentType(boolean value) {
        requireUploadContentType = value;
        return this;
    }

    public boolean requireUploadContentType() {
        return requireUploadContentType;
    }

    /**
     * Write the bytes of every upload POST into a file in {@code dir} (null: keep nothing, the default).
     * See {@link RecordedRequest#savedFile()}.
     */
    public Config keepUploadsIn(Path dir) {
        keepUploadsIn = dir;
        return this;
    }

    public Path keepUploadsIn() {
        return keepUploadsIn;
    }

    /** Queue a one-shot fault for the next request on {@code route}; queued faults apply in order. */
    public synchronized Config fault(Route route, Fault fault) {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(fault, "fault");
        faults.computeIfAbsent(route, r -> new ArrayDeque<>()).addLast(fault);
        return this;
    }

    /** Every request on {@code route} answers {@code status} (empty body) until {@link #clearFaults()}. */
    public synchronized Config failAlways(Route route, int status) {
        Objects.requireNonNull(route, "route");
        Fault.status(status); // validates
        sticky.put(route, status);
        return this;
    }

    /**
     * Ask {@code source} for the fault of every request that no queued or sticky fault claims (null: none,
     * the default), e.g. a seeded {@link FaultPlan}. Dropped by {@link #clearFaults()}.
     */
    public synchronized Config faultSource(FaultSource source) {
        faultSource = source;
        return this;
    }

    /** Drop queued one-shot faults, sticky failures and the fault source. */
    public synchronized Config clearFaults() {
        faults.clear();
        sticky.clear();
        faultSource = null;
        return this;
    }

    /** Faults still queued for {@code route}. */
    public synchronized int pendingFaults(Route route) {
        Deque<Fault> q = faults.get(route);
        return q == null ? 0 : q.size();
    }

    /**
     * The fault for the request now arriving on {@code route}, or null: one-shot faults first, then sticky,
     * then the fault source.
     */
    synchronized Fault takeFault(Route route) {
        Deque<Fault> q = faults.get(route);
        if (q != null && !q.isEmpty()) {
            return q.removeFirst();
        }
        Integer code = sticky.get(route);
        if (code != null) {
            return Fault.status(code);
        }
        return faultSource == null ? null : faultSource.next(route);
    }
}
