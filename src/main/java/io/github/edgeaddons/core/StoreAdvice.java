package io.github.edgeaddons.core;

import java.io.IOException;
import java.time.Duration;

/**
 * The sentences the core prints that only the store adapter can word: where to look (the store's dashboard),
 * which settings to check, what an answer means on that store's front door. The core decides when to say them,
 * from facts; the adapter says them (Edge's: {@code edge.EdgeAdvice}, worded in {@code edge.Hints}).
 */
public interface StoreAdvice {
    /** For a request that may have changed the store, whose fate is unknown: it was not sent again, and what now. */
    String mayHaveReachedTheStore();

    /** What to do about a network failure, by its kind. */
    String forNetworkFailure(IOException e);

    /** A status word this client does not know: the wait goes on; where to look meanwhile. */
    String unknownStatusWord(OperationKind kind, String operationId, String word, Duration left);

    /** What an answer that keeps a wait going means, when its status alone does not say; else null. */
    String duringWait(int status, boolean retryAfterGiven);

    /** The first failure of a streak during a wait on an accepted operation: the wait goes on, until when. */
    String waitGoesOn(OperationKind kind, String operationId, Duration left, Duration next, boolean slower);
}
