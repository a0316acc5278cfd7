package io.github.edgeaddons.core;

/**
 * Something went wrong talking to the store. The message is complete and user-facing: what happened
 * (HTTP status or errorCode, the server's message and errors) and what to do. Code that decides reads the
 * {@link #failure() facts}, never the message.
 */
public final class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the request or operation did not succeed. */
    public enum Kind {
        /** The store answered an HTTP error status. */
        HTTP,
        /** An operation ended Failed. */
        OPERATION_FAILED,
        /** The goal's time ran out while waiting. */
        TIMEOUT,
        /** The network failed (after the retries that were safe). */
        NETWORK,
        /** The answer could not be read. */
        MALFORMED,
        /** The credentials were refused: by the token endpoint (API v1), or in the dry run's credential check. */
        AUTH
    }

    private final transient Failure failure;
    private final String whatHappened;

    /** A failure with its facts; the message says it in words (the hints ({@code Hints}) composes the advice). */
    public StoreException(Failure failure, String message) {
        this(failure, message, message);
    }

    private StoreException(Failure failure, String message, String whatHappened) {
        super(message, failure.cause());
        this.failure = failure;
        this.whatHappened = whatHappened;
    }

    /**
     * A failure to get an access token (API v1): {@code whatHappened} (the answer or the network failure),
     * then {@code hint}, what to do. A wait on an accepted operation tells the user only what happened, since
     * it goes on by itself when the failure is transient ({@link RetryPolicy}).
     */
    public static StoreException tokenEndpoint(Failure failure, String whatHappened, String hint) {
        return new StoreException(failure.request(Failure.Request.TOKEN), whatHappened + " " + hint, whatHappened);
    }

    /** The message without what to do, for a failure of the token endpoint; else the whole message. */
    public String whatHappened() {
        return whatHappened;
    }

    /** The facts of this failure: what decisions read, never the message. */
    public Failure failure() {
        return failure;
    }

    /** The same failure, with other facts (e.g. the operation it concerns) and the same message. */
    public StoreException with(Failure facts) {
        return new StoreException(facts, getMessage(), whatHappened);
    }

    /** True when the token endpoint (API v1), not the store, failed. */
    public boolean fromTokenEndpoint() {
        return failure.fromTokenEndpoint();
    }

    public Kind kind() {
        return failure.kind();
    }

    /** The HTTP status, or -1. */
    public int httpStatus() {
        return failure.httpStatus();
    }

    /** The operation concerned, or null. */
    public String operationId() {
        return failure.operationId();
    }

    /** The last status read, or null. */
    public OperationStatus status() {
        return failure.status();
    }

    /**
     * True when the user must change something (configuration, credentials, package, timing) rather
     * than retry a transient fault.
     */
    public boolean isUserActionable() {
        int httpStatus = failure.httpStatus();
        switch (failure.kind()) {
            case OPERATION_FAILED:
            case TIMEOUT:
            case AUTH:
                return true;
            case HTTP:
                return httpStatus >= 400 && httpStatus < 500 && httpStatus != 408 && httpStatus != 429;
            default:
                return false;
        }
    }
}
