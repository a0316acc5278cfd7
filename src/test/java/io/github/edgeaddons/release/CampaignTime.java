package io.github.edgeaddons.release;

import io.github.edgeaddons.client.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clock and sleeper of one campaign run: real time, plus every wait the client asked for, which is
 * skipped rather than slept. Requests, read timeouts and the simulator's answers take their real time;
 * backoffs, {@code Retry-After} and poll intervals cost nothing but still move the clock, so a deadline
 * of minutes is reached in milliseconds and measured on the same clock the plugin reads.
 */
final class CampaignTime extends Clock implements Sleeper {
    private final Instant base = Instant.now();
    private final long nanoBase = System.nanoTime();
    private final AtomicLong skippedNanos = new AtomicLong();
    private final long factor;

    CampaignTime() {
        this(1);
    }

    /** {@code factor} > 1 moves the clock that many times further than each wait asked for (a broken sleeper). */
    CampaignTime(long factor) {
        this.factor = factor;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (!duration.isNegative()) {
            skippedNanos.addAndGet(duration.toNanos() * factor);
        }
    }

    /** The waits skipped so far. */
    Duration skipped() {
        return Duration.ofNanos(skippedNanos.get());
    }

    @Override
    public Instant instant() {
        return base.plusNanos(System.nanoTime() - nanoBase + skippedNanos.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
