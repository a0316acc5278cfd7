package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.StoreAdvice;

/** Edge's words for the sentences the core prints, from {@link EdgeHints}. */
final class EdgeAdvice implements StoreAdvice {
    static final EdgeAdvice INSTANCE = new EdgeAdvice();

    private EdgeAdvice() {}

    @Override
    public String htmlNotFoundDuringWait() {
        return EdgeHints.htmlNotFoundDuringWait();
    }
}
