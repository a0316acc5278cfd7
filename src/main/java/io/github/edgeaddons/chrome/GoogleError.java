package io.github.edgeaddons.chrome;

import io.github.edgeaddons.core.Json;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Google's JSON error envelope ({@code {"error":{"code","status","message","details":[...]}}}) read into its
 * facts: the status word, the {@code ErrorInfo} reason, and each {@code BadRequest} or
 * {@code PreconditionFailure} violation's reason and description (HTML stripped, white space folded).
 */
public final class GoogleError {
    /** One field or precondition violation. */
    public static final class Violation {
        public final String reason;
        public final String description;

        Violation(String reason, String description) {
            this.reason = reason;
            this.description = description;
        }

        /** "REASON: description", or the description alone. */
        @Override
        public String toString() {
            return (reason == null ? "" : reason + ": ") + description;
        }
    }

    public final int code;
    /** The status word ({@code INVALID_ARGUMENT}, {@code FAILED_PRECONDITION}, ...), or null. */
    public final String status;
    public final String message;
    /** The ErrorInfo reason ({@code INVALID_PACKAGE}, {@code ACCESS_TOKEN_EXPIRED}, ...), or null. */
    public final String reason;
    public final List<Violation> violations;

    private GoogleError(int code, String status, String message, String reason, List<Violation> violations) {
        this.code = code;
        this.status = status;
        this.message = message;
        this.reason = reason;
        this.violations = Collections.unmodifiableList(violations);
    }

    /** The envelope in {@code body}, or null when the body is not one (an HTML page, empty, other JSON). */
    public static GoogleError parse(String body) {
        JsonObject error;
        try {
            JsonElement e = JsonParser.parseString(body == null ? "" : body);
            if (!e.isJsonObject() || !e.getAsJsonObject().has("error")
                    || !e.getAsJsonObject().get("error").isJsonObject()) {
                return null;
            }
            error = e.getAsJsonObject().getAsJsonObject("error");
        } catch (RuntimeException e) {
            return null;
        }
        int code = -1;
        try {
            code = error.has("code") ? error.get("code").getAsInt() : -1;
        } catch (RuntimeException ignored) {
            // not a number: keep -1
        }
        String reason = null;
        List<Violation> violations = new ArrayList<>();
        if (error.has("details") && error.get("details").isJsonArray()) {
            for (JsonElement d : error.getAsJsonArray("details")) {
                if (!d.isJsonObject()) {
                    continue;
                }
                JsonObject o = d.getAsJsonObject();
                String type = Json.string(o, "@type");
                if (type == null) {
                    continue;
                }
                if (type.endsWith("google.rpc.ErrorInfo") && reason == null) {
                    reason = Json.string(o, "reason");
                } else if (type.endsWith("google.rpc.BadRequest")) {
                    violations(o, "fieldViolations", "reason", violations);
                } else if (type.endsWith("google.rpc.PreconditionFailure")) {
                    violations(o, "violations", "type", violations);
                }
            }
        }
        return new GoogleError(code, Json.string(error, "status"), plain(Json.string(error, "message")), reason, violations);
    }

    private static void violations(JsonObject o, String array, String reasonField, List<Violation> out) {
        if (!o.has(array) || !o.get(array).isJsonArray()) {
            return;
        }
        JsonArray a = o.getAsJsonArray(array);
        for (JsonElement v : a) {
            if (v.isJsonObject()) {
                String description = plain(Json.string(v.getAsJsonObject(), "description"));
                out.add(new Violation(Json.string(v.getAsJsonObject(), reasonField),
                        description == null ? "" : description));
            }
        }
    }

    /** The text without HTML tags or entities, white space folded to single spaces, at most 500 characters. */
    static String plain(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ").trim();
        return t.length() > 500 ? t.substring(0, 500) + "..." : t;
    }


    /** The code a failure carries: the ErrorInfo reason, else the status word. */
    public String errorCode() {
        return reason != null ? reason : status;
    }

    /** The violations as "REASON: description" lines. */
    public List<String> errors() {
        List<String> out = new ArrayList<>();
        for (Violation v : violations) {
            out.add(v.toString());
        }
        return out;
    }
}
