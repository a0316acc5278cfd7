package io.github.edgeaddons.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
    private volatile boolean anyProduct;
    private volatile Vocabulary vocabulary;
    private volatile LocationShape locationShape;
    private volatile Outcome uploadOutcome;
    private volatile Outcome publishOutcome;
    private volatile boolean unchangedIsNothingNew;
    private volatile boolean requireUploadContentType;
    private volatile Path keepUploadsIn;
    private volatile boolean v1Retired;

    // guarded by this
    private final Map<Route, Deque<Fault>> faults = new EnumMap<>(Route.class);
    private final Map<Route, Integer> sticky = new EnumMap<>(Route.class);
    private final Map<Route, Deque<Streak>> streaks = new EnumMap<>(Route.class);

    /** A fault answered to every request on a route for a while, from the first request it answers. */
    private static final class Streak {
        final Fault fault;
        final Duration length;
        Instant start; // null until the first request

        Streak(Fault fault, Duration length) {
            this.fault = fault;
            this.length = length;
        }
    }

    private FaultSource faultSource; // guarded by this

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
        anyProduct = false;
        vocabulary = Vocabulary.MODERN;
        locationShape = LocationShape.BARE_ID;
        uploadOutcome = Outcome.succeeded();
        publishOutcome = Outcome.succeeded();
        unchangedIsNothingNew = false;
        requireUploadContentType = true;
        keepUploadsIn = null;
        v1Retired = false;
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

    /**
     * The known product GUIDs (default: just {@link EdgeApiSimulator#PRODUCT_ID}); any other answers 404
     * "Product not found", as the store does for a product that is not yours.
     */
    public Config products(String... ids) {
        products = Collections.unmodifiableList(new ArrayList<>(Arrays.asList(ids)));
        anyProduct = false;
        return this;
    }

    /**
     * Take any product GUID as a product of this account (what a user trying their own project wants; the
     * command line's default). {@link #products(String...)} narrows it again.
     */
    public Config acceptAnyProduct() {
        anyProduct = true;
        return this;
    }

    /** Whether every product GUID is taken ({@link #acceptAnyProduct()}). */
    public boolean acceptsAnyProduct() {
        return anyProduct;
    }

    public List<String> products() {
        return products;
    }

    boolean isKnownProduct(String id) {
        if (anyProduct) {
            return true;
        }
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

    /**
     * As the live store: a publish whose draft holds the same package bytes as the last publish the store
     * accepted fails with {@code NoModulesUpdated} ("no modules were updated since the last submission"),
     * whatever {@link #publishOutcome}. Off by default, so that tests may publish the same zip again.
     */
    public Config unchangedIsNothingNew(boolean value) {
        unchangedIsNothingNew = value;
        return this;
    }

    public boolean unchangedIsNothingNew() {
        return unchangedIsNothingNew;
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

    /**
     * Play the store after API v1 was retired (live from February 2025): the token endpoint still issues
     * tokens, but every API request authenticated with a valid bearer token answers {@code 410 Gone} (empty
     * body). API-key requests are served as before. Default false.
     */
    public Config v1Retired(boolean value) {
        v1Retired = value;
        return this;
    }

    public boolean v1Retired() {
        return v1Retired;
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
     * Ask {@code source} for the fault of every request that no queued fault, streak or sticky failure claims
     * (null: none, the default), e.g. a seeded {@link FaultPlan}. Dropped by {@link #clearFaults()}.
     */
    public synchronized Config faultSource(FaultSource source) {
        faultSource = source;
        return this;
    }

    /**
     * Every request on {@code route} answers {@code fault} for {@code length}, counted from the first request
     * it answers (so it can be set up before the flow starts), then the streak ends. Queued one-shot faults
     * still come first; several streaks on one route follow each other.
     */
    public synchronized Config faultFor(Route route, Fault fault, Duration length) {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("streak length must be positive: " + length);
        }
        if (fault.kind() == Fault.Kind.DELAY) {
            throw new IllegalArgumentException("a delay streak is not supported: queue delay faults instead");
        }
        streaks.computeIfAbsent(route, r -> new ArrayDeque<>()).addLast(new Streak(fault, length));
        return this;
    }

    /**
     * A throttling streak as the live service answers it: every request on {@code route} gets 429 with an
     * empty body and no {@code Retry-After} for {@code length}, from the first one.
     */
    public Config throttleFor(Route route, Duration length) {
        return faultFor(route, Fault.status(429), length);
    }

    /** Drop queued one-shot faults, streaks, sticky failures and the fault source. */
    public synchronized Config clearFaults() {
        faults.clear();
        sticky.clear();
        streaks.clear();
        faultSource = null;
        return this;
    }

    /** Faults still queued for {@code route}. */
    public synchronized int pendingFaults(Route route) {
        Deque<Fault> q = faults.get(route);
        return q == null ? 0 : q.size();
    }

    /** Whether a streak on {@code route} is set up and not over yet. */
    public synchronized boolean streakPending(Route route) {
        Deque<Streak> q = streaks.get(route);
        return q != null && !q.isEmpty();
    }

    /**
     * The fault for the request now arriving on {@code route} at {@code now}, or null: one-shot faults first,
     * then streaks, then sticky, then the fault source.
     */
    synchronized Fault takeFault(Route route, Instant now) {
        Deque<Fault> q = faults.get(route);
        if (q != null && !q.isEmpty()) {
            return q.removeFirst();
        }
        Deque<Streak> s = streaks.get(route);
        while (s != null && !s.isEmpty()) {
            Streak streak = s.peekFirst();
            if (streak.start == null) {
                streak.start = now;
            }
            if (now.isBefore(streak.start.plus(streak.length))) {
                return streak.fault;
            }
            s.removeFirst();
        }
        Integer code = sticky.get(route);
        if (code != null) {
            return Fault.status(code);
        }
        return faultSource == null ? null : faultSource.next(route);
    }
}
