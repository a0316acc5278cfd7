package io.github.edgeaddons.client;

/** The state of an operation, mapped from either status vocabulary. */
public enum OperationState {
    IN_PROGRESS,
    SUCCEEDED,
    FAILED,
    /** A status word this client does not know: polled again, reported if it never ends. */
    UNKNOWN;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
