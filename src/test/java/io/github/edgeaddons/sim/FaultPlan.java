package io.github.edgeaddons.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded fault plan for one release against the simulator (issue 12): for the n-th request on each route
 * (token, upload, upload status, publish, publish status) a fault or none, drawn from every {@link Kind};
 * operations that take a random number of polls and end Succeeded or Failed; and, under OAuth, the moment
 * the access tokens expire. The same seed gives the same plan. (A TCP reset is not among the kinds: the JDK
 * server cannot send one; {@link Kind#CLOSED}, a connection closed without an answer, stands in for it.)
 *
 * <pre>
 * FaultPlan plan = FaultPlan.generate(seed, readTimeout, oauth);
 * sim.reset();
 * plan.install(sim);   // outcomes, vocabulary, location shape, and this plan as the fault source
 * // ... run a release ...
 * plan.applied();      // what was injected, request by request
 * </pre>
 */
public final class FaultPlan implements FaultSource {
    /** Requests per route that the plan covers; later ones are answered normally, so every run ends. */
    public static final int LENGTH = 40;

    private static final Set<Route> ALL = EnumSet.of(Route.TOKEN, Route.UPLOAD, Route.UPLOAD_STATUS, Route.PUBLISH,
            Route.PUBLISH_STATUS);
    private static final Set<Route> STATUS_AND_TOKEN = EnumSet.of(Route.TOKEN, Route.UPLOAD_STATUS,
            Route.PUBLISH_STATUS);
    private static final Set<Route> STATUS = EnumSet.of(Route.UPLOAD_STATUS, Route.PUBLISH_STATUS);
    private static final Set<Route> NONE = EnumSet.noneOf(Route.class);

    /** The kinds of fault a plan draws from, and the routes each applies to. */
    public enum Kind {
        THROTTLED("429 without Retry-After", ALL),
        /** Every request on the route answers 429 without Retry-After for some seconds (simulator clock). */
        THROTTLED_FOR("429s for seconds on end, no Retry-After", ALL),
        THROTTLED_RETRY_AFTER("429 with Retry-After", ALL),
        SERVER_ERROR("500 (empty, live headers, or JSON)", ALL),
        BAD_GATEWAY_HTML("502 XHTML page", ALL),
        UNAVAILABLE("503", ALL),
        GATEWAY_TIMEOUT("504", ALL),
        NOT_FOUND_HTML("404 HTML page (front door)", ALL),
        CLOSED("connection closed without an answer", ALL),
        SLOW("answer slower than the read timeout", ALL),
        MALFORMED("200 with cut-off JSON", STATUS),
        EMPTY("200 with an empty body", STATUS),
        NO_STATUS("200 without a status field", STATUS),
        UNKNOWN_STATUS("200 with an unknown status word", STATUS),
        HTML_200("200 with an HTML page", STATUS_AND_TOKEN),
        OVERSIZED("200 with a status body over the read limit", STATUS),
        /** Not drawn per request: every issued token expires after the plan's n-th authenticated request. */
        TOKEN_EXPIRY("access token expired mid-run", NONE);

        private final String label;
        private final Set<Route> routes;

        Kind(String label, Set<Route> routes) {
            this.label = label;
            this.routes = routes;
        }

        public String label() {
            return label;
        }

        public boolean appliesTo(Route route) {
            return routes.contains(route);
        }

        /**
         * True when an answer of this kind proves that the store did not act on the request: only 429 and
         * 503. Every other fault, on a POST, may hide a request the store processed.
         */
        public boolean provesNotProcessed() {
            return this == THROTTLED || this == THROTTLED_FOR || this == THROTTLED_RETRY_AFTER || this == UNAVAILABLE;
        }

        /**
         * True when a POST answered so leaves its outcome unknown to the client: a 500, 502 or 504, a
         * connection closed without an answer, an answer later than the read timeout.
         */
        public boolean hidesTheOutcome() {
            return this == SERVER_ERROR || this == BAD_GATEWAY_HTML || this == GATEWAY_TIMEOUT || this == CLOSED
                    || this == SLOW;
        }
    }

    /** One planned (and, once injected, applied) fault. */
    public static final class Entry {
        private final Kind kind;
        private final Fault fault;
        private final Duration length; // THROTTLED_FOR only

        Entry(Kind kind, Fault fault) {
            this(kind, fault, null);
        }

        Entry(Kind kind, Fault fault, Duration length) {
            this.kind = kind;
            this.fault = fault;
            this.length = length;
        }

        public Kind kind() {
            return kind;
        }

        public Fault fault() {
            return fault;
        }

        @Override
        public String toString() {
            return kind.label() + (kind == Kind.THROTTLED_RETRY_AFTER ? " " + fault.retryAfter() + " s"
                    : length != null ? " (" + length.getSeconds() + " s)" : "");
        }
    }

    private static final String HTML_504 = "<html><head><title>504 Gateway Time-out</title></head><body>"
            + "<center><h1>504 Gateway Time-out</h1></center></body></html>";

    private final long seed;
    private final double rate;
    private final Duration slow;
    private final Map<Route, List<Entry>> planned;
    private final Outcome uploadOutcome;
    private final Outcome publishOutcome;
    private final Vocabulary vocabulary;
    private final LocationShape locationShape;
    private final int tokenExpiryAfter; // authenticated requests; 0: never

    // guarded by this
    private final Map<Route, Integer> next = new EnumMap<>(Route.class);
    private final Map<Route, List<Entry>> applied = new EnumMap<>(Route.class);
    private final Map<Route, Entry> streaks = new EnumMap<>(Route.class);
    private final Map<Route, Instant> streakEnds = new EnumMap<>(Route.class);
    private int authenticated;
    private boolean tokensExpired;
    private EdgeApiSimulator sim;

    private FaultPlan(long seed, double rate, Duration slow, Map<Route, List<Entry>> planned, Outcome uploadOutcome,
            Outcome publishOutcome, Vocabulary vocabulary, LocationShape locationShape, int tokenExpiryAfter) {
        this.seed = seed;
        this.rate = rate;
        this.slow = slow;
        this.planned = planned;
        this.uploadOutcome = uploadOutcome;
        this.publishOutcome = publishOutcome;
        this.vocabulary = vocabulary;
        this.locationShape = locationShape;
        this.tokenExpiryAfter = tokenExpiryAfter;
    }

    /**
     * The plan of {@code seed}. {@code readTimeout} is the client's response timeout: a {@link Kind#SLOW}
     * answer comes half as late again, after the client gave up on it (on a POST, the store has acted).
     * {@code oauth}: the release authenticates with API v1 tokens, which may then expire mid-run.
     *
     * <p>Seeds that once failed are kept as regression cases, so a seed must keep its plan: a new fault
     * kind or setting is drawn after the existing draws, from its own {@code Random}, never in between.
     */
    public static FaultPlan generate(long seed, Duration readTimeout, boolean oauth) {
        Random rnd = new Random(seed);
        double[] rates = {0, 0.1, 0.2, 0.3, 0.45};
        double rate = rates[rnd.nextInt(rates.length)];
        Duration slow = readTimeout.plus(readTimeout.dividedBy(2));
        Map<Route, List<Entry>> planned = new EnumMap<>(Route.class);
        for (Route route : ALL) {
            List<Kind> kinds = new ArrayList<>();
            for (Kind k : Kind.values()) {
                if (k.appliesTo(route)) {
                    kinds.add(k);
                }
            }
            // fewer faults on the POSTs, so that most runs reach the waits, where a release goes wrong quietly
            double r = route == Route.UPLOAD || route == Route.PUBLISH ? rate / 2 : rate;
            List<Entry> list = new ArrayList<>(Collections.nCopies(LENGTH, (Entry) null));
            for (int i = 0; i < LENGTH; i++) {
                if (list.get(i) != null || rnd.nextDouble() >= r) {
                    continue;
                }
                Kind k = kinds.get(rnd.nextInt(kinds.size()));
                // a third of the faults come in streaks (the live store has answered 429s and 5xx for days)
                int streak = rnd.nextDouble() < 0.33 ? 2 + rnd.nextInt(7) : 1;
                if (k == Kind.THROTTLED_FOR) {
                    // one entry: from this request on, the route answers 429 for that long
                    list.set(i, new Entry(k, Fault.status(429), Duration.ofSeconds(5 + rnd.nextInt(300))));
                    continue;
                }
                for (int j = i; j < Math.min(LENGTH, i + streak); j++) {
                    list.set(j, new Entry(k, fault(k, rnd, slow)));
                }
            }
            planned.put(route, Collections.unmodifiableList(list));
        }
        Outcome upload = rnd.nextDouble() < 0.85 ? Outcome.succeeded() : uploadFailure(rnd);
        Outcome publish = rnd.nextDouble() < 0.8 ? Outcome.succeeded() : publishFailure(rnd);
        upload = length(upload, rnd);
        publish = length(publish, rnd);
        Vocabulary vocabulary = rnd.nextDouble() < 0.15 ? Vocabulary.LEGACY_2021 : Vocabulary.MODERN;
        LocationShape shape = LocationShape.values()[rnd.nextInt(LocationShape.values().length)];
        int expiry = rnd.nextBoolean() ? 1 + rnd.nextInt(12) : 0;
        if (!oauth) {
            expiry = 0;
        }
        return new FaultPlan(seed, rate, slow, planned, upload, publish, vocabulary, shape, expiry);
    }

    /** This plan, but the {@code n}-th request (from 1) on {@code route} answered later than the read timeout. */
    public FaultPlan withSlowAnswer(Route route, int n) {
        Map<Route, List<Entry>> copy = new EnumMap<>(planned);
        List<Entry> list = new ArrayList<>(copy.get(route));
        list.set(n - 1, new Entry(Kind.SLOW, Fault.delay(slow)));
        copy.put(route, Collections.unmodifiableList(list));
        return new FaultPlan(seed, rate, slow, copy, uploadOutcome, publishOutcome, vocabulary, locationShape,
                tokenExpiryAfter);
    }

    /** Most operations end after a few polls; a third last a time on the simulator's clock, up to 15 minutes. */
    private static Outcome length(Outcome o, Random rnd) {
        if (rnd.nextDouble() < 0.67) {
            return o.afterPolls(rnd.nextInt(8));
        }
        int[] seconds = {1, 2, 7, 15, 60, 300, 900};
        int s = seconds[rnd.nextInt(seconds.length)];
        return o.after(Duration.ofMillis(s * (500L + rnd.nextInt(1000))));
    }

    /**
     * The fault of kind {@code k} as a plan draws it ({@code slow}: the delay of {@link Kind#SLOW}); also what
     * another store's simulator answers for the kinds it has no shape of its own for.
     */
    public static Fault fault(Kind k, Random rnd, Duration slow) {
        switch (k) {
            case THROTTLED:
                return Fault.status(429);
            case THROTTLED_RETRY_AFTER:
                return Fault.status(429, String.valueOf(1 + rnd.nextInt(5)));
            case SERVER_ERROR:
                switch (rnd.nextInt(3)) {
                    case 0:
                        return Fault.status(500);
                    case 1:
                        return Fault.serverError500();
                    default:
                        return Fault.status(500).body("application/json; charset=utf-8",
                                "{\"message\":\"An error has occurred.\"}");
                }
            case BAD_GATEWAY_HTML:
                return Fault.badGateway502();
            case UNAVAILABLE:
                return rnd.nextBoolean() ? Fault.status(503) : Fault.status(503, "2");
            case GATEWAY_TIMEOUT:
                return Fault.status(504).body("text/html", HTML_504);
            case NOT_FOUND_HTML:
                return Fault.html404();
            case CLOSED:
                return Fault.closeConnection();
            case SLOW:
                return Fault.delay(slow);
            case MALFORMED:
                return Fault.malformedBody();
            case EMPTY:
                return Fault.emptyBody();
            case NO_STATUS:
                return Fault.noStatusField();
            case UNKNOWN_STATUS:
                return Fault.unknownStatus("Queued");
            case HTML_200:
                return Fault.htmlPage200();
            case OVERSIZED:
                return Fault.oversizedBody(1024 * 1024 + 4096 + rnd.nextInt(4096));
            default:
                throw new IllegalArgumentException(k.name());
        }
    }

    private static Outcome uploadFailure(Random rnd) {
        switch (rnd.nextInt(3)) {
            case 0:
                return Outcome.failed("PackageInvalid", "The package could not be processed.",
                        "manifest.json: version is missing");
            case 1:
                return Outcome.genericFailure();
            default:
                return Outcome.failedIdAndMessageOnly("An unexpected error occurred, please contact support");
        }
    }

    private static Outcome publishFailure(Random rnd) {
        switch (rnd.nextInt(4)) {
            case 0:
                return Outcome.failed("NoModulesUpdated",
                        "Can't create new submission: no modules were updated since the last submission.");
            case 1:
                return Outcome.failed("InProgressSubmission",
                        "Can't create new submission, request is not allowed because there is an in progress submission.");
            case 2:
                return Outcome.failedWithErrorObjects("ModuleStateUnPublishable", "Submission can't be published.",
                        "Invalid module : Properties");
            default:
                return Outcome.genericFailure();
        }
    }

    /** Reset {@code sim}'s settings to this plan's and make this plan its fault source. */
    public synchronized FaultPlan install(EdgeApiSimulator target) {
        this.sim = target;
        target.config().restoreDefaults()
                .uploadOutcome(uploadOutcome)
                .publishOutcome(publishOutcome)
                .vocabulary(vocabulary)
                .locationShape(locationShape)
                .faultSource(this);
        return this;
    }

    @Override
    public synchronized Fault next(Route route) {
        if (route != Route.TOKEN && route != Route.UNKNOWN && route != Route.PRODUCTS) {
            authenticated++;
            if (tokenExpiryAfter > 0 && authenticated == tokenExpiryAfter && sim != null) {
                // this request was authorized already; from the next one on, every issued token answers 401
                sim.expireTokens();
                tokensExpired = true;
            }
        }
        List<Entry> list = planned.get(route);
        if (list == null) {
            return null;
        }
        Instant now = sim == null ? Instant.now() : sim.clock().instant();
        Entry e;
        if (streaks.containsKey(route) && now.isBefore(streakEnds.get(route))) {
            e = streaks.get(route); // a streak answers every request of its time, without using up the plan
        } else {
            streaks.remove(route);
            int n = next.merge(route, 1, Integer::sum) - 1;
            e = n < list.size() ? list.get(n) : null;
            if (e != null && e.kind() == Kind.THROTTLED_FOR) {
                streaks.put(route, e);
                streakEnds.put(route, now.plus(e.length));
            }
        }
        applied.computeIfAbsent(route, r -> new ArrayList<>()).add(e);
        return e == null ? null : e.fault();
    }

    public long seed() {
        return seed;
    }

    /** The share of requests the plan faults (0: a run without faults, but with its outcomes and lengths). */
    public double faultRate() {
        return rate;
    }

    /** What the plan holds for the first {@link #LENGTH} requests on {@code route} (null: none). */
    public List<Entry> planned(Route route) {
        List<Entry> l = planned.get(route);
        return l == null ? Collections.emptyList() : l;
    }

    /** What was injected on {@code route}, one element per request in order of arrival (null: none). */
    public synchronized List<Entry> applied(Route route) {
        List<Entry> l = applied.get(route);
        return l == null ? Collections.emptyList() : Collections.unmodifiableList(new ArrayList<>(l));
    }

    /** How many faults of each kind were injected so far (token expiry counted once when it happened). */
    public synchronized Map<Kind, Integer> injected() {
        Map<Kind, Integer> out = new EnumMap<>(Kind.class);
        for (List<Entry> l : applied.values()) {
            for (Entry e : l) {
                if (e != null) {
                    out.merge(e.kind(), 1, Integer::sum);
                }
            }
        }
        if (tokensExpired) {
            out.merge(Kind.TOKEN_EXPIRY, 1, Integer::sum);
        }
        return out;
    }

    public Outcome uploadOutcome() {
        return uploadOutcome;
    }

    public Outcome publishOutcome() {
        return publishOutcome;
    }

    /** The plan in words: what each route gets (up to the requests that arrived), outcomes, token expiry. */
    public synchronized String describe() {
        StringBuilder b = new StringBuilder("fault plan of seed ").append(seed).append(": fault rate ").append(rate)
                .append(", upload ").append(uploadOutcome).append(", publish ").append(publishOutcome)
                .append(", vocabulary ").append(vocabulary).append(", location ").append(locationShape)
                .append(", tokens expire ").append(tokenExpiryAfter == 0 ? "never"
                        : "after authenticated request " + tokenExpiryAfter + (tokensExpired ? " (happened)" : ""));
        for (Route route : ALL) {
            List<Entry> list = planned.get(route);
            int arrived = next.getOrDefault(route, 0);
            b.append(System.lineSeparator()).append("  ").append(route).append(" (").append(arrived)
                    .append(" requests):");
            int shown = 0;
            for (int i = 0; i < list.size() && i < Math.max(arrived, 1); i++) {
                if (list.get(i) != null) {
                    b.append(" #").append(i + 1).append(' ').append(list.get(i)).append(';');
                    shown++;
                }
            }
            if (shown == 0) {
                b.append(" no fault");
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "FaultPlan[seed " + seed + ", rate " + rate + "]";
    }
}
