package io.github.edgeaddons.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What went wrong, as facts: the one immutable value that every failure of the client and release layers
 * carries ({@link StoreException#failure()}). Decisions read these facts, never a message's text; the
 * sentences are composed from them once (the hints ({@code Hints})).
 *
 * <p>The facts are store-neutral: which request of the release failed, the HTTP status and whether its body
 * was an HTML page, the store's own error code, message and errors, the operation asked about, whether the
 * request may have reached the store, whether the store had accepted the operation before, and whether
 * there is a verdict. Another store's adapter fills in the same facts.
 */
public final class Failure {
    /**
     * Which request of a release failed, by its role (the same status means different things on each). The roles
     * are any store's: a store's adapter maps each of its requests to one (Edge's: its token endpoint of API v1,
     * {@code POST .../submissions/draft/package}, its two operation endpoints, {@code GET /v1/products}).
     */
    public enum Request {
        /** An access token request to the store's token endpoint. */
        TOKEN,
        /** The package upload. */
        UPLOAD,
        /** A status request of an upload operation. */
        UPLOAD_STATUS,
        /** The publish request (on Edge its body is the certification notes). */
        PUBLISH,
        /** A status request of a publish operation. */
        PUBLISH_STATUS,
        /** The dry run's side-effect-free credential check. */
        CREDENTIAL_CHECK,
        /** A read of the account's products (Edge's product list). */
        PRODUCT_LIST,
        /** A read of one item's status outside an operation's wait (Chrome's fetchStatus before a release). */
        ITEM_STATUS,
        /** The cancellation of a submission in review (Chrome's cancelSubmission): no new submission. */
        CANCEL,
        /** A change of the published version's rollout percentage (Chrome's setPublishedDeployPercentage). */
        ROLLOUT,
        /** No request: the client itself (closing it, an interrupted wait). */
        NONE;

        /** True for a status request of an operation. */
        public boolean isStatus() {
            return this == UPLOAD_STATUS || this == PUBLISH_STATUS;
        }

        /** The status request of an operation of this kind. */
        public static Request statusOf(OperationKind kind) {
            return kind == OperationKind.UPLOAD ? UPLOAD_STATUS : PUBLISH_STATUS;
        }
    }

    /** Whether the store said how an operation ended. */
    public enum Verdict {
        /** No verdict: the request failed, or the wait ended before the operation did. */
        NONE,
        /** The store reports the operation Failed. */
        FAILED,
        /** The store reports the operation stopped without succeeding or failing ({@code Cancelled}, ...). */
        STOPPED
    }

    private final StoreException.Kind kind;
    private final Request request;
    private final int httpStatus;
    private final boolean htmlBody;
    private final String errorCode;
    private final String storeMessage;
    private final List<String> errors;
    private final String operationId;
    private final OperationStatus status;
    private final boolean mayHaveReachedStore;
    private final boolean acceptedBefore;
    private final Verdict verdict;
    private final boolean keyHeadersNotTaken;
    private final Throwable cause;

    private Failure(StoreException.Kind kind, Request request, int httpStatus, boolean htmlBody, String errorCode,
            String storeMessage, List<String> errors, String operationId, OperationStatus status,
            boolean mayHaveReachedStore, boolean acceptedBefore, Verdict verdict, boolean keyHeadersNotTaken,
            Throwable cause) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.request = request == null ? Request.NONE : request;
        this.httpStatus = httpStatus;
        this.htmlBody = htmlBody;
        this.errorCode = errorCode;
        this.storeMessage = storeMessage;
        this.errors = errors == null ? Collections.emptyList() : Collections.unmodifiableList(new ArrayList<>(errors));
        this.operationId = operationId;
        this.status = status;
        this.mayHaveReachedStore = mayHaveReachedStore;
        this.acceptedBefore = acceptedBefore;
        this.verdict = verdict == null ? Verdict.NONE : verdict;
        this.keyHeadersNotTaken = keyHeadersNotTaken;
        this.cause = cause;
    }

    /** A failure of this kind on this request, with no further facts yet. */
    public static Failure of(StoreException.Kind kind, Request request) {
        return new Failure(kind, request, -1, false, null, null, null, null, null, false, false, Verdict.NONE, false,
                null);
    }

    /** An operation that ended without succeeding: its verdict, code, message and errors, from its status. */
    public static Failure verdict(OperationKind kind, String operationId, OperationStatus s, Verdict verdict) {
        return of(StoreException.Kind.OPERATION_FAILED, Request.statusOf(kind)).operation(operationId, s)
                .store(s.errorCode(), s.message(), s.errors()).verdict(verdict);
    }

    // ---- the facts ---------------------------------------------------------------------------------------

    public StoreException.Kind kind() {
        return kind;
    }

    public Request request() {
        return request;
    }

    /** The HTTP status of the answer, or -1 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** True when the answer's body was an HTML page (a front door's or a proxy's, not the API's). */
    public boolean htmlBody() {
        return htmlBody;
    }

    /** The store's errorCode, or null. */
    public String errorCode() {
        return errorCode;
    }

    /** The store's own message, or null. */
    public String storeMessage() {
        return storeMessage;
    }

    /** The store's errors (possibly empty). */
    public List<String> errors() {
        return errors;
    }

    /** The operation asked about (the id this client asked, not a status body's {@code id}), or null. */
    public String operationId() {
        return operationId;
    }

    /** The last status read of that operation, or null. */
    public OperationStatus status() {
        return status;
    }

    /** True when the request may have reached the store and changed it (a publish whose answer was lost). */
    public boolean mayHaveReachedStore() {
        return mayHaveReachedStore;
    }

    /** True when the store had accepted the operation (its 202) before this failure. */
    public boolean acceptedBefore() {
        return acceptedBefore;
    }

    /** Whether the store gave a definite verdict on the operation. */
    public Verdict verdict() {
        return verdict;
    }

    /** True when there is a definite verdict (Failed, or stopped). */
    public boolean hasVerdict() {
        return verdict != Verdict.NONE;
    }

    /**
     * True for a 401 whose body says the store checked the request as an Azure AD token: it did not take the
     * API-key headers as such (the store's body, read once where the answer came in).
     */
    public boolean keyHeadersNotTaken() {
        return keyHeadersNotTaken;
    }

    /** True when the failure came from the token endpoint (API v1), not from the store. */
    public boolean fromTokenEndpoint() {
        return request == Request.TOKEN;
    }

    /** The underlying exception (a network failure, a parse failure), or null. */
    public Throwable cause() {
        return cause;
    }

    /** A JSON or empty 404 to a status request: the store does not know the operation (not an HTML page). */
    public boolean unknownOperation() {
        return kind == StoreException.Kind.HTTP && httpStatus == 404 && request.isStatus() && operationId != null
                && !htmlBody;
    }

    // ---- copies with one more fact ----------------------------------------------------------------------

    public Failure kind(StoreException.Kind k) {
        return new Failure(k, request, httpStatus, htmlBody, errorCode, storeMessage, errors, operationId, status,
                mayHaveReachedStore, acceptedBefore, verdict, keyHeadersNotTaken, cause);
    }

    public Failure request(Request r) {
        return new Failure(kind, r, httpStatus, htmlBody, errorCode, storeMessage, errors, operationId, status,
                mayHaveReachedStore, acceptedBefore, verdict, keyHeadersNotTaken, cause);
    }

    /** The answer's HTTP status and whether its body was an HTML page. */
    public Failure answer(int status, boolean html) {
        return new Failure(kind, request, status, html, errorCode, storeMessage, errors, operationId, this.status,
                mayHaveReachedStore, acceptedBefore, verdict, keyHeadersNotTaken, cause);
    }

    /** The store's errorCode, message and errors. */
    public Failure store(String code, String message, List<String> errs) {
        return new Failure(kind, request, httpStatus, htmlBody, code, message, errs, operationId, status,
                mayHaveReachedStore, acceptedBefore, verdict, keyHeadersNotTaken, cause);
    }

    /** The operation asked about, and its last status read (or null). */
    public Failure operation(String id, OperationStatus last) {
        return new Failure(kind, request, httpStatus, htmlBody, errorCode, storeMessage, errors, id, last,
                mayHaveReachedStore, acceptedBefore, verdict, keyHeadersNotTaken, cause);
    }

    public Failure mayHaveReachedStore(boolean v) {
        return new Failure(kind, request, httpStatus, htmlBody, errorCode, storeMessage, errors, operationId, status,
                v, acceptedBefore, verdict, keyHeadersNotTaken, cause);
    }

    public Failure acceptedBefore(boolean v) {
        return new Failure(kind, request, httpStatus, htmlBody, errorCode, storeMessage, errors, operationId, status,
                mayHaveReachedStore, v, verdict, keyHeadersNotTaken, cause);
    }

    public Failure verdict(Verdict v) {
        return new Failure(kind, request, httpStatus, htmlBody, errorCode, storeMessage, errors, operationId, status,
                mayHaveReachedStore, acceptedBefore, v, keyHeadersNotTaken, cause);
    }

    public Failure keyHeadersNotTaken(boolean v) {
        return new Failure(kind, request, httpStatus, htmlBody, errorCode, storeMessage, errors, operationId, status,
                mayHaveReachedStore, acceptedBefore, verdict, v, cause);
    }

    public Failure cause(Throwable t) {
        return new Failure(kind, request, httpStatus, htmlBody, errorCode, storeMessage, errors, operationId, status,
                mayHaveReachedStore, acceptedBefore, verdict, keyHeadersNotTaken, t);
    }

    @Override
    public String toString() {
        return "Failure[" + kind + ", " + request + (httpStatus > 0 ? ", HTTP " + httpStatus : "")
                + (htmlBody ? ", html" : "") + (errorCode != null ? ", errorCode " + errorCode : "")
                + (operationId != null ? ", operation " + operationId : "")
                + (mayHaveReachedStore ? ", may have reached the store" : "")
                + (acceptedBefore ? ", accepted before" : "") + (verdict != Verdict.NONE ? ", " + verdict : "")
                + (keyHeadersNotTaken ? ", key headers not taken" : "") + "]";
    }
}
