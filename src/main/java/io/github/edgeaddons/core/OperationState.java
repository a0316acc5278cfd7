package io.github.edgeaddons.core;

/** The state of an operation, mapped from either status vocabulary. */
public enum OperationState {
    IN_PROGRESS,
    SUCCEEDED,
    FAILED,
    /**
     * The operation stopped without a verdict: {@code Cancelled}, {@code Aborted}, {@code Expired} and the like.
     * It will not finish by itself, so a wait ends on it and says so.
     */
    STOPPED,
    /** A status word this client does not know: polled again (the wait says so), until edge.timeout. */
    UNKNOWN;

    /** Whether a wait ends on this state. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == STOPPED;
    }
}
