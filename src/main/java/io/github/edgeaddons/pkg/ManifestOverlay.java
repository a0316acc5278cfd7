package io.github.edgeaddons.pkg;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A store's variant of manifest.json: an overlay (a JSON object such as {@code manifest.firefox.json}) merged
 * into the manifest. The rules: an object in the overlay is merged into the manifest's object of the same key,
 * recursively; any other value (an array, a string, a number...) replaces the manifest's value; {@code null}
 * removes the key. Keys keep the manifest's order, keys new to the manifest come after them in the overlay's
 * order. The result is written with two-space indentation (comments of the source manifest are not carried
 * over); the version is written in afterwards by {@link ManifestVersion}, as for the main zip.
 */
public final class ManifestOverlay {
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ManifestOverlay() {}

    /**
     * @param manifest manifest.json's text
     * @param manifestName how to name it in messages
     * @param overlay the overlay's text
     * @param overlayName how to name it in messages (its path and the setting)
     * @throws InvalidPackageException when either is not a JSON object (with the file, line and column)
     */
    public static String apply(String manifest, String manifestName, String overlay, String overlayName)
            throws InvalidPackageException {
        JsonObject base = parse(manifestName, manifest);
        if (overlay.replace("\uFEFF", "").trim().isEmpty()) {
            throw new InvalidPackageException(overlayName + " is empty. It must hold a JSON object merged into"
                    + " manifest.json, e.g. {\"browser_specific_settings\": {\"gecko\": {\"id\": \"my-extension@example.com\"}}}.");
        }
        JsonObject over = parse(overlayName, overlay);
        return PRETTY.toJson(merge(base, over)) + "\n";
    }

    /** {@code overlay} merged into a copy of {@code base}, by the rules above. */
    public static JsonObject merge(JsonObject base, JsonObject overlay) {
        JsonObject out = base.deepCopy();
        for (Map.Entry<String, JsonElement> e : overlay.entrySet()) {
            String key = e.getKey();
            JsonElement value = e.getValue();
            JsonElement current = out.get(key);
            if (value.isJsonNull()) {
                out.remove(key);
            } else if (value.isJsonObject() && current != null && current.isJsonObject()) {
                out.add(key, merge(current.getAsJsonObject(), value.getAsJsonObject()));
            } else if (value.isJsonObject()) {
                out.add(key, merge(new JsonObject(), value.getAsJsonObject())); // its own nulls mean nothing here
            } else {
                out.add(key, value.deepCopy());
            }
        }
        return out;
    }

    private static JsonObject parse(String where, String text) throws InvalidPackageException {
        try {
            return PackageValidator.parseManifest(where,
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).json();
        } catch (IOException e) {
            throw new InvalidPackageException(where + " cannot be read: " + e.getMessage());
        }
    }
}
