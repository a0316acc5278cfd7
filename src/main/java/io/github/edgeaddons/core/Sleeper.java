package io.github.edgeaddons.core;

import java.time.Duration;

/** Waits; replaced in tests so that polling and backoff can be checked without real waiting. */
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = d -> {
        if (!d.isNegative() && !d.isZero()) {
            Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
        }
    };
}
