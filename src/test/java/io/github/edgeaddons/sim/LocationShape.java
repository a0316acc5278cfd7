package io.github.edgeaddons.sim;

/** The shape of the {@code Location} header answered by the upload and publish POSTs. */
public enum LocationShape {
    /** {@code Location: <opId>} (current reference). */
    BARE_ID,
    /** {@code /v1/products/{pid}/submissions/draft/package/operations/{opId}} (or the publish equivalent). */
    PATH,
    /** {@code /products/{pid}/...}: the 2021 proposal, without the {@code /v1} prefix. */
    PATH_WITHOUT_V1,
    /** {@code baseUrl() + PATH}. */
    ABSOLUTE_URL
}
