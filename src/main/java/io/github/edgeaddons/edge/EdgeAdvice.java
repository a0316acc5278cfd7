package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.OperationKind;
import io.github.edgeaddons.core.StoreAdvice;
import java.io.IOException;
import java.time.Duration;

/** Edge's words for the sentences the core prints, from {@link Hints} with the client's settings. */
final class EdgeAdvice implements StoreAdvice {
    private final ClientSettings settings;

    EdgeAdvice(ClientSettings settings) {
        this.settings = settings;
    }

    @Override
    public String mayHaveReachedTheStore() {
        return Hints.publishMayHaveReachedTheStore(settings);
    }

    @Override
    public String forNetworkFailure(IOException e) {
        return Hints.forNetworkFailure(settings, e);
    }

    @Override
    public String unknownStatusWord(OperationKind kind, String operationId, String word, Duration left) {
        return Hints.unknownStatusWord(kind, operationId, word, left, settings);
    }

    @Override
    public String duringWait(int status, boolean retryAfterGiven) {
        return Hints.duringWait(status, retryAfterGiven);
    }

    @Override
    public String waitGoesOn(OperationKind kind, String operationId, Duration left, Duration next, boolean slower) {
        return Hints.waitGoesOn(kind, operationId, left, next, slower, settings);
    }
}
