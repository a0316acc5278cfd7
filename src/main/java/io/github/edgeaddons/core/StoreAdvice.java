package io.github.edgeaddons.core;

/**
 * The sentences the core prints that only the store's adapter can word, because they are observations of that
 * store (Edge's: {@code edge.EdgeAdvice}, worded in {@code edge.EdgeHints}). The core decides when to say them,
 * from facts; the sentences any store shares are the core's {@link Hints}.
 */
public interface StoreAdvice {
    /** What an HTML 404 page during a wait means on this store (the wait goes on either way). */
    String htmlNotFoundDuringWait();
}
