package io.github.edgeaddons.core;

import java.util.List;

/**
 * What the wait ({@link Poller}) needs from a store's adapter, and all it knows of the store: one status
 * request of an operation, sent once; the status read from a 2xx answer; an error answer in words; the useful
 * part of an error body and the store's request id, for the warnings; whether its token URL issued a token
 * before. Edge's client ({@code edge.EdgeAddonsClient}) implements it; another store's client implements the
 * same, and the wait, its schedule ({@link PollPolicy}) and the retry rules ({@link RetryPolicy}) serve it unchanged.
 */
public interface StatusSource {
    /** One status request, sent once whatever the answer (the wait does the retrying). */
    Transport.Response statusAnswer(OperationKind kind, String operationId, Deadline deadline) throws StoreException;

    /** The status in a 2xx answer; a MALFORMED failure when the body is no status. */
    OperationStatus parseStatus(OperationKind kind, String operationId, Transport.Response r) throws StoreException;

    /** A definite error answer to a status request, with its facts and words. */
    StoreException statusError(OperationKind kind, String operationId, Transport.Response r);

    /** The useful part of an error answer's body (the store's code, message and errors; an HTML page's title). */
    List<String> errorDetails(Transport.Response r);

    /** The id by which the store names an answer for its support, or null. */
    String requestId(Transport.Response r);

    /** True when the token endpoint has issued a token in this build before (its URL is known to work). */
    boolean tokenIssuedBefore();
}
