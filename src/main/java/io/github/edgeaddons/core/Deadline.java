package io.github.edgeaddons.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The end of a goal's time on the network ({@code edge.timeout}); every request and wait stays within it. */
public final class Deadline {
    private final Clock clock;
    private final Instant end;
    private final Duration budget;

    private Deadline(Clock clock, Duration budget) {
        this.clock = clock;
        this.budget = budget;
        this.end = clock.instant().plus(budget);
    }

    public static Deadline after(Duration budget, Clock clock) {
        return new Deadline(clock, budget);
    }

    public Duration remaining() {
        Duration d = Duration.between(clock.instant(), end);
        return d.isNegative() ? Duration.ZERO : d;
    }

    public boolean passed() {
        return !clock.instant().isBefore(end);
    }

    public Duration budget() {
        return budget;
    }

    public Clock clock() {
        return clock;
    }
}
