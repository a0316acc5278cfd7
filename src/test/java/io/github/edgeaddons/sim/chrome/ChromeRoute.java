package io.github.edgeaddons.sim.chrome;

/** The endpoint a request to the {@link ChromeWebStoreSimulator} was routed to ({@code {name}} is {@code publishers/P/items/I}). */
public enum ChromeRoute {
    /** {@code POST /token}: Google's OAuth 2.0 token endpoint (refresh-token and JWT-bearer grants). */
    TOKEN,
    /** {@code POST /upload/v2/{name}:upload}: the package's raw bytes. */
    UPLOAD,
    /** {@code GET /v2/{name}:fetchStatus}. */
    FETCH_STATUS,
    /** {@code POST /v2/{name}:publish}. */
    PUBLISH,
    /** {@code POST /v2/{name}:cancelSubmission}. */
    CANCEL_SUBMISSION,
    /** {@code POST /v2/{name}:setPublishedDeployPercentage}. */
    SET_DEPLOY_PERCENTAGE,
    /** Anything else (a wrong method included): Google's HTML 404 page. */
    UNKNOWN
}
