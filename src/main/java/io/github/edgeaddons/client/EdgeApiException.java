package io.github.edgeaddons.client;

/**
 * Something went wrong talking to the store. The message is complete and user-facing: what happened
 * (HTTP status or errorCode, the server's message and errors) and what to do.
 */
public final class EdgeApiException extends Exception {
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
        /** Token endpoint refused the client credentials. */
        AUTH
    }

    private final Kind kind;
    private final int httpStatus;
    private final String operationId;
    private final transient OperationStatus status;
    private final boolean fromTokenEndpoint;
    private final String whatHappened;

    public EdgeApiException(Kind kind, String message, int httpStatus, String operationId, OperationStatus status,
            Throwable cause) {
        this(kind, message, httpStatus, operationId, status, cause, false, message);
    }

    private EdgeApiException(Kind kind, String message, int httpStatus, String operationId, OperationStatus status,
            Throwable cause, boolean fromTokenEndpoint, String whatHappened) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.operationId = operationId;
        this.status = status;
        this.fromTokenEndpoint = fromTokenEndpoint;
        this.whatHappened = whatHappened;
    }

    /**
     * A failure to get an access token (API v1): {@code whatHappened} (the answer or the network failure),
     * then {@code hint}, what to do. A wait on an accepted operation tells the user only what happened, since
     * it goes on by itself when the failure is transient ({@link RetryPolicy#tokenFailureEndsWait}).
     */
    static EdgeApiException tokenEndpoint(Kind kind, String whatHappened, String hint, int httpStatus,
            Throwable cause) {
        return new EdgeApiException(kind, whatHappened + " " + hint, httpStatus, null, null, cause, true,
                whatHappened);
    }

    /** True when the token endpoint (API v1), not the store, failed. */
    public boolean fromTokenEndpoint() {
        return fromTokenEndpoint;
    }

    /** The message without what to do, for a failure of the token endpoint; else the whole message. */
    public String whatHappened() {
        return whatHappened;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or -1. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The operation concerned, or null. */
    public String operationId() {
        return operationId;
    }

    /** The last status read, or null. */
    public OperationStatus status() {
        return status;
    }

    /**
     * True when the user must change something (configuration, credentials, package, timing) rather
     * than retry a transient fault.
     */
    public boolean isUserActionable() {
        switch (kind) {
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
