package io.github.edgeaddons.sim;

/** The endpoint a request to the {@link EdgeApiSimulator} was routed to. */
public enum Route {
    /** {@code POST /{tenant}/oauth2/v2.0/token} (v1 client-credentials flow). */
    TOKEN,
    /** {@code POST /v1/products/{pid}/submissions/draft/package}. */
    UPLOAD,
    /** {@code GET /v1/products/{pid}/submissions/draft/package/operations/{opId}}. */
    UPLOAD_STATUS,
    /** {@code POST /v1/products/{pid}/submissions}. */
    PUBLISH,
    /** {@code GET /v1/products/{pid}/submissions/operations/{opId}}. */
    PUBLISH_STATUS,
    /** {@code GET /v1/products} (2021 proposal only). */
    PRODUCTS,
    /** Anything else: answered 404. */
    UNKNOWN
}
