package io.github.edgeaddons.config;

import java.util.regex.Pattern;

/** The product's Partner Center GUID, checked before any request. */
public final class ProductId {
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ProductId() {}

    public static String check(String productId) throws ConfigException {
        if (productId == null || productId.trim().isEmpty()) {
            throw new ConfigException("edge.productId is not set: give the product's GUID from Partner Center"
                    + " (Microsoft Edge > Overview > your extension; the GUID in the page's URL),"
                    + " as <productId> in the plugin configuration or -Dedge.productId=...");
        }
        String id = productId.trim();
        if (!GUID.matcher(id).matches()) {
            throw new ConfigException("edge.productId='" + productId + "' is not a GUID. Use the product ID from"
                    + " Partner Center (Microsoft Edge > Overview > your extension; the GUID in the page's URL,"
                    + " like d34f98f5-f9b7-42b1-bebb-98707202b21d), not the store listing's ID.");
        }
        return id.toLowerCase(java.util.Locale.ROOT);
    }
}
