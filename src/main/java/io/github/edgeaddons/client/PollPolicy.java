package io.github.edgeaddons.client;

import java.time.Duration;

/**
 * When to ask the store again about an operation.
 *
 * <p>The adaptive policy (the default) polls at once, then every 500 ms for the first 5 seconds (a short
 * operation is seen within half a second of its end), then 1.5 times longer each time up to one poll
 * every 10 seconds (a 5-minute operation costs about 45 polls). A fixed policy ({@code edge.pollInterval})
 * polls at once, then at that interval. A {@code Retry-After} sent by the store always wins when longer.
 */
public final class PollPolicy {
    static final Duration FAST = Duration.ofMillis(500);
    static final Duration FAST_PHASE = Duration.ofSeconds(5);
    static final Duration MAX = Duration.ofSeconds(10);

    private final Duration fixed;

    private PollPolicy(Duration fixed) {
        this.fixed = fixed;
    }

    public static PollPolicy adaptive() {
        return new PollPolicy(null);
    }

    public static PollPolicy fixed(Duration interval) {
        return new PollPolicy(interval);
    }

    public boolean isAdaptive() {
        return fixed == null;
    }

    /**
     * @param previousDelay the wait before the last poll (zero before the second poll)
     * @param elapsed time since the operation started
     * @return the wait before the next poll
     */
    public Duration next(Duration previousDelay, Duration elapsed) {
        if (fixed != null) {
            return fixed;
        }
        if (elapsed.compareTo(FAST_PHASE) < 0 || previousDelay.compareTo(FAST) < 0) {
            return FAST;
        }
        long grown = previousDelay.toMillis() * 3 / 2;
        return Duration.ofMillis(Math.min(grown, MAX.toMillis()));
    }

    @Override
    public String toString() {
        return fixed == null ? "adaptive (500ms, growing to 10s)" : "every " + fixed.toMillis() + "ms";
    }
}
