package io.github.edgeaddons.core;

import java.util.Collections;
import java.util.List;

/** One answer of a status endpoint (2 or 4), normalised over both vocabularies. */
public final class OperationStatus {
    private final String operationId;
    private final OperationState state;
    private final String rawStatus;
    private final String message;
    private final String errorCode;
    private final List<String> errors;
    private final String createdTime;
    private final String lastUpdatedTime;

    public OperationStatus(String operationId, OperationState state, String rawStatus, String message,
            String errorCode, List<String> errors, String createdTime, String lastUpdatedTime) {
        this.operationId = operationId;
        this.state = state;
        this.rawStatus = rawStatus;
        this.message = message;
        this.errorCode = errorCode;
        this.errors = errors == null ? Collections.emptyList() : Collections.unmodifiableList(errors);
        this.createdTime = createdTime;
        this.lastUpdatedTime = lastUpdatedTime;
    }

    public String operationId() {
        return operationId;
    }

    public OperationState state() {
        return state;
    }

    /** The status word as the server sent it, e.g. {@code Succeeded} or {@code IN-REVIEW}. */
    public String rawStatus() {
        return rawStatus;
    }

    /** The server's message; may be null. */
    public String message() {
        return message;
    }

    /** The server's errorCode, null when absent or empty; legacy words such as NOTHING-TO-PUBLISH land here. */
    public String errorCode() {
        return errorCode;
    }

    /** Each error as one line of text, never null. */
    public List<String> errors() {
        return errors;
    }

    public String createdTime() {
        return createdTime;
    }

    public String lastUpdatedTime() {
        return lastUpdatedTime;
    }

    @Override
    public String toString() {
        return "OperationStatus{" + operationId + ", " + state + " (" + rawStatus + "), errorCode=" + errorCode
                + ", message=" + message + ", errors=" + errors + "}";
    }
}
