package io.github.edgeaddons.core;

import java.time.Duration;

/** Waits; replaced in tests so that polling and backoff can be checked without real waiting. */
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Sleeps; an interruption (the build stopped) keeps the thread's interrupted flag and ends the wait as a
     * failure without a verdict, saying what was being waited for.
     *
     * @param waitingFor e.g. "to retry", "for AMO"
     */
    default void sleepOrFail(Duration duration, String waitingFor) throws StoreException {
        try {
            sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(Failure.of(StoreException.Kind.NETWORK, Failure.Request.NONE).cause(e),
                    "Interrupted while waiting " + waitingFor + ".");
        }
    }

    Sleeper REAL = d -> {
        if (!d.isNegative() && !d.isZero()) {
            Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
        }
    };
}
