package io.github.edgeaddons.config;

/**
 * The store's fixed names, each owned here once: its API root, the OAuth scope of API v1, the default server id,
 * its dashboard.
 */
public final class EdgeStore {
    /** The endpoint root of the Edge Add-ons API; requests go to {@code {root}/v1/products/...}. */
    public static final String API_ROOT = "https://api.addons.microsoftedge.microsoft.com";
    /** The OAuth scope of a token for the retired API v1. */
    public static final String SCOPE = API_ROOT + "/.default";
    /** The settings.xml {@code <server>} that holds the credentials unless another is named. */
    public static final String SERVER_ID = "edge-addons";

    /** Where a product is managed, named in advice. */
    public static final String DASHBOARD = "Partner Center";

    private EdgeStore() {}
}
