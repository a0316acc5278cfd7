package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.Credentials;
import io.github.edgeaddons.core.Deadline;
import io.github.edgeaddons.core.OperationKind;
import io.github.edgeaddons.core.OperationState;
import io.github.edgeaddons.core.OperationStatus;
import io.github.edgeaddons.core.PollPolicy;

import io.github.edgeaddons.edge.ClientTestSupport.SimulatedTime;
import io.github.edgeaddons.sim.EdgeApiSimulator;
import io.github.edgeaddons.sim.Operation;
import io.github.edgeaddons.sim.Outcome;
import io.github.edgeaddons.sim.RecordedRequest;
import io.github.edgeaddons.sim.Route;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The poll policy's figures for {@code bench/run.sh --only polling} (against its budgets): for operations of
 * 2 s, 7 s, 15 s, 60 s and 10 min, uploads and publishes alike, the worst-case verdict lag and the status
 * requests per operation, the previous default policy beside the current one, and the shortest gap between
 * two status requests of one operation after the first.
 *
 * <p>What runs is the real client: {@link EdgeAddonsClient} and its {@link Poller} over HTTP against the
 * {@link EdgeApiSimulator} on loopback. Only time is simulated: client and simulator share one
 * {@link SimulatedTime} clock (the real clock plus every wait the client asked for, which is skipped rather
 * than slept), so a ten-minute operation takes a fraction of a second while its request times are still
 * measured on one clock, round trips included. "Worst case" is the worst over operations ending anywhere
 * within ±0.15 s of the length (7 runs 50 ms apart), so a poll that happens to land just after the length
 * does not flatter the figure. Lag is the time from the operation's terminal moment (simulator) to the
 * arrival of the status request that saw it.
 *
 * <p>Not a unit test (no assertions; not picked up by Surefire): {@code PolicyTest} checks the budgets of the
 * schedule itself, and {@code PollerTest} the loop.
 */
public final class PollBench {
    private static final double[] LENGTHS = {2, 7, 15, 60, 600};
    private static final double[] LAG_BUDGET = {1, 2, 5, 6, 30};
    private static final int[] REQUEST_BUDGET = {3, 5, 7, 14, 40};
    /** ±0.15 s around each length; 0 with {@code --short} (one run per cell, for {@code bench/run.sh --short}). */
    private static double spread = 0.15;
    private static final double STEP = 0.05;

    /**
     * The default before the adaptive one, replayed through the same {@link Poller}: a first request at once, every
     * 500 ms during the first 5 s, then each wait 1.5 times the previous up to 10 s (it counted from the
     * goal's start; for these runs that is the 202 within a few milliseconds).
     */
    static final PollPolicy PREVIOUS = PollPolicy.of((poll, previous, since) -> {
        if (poll <= 1) {
            return Duration.ZERO;
        }
        Duration fast = Duration.ofMillis(500);
        if (since.compareTo(Duration.ofSeconds(5)) < 0 || previous.compareTo(fast) < 0) {
            return fast;
        }
        return Duration.ofMillis(Math.min(previous.toMillis() * 3 / 2, 10_000));
    }, "previous default (500ms for 5s, growing 1.5x to 10s)");

    /** The figures of one (policy, kind, length) cell. */
    static final class Cell {
        double worstLag;
        int mostRequests;
        double minGap = Double.MAX_VALUE;
        double firstAfter202 = Double.MAX_VALUE;
        int runs;
        int failures;
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--short")) {
            spread = 0;
        }
        Path zip = Files.createTempFile("poll-bench", ".zip");
        Files.write(zip, new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        SimulatedTime time = new SimulatedTime();
        boolean failed = false;
        long started = System.nanoTime();
        try (EdgeApiSimulator sim = new EdgeApiSimulator().clock(time).start()) {
            PollPolicy[] policies = {PREVIOUS, PollPolicy.adaptive()};
            OperationKind[] kinds = {OperationKind.UPLOAD, OperationKind.PUBLISH};
            Cell[][][] cells = new Cell[policies.length][kinds.length][LENGTHS.length];
            for (int p = 0; p < policies.length; p++) {
                for (int k = 0; k < kinds.length; k++) {
                    for (int l = 0; l < LENGTHS.length; l++) {
                        cells[p][k][l] = measure(sim, time, policies[p], kinds[k], LENGTHS[l], zip);
                    }
                }
            }
            print(cells, kinds);
            for (Cell[][] byKind : cells) {
                for (Cell[] byLength : byKind) {
                    for (Cell c : byLength) {
                        if (c.failures > 0) {
                            failed = true;
                        }
                    }
                }
            }
        } finally {
            Files.deleteIfExists(zip);
        }
        if (failed) {
            System.out.println("   some operations did not end Succeeded: the benchmark failed");
            System.exit(1);
        }
        int runs = (int) Math.round(2 * spread / STEP) + 1;
        System.out.printf(Locale.ROOT, "   (%s per cell, %.1f s of real time in all)%n",
                io.github.edgeaddons.config.Plurals.count(runs, "run"), (System.nanoTime() - started) / 1e9);
    }

    private static Cell measure(EdgeApiSimulator sim, SimulatedTime time, PollPolicy policy, OperationKind kind,
            double length, Path zip) throws Exception {
        Cell cell = new Cell();
        int steps = (int) Math.round(2 * spread / STEP);
        for (int i = 0; i <= steps; i++) {
            double end = length - spread + i * STEP;
            sim.reset();
            Outcome outcome = Outcome.succeeded().after(Duration.ofNanos(Math.round(end * 1e9)));
            sim.config().uploadOutcome(outcome).publishOutcome(outcome);
            ClientSettings settings = ClientSettings.builder().resume(io.github.edgeaddons.maven.MavenVocabulary.commands())
                    .apiBaseUrl(URI.create(sim.baseUrl()))
                    .productId(EdgeApiSimulator.PRODUCT_ID)
                    .authMode(AuthMode.API_KEY)
                    .credentials(new Credentials(EdgeApiSimulator.CLIENT_ID, EdgeApiSimulator.API_KEY))
                    .pollPolicy(policy)
                    .clock(time)
                    .sleeper(time)
                    .build();
            OperationStatus s;
            try (EdgeAddonsClient client = new EdgeAddonsClient(settings)) {
                Deadline deadline = time.deadline(Duration.ofMinutes(15));
                String op = kind == OperationKind.UPLOAD ? client.startUpload(zip, Files.size(zip), deadline)
                        : client.startPublish("", deadline);
                s = client.await(kind, op, deadline);
            }
            cell.runs++;
            if (s.state() != OperationState.SUCCEEDED) {
                cell.failures++;
                continue;
            }
            Operation op = sim.operations().get(0);
            List<RecordedRequest> polls = new ArrayList<>(
                    sim.requests(kind == OperationKind.UPLOAD ? Route.UPLOAD_STATUS : Route.PUBLISH_STATUS));
            RecordedRequest seen = polls.get(polls.size() - 1);
            cell.worstLag = Math.max(cell.worstLag, seconds(op.terminalAt(), seen.receivedAt()));
            cell.mostRequests = Math.max(cell.mostRequests, polls.size());
            cell.firstAfter202 = Math.min(cell.firstAfter202, seconds(op.created(), polls.get(0).receivedAt()));
            for (int j = 1; j < polls.size(); j++) {
                cell.minGap = Math.min(cell.minGap, seconds(polls.get(j - 1).receivedAt(), polls.get(j).receivedAt()));
            }
        }
        return cell;
    }

    private static double seconds(java.time.Instant from, java.time.Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static void print(Cell[][][] cells, OperationKind[] kinds) {
        System.out.printf(Locale.ROOT, "%-10s %-8s | %-27s | %-27s | %-10s | %s%n", "operation", "kind",
                "previous: lag s  requests", "new: lag s  requests", "budget", "new: min gap s, first s");
        boolean allMet = true;
        for (int l = 0; l < LENGTHS.length; l++) {
            for (int k = 0; k < kinds.length; k++) {
                Cell old = cells[0][k][l];
                Cell now = cells[1][k][l];
                boolean met = now.failures == 0 && now.worstLag <= LAG_BUDGET[l]
                        && now.mostRequests <= REQUEST_BUDGET[l];
                allMet &= met;
                System.out.printf(Locale.ROOT, "%-10s %-8s | %10.2f %9d %6s | %10.2f %9d %6s | <=%-3s <=%-3d | %6.2f, %.2f%s%n",
                        label(LENGTHS[l]), kinds[k].label(), old.worstLag, old.mostRequests, fails(old),
                        now.worstLag, now.mostRequests, fails(now), trim(LAG_BUDGET[l]), REQUEST_BUDGET[l],
                        now.minGap == Double.MAX_VALUE ? Double.NaN : now.minGap, now.firstAfter202,
                        met ? "" : "   MISSED");
            }
        }
        System.out.println("   lag = the status request that saw the verdict minus the operation's terminal moment;"
                + (spread == 0 ? " one operation of exactly the length (--short)"
                        : " worst over operations ending within ±" + spread + " s of the length"));
        System.out.println("   min gap = shortest time between two status requests of one operation after the first;"
                + " first = first status request after the 202");
        System.out.println("   budgets (verdict lag, requests): " + (allMet ? "all met" : "NOT all met"));
    }

    private static String fails(Cell c) {
        return c.failures == 0 ? "" : c.failures + " fail";
    }

    private static String label(double seconds) {
        return seconds >= 60 && seconds % 60 == 0 && seconds > 60 ? (int) (seconds / 60) + " min" : trim(seconds) + " s";
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private PollBench() {}
}
