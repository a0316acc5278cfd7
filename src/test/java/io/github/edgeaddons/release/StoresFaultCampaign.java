package io.github.edgeaddons.release;

import io.github.edgeaddons.chrome.ChromeCredentials;
import io.github.edgeaddons.chrome.ChromeParameters;
import io.github.edgeaddons.chrome.ChromeRelease;
import io.github.edgeaddons.chrome.ChromeSettings;
import io.github.edgeaddons.chrome.ChromeWebStoreClient;
import io.github.edgeaddons.core.Credentials;
import io.github.edgeaddons.core.Failure;
import io.github.edgeaddons.core.OperationState;
import io.github.edgeaddons.core.OperationStatus;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.core.TokenCache;
import io.github.edgeaddons.edge.AuthMode;
import io.github.edgeaddons.edge.ClientSettings;
import io.github.edgeaddons.edge.ClientTestSupport.RecordingReporter;
import io.github.edgeaddons.edge.ClientTestSupport.SimulatedTime;
import io.github.edgeaddons.edge.EdgeHints;
import io.github.edgeaddons.firefox.FirefoxRelease;
import io.github.edgeaddons.firefox.FirefoxSettings;
import io.github.edgeaddons.pkg.PackageInfo;
import io.github.edgeaddons.sim.EdgeApiSimulator;
import io.github.edgeaddons.sim.Fault;
import io.github.edgeaddons.sim.FaultPlan;
import io.github.edgeaddons.sim.Operation;
import io.github.edgeaddons.sim.RecordedRequest;
import io.github.edgeaddons.sim.chrome.ChromeFaults;
import io.github.edgeaddons.sim.chrome.ChromeRoute;
import io.github.edgeaddons.sim.chrome.ChromeStore;
import io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator;
import io.github.edgeaddons.sim.firefox.AmoSimulator;
import io.github.edgeaddons.sim.firefox.AmoStore;
import io.github.edgeaddons.sim.firefox.FirefoxFaults;
import io.github.edgeaddons.sim.firefox.FirefoxRoute;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The seeded fault campaign of issue 12 ({@link FaultCampaign}) carried to the other stores: the Chrome Web
 * Store's release ({@link ChromeRelease} against the {@link ChromeWebStoreSimulator}), Firefox Add-ons' release
 * ({@link FirefoxRelease} against the {@link AmoSimulator}), and the three-store deploy ({@link StoreReleases#runAll}
 * over Edge's release wrapped as a {@link StoreRelease}, Chrome and Firefox, each against its own simulator).
 * Each seed draws the store's starting state (an equal version already out, an invalid package...) and a fault
 * rate; each request then draws a fault of {@link FaultPlan.Kind} that fits its route's role
 * ({@link ChromeFaults}, {@link FirefoxFaults}). The invariants, checked on every run of every store:
 *
 * <ol>
 *   <li>the request that may change the store (Chrome's publish, AMO's version creation) is sent at most once
 *       per run, unless each earlier one was answered 429 or 503 (surely not processed), counted from the
 *       simulator's records;
 *   <li>the release ends by its timeout plus {@link FaultCampaign#MARGIN} (Edge: each of its three goals has its
 *       own, so three times it), and Chrome and Firefox report a timeout no earlier than it (less
 *       {@link FaultCampaign#TIMEOUT_ROUNDING});
 *   <li>released only when the store holds it (Chrome: a submitted or published revision of this version; AMO:
 *       the version exists; Edge: the publish operation Succeeded), already released only when the seed's store
 *       had it before the run;
 *   <li>every failure is a {@link StoreException} naming its cause among its {@link Failure facts}; when the
 *       changing request may have been processed (answered anything but 429, 503 or the front end's HTML 404)
 *       and there is no verdict, the failure prints the command that checks it (Chrome's status goal) or
 *       resumes it (Firefox's {@code firefox.resumeVersion});
 *   <li>no secret (client secret, refresh token, JWT secret, API key, access tokens, JWTs) in the log or the
 *       failure;
 *   <li>three stores: a fault in one store never changes another's outcome (each seed runs once without
 *       faults, then once per store with faults in that store only, and the other stores' summary lines are
 *       compared with the fault-free run's).
 * </ol>
 *
 * <p>Findings, counted in the figures but not failing a run (gaps of the Chrome and Firefox clients, unlike
 * Edge's {@link io.github.edgeaddons.core.Poller}): {@link #EARLY} a wait on an accepted upload that ends
 * before the deadline without a verdict (an unreadable status answer ends it), {@link #NO_COMMAND} such a failure printing no command, and
 * {@link #FRONT_END} a changing request answered by the front end's HTML 404 without the check command.
 *
 * <p>Time: as {@link FaultCampaign}, each store's client and simulator share a {@link SimulatedTime}: waits are
 * skipped and added to the clock, read timeouts are real (300 ms).
 */
final class StoresFaultCampaign implements AutoCloseable {
    static final Duration READ_TIMEOUT = FaultCampaign.READ_TIMEOUT;
    static final Duration SLOW = READ_TIMEOUT.plusMillis(200);
    static final String VERSION = "1.1.0";
    private static final Pattern CHROME_TOKEN = Pattern.compile("ya29\\.sim-");
    private static final Pattern EDGE_TOKEN = Pattern.compile("sim-token-\\d+");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.eyJ");
    private static final String FIREFOX_RESUME = "mvn edge-addons:firefox-release -s ci/settings.xml -Prelease"
            + " -Dfirefox.resumeVersion=";

    /** Which store(s) a run releases to. */
    enum Store {
        EDGE, CHROME, FIREFOX
    }

    /**
     * The gaps the campaign finds in the Chrome and Firefox waits, counted in the figures but not failing a run
     * (reported to be fixed in the clients; Edge's {@link io.github.edgeaddons.core.Poller} has neither):
     */
    static final String EARLY = "F1 a wait on an accepted upload ended before the deadline, not on a verdict";
    static final String NO_COMMAND = "F2 a failure after an accepted upload prints no command to check it";
    static final String FRONT_END = "F3 the changing request answered by the front end's HTML 404: no check command";

    /** A deliberate defect, to show that the checks catch it (each names the invariant it breaks). */
    enum Sabotage {
        NONE(0),
        /** Chrome: the campaign publishes once more after the release. */
        PUBLISH_TWICE(1),
        /** Firefox: the JWT secret in a debug line. */
        LOG_SECRET(5),
        /** Three stores: Chrome's outcome is made failed whenever Firefox failed. */
        CROSS_TALK(6);

        final int breaks;

        Sabotage(int breaks) {
            this.breaks = breaks;
        }
    }

    /** A seed's run of one store, or of the three. */
    static final class Run {
        final long seed;
        final String what;
        final List<String> violations = new ArrayList<>();
        /** Gaps found, not failing the run: see {@link Lane#checkCommon}. */
        final List<String> findings = new ArrayList<>();
        final StringBuilder transcript = new StringBuilder();
        final Map<FaultPlan.Kind, Integer> injected = new EnumMap<>(FaultPlan.Kind.class);
        /** Outcome per store, e.g. "Chrome Web Store: released", with the faulty store for three-store runs. */
        final Map<String, Integer> outcomes = new TreeMap<>();
        int requests;
        long realMillis;

        Run(long seed, String what) {
            this.seed = seed;
            this.what = what;
        }

        void violation(int invariant, String text) {
            violations.add("(" + invariant + ") " + text);
        }

        boolean ok() {
            return violations.isEmpty();
        }

        String summary() {
            StringBuilder b = new StringBuilder("seed ").append(seed).append(" (").append(what).append(", ")
                    .append(outcomes.keySet()).append("):");
            for (String v : violations) {
                b.append(System.lineSeparator()).append("    ").append(v.length() <= 400 ? v : v.substring(0, 400) + "...");
            }
            return b.append(System.lineSeparator()).append("    replay alone: mvn -B test -Dtest=StoresFaultCampaignTest"
                    + " -Dcampaign.store=").append(what).append(" -Dcampaign.seed=").append(seed).toString();
        }
    }

    /**
     * The faults of one store's run: each request draws, with the seed's rate, a kind that fits its route, from
     * the seed's own Random; what was drawn is kept per route.
     */
    static final class SeededFaults<R extends Enum<R>> implements Function<R, Fault> {
        private final Random rnd;
        private final double rate;
        private final BiPredicate<FaultPlan.Kind, R> fits;
        private final Maker maker;
        final Map<FaultPlan.Kind, Integer> injected = new EnumMap<>(FaultPlan.Kind.class);
        final List<String> drawn = new ArrayList<>();

        interface Maker {
            Fault of(FaultPlan.Kind kind, Random rnd, Duration slow);
        }

        SeededFaults(long seed, BiPredicate<FaultPlan.Kind, R> fits, Maker maker) {
            this.rnd = new Random(seed * 0x2545F4914F6CDD1DL + 99);
            this.rate = rnd.nextDouble() < 0.2 ? 0 : 0.05 + rnd.nextDouble() * 0.3;
            this.fits = fits;
            this.maker = maker;
        }

        @Override
        public synchronized Fault apply(R route) {
            if (rate == 0 || rnd.nextDouble() >= rate) {
                return null;
            }
            List<FaultPlan.Kind> kinds = new ArrayList<>();
            for (FaultPlan.Kind k : FaultPlan.Kind.values()) {
                if (k != FaultPlan.Kind.TOKEN_EXPIRY && fits.test(k, route)) {
                    kinds.add(k);
                }
            }
            if (kinds.isEmpty()) {
                return null;
            }
            FaultPlan.Kind k = kinds.get(rnd.nextInt(kinds.size()));
            injected.merge(k, 1, Integer::sum);
            drawn.add(route + ": " + k);
            return maker.of(k, rnd, SLOW);
        }
    }

    /** One store's part: prepares its release for a seed, and checks the run afterwards. */
    abstract static class Lane implements StoreRelease {
        SimulatedTime time;
        RecordingReporter reporter;
        boolean faults;
        long seed;
        Duration timeout;
        Instant started;
        Instant ended;
        StoreOutcome outcome;
        Sabotage sabotage = Sabotage.NONE;
        Map<FaultPlan.Kind, Integer> injected = Collections.emptyMap();
        String drawn = "";

        /** Resets the simulator and builds the release of {@code seed}, with faults or without. */
        final void prepare(long seed, boolean faults, Sabotage sabotage) throws Exception {
            this.seed = seed;
            this.faults = faults;
            this.sabotage = sabotage;
            this.time = new SimulatedTime();
            this.reporter = new RecordingReporter();
            this.outcome = null;
            Random rnd = new Random(seed * 1_000_003L + getClass().getSimpleName().length());
            this.timeout = rnd.nextDouble() < 0.75 ? Duration.ofMinutes(10) : Duration.ofSeconds(2 + rnd.nextInt(59));
            setUp(rnd);
        }

        abstract void setUp(Random rnd) throws Exception;

        /** How long the whole release may take: its timeout. */
        Duration budget() {
            return timeout;
        }

        /** Whether a wait that ends before the timeout is a finding (Edge's goals each have their own timeout). */
        boolean checksEarlyTimeout() {
            return true;
        }

        abstract StoreOutcome release();

        /** The failure behind a failed outcome (null when none). */
        abstract Exception failure();

        abstract List<RecordedRequest> records();

        abstract void check(Run run);

        abstract List<String> secrets();

        abstract Pattern tokens();

        @Override
        public final StoreOutcome run() {
            started = time.instant();
            try {
                outcome = release();
            } finally {
                ended = time.instant();
            }
            return outcome;
        }

        /** Invariants 2, 4 and 5, common to the stores. */
        final void checkCommon(Run run, String changing, String check) {
            String name = store();
            Duration elapsed = Duration.between(started, ended);
            if (elapsed.compareTo(budget().plus(FaultCampaign.MARGIN)) > 0) {
                run.violation(2, name + " took " + elapsed + " with a budget of " + budget());
            }
            Exception x = failure();
            if (outcome.failed()) {
                if (!(x instanceof StoreException)) {
                    run.violation(4, name + " failed with " + x);
                } else {
                    StoreException e = (StoreException) x;
                    Failure facts = e.failure();
                    String msg = String.valueOf(e.getMessage());
                    boolean early = elapsed.plus(FaultCampaign.TIMEOUT_ROUNDING).compareTo(timeout) < 0;
                    if (e.kind() == StoreException.Kind.TIMEOUT && early && checksEarlyTimeout()) {
                        run.violation(2, name + " reported a timeout after " + elapsed + " of " + timeout);
                    } else if (facts.acceptedBefore() && !facts.hasVerdict() && early && checksEarlyTimeout()) {
                        run.findings.add(EARLY);
                    }
                    if (!FaultCampaign.namesItsCause(facts)) {
                        run.violation(4, name + " failed without a cause among its facts (" + facts + "): "
                                + firstLine(msg));
                    }
                    boolean mayHaveChanged = false;
                    boolean frontEnd = false;
                    for (RecordedRequest r : records()) {
                        if (changing.equals(r.routeName()) && r.status() == 404) {
                            frontEnd = true; // the front end's HTML page: the API did not see it (a finding if silent)
                        } else if (changing.equals(r.routeName()) && !surelyNotProcessed(r)) {
                            mayHaveChanged = true;
                        }
                    }
                    if (!facts.hasVerdict() && frontEnd && !mayHaveChanged && !msg.contains(check)) {
                        run.findings.add(FRONT_END);
                    }
                    if (!facts.hasVerdict() && mayHaveChanged && !msg.contains(check)) {
                        run.violation(4, name + " failed after the store may have taken " + changing
                                + " without printing " + check + ": " + firstLine(msg));
                    } else if (!facts.hasVerdict() && facts.acceptedBefore() && !msg.contains(check)
                            && !msg.contains(RESUME_ANY)) {
                        run.findings.add(NO_COMMAND);
                    }
                }
            } else if (x != null) {
                run.violation(4, name + " reported " + outcome + " but kept a failure: " + x);
            }
            // (5) no secret in the log or the failure
            List<String> texts = new ArrayList<>(reporter.all);
            for (Throwable c = x; c != null; c = c.getCause()) {
                texts.add(String.valueOf(c));
            }
            texts.add(String.valueOf(outcome));
            for (String t : texts) {
                boolean leak = tokens().matcher(t).find() || JWT.matcher(t).find();
                for (String s : secrets()) {
                    leak |= t.contains(s);
                }
                if (leak) {
                    run.violation(5, name + ": a secret in \"" + firstLine(t) + "\"");
                    break;
                }
            }
            // (1) the changing request at most once, unless each earlier one was answered 429 or 503
            List<RecordedRequest> posts = new ArrayList<>();
            for (RecordedRequest r : records()) {
                if (changing.equals(r.routeName())) {
                    posts.add(r);
                }
            }
            for (int i = 0; i + 1 < posts.size(); i++) {
                if (!surelyNotProcessed(posts.get(i))) {
                    run.violation(1, name + ": " + changing + " " + (i + 2) + " sent after " + changing + " " + (i + 1)
                            + " was answered " + (posts.get(i).status() < 0 ? "nothing" : "HTTP " + posts.get(i).status()));
                    break;
                }
            }
        }

        void transcript(Run run) {
            String nl = System.lineSeparator();
            StringBuilder t = run.transcript;
            t.append("-- ").append(store()).append(faults ? " (faults: " + drawn + ")" : " (no faults)")
                    .append(", timeout ").append(timeout).append(nl).append("requests:").append(nl);
            for (RecordedRequest r : records()) {
                t.append("  ").append(r.method()).append(' ').append(r.routeName()).append(" -> ")
                        .append(r.status() < 0 ? "closed" : String.valueOf(r.status())).append(nl);
            }
            t.append("log:").append(nl);
            for (String line : reporter.all) {
                t.append("  ").append(line).append(nl);
            }
            t.append("outcome: ").append(outcome).append(nl);
        }
    }

    static boolean surelyNotProcessed(RecordedRequest r) {
        return r.status() == 429 || r.status() == 503;
    }

    // ---- Chrome -------------------------------------------------------------------------------------------

    final class ChromeLane extends Lane {
        final ChromeWebStoreSimulator sim = new ChromeWebStoreSimulator().start();
        ChromeRelease release;
        ChromeSettings settings;
        String before;
        SeededFaults<ChromeRoute> source;

        @Override
        public String store() {
            return StoreReleases.CHROME;
        }

        @Override
        void setUp(Random rnd) throws Exception {
            sim.reset();
            sim.clock(time);
            ChromeStore store = sim.store();
            double s = rnd.nextDouble();
            before = s < 0.1 ? VERSION : s < 0.15 ? "1.2.0" : "1.0.0";
            store.publishedVersion(before).processingPolls(rnd.nextInt(3));
            if (rnd.nextDouble() < 0.05) {
                store.invalidPackageOnNextUpload();
            }
            if (faults) {
                source = new SeededFaults<>(seed, ChromeFaults::appliesTo, ChromeFaults::of);
                sim.faultSource(source);
            }
            settings = ChromeSettings.builder().apiBaseUrl(URI.create(sim.apiBaseUrl()))
                    .tokenUrl(URI.create(sim.tokenUrl())).publisherId(ChromeWebStoreSimulator.PUBLISHER_ID)
                    .itemId(ChromeWebStoreSimulator.ITEM_ID)
                    .credentials(ChromeCredentials.refreshToken(ChromeWebStoreSimulator.CLIENT_ID,
                            ChromeWebStoreSimulator.CLIENT_SECRET, ChromeWebStoreSimulator.REFRESH_TOKEN))
                    .connectTimeout(FaultCampaign.CONNECT_TIMEOUT).responseTimeout(READ_TIMEOUT).clock(time)
                    .sleeper(time).reporter(reporter).resume(FaultCampaign.RESUME).tokenCache(new TokenCache())
                    .build();
            ChromeParameters p = ChromeParameters.builder().itemId(ChromeWebStoreSimulator.ITEM_ID)
                    .publisherId(ChromeWebStoreSimulator.PUBLISHER_ID).apiBaseUrl(sim.apiBaseUrl())
                    .tokenUrl(sim.tokenUrl()).timeout(timeout.toMillis() + "ms").build();
            release = ChromeRelease.of(p, settings, chromeZip, VERSION, step -> { });
        }

        @Override
        StoreOutcome release() {
            StoreOutcome o = release.run();
            if (sabotage == Sabotage.PUBLISH_TWICE) {
                try (ChromeWebStoreClient client = new ChromeWebStoreClient(settings)) {
                    client.publish(null, null, time.deadline(Duration.ofMinutes(1)));
                } catch (StoreException | IOException e) {
                    reporter.debug("the sabotage's publish failed: " + e.getClass().getSimpleName());
                }
            }
            return o;
        }

        @Override
        Exception failure() {
            return release.failure();
        }

        @Override
        List<RecordedRequest> records() {
            return sim.requests();
        }

        @Override
        List<String> secrets() {
            return Arrays.asList(ChromeWebStoreSimulator.CLIENT_SECRET, ChromeWebStoreSimulator.REFRESH_TOKEN);
        }

        @Override
        Pattern tokens() {
            return CHROME_TOKEN;
        }

        @Override
        void check(Run run) {
            injected = source == null ? Collections.emptyMap() : source.injected;
            drawn = source == null ? "" : String.join(", ", source.drawn);
            checkCommon(run, ChromeRoute.PUBLISH.name(), settings.publishCheckCommand());
            ChromeStore.Revision sub = sim.store().submitted();
            ChromeStore.Revision pub = sim.store().published();
            boolean holds = sub != null && VERSION.equals(sub.crxVersion()) || pub != null && VERSION.equals(pub.crxVersion());
            if (outcome.result() == StoreOutcome.Result.RELEASED && !holds) {
                run.violation(3, "Chrome reported " + outcome + ", but the store has submitted " + sub + ", published " + pub);
            }
            if (outcome.result() == StoreOutcome.Result.ALREADY_RELEASED && !VERSION.equals(before)) {
                run.violation(3, "Chrome reported " + outcome + ", but the store had " + before + " before the run");
            }
        }
    }

    // ---- Firefox ------------------------------------------------------------------------------------------

    final class FirefoxLane extends Lane {
        final AmoSimulator sim = new AmoSimulator().start();
        FirefoxRelease release;
        Exception failure;
        boolean hadIt;
        SeededFaults<FirefoxRoute> source;

        @Override
        public String store() {
            return StoreReleases.FIREFOX;
        }

        @Override
        void setUp(Random rnd) {
            sim.reset();
            sim.clock(time);
            AmoStore store = sim.store();
            hadIt = rnd.nextDouble() < 0.1;
            if (hadIt) {
                store.existingVersion(VERSION, FirefoxRelease.LISTED);
            }
            store.processingPolls(rnd.nextInt(3));
            if (rnd.nextDouble() < 0.05) {
                store.invalidPackageOnNextUpload();
            }
            if (faults) {
                source = new SeededFaults<>(seed, FirefoxFaults::appliesTo, FirefoxFaults::of);
                sim.faultSource(source);
            }
            FirefoxSettings s = FirefoxSettings.builder().apiBaseUrl(URI.create(sim.apiBaseUrl()))
                    .addonId(AmoSimulator.ADDON_GUID).credentials(AmoSimulator.JWT_ISSUER, AmoSimulator.JWT_SECRET)
                    .connectTimeout(FaultCampaign.CONNECT_TIMEOUT).responseTimeout(READ_TIMEOUT).clock(time)
                    .sleeper(time).reporter(reporter).resume(FaultCampaign.RESUME)
                    .commands(v -> FIREFOX_RESUME + v).timeout(timeout).build();
            release = new FirefoxRelease(s, new FirefoxRelease.Plan().zip(firefoxZip, VERSION), step -> { }, p -> { });
            if (sabotage == Sabotage.LOG_SECRET) {
                reporter.debug("JWT secret: " + AmoSimulator.JWT_SECRET);
            }
        }

        /** As {@link FirefoxRelease#run()}, keeping the failure for the checks (run() keeps none). */
        @Override
        StoreOutcome release() {
            failure = null;
            try {
                return release.release();
            } catch (StoreException e) {
                failure = e;
                reporter.warn(e.getMessage());
                return StoreOutcome.failed(store(), e.kind().toString());
            } catch (RuntimeException e) {
                failure = e;
                return StoreOutcome.failed(store(), e.getClass().getSimpleName());
            }
        }

        @Override
        Exception failure() {
            return failure;
        }

        @Override
        List<RecordedRequest> records() {
            return sim.requests();
        }

        @Override
        List<String> secrets() {
            return Collections.singletonList(AmoSimulator.JWT_SECRET);
        }

        @Override
        Pattern tokens() {
            return JWT;
        }

        @Override
        void check(Run run) {
            injected = source == null ? Collections.emptyMap() : source.injected;
            drawn = source == null ? "" : String.join(", ", source.drawn);
            checkCommon(run, FirefoxRoute.CREATE_VERSION.name(), FIREFOX_RESUME + VERSION);
            boolean holds = false;
            for (AmoStore.Version v : sim.store().versions(AmoSimulator.ADDON_GUID)) {
                holds |= VERSION.equals(v.number());
            }
            if (outcome.result() == StoreOutcome.Result.RELEASED && !holds) {
                run.violation(3, "Firefox reported " + outcome + ", but AMO has no version " + VERSION);
            }
            if (outcome.result() == StoreOutcome.Result.ALREADY_RELEASED && !hadIt) {
                run.violation(3, "Firefox reported " + outcome + ", but AMO had no version " + VERSION + " before the run");
            }
        }
    }

    // ---- Edge, as a StoreRelease --------------------------------------------------------------------------

    /** Edge's release (upload, publish, await) as the deploy would run it: released, already released or failed. */
    final class EdgeLane extends Lane {
        final EdgeApiSimulator sim = new EdgeApiSimulator().start();
        Release release;
        Exception failure;
        String publishOp;
        FaultPlan plan;

        @Override
        public String store() {
            return StoreReleases.EDGE;
        }

        /** Upload, publish and await: each goal has its own edge.timeout. */
        @Override
        Duration budget() {
            return timeout.multipliedBy(3);
        }

        @Override
        boolean checksEarlyTimeout() {
            return false;
        }

        @Override
        void setUp(Random rnd) {
            sim.reset();
            sim.clock(time);
            failure = null;
            publishOp = null;
            plan = null;
            if (faults) {
                plan = FaultPlan.generate(seed, READ_TIMEOUT, false).install(sim);
            } else {
                sim.config().restoreDefaults(); // a plan installed before set the operations' outcomes
            }
            release = new Release(ClientSettings.builder().apiBaseUrl(URI.create(sim.baseUrl()))
                    .productId(EdgeApiSimulator.PRODUCT_ID).serverId("edge-addons")
                    .connectTimeout(FaultCampaign.CONNECT_TIMEOUT).responseTimeout(READ_TIMEOUT).clock(time)
                    .sleeper(time).reporter(reporter).resume(FaultCampaign.RESUME).tokenCache(new TokenCache())
                    .authMode(AuthMode.API_KEY)
                    .credentials(new Credentials(EdgeApiSimulator.CLIENT_ID, EdgeApiSimulator.API_KEY))
                    .timeout(timeout).build());
        }

        @Override
        StoreOutcome release() {
            try {
                String op = release.upload(edgePackage).operationId;
                publishOp = release.publish("", op);
                OperationStatus s = release.await(publishOp);
                if (s.state() == OperationState.SUCCEEDED) {
                    return StoreOutcome.released(store(), "published");
                }
                // as AwaitMojo: await returns NoModulesUpdated's Failed, which is not an error
                return EdgeHints.isNothingToPublish(s.errorCode()) ? StoreOutcome.alreadyReleased(store(), s.errorCode())
                        : StoreOutcome.failed(store(), s.rawStatus());
            } catch (StoreException e) {
                if (e.kind() == StoreException.Kind.OPERATION_FAILED && EdgeHints.isNothingToPublish(e.failure().errorCode())) {
                    return StoreOutcome.alreadyReleased(store(), e.failure().errorCode());
                }
                failure = e;
                reporter.warn(e.getMessage());
                return StoreOutcome.failed(store(), e.kind().toString());
            } catch (RuntimeException e) {
                failure = e;
                return StoreOutcome.failed(store(), e.getClass().getSimpleName());
            }
        }

        @Override
        Exception failure() {
            return failure;
        }

        @Override
        List<RecordedRequest> records() {
            return sim.requests();
        }

        @Override
        List<String> secrets() {
            return Arrays.asList(EdgeApiSimulator.API_KEY, EdgeApiSimulator.CLIENT_SECRET);
        }

        @Override
        Pattern tokens() {
            return EDGE_TOKEN;
        }

        /** Edge's own campaign checks it in full ({@link FaultCampaign}); here: 1, 2, 3, 5 and a cause. */
        @Override
        void check(Run run) {
            injected = plan == null ? Collections.emptyMap() : plan.injected();
            drawn = plan == null ? "" : plan.describe().replace(System.lineSeparator(), "; ");
            checkCommon(run, "PUBLISH", RESUME_ANY);
            List<Operation> publishes = new ArrayList<>();
            for (Operation o : sim.operations()) {
                if (o.kind() == Operation.Kind.PUBLISH) {
                    publishes.add(o);
                }
            }
            if (publishes.size() > 1) {
                run.violation(1, "Edge holds " + publishes.size() + " submissions");
            }
            if (outcome.result() == StoreOutcome.Result.RELEASED
                    && (publishes.isEmpty() || !publishes.get(0).terminal() || !publishes.get(0).succeeded())) {
                run.violation(3, "Edge reported " + outcome + ", but its publish operation is " + publishes);
            }
            if (outcome.result() == StoreOutcome.Result.ALREADY_RELEASED && (publishes.isEmpty()
                    || !publishes.get(0).terminal() || !EdgeHints.isNothingToPublish(publishes.get(0).errorCode()))) {
                run.violation(3, "Edge reported " + outcome + ", but its publish operation is " + publishes);
            }
        }
    }

    /** Edge's failures print one of several commands (await, status, publish the draft): all start so. */
    private static final String RESUME_ANY = "mvn edge-addons:";

    // ---- the campaign -------------------------------------------------------------------------------------

    private final Path chromeZip;
    private final Path firefoxZip;
    private final PackageInfo edgePackage;
    private final EdgeLane edge;
    private final ChromeLane chrome;
    private final FirefoxLane firefox;

    StoresFaultCampaign(Path dir) throws IOException {
        Files.createDirectories(dir);
        chromeZip = zip(dir.resolve("chrome.zip"), "");
        firefoxZip = zip(dir.resolve("firefox.zip"), ",\"background\":{\"scripts\":[\"background.js\"]},"
                + "\"browser_specific_settings\":{\"gecko\":{\"id\":\"" + AmoSimulator.ADDON_GUID + "\"}}");
        edgePackage = new PackageInfo(chromeZip, Files.size(chromeZip), "Campaign extension", VERSION, 3, 1);
        edge = new EdgeLane();
        chrome = new ChromeLane();
        firefox = new FirefoxLane();
    }

    private static Path zip(Path file, String manifestRest) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("manifest.json"));
            z.write(("{\"manifest_version\":3,\"name\":\"Campaign\",\"version\":\"" + VERSION + "\"" + manifestRest + "}")
                    .getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("background.js"));
            z.write("console.log('hi');".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return Files.write(file, out.toByteArray());
    }

    @Override
    public void close() {
        edge.sim.close();
        chrome.sim.close();
        firefox.sim.close();
    }

    private Lane lane(Store s) {
        return s == Store.EDGE ? edge : s == Store.CHROME ? chrome : firefox;
    }

    /** One store's release of {@code seed}, with its faults, every invariant checked. */
    Run run(Store store, long seed, Sabotage sabotage) throws Exception {
        Lane lane = lane(store);
        Run run = new Run(seed, store.name().toLowerCase(java.util.Locale.ROOT));
        long start = System.nanoTime();
        lane.prepare(seed, true, sabotage);
        lane.run();
        quiesce(lane);
        run.realMillis = (System.nanoTime() - start) / 1_000_000;
        lane.check(run);
        finish(run, Collections.singletonList(lane), "");
        return run;
    }

    Run run(Store store, long seed) throws Exception {
        return run(store, seed, Sabotage.NONE);
    }

    /**
     * The three-store deploy of {@code seed}: once without faults, then once per store with faults in it alone;
     * every store's invariants checked on every run, and the others' outcomes compared with the fault-free run's.
     */
    Run runThree(long seed, Sabotage sabotage) throws Exception {
        Run run = new Run(seed, "three");
        long start = System.nanoTime();
        List<Lane> lanes = Arrays.asList(edge, chrome, firefox);
        List<StoreOutcome> clean = deploy(run, seed, null, lanes, sabotage);
        for (Lane faulty : lanes) {
            List<StoreOutcome> got = deploy(run, seed, faulty, lanes, sabotage);
            for (int i = 0; i < lanes.size(); i++) {
                if (lanes.get(i) != faulty && !clean.get(i).toString().equals(got.get(i).toString())) {
                    run.violation(6, "with faults in " + faulty.store() + " only, " + got.get(i)
                            + "; without faults: " + clean.get(i));
                }
            }
        }
        run.realMillis = (System.nanoTime() - start) / 1_000_000;
        return run;
    }

    private List<StoreOutcome> deploy(Run run, long seed, Lane faulty, List<Lane> lanes, Sabotage sabotage)
            throws Exception {
        for (Lane l : lanes) {
            l.prepare(seed, l == faulty, Sabotage.NONE);
        }
        List<StoreOutcome> outcomes = new ArrayList<>(StoreReleases.runAll(new ArrayList<StoreRelease>(lanes)));
        if (sabotage == Sabotage.CROSS_TALK && outcomes.get(2).failed()) {
            outcomes.set(1, StoreOutcome.failed(StoreReleases.CHROME, "Firefox failed"));
        }
        for (Lane l : lanes) {
            quiesce(l);
            l.check(run);
        }
        finish(run, lanes, faulty == null ? "no faults: " : "faults in " + faulty.store() + ": ");
        return outcomes;
    }

    private static void finish(Run run, List<Lane> lanes, String prefix) {
        for (Lane l : lanes) {
            l.injected.forEach((k, n) -> run.injected.merge(k, n, Integer::sum));
            run.outcomes.merge(prefix + l.store() + ": " + l.outcome.result().words(), 1, Integer::sum);
            run.requests += l.records().size();
            run.transcript.append(prefix);
            l.transcript(run);
        }
    }

    /** Waits until the simulator answered every request (a slow answer may still change the store). */
    private static void quiesce(Lane lane) throws InterruptedException {
        long until = System.nanoTime() + READ_TIMEOUT.multipliedBy(4).plusSeconds(2).toNanos();
        while (System.nanoTime() < until) {
            boolean busy = false;
            for (RecordedRequest r : lane.records()) {
                busy |= r.status() == 0;
            }
            if (!busy) {
                return;
            }
            Thread.sleep(5);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).trim();
    }

    // ---- many runs -----------------------------------------------------------------------------------------

    /** Runs the seeds on {@code workers} threads, each with its own simulators; the runs in seed order. */
    static List<Run> runAll(String what, List<Long> seeds, int workers, Path dir) throws Exception {
        ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>(seeds);
        List<Run> runs = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Path wdir = dir.resolve(what + "-worker-" + w);
            Thread t = new Thread(() -> {
                try (StoresFaultCampaign c = new StoresFaultCampaign(wdir)) {
                    Long seed;
                    while ((seed = queue.poll()) != null) {
                        runs.add("three".equals(what) ? c.runThree(seed, Sabotage.NONE)
                                : c.run(Store.valueOf(what.toUpperCase(java.util.Locale.ROOT)), seed));
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }, "stores-campaign-" + w);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the campaign itself failed: " + errors.get(0), errors.get(0));
        }
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Long.compare(a.seed, b.seed));
        return sorted;
    }

    /** Runs, requests, faults injected by kind, outcomes, real time per run, violations. */
    static String figures(String what, List<Run> runs, long wallMillis) {
        Map<FaultPlan.Kind, Integer> faults = new EnumMap<>(FaultPlan.Kind.class);
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> violations = new TreeMap<>();
        Map<String, Integer> findings = new TreeMap<>();
        long requests = 0;
        int failed = 0;
        List<Long> millis = new ArrayList<>();
        for (Run r : runs) {
            r.injected.forEach((k, n) -> faults.merge(k, n, Integer::sum));
            r.outcomes.forEach((k, n) -> outcomes.merge(k, n, Integer::sum));
            requests += r.requests;
            millis.add(r.realMillis);
            failed += r.ok() ? 0 : 1;
            for (String v : r.violations) {
                violations.merge(v.substring(0, 3), 1, Integer::sum);
            }
            for (String f : new java.util.TreeSet<>(r.findings)) {
                findings.merge(f, 1, Integer::sum);
            }
        }
        Collections.sort(millis);
        String nl = System.lineSeparator();
        StringBuilder b = new StringBuilder(what).append(": ").append(runs.size()).append(" seeds (")
                .append(runs.isEmpty() ? "-" : runs.get(0).seed + ".." + runs.get(runs.size() - 1).seed).append("), ")
                .append(requests).append(" requests, ").append(String.format("%.1f", wallMillis / 1000.0)).append(" s")
                .append(nl).append("faulted answers by kind:").append(nl);
        for (Map.Entry<FaultPlan.Kind, Integer> e : faults.entrySet()) {
            b.append(String.format("  %-46s %6d%n", e.getKey().label(), e.getValue()));
        }
        b.append("outcomes:").append(nl);
        for (Map.Entry<String, Integer> e : outcomes.entrySet()) {
            b.append(String.format("  %-62s %6d%n", e.getKey(), e.getValue()));
        }
        if (!millis.isEmpty()) {
            b.append("real time per seed (ms): median ").append(millis.get(millis.size() / 2)).append(", 90th percentile ")
                    .append(millis.get(millis.size() * 9 / 10)).append(", max ").append(millis.get(millis.size() - 1))
                    .append(nl);
        }
        b.append("findings (seeds; not failing):").append(findings.isEmpty() ? " none" : "").append(nl);
        for (Map.Entry<String, Integer> e : findings.entrySet()) {
            b.append(String.format("  %-78s %6d%n", e.getKey(), e.getValue()));
        }
        b.append("violations: ").append(failed).append(" seeds").append(violations.isEmpty() ? "" : " " + violations)
                .append(nl);
        return b.toString();
    }
}
