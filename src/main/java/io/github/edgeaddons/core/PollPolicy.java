package io.github.edgeaddons.core;

import java.time.Duration;

/**
 * The poll policy: when to ask the store again about an accepted operation. The one home of these numbers;
 * {@link Poller} follows them.
 *
 * <p><b>The default (adaptive) schedule</b> starts when the store accepted the operation (its 202), not when
 * the goal started, so a slow upload does not use up the fast phase:
 * <ul>
 *   <li>the first status request 0.75 s after the 202 (a failure often ends within a second);
 *   <li>the second 2.05 s after the first; from then on each gap is 1.25 times the previous one, at most
 *       5.8 s while the operation is younger than a minute (so a one-minute operation is seen within about
 *       6 s);
 *   <li>after the first minute the gaps keep growing by 1.25 up to 28 s (so a ten-minute operation is seen
 *       within 30 s and costs fewer than 40 requests).
 * </ul>
 * Polls fall at about 0.75, 2.8, 5.4, 8.6, 12.6, 17.6, 23.4, 29.2, ... 58.2, 64.0, 71.2, 80.3, ... s. Two
 * status requests of one operation are never less than 2 s apart after the first (the live service has
 * answered 429 to polling about once a second; Microsoft's own sample polls every 5 s). The gaps are
 * counted from the start of each request, so slow answers do not push the schedule back. Measured with the
 * store simulator by {@code bench/run.sh --only polling} (see {@code bench/RESULTS.md}): worst-case verdict
 * lag 0.95 s for a 2 s operation, 1.7 s for 7 s, 2.7 s for 15 s, 4.1 s for 60 s and 21 s for 10 minutes,
 * with 2, 4, 6, 14 and 37 status requests.
 *
 * <p><b>A fixed interval</b> ({@code edge.pollInterval}) is obeyed as given: the first request at once,
 * then one per interval.
 *
 * <p>In both, a longer {@code Retry-After} sent by the store wins, and the retry rules ({@link RetryPolicy})
 * lengthen the gaps while the store answers errors or throttles.
 */
public final class PollPolicy {
    static final Duration FIRST = Duration.ofMillis(750);
    /** The shortest gap after the first request: 2 s, and a little more, so round trips cannot make it less. */
    static final Duration MIN_GAP = Duration.ofMillis(2050);
    static final double GROWTH = 1.25;
    static final Duration FAST_CAP = Duration.ofMillis(5800);
    static final Duration FAST_PHASE = Duration.ofSeconds(60);
    static final Duration SLOW_CAP = Duration.ofSeconds(28);

    /** A schedule: the wait before a status request, from the start of the previous one (or from the 202). */
    public interface Schedule {
        /**
         * @param poll the request about to be scheduled, 1 for the first
         * @param previousDelay the delay returned for the previous request (zero for the first)
         * @param sinceAccepted time from the 202 to the start of the previous request (zero for the first)
         */
        Duration delayBefore(int poll, Duration previousDelay, Duration sinceAccepted);
    }

    private static final Schedule ADAPTIVE = (poll, previous, since) -> {
        if (poll <= 1) {
            return FIRST;
        }
        if (poll == 2) {
            return MIN_GAP;
        }
        long grown = Math.round(previous.toMillis() * GROWTH);
        long gap = since.compareTo(FAST_PHASE) < 0
                ? Math.min(grown, FAST_CAP.toMillis())
                : Math.min(Math.max(grown, FAST_CAP.toMillis()), SLOW_CAP.toMillis());
        return Duration.ofMillis(Math.max(gap, MIN_GAP.toMillis()));
    };

    private final Duration fixed;
    private final Schedule schedule;
    private final String description;

    private PollPolicy(Duration fixed, Schedule schedule, String description) {
        this.fixed = fixed;
        this.schedule = schedule;
        this.description = description;
    }

    /** The default schedule described above. */
    public static PollPolicy adaptive() {
        return new PollPolicy(null, ADAPTIVE, "adaptive: 0.75s after acceptance, then every 2s growing to 28s");
    }

    /** {@code edge.pollInterval}: the first request at once, then one per {@code interval}. */
    public static PollPolicy fixed(Duration interval) {
        return new PollPolicy(interval, (poll, previous, since) -> poll <= 1 ? Duration.ZERO : interval,
                "every " + interval.toMillis() + "ms");
    }

    /** Another schedule (the benchmark measures the previous default with it). */
    public static PollPolicy of(Schedule schedule, String description) {
        return new PollPolicy(null, schedule, description);
    }

    public boolean isAdaptive() {
        return fixed == null;
    }

    /** See {@link Schedule#delayBefore}. */
    public Duration delayBefore(int poll, Duration previousDelay, Duration sinceAccepted) {
        return schedule.delayBefore(poll, previousDelay, sinceAccepted);
    }

    @Override
    public String toString() {
        return description;
    }
}
