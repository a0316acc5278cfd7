package io.github.edgeaddons.pkg.checks;

import com.google.gson.JsonObject;
import java.util.Collections;
import java.util.Map;

/**
 * A parsed manifest.json and the line each value starts on, by path: {@code name}, {@code action.default_popup},
 * {@code content_scripts[0].js[1]}.
 */
public final class Manifest {
    private final JsonObject json;
    private final Map<String, Integer> lines;

    public Manifest(JsonObject json, Map<String, Integer> lines) {
        this.json = json;
        this.lines = lines == null ? Collections.emptyMap() : lines;
    }

    public JsonObject json() {
        return json;
    }

    /** The line of the value at {@code path}, else of its nearest enclosing value; 0 when unknown. */
    public int line(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return 0;
    }
}
