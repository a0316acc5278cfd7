package io.github.edgeaddons.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one retry policy of every request: bounded attempts, exponential backoff with jitter, and the
 * server's {@code Retry-After} honoured when it asks for longer. The caller keeps every wait within the
 * goal's {@link Deadline}.
 */
public final class RetryPolicy {
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30));

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    public RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The wait before attempt {@code failedAttempts + 1}: {@code initial * 2^(n-1)}, capped, with up to
     * 25% jitter either side; at least {@code retryAfter} when the server sent one.
     */
    public Duration backoff(int failedAttempts, Duration retryAfter) {
        long base = initialBackoff.toMillis() << Math.min(20, Math.max(0, failedAttempts - 1));
        long capped = Math.min(base, maxBackoff.toMillis());
        long jitter = capped / 4;
        long millis = capped + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1));
        Duration d = Duration.ofMillis(Math.max(0, millis));
        if (retryAfter != null && retryAfter.compareTo(d) > 0) {
            return retryAfter;
        }
        return d;
    }
}
