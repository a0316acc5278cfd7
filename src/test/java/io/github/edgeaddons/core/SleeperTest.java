package io.github.edgeaddons.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An interrupted wait (the build stopped): a failure without a verdict that says what was waited for. */
class SleeperTest {
    @Test
    void anInterruptedWaitFailsSayingWhatItWaitedFor() {
        Sleeper interrupted = d -> {
            throw new InterruptedException();
        };
        try {
            StoreException e = assertThrows(StoreException.class,
                    () -> interrupted.sleepOrFail(Duration.ofSeconds(1), "for AMO"));
            assertEquals("Interrupted while waiting for AMO.", e.getMessage());
            assertEquals(StoreException.Kind.NETWORK, e.kind());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupted flag is kept");
        } finally {
            Thread.interrupted(); // clear it for the next test on this thread
        }
    }
}
