package io.github.edgeaddons.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The multi-store deploy's coordination and its summary. */
class StoreReleasesTest {

    private static StoreRelease release(String store, java.util.function.Supplier<StoreOutcome> body) {
        return new StoreRelease() {
            @Override
            public String store() {
                return store;
            }

            @Override
            public StoreOutcome run() {
                return body.get();
            }
        };
    }

    /** Each store runs on a thread of its own: two releases that each wait for the other both finish. */
    @Test
    void storesRunSideBySide() {
        CountDownLatch a = new CountDownLatch(1);
        CountDownLatch b = new CountDownLatch(1);
        StoreRelease chrome = release(StoreReleases.CHROME, () -> {
            a.countDown();
            return await(b) ? StoreOutcome.released(StoreReleases.CHROME, "pending review")
                    : StoreOutcome.failed(StoreReleases.CHROME, "not side by side");
        });
        StoreRelease firefox = release(StoreReleases.FIREFOX, () -> {
            b.countDown();
            return await(a) ? StoreOutcome.released(StoreReleases.FIREFOX, "awaiting review")
                    : StoreOutcome.failed(StoreReleases.FIREFOX, "not side by side");
        });
        List<StoreOutcome> outcomes = StoreReleases.runAll(Arrays.asList(chrome, firefox));
        assertEquals(StoreOutcome.Result.RELEASED, outcomes.get(0).result(), outcomes.toString());
        assertEquals(StoreOutcome.Result.RELEASED, outcomes.get(1).result(), outcomes.toString());
        assertFalse(StoreReleases.anyFailed(outcomes));
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(60, TimeUnit.SECONDS); // margin for a loaded machine; the test ends at once when right
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The outcomes come back in the order given, whichever store ends first. */
    @Test
    void outcomesKeepTheGivenOrder() {
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        StoreRelease slow = release(StoreReleases.CHROME, () -> {
            await(firstMayEnd);
            return StoreOutcome.skipped(StoreReleases.CHROME, "in review");
        });
        StoreRelease fast = release(StoreReleases.FIREFOX, () -> {
            firstMayEnd.countDown();
            return StoreOutcome.alreadyReleased(StoreReleases.FIREFOX, "Version 1.0.0 already exists.");
        });
        List<StoreOutcome> outcomes = StoreReleases.runAll(Arrays.asList(slow, fast));
        assertEquals(StoreReleases.CHROME, outcomes.get(0).store());
        assertEquals(StoreReleases.FIREFOX, outcomes.get(1).store());
    }

    /** A release that throws (a bug) is a failed store, and the others still end. */
    @Test
    void aReleaseThatThrowsIsAFailedStore() {
        StoreRelease broken = release(StoreReleases.CHROME, () -> {
            throw new IllegalStateException("boom");
        });
        StoreRelease fine = release(StoreReleases.FIREFOX, () -> StoreOutcome.released(StoreReleases.FIREFOX, null));
        List<StoreOutcome> outcomes = StoreReleases.runAll(Arrays.asList(broken, fine));
        assertTrue(outcomes.get(0).failed());
        assertEquals("unexpected IllegalStateException: boom", outcomes.get(0).detail());
        assertEquals(StoreOutcome.Result.RELEASED, outcomes.get(1).result());
        assertTrue(StoreReleases.anyFailed(outcomes));
    }

    /** Golden: the summary's lines. */
    @Test
    void summaryLines() {
        List<StoreOutcome> outcomes = Arrays.asList(
                StoreOutcome.released(StoreReleases.EDGE, "submission 1, in certification review"),
                StoreOutcome.failed(StoreReleases.CHROME, "the store refused the package"),
                StoreOutcome.alreadyReleased(StoreReleases.FIREFOX, "Version 1.0.0 already exists."),
                StoreOutcome.skipped(StoreReleases.CHROME, "in review"),
                StoreOutcome.dryRun(StoreReleases.EDGE));
        assertEquals(Arrays.asList(
                "Edge: released (submission 1, in certification review)",
                "Chrome Web Store: failed (the store refused the package)",
                "Firefox Add-ons: already released (Version 1.0.0 already exists.)",
                "Chrome Web Store: skipped (in review)",
                "Edge: dry run"), StoreReleases.summary(outcomes));
    }

    /** Golden: the build's failure when a store failed and others stand. */
    @Test
    void failureMessage() {
        assertEquals("The release failed for Chrome Web Store. The other stores' releases stand; run the deploy again"
                + " once the cause is fixed: a store that already has this release says so and does not fail the"
                + " build. Each store's error is printed above the summary.",
                StoreReleases.failureMessage(Arrays.asList(StoreOutcome.released(StoreReleases.EDGE, null),
                        StoreOutcome.failed(StoreReleases.CHROME, "x"))));
        assertEquals("The release failed for Edge and Chrome Web Store. Each store's error is printed above the summary.",
                StoreReleases.failureMessage(Arrays.asList(StoreOutcome.failed(StoreReleases.EDGE, "y"),
                        StoreOutcome.failed(StoreReleases.CHROME, "x"))));
    }
}
