package io.github.edgeaddons.release;

import io.github.edgeaddons.edge.EdgeHints;

import io.github.edgeaddons.edge.AuthMode;
import io.github.edgeaddons.edge.ClientSettings;
import io.github.edgeaddons.edge.ClientTestSupport.RecordingReporter;
import io.github.edgeaddons.edge.ClientTestSupport.SimulatedTime;
import io.github.edgeaddons.core.Credentials;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.core.Failure;
import io.github.edgeaddons.core.OperationState;
import io.github.edgeaddons.core.OperationStatus;
import io.github.edgeaddons.core.PollPolicy;
import io.github.edgeaddons.core.ResumeCommands;
import io.github.edgeaddons.core.TokenCache;
import io.github.edgeaddons.pkg.PackageInfo;
import io.github.edgeaddons.maven.MavenVocabulary;
import io.github.edgeaddons.sim.EdgeApiSimulator;
import io.github.edgeaddons.sim.FaultPlan;
import io.github.edgeaddons.sim.Operation;
import io.github.edgeaddons.sim.RecordedRequest;
import io.github.edgeaddons.sim.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The seeded fault campaign of issue 12: one release (upload, publish, await through {@link Release}) against
 * a simulator that follows a {@link FaultPlan}, over real HTTP on loopback, and the invariants checked on
 * every run:
 *
 * <ol>
 *   <li>the store holds at most one submission, and no publish POST follows an answer that may have reached
 *       the store;
 *   <li>each goal ends by its {@code edge.timeout} plus {@link #MARGIN};
 *   <li>success is reported exactly when the store's operations Succeeded: a reported success or Failed
 *       matches the store, and a wait on an accepted operation ends only on its verdict or at the deadline;
 *   <li>every failure names its cause among its {@link Failure facts} (HTTP status, errorCode, verdict,
 *       timeout, a lost connection, "may have reached the store", which it also says); once the store accepted an
 *       upload or a publish, a failure without a verdict prints the command that resumes the wait, and a verdict
 *       (Failed, stopped) does not (a publish refused for a review in progress prints the command that publishes
 *       the draft instead);
 *   <li>no secret (API key, client secret, access token) in the log, in a failure message or in result.json.
 * </ol>
 *
 * <p>Time: requests, read timeouts and the simulator's answers are real; the client's waits (backoff,
 * {@code Retry-After}, poll intervals) are skipped and added to the clock that the client and the simulator
 * share ({@link SimulatedTime}), so the production retry and poll policies run as they are, and a deadline
 * of minutes passes in milliseconds.
 */
final class FaultCampaign implements AutoCloseable {
    static final Duration READ_TIMEOUT = Duration.ofMillis(300);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    /** How far past its edge.timeout a goal may end: the last look at the deadline, and a loaded machine. */
    static final Duration MARGIN = Duration.ofSeconds(2);
    /** How much earlier than its edge.timeout a goal may report the timeout (the abort is scheduled in whole ms). */
    static final Duration TIMEOUT_ROUNDING = Duration.ofMillis(10);
    /** Resume commands that repeat this build's arguments, so that a printed command is recognisable. */
    static final ResumeCommands RESUME = MavenVocabulary.commands("edge-addons",
            Arrays.asList("-s", "ci/settings.xml", "-Prelease"));

    private static final String PID = EdgeApiSimulator.PRODUCT_ID;
    private static final Pattern TOKEN = Pattern.compile("sim-token-\\d+");
    /** The key phrase of a failure whose answer may have reached the store (the end-to-end guard of its words). */
    private static final String MAY_HAVE_REACHED = "may have reached the store";

    /** How a run ended, for the figures. */
    enum Result {
        SUCCEEDED("published: upload and publish Succeeded"),
        ALREADY_RELEASED("already released: the publish Failed with NoModulesUpdated, not an error"),
        UPLOAD_REFUSED("upload refused before the store accepted it"),
        UPLOAD_FAILED("upload Failed (the store's verdict)"),
        UPLOAD_TIMED_OUT("upload wait timed out (resume printed)"),
        UPLOAD_WAIT_ERROR("upload wait ended early, not on a verdict"),
        PUBLISH_REFUSED("publish refused, surely not processed"),
        PUBLISH_MAY_HAVE_REACHED("publish answer lost: \"may have reached the store\""),
        PUBLISH_TIMED_OUT("publish request timed out"),
        PUBLISH_FAILED("publish Failed (the store's verdict)"),
        AWAIT_TIMED_OUT("await timed out (resume printed)"),
        AWAIT_ERROR("await ended early, not on a verdict"),
        CRASH("an exception other than StoreException");

        final String label;

        Result(String label) {
            this.label = label;
        }
    }

    /**
     * A deliberate defect put into a run, to show that the checks catch it (each names the invariant it
     * breaks). The plugin is not changed: the defect is in how the campaign drives or reports it.
     */
    enum Sabotage {
        NONE(0),
        /** Publish a second time after the first publish returned or failed. */
        PUBLISH_TWICE(1),
        /** Every wait takes five times what it asked for: waits overrun the deadline. */
        OVERSLEEP(2),
        /** Take a Failed publish for a success. */
        IGNORE_VERDICT(3),
        /** Mangle every printed resume command. */
        DROP_RESUME(4),
        /** Log the API key or the client secret. */
        LOG_SECRET(5);

        final int breaks;

        Sabotage(int breaks) {
            this.breaks = breaks;
        }
    }

    /** One goal of a run. */
    static final class Goal {
        final String name;
        final Duration timeout;
        boolean ran;
        Exception failure;
        Duration elapsed = Duration.ZERO;

        Goal(String name, Duration timeout) {
            this.name = name;
            this.timeout = timeout;
        }
    }

    /** The client-side choices of a seed: auth mode, edge.timeout, poll policy, notes. */
    static final class Spec {
        final boolean oauth;
        final Duration timeout;
        /** The publish execution's edge.timeout: usually the same, sometimes short enough to cut its request. */
        final Duration publishTimeout;
        final Duration pollInterval; // null: the default policy
        final String notes;

        private Spec(boolean oauth, Duration timeout, Duration publishTimeout, Duration pollInterval, String notes) {
            this.oauth = oauth;
            this.timeout = timeout;
            this.publishTimeout = publishTimeout;
            this.pollInterval = pollInterval;
            this.notes = notes;
        }

        static Spec of(long seed) {
            Random rnd = new Random(seed * 0x9E3779B97F4A7C15L + 12);
            boolean oauth = rnd.nextDouble() < 0.4;
            // most runs have the default edge.timeout, the rest a short one that faults can exhaust
            Duration timeout = rnd.nextDouble() < 0.75 ? Duration.ofMinutes(10)
                    : Duration.ofSeconds(2 + rnd.nextInt(59));
            Duration poll = rnd.nextDouble() < 0.2 ? Duration.ofSeconds(1 + rnd.nextInt(10)) : null;
            String notes = rnd.nextBoolean() ? "" : "Campaign run " + seed + ": please test the options page.";
            // drawn after the others, from its own Random, so that the seeds kept as regression cases keep their runs
            Random later = new Random(seed * 31 + 7);
            Duration publishTimeout = later.nextDouble() < 0.1 ? Duration.ofMillis(150 + later.nextInt(450)) : timeout;
            return new Spec(oauth, timeout, publishTimeout, poll, notes);
        }

        @Override
        public String toString() {
            return (oauth ? "API v1 (OAuth)" : "API v1.1 (API key)") + ", edge.timeout " + timeout
                    + (publishTimeout.equals(timeout) ? "" : " (publish: " + publishTimeout + ")") + ", polling "
                    + (pollInterval == null ? "default" : "every " + pollInterval) + ", notes "
                    + (notes.isEmpty() ? "none" : notes.length() + " chars");
        }
    }

    /** One seeded run: what happened and what the checks found. */
    static final class Run {
        final long seed;
        final Spec spec;
        final FaultPlan plan;
        final List<String> violations = new ArrayList<>();
        final StringBuilder transcript = new StringBuilder();
        Result result;
        int requests;
        long realMillis;

        Run(long seed, Spec spec, FaultPlan plan) {
            this.seed = seed;
            this.spec = spec;
            this.plan = plan;
        }

        void violation(int invariant, String what) {
            violations.add("(" + invariant + ") " + what);
        }

        boolean ok() {
            return violations.isEmpty();
        }

        /** The seed, its violations and how to replay it. */
        String summary() {
            StringBuilder b = new StringBuilder("seed ").append(seed).append(" (").append(result).append("):");
            for (String v : violations) {
                b.append(System.lineSeparator()).append("    ").append(v.length() <= 400 ? v : v.substring(0, 400) + "...");
            }
            return b.append(System.lineSeparator())
                    .append("    replay alone: mvn -B test -Dtest=FaultCampaignTest -Dcampaign.seed=").append(seed)
                    .toString();
        }
    }

    private final EdgeApiSimulator sim;
    private final Path dir;
    private final PackageInfo pkg;

    FaultCampaign(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        Path zip = dir.resolve("campaign.zip");
        byte[] bytes = new byte[4096];
        new Random(4096).nextBytes(bytes);
        Files.write(zip, bytes);
        this.pkg = new PackageInfo(zip, bytes.length, "Campaign extension", "1.0." + bytes.length, 3, 2);
        this.sim = new EdgeApiSimulator().start();
    }

    @Override
    public void close() {
        sim.close();
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws StoreException;
    }

    /** Runs the release of {@code seed} and checks every invariant. */
    Run run(long seed) throws InterruptedException {
        return run(seed, Sabotage.NONE);
    }

    Run run(long seed, Sabotage sabotage) throws InterruptedException {
        Spec spec = Spec.of(seed);
        FaultPlan plan = FaultPlan.generate(seed, READ_TIMEOUT, spec.oauth);
        if (spec.publishTimeout.compareTo(spec.timeout) < 0) {
            // the publish execution's short edge.timeout cuts its request, whose answer comes late
            plan = plan.withSlowAnswer(Route.PUBLISH, 1);
        }
        Run run = new Run(seed, spec, plan);
        long realStart = System.nanoTime();
        SimulatedTime time = new SimulatedTime();
        sim.reset();
        sim.clock(time); // operations, streaks and records on the client's clock: waits skipped on both sides
        plan.install(sim);

        RecordingReporter reporter = new RecordingReporter();
        ClientSettings.Builder b = ClientSettings.builder()
                .apiBaseUrl(URI.create(sim.baseUrl()))
                .productId(PID)
                .serverId("edge-addons")
                .connectTimeout(CONNECT_TIMEOUT)
                .responseTimeout(READ_TIMEOUT)
                .clock(time)
                .sleeper(sabotage == Sabotage.OVERSLEEP ? d -> time.sleep(d.multipliedBy(5)) : time)
                .reporter(reporter)
                .resume(RESUME)
                .tokenCache(new TokenCache());
        if (spec.oauth) {
            b.authMode(AuthMode.CLIENT_CREDENTIALS)
                    .credentials(new Credentials(EdgeApiSimulator.CLIENT_ID, EdgeApiSimulator.CLIENT_SECRET))
                    .tokenUrl(URI.create(sim.tokenUrl()));
        } else {
            b.authMode(AuthMode.API_KEY)
                    .credentials(new Credentials(EdgeApiSimulator.CLIENT_ID, EdgeApiSimulator.API_KEY));
        }
        if (spec.pollInterval != null) {
            b.pollPolicy(PollPolicy.fixed(spec.pollInterval));
        }
        Release release = new Release(b.timeout(spec.timeout).build());
        Release publisher = new Release(b.timeout(spec.publishTimeout).build());
        if (sabotage == Sabotage.LOG_SECRET) {
            reporter.debug("credentials: " + (spec.oauth ? EdgeApiSimulator.CLIENT_SECRET : EdgeApiSimulator.API_KEY));
        }
        Path resultFile = dir.resolve("result.json");
        try {
            Files.deleteIfExists(resultFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ResultWriter results = new ResultWriter(resultFile, PID, "campaign:seed-" + seed);

        Goal upload = new Goal("upload", spec.timeout);
        Goal publish = new Goal("publish", spec.publishTimeout);
        Goal await = new Goal("await", spec.timeout);
        Release.UploadResult uploaded = goal(upload, time, results, sabotage, () -> release.upload(pkg),
                (step, r) -> step.finished(r.status));
        String publishOp = null;
        OperationStatus verdict = null;
        if (uploaded != null) {
            // as PublishMojo does: the publish knows the upload this build made, so a failure can resume it
            String uploadOp = uploaded.operationId;
            publishOp = goal(publish, time, results, sabotage, () -> {
                String id = publisher.publish(spec.notes, uploadOp);
                if (sabotage == Sabotage.PUBLISH_TWICE) {
                    publisher.publish(spec.notes, uploadOp);
                }
                return id;
            }, (step, id) -> step.operationId(id).succeeded("Publish request accepted"));
        }
        if (publishOp != null) {
            String op = publishOp;
            verdict = goal(await, time, results, sabotage, () -> {
                try {
                    return release.await(op);
                } catch (StoreException e) {
                    if (sabotage == Sabotage.IGNORE_VERDICT && e.kind() == StoreException.Kind.OPERATION_FAILED) {
                        return e.status();
                    }
                    throw e;
                }
            }, (step, s) -> {
                if (s.state() == OperationState.SUCCEEDED) {
                    step.finished(s);
                } else {
                    step.alreadyReleased(s); // as AwaitMojo: NoModulesUpdated is not an error
                }
            });
        }
        quiesce();
        run.realMillis = (System.nanoTime() - realStart) / 1_000_000;
        check(run, reporter, resultFile, Arrays.asList(upload, publish, await), uploaded, publishOp, verdict);
        return run;
    }

    private <T> T goal(Goal g, SimulatedTime time, ResultWriter results, Sabotage sabotage, Step<T> body,
            BiConsumer<StepResult, T> ok) {
        StepResult step = new StepResult(g.name, time.instant());
        Instant start = time.instant();
        g.ran = true;
        try {
            T t = body.run();
            ok.accept(step, t);
            return t;
        } catch (StoreException e) {
            StoreException x = e;
            if (sabotage == Sabotage.DROP_RESUME) {
                x = new StoreException(e.failure(),
                        String.valueOf(e.getMessage()).replace("mvn edge-addons:", "mvn "));
            }
            g.failure = x;
            step.failed(x);
            return null;
        } catch (RuntimeException e) {
            g.failure = e;
            step.failed(e);
            return null;
        } finally {
            g.elapsed = Duration.between(start, time.instant());
            step.finish(time.instant());
            try {
                results.write(step);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Waits until the simulator answered every request (a slow answer may still create an operation). */
    private void quiesce() throws InterruptedException {
        long until = System.nanoTime() + READ_TIMEOUT.multipliedBy(4).plusSeconds(2).toNanos();
        while (System.nanoTime() < until) {
            boolean busy = false;
            for (RecordedRequest r : sim.requests()) {
                if (r.status() == 0) {
                    busy = true;
                    break;
                }
            }
            if (!busy) {
                return;
            }
            Thread.sleep(5);
        }
    }

    // ---- the invariants ------------------------------------------------------------------------------------

    private void check(Run run, RecordingReporter reporter, Path resultFile, List<Goal> goals,
            Release.UploadResult uploaded, String publishOp, OperationStatus verdict) {
        List<RecordedRequest> records = sim.requests();
        List<Operation> ops = sim.operations();
        run.requests = records.size();
        List<Operation> uploads = new ArrayList<>();
        List<Operation> publishes = new ArrayList<>();
        for (Operation o : ops) {
            (o.kind() == Operation.Kind.UPLOAD ? uploads : publishes).add(o);
        }
        Goal failed = null;
        for (Goal g : goals) {
            if (g.failure != null) {
                failed = g;
            }
        }
        String output = reporter.text();
        String failureText = failed == null ? "" : chain(failed.failure);
        transcript(run, records, ops, reporter, goals);

        // (1) one submission at most; no publish POST after an answer that may have reached the store
        if (publishes.size() > 1) {
            run.violation(1, "the store holds " + publishes.size() + " submissions: " + publishes);
        }
        List<RecordedRequest> posts = sim.requests(Route.PUBLISH);
        List<FaultPlan.Entry> postFaults = run.plan.applied(Route.PUBLISH);
        boolean publishOutcomeHidden = false;
        for (int i = 0; i < posts.size(); i++) {
            FaultPlan.Entry e = i < postFaults.size() ? postFaults.get(i) : null;
            RecordedRequest post = posts.get(i);
            int status = post.status();
            boolean slowAnswer = post.answeredAt() != null
                    && Duration.between(post.receivedAt(), post.answeredAt()).compareTo(READ_TIMEOUT) >= 0;
            publishOutcomeHidden |= e != null ? e.kind().hidesTheOutcome() : slowAnswer;
            boolean maybe = e != null ? !e.kind().provesNotProcessed()
                    : !(status == 401 || status == 403 || status == 429 || status == 503);
            if (maybe && i + 1 < posts.size()) {
                run.violation(1, "publish POST " + (i + 2) + " was sent after POST " + (i + 1) + " was answered "
                        + (e != null ? e : "HTTP " + status) + ", which may have reached the store");
                break;
            }
        }

        // (2) each goal ends by its deadline plus a small margin
        for (Goal g : goals) {
            if (g.ran && g.elapsed.compareTo(g.timeout.plus(MARGIN)) > 0) {
                run.violation(2, g.name + " took " + g.elapsed + " with edge.timeout " + g.timeout);
            }
            if (g.failure instanceof StoreException
                    && ((StoreException) g.failure).kind() == StoreException.Kind.TIMEOUT
                    && g.elapsed.plus(TIMEOUT_ROUNDING).compareTo(g.timeout) < 0) {
                run.violation(2, g.name + " reported a timeout after " + g.elapsed + " of edge.timeout "
                        + g.timeout);
            }
        }

        // (3) success exactly when the store's operations Succeeded, and (4) every failure in words
        if (failed == null && verdict != null && verdict.state() != OperationState.SUCCEEDED
                && io.github.edgeaddons.edge.EdgeHints.isNothingToPublish(verdict.errorCode())) {
            // already released: only when the store's publish Failed with that code
            run.result = Result.ALREADY_RELEASED;
            Operation pub = byId(ops, publishOp);
            if (pub == null || !pub.terminal() || pub.succeeded()
                    || !io.github.edgeaddons.edge.EdgeHints.isNothingToPublish(pub.errorCode())) {
                run.violation(3, "already released reported, but the store's publish operation is " + state(pub));
            }
        } else if (failed == null) {
            run.result = Result.SUCCEEDED;
            Operation up = byId(ops, uploaded.operationId);
            Operation pub = byId(ops, publishOp);
            if (up == null || !up.terminal() || !up.succeeded()) {
                run.violation(3, "success reported, but the store's upload operation is " + state(up));
            }
            if (pub == null || !pub.terminal() || !pub.succeeded()) {
                run.violation(3, "success reported, but the store's publish operation is " + state(pub));
            }
            if (verdict == null || verdict.state() != OperationState.SUCCEEDED) {
                run.violation(3, "success reported with a last status of " + (verdict == null ? "none" : verdict.rawStatus()));
            }
        } else if (!(failed.failure instanceof StoreException)) {
            run.result = Result.CRASH;
            run.violation(4, failed.name + " failed with " + failed.failure);
        } else {
            StoreException x = (StoreException) failed.failure;
            Failure facts = x.failure();
            String msg = String.valueOf(x.getMessage());
            boolean timeout = x.kind() == StoreException.Kind.TIMEOUT;
            if (!namesItsCause(facts)) {
                run.violation(4, failed.name + " failed without a cause among its facts (" + facts + "): "
                        + firstLine(msg));
            }
            String where = failed.name + " (" + failed.elapsed + " of edge.timeout " + failed.timeout + ")";
            if ("upload".equals(failed.name)) {
                Operation accepted = null;
                for (Operation o : uploads) {
                    if (known(o, records, output, failureText)) {
                        accepted = o;
                    }
                }
                if (x.kind() == StoreException.Kind.OPERATION_FAILED) {
                    run.result = Result.UPLOAD_FAILED;
                    checkVerdict(run, "upload", byId(ops, x.operationId()), facts, msg);
                } else if (accepted == null) {
                    run.result = Result.UPLOAD_REFUSED;
                } else {
                    checkAccepted(run, "upload", accepted.id(), facts);
                    run.result = timeout ? Result.UPLOAD_TIMED_OUT : Result.UPLOAD_WAIT_ERROR;
                    if (!timeout) {
                        run.violation(3, "the wait for upload operation " + accepted.id() + " (store: "
                                + state(accepted) + ") ended before edge.timeout, in " + where + ": " + firstLine(msg));
                    }
                    if (!resumes(msg, accepted.id())) {
                        run.violation(4, "the upload failed after the store accepted operation " + accepted.id()
                                + " without printing " + RESUME.status(PID, accepted.id()) + ": " + firstLine(msg));
                    }
                }
            } else if ("publish".equals(failed.name)) {
                boolean saysMaybe = facts.mayHaveReachedStore();
                if (saysMaybe && !msg.contains(MAY_HAVE_REACHED)) {
                    run.violation(4, "publish may have reached the store, but the failure does not say so: "
                            + firstLine(msg));
                }
                run.result = saysMaybe ? Result.PUBLISH_MAY_HAVE_REACHED
                        : timeout ? Result.PUBLISH_TIMED_OUT : Result.PUBLISH_REFUSED;
                Operation pub = publishes.isEmpty() ? null : publishes.get(0);
                // the upload Succeeded: the store holds the draft, so every failure says how to publish it
                if (!msg.contains(RESUME.publishDraft(PID)) && (pub == null || !resumes(msg, pub.id()))) {
                    run.violation(4, "publish failed after the store accepted the upload without printing "
                            + RESUME.publishDraft(PID) + ": " + firstLine(msg));
                }
                if (publishOutcomeHidden && !saysMaybe) {
                    run.violation(4, "the answer to a publish POST was lost (" + postFaults + "), but the failure"
                            + " does not say that the request may have reached the store: " + firstLine(msg));
                }
            } else {
                Operation pub = byId(ops, publishOp);
                if (x.kind() == StoreException.Kind.OPERATION_FAILED) {
                    run.result = Result.PUBLISH_FAILED;
                    checkVerdict(run, "publish", byId(ops, x.operationId()), facts, msg);
                } else {
                    checkAccepted(run, "publish", publishOp, facts);
                    run.result = timeout ? Result.AWAIT_TIMED_OUT : Result.AWAIT_ERROR;
                    if (!timeout) {
                        run.violation(3, "the wait for publish operation " + publishOp + " (store: " + state(pub)
                                + ") ended before edge.timeout, in " + where + ": " + firstLine(msg));
                    }
                    if (!resumes(msg, publishOp)) {
                        run.violation(4, "await failed on accepted publish operation " + publishOp
                                + " without printing " + RESUME.await(PID, publishOp) + ": " + firstLine(msg));
                    }
                }
            }
        }

        // (5) no secret in any output or file
        String json = "";
        try {
            if (Files.exists(resultFile)) {
                json = new String(Files.readAllBytes(resultFile), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            run.violation(5, "result.json unreadable: " + e);
        }
        Map<String, String> outputs = new TreeMap<>();
        outputs.put("the log", output);
        outputs.put("result.json", json);
        for (Goal g : goals) {
            if (g.failure != null) {
                outputs.put("the " + g.name + " failure", chain(g.failure));
            }
        }
        for (Map.Entry<String, String> o : outputs.entrySet()) {
            String t = o.getValue();
            if (t.contains(EdgeApiSimulator.API_KEY) || t.contains(EdgeApiSimulator.CLIENT_SECRET)
                    || TOKEN.matcher(t).find()) {
                run.violation(5, "a secret appears in " + o.getKey());
            }
        }
    }

    private static void checkVerdict(Run run, String kind, Operation op, Failure facts, String msg) {
        if (op == null || !op.terminal() || op.succeeded()) {
            run.violation(3, kind + " reported Failed, but the store's operation is " + state(op));
        } else if (!facts.hasVerdict() || !facts.acceptedBefore()) {
            run.violation(4, kind + " Failed without the facts of a verdict after acceptance: " + facts);
        } else if (op.errorCode() != null && !op.errorCode().equals(facts.errorCode())) {
            run.violation(4, kind + " Failed without errorCode " + op.errorCode() + " among its facts: " + facts);
        } else if (op.errorCode() != null && !msg.contains(op.errorCode())) {
            run.violation(4, kind + " Failed without naming errorCode " + op.errorCode() + ": " + firstLine(msg));
        } else if (resumes(msg, op.id())) {
            // a verdict is final: the command that waits again would only repeat it
            run.violation(4, kind + " Failed (a verdict), yet the failure prints the command that waits on operation "
                    + op.id() + " again: " + firstLine(msg));
        } else if ("publish".equals(kind) && EdgeHints.isReviewInProgress(op.errorCode())
                && !msg.contains(RESUME.publishDraft(PID))) {
            run.violation(4, "publish Failed for a review in progress without printing " + RESUME.publishDraft(PID)
                    + ": " + firstLine(msg));
        }
    }

    /** A failure of the wait on an accepted operation: its facts name it, say it was accepted, and no verdict. */
    private static void checkAccepted(Run run, String kind, String operationId, Failure facts) {
        if (!facts.acceptedBefore() || facts.hasVerdict()
                || !String.valueOf(operationId).equalsIgnoreCase(facts.operationId())) {
            run.violation(4, "the " + kind + " failed after the store accepted operation " + operationId
                    + ", but its facts say otherwise: " + facts);
        }
    }

    /**
     * Whether the facts name a cause: a status, the store's errorCode or verdict, a timeout, a network failure,
     * an unreadable answer, or a publish that may have reached the store.
     */
    static boolean namesItsCause(Failure f) {
        return f.httpStatus() > 0 || f.errorCode() != null || f.hasVerdict() || f.mayHaveReachedStore()
                || f.kind() == StoreException.Kind.TIMEOUT || f.kind() == StoreException.Kind.MALFORMED
                || (f.kind() == StoreException.Kind.NETWORK && f.cause() != null);
    }

    /** Whether the client learned this operation's id: it asked about it or named it. */
    private static boolean known(Operation o, List<RecordedRequest> records, String output, String failure) {
        for (RecordedRequest r : records) {
            if ((r.route() == Route.UPLOAD_STATUS || r.route() == Route.PUBLISH_STATUS) && r.path().endsWith(o.id())) {
                return true;
            }
        }
        return output.contains(o.id()) || failure.contains(o.id());
    }

    private static boolean resumes(String msg, String operationId) {
        return msg.contains(RESUME.await(PID, operationId)) || msg.contains(RESUME.status(PID, operationId));
    }

    private static Operation byId(List<Operation> ops, String id) {
        for (Operation o : ops) {
            if (o.id().equalsIgnoreCase(String.valueOf(id))) {
                return o;
            }
        }
        return null;
    }

    private static String state(Operation o) {
        return o == null ? "unknown to the store" : o.terminal() ? o.status() : "still in progress (" + o.status() + " to come)";
    }

    private static String chain(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c).append(System.lineSeparator());
        }
        return b.toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).trim();
    }

    private void transcript(Run run, List<RecordedRequest> records, List<Operation> ops, RecordingReporter reporter,
            List<Goal> goals) {
        String nl = System.lineSeparator();
        StringBuilder t = run.transcript;
        t.append("seed ").append(run.seed).append(": ").append(run.spec).append(nl).append(run.plan.describe()).append(nl);
        Map<Route, Integer> seen = new EnumMap<>(Route.class);
        t.append("requests:").append(nl);
        for (RecordedRequest r : records) {
            int n = seen.merge(r.route(), 1, Integer::sum);
            List<FaultPlan.Entry> applied = run.plan.applied(r.route());
            FaultPlan.Entry e = n - 1 < applied.size() ? applied.get(n - 1) : null;
            t.append("  ").append(r.method()).append(' ').append(r.route()).append(" #").append(n).append(" -> ")
                    .append(r.status() < 0 ? "closed" : String.valueOf(r.status()))
                    .append(e == null ? "" : "  [" + e + "]").append(nl);
        }
        t.append("store: ").append(ops).append(nl).append("log:").append(nl);
        for (String line : reporter.all) {
            t.append("  ").append(line).append(nl);
        }
        for (Goal g : goals) {
            if (g.failure != null) {
                t.append(g.name).append(" failed after ").append(g.elapsed).append(": ").append(g.failure.getMessage())
                        .append(nl);
            }
        }
    }

    // ---- many runs -----------------------------------------------------------------------------------------

    /** Runs the seeds on {@code workers} threads, each with its own simulator; the runs in seed order. */
    static List<Run> runAll(List<Long> seeds, int workers, Path dir) throws Exception {
        ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>(seeds);
        List<Run> runs = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Path wdir = dir.resolve("worker-" + w);
            Thread t = new Thread(() -> {
                try (FaultCampaign campaign = new FaultCampaign(wdir)) {
                    Long seed;
                    while ((seed = queue.poll()) != null) {
                        runs.add(campaign.run(seed));
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }, "fault-campaign-" + w);
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

    /** runs, faults injected by kind, outcomes by kind, violations. */
    static String figures(List<Run> runs, long wallMillis) {
        Map<FaultPlan.Kind, Integer> faults = new EnumMap<>(FaultPlan.Kind.class);
        Map<Result, Integer> results = new EnumMap<>(Result.class);
        Map<String, Integer> violations = new TreeMap<>();
        int failedRuns = 0;
        long requests = 0;
        for (Run r : runs) {
            r.plan.injected().forEach((k, n) -> faults.merge(k, n, Integer::sum));
            results.merge(r.result, 1, Integer::sum);
            requests += r.requests;
            if (!r.ok()) {
                failedRuns++;
            }
            for (String v : r.violations) {
                violations.merge(v.substring(0, 3), 1, Integer::sum);
            }
        }
        String nl = System.lineSeparator();
        StringBuilder b = new StringBuilder();
        b.append("runs: ").append(runs.size()).append(" (seeds ").append(runs.isEmpty() ? "-" : runs.get(0).seed + ".."
                + runs.get(runs.size() - 1).seed).append("), ").append(requests).append(" requests, ")
                .append(String.format("%.1f", wallMillis / 1000.0)).append(" s").append(nl);
        int total = 0;
        for (int n : faults.values()) {
            total += n;
        }
        b.append("faulted answers: ").append(total).append(" (by kind; a token expiry counts once)").append(nl);
        for (FaultPlan.Kind k : FaultPlan.Kind.values()) {
            b.append(String.format("  %-46s %6d%n", k.label(), faults.getOrDefault(k, 0)));
        }
        b.append("outcomes:").append(nl);
        for (Result r : Result.values()) {
            b.append(String.format("  %-55s %6d%n", r.label, results.getOrDefault(r, 0)));
        }
        List<Long> millis = new ArrayList<>();
        for (Run r : runs) {
            millis.add(r.realMillis);
        }
        Collections.sort(millis);
        if (!millis.isEmpty()) {
            b.append("real time per run (ms): median ").append(millis.get(millis.size() / 2)).append(", 90th percentile ")
                    .append(millis.get(millis.size() * 9 / 10)).append(", max ").append(millis.get(millis.size() - 1))
                    .append(nl);
        }
        b.append("violations: ").append(failedRuns).append(" runs").append(violations.isEmpty() ? "" : " " + violations)
                .append(nl);
        return b.toString();
    }

    static List<Long> seeds(long first, int count) {
        List<Long> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(first + i);
        }
        return Collections.unmodifiableList(out);
    }
}
