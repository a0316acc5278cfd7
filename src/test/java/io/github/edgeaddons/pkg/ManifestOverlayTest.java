package io.github.edgeaddons.pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ManifestOverlayTest {
    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    @Test
    void objectsMergeRecursivelyArraysAndValuesAreReplacedNullRemoves() {
        JsonObject base = json("{\"a\": {\"x\": 1, \"y\": {\"p\": true, \"q\": [1, 2]}}, \"list\": [1, 2, 3],"
                + " \"name\": \"n\", \"gone\": 5, \"keep\": null}");
        JsonObject over = json("{\"a\": {\"y\": {\"q\": [9], \"r\": \"new\"}, \"z\": 3}, \"list\": [4],"
                + " \"name\": {\"now\": \"an object\"}, \"gone\": null, \"missing\": null, \"added\": {\"k\": null, \"v\": 1}}");

        JsonObject merged = ManifestOverlay.merge(base, over);

        assertEquals(json("{\"a\": {\"x\": 1, \"y\": {\"p\": true, \"q\": [9], \"r\": \"new\"}, \"z\": 3},"
                + " \"list\": [4], \"name\": {\"now\": \"an object\"}, \"keep\": null, \"added\": {\"v\": 1}}"), merged);
        assertEquals(Arrays.asList("a", "list", "name", "keep", "added"), new ArrayList<>(merged.keySet()),
                "the manifest's order, new keys after");
        assertEquals(Arrays.asList("x", "y", "z"), new ArrayList<>(merged.getAsJsonObject("a").keySet()));
        assertEquals(json("{\"a\": {\"x\": 1, \"y\": {\"p\": true, \"q\": [1, 2]}}, \"list\": [1, 2, 3],"
                + " \"name\": \"n\", \"gone\": 5, \"keep\": null}"), base, "the inputs are not changed");
    }

    @Test
    void firefoxOverlayGivesScriptsAndTheGeckoIdInTheManifestsOrder() throws Exception {
        String manifest = "{\n  // a comment Chrome accepts\n  \"manifest_version\": 3,\n  \"name\": \"Hi\",\n"
                + "  \"version\": \"0.0.0\",\n  \"background\": {\"service_worker\": \"bg.js\"},\n"
                + "  \"description\": \"<b>&</b>\"\n}\n";
        String overlay = "{\"background\": {\"service_worker\": null, \"scripts\": [\"bg.js\"]},"
                + " \"browser_specific_settings\": {\"gecko\": {\"id\": \"hi@example.com\"}}}";

        String merged = ManifestOverlay.apply(manifest, "manifest.json", overlay, "manifest.firefox.json");

        assertEquals("{\n  \"manifest_version\": 3,\n  \"name\": \"Hi\",\n  \"version\": \"0.0.0\",\n"
                + "  \"background\": {\n    \"scripts\": [\n      \"bg.js\"\n    ]\n  },\n"
                + "  \"description\": \"<b>&</b>\",\n"
                + "  \"browser_specific_settings\": {\n    \"gecko\": {\n      \"id\": \"hi@example.com\"\n    }\n  }\n}\n",
                merged);
    }

    @Test
    void anOverlayThatIsNotAnObjectIsRefusedNamingTheFile() {
        InvalidPackageException e = assertThrows(InvalidPackageException.class, () -> ManifestOverlay.apply(
                "{\"name\": \"x\"}", "manifest.json", "[1]", "src/manifest.firefox.json (firefox.manifestOverlay)"));
        assertTrue(e.getMessage().startsWith("src/manifest.firefox.json (firefox.manifestOverlay) is not a JSON object"),
                e.getMessage());
        InvalidPackageException syntax = assertThrows(InvalidPackageException.class, () -> ManifestOverlay.apply(
                "{\"name\": \"x\"}", "manifest.json", "{\"a\": }", "o.json"));
        assertTrue(syntax.getMessage().startsWith("o.json is not valid JSON"), syntax.getMessage());
        InvalidPackageException empty = assertThrows(InvalidPackageException.class, () -> ManifestOverlay.apply(
                "{\"name\": \"x\"}", "manifest.json", " \n", "o.json"));
        assertTrue(empty.getMessage().startsWith("o.json is empty. It must hold a JSON object merged into manifest.json"),
                empty.getMessage());
    }
}
