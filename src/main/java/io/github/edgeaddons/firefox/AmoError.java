package io.github.edgeaddons.firefox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AMO error body as facts, read once where the answer came in: Django REST framework's
 * {@code {"detail": "..."}} (401, 403, 404, 405, 415, 429), a map of field to messages (400, nested for nested
 * objects, {@code non_field_errors} for the whole object), or a bare list of messages. What AMO's words say
 * that a decision needs is read here, once, into {@link #reason()} and {@link #throttledSeconds()}; nothing
 * else reads AMO's text.
 */
public final class AmoError {
    /** What a {@code detail} says, where a decision or a hint depends on it. */
    public enum Reason {
        /** 401: {@code iat} ahead of AMO's clock: this machine's clock is ahead. */
        CLOCK_AHEAD,
        /** 401: the token had expired on arrival: this machine's clock is behind. */
        TOKEN_EXPIRED,
        /** 401: the issuer is unknown or the key is not valid. */
        UNKNOWN_KEY,
        /** 401: the signature does not match: the secret. */
        BAD_SIGNATURE,
        /** 401: the account cannot use the API (disabled, developer agreement not read). */
        ACCOUNT,
        /** 429: throttled. */
        THROTTLED,
        /** 415: the request's content type. */
        UNSUPPORTED_MEDIA_TYPE,
        /** Anything else. */
        OTHER
    }

    private static final Pattern SECONDS = Pattern.compile("available in (\\d+) seconds?");

    /** The {@code detail}, or null. */
    public final String detail;
    /** Field errors as {@code field: message} (nested fields as {@code version.license}), and bare messages. */
    private final List<String> errors;
    /** The fields named (top level), e.g. {@code version}, {@code upload}, {@code license}. */
    private final Set<String> fields;
    private final Reason reason;
    private final Long throttledSeconds;

    private AmoError(String detail, List<String> errors, Set<String> fields) {
        this.detail = detail;
        this.errors = Collections.unmodifiableList(errors);
        this.fields = Collections.unmodifiableSet(fields);
        this.reason = reasonOf(detail);
        Matcher m = detail == null ? null : SECONDS.matcher(detail);
        this.throttledSeconds = m != null && m.find() ? Long.valueOf(m.group(1)) : null;
    }

    /** The error body's facts; null when the body is not JSON (an HTML page, an empty body). */
    public static AmoError parse(String body) {
        if (body == null || body.trim().isEmpty()) {
            return null;
        }
        JsonElement e;
        try {
            e = JsonParser.parseString(body);
        } catch (RuntimeException ex) {
            return null;
        }
        List<String> errors = new ArrayList<>();
        Set<String> fields = new LinkedHashSet<>();
        String detail = null;
        if (e.isJsonArray()) {
            messages(null, e, errors);
        } else if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            for (Map.Entry<String, JsonElement> f : o.entrySet()) {
                if ("detail".equals(f.getKey()) && f.getValue().isJsonPrimitive()) {
                    detail = f.getValue().getAsString();
                } else if (!"error".equals(f.getKey()) || !f.getValue().isJsonPrimitive()) {
                    fields.add(f.getKey());
                    messages("non_field_errors".equals(f.getKey()) ? null : f.getKey(), f.getValue(), errors);
                } else {
                    // AMO's maintenance answer: {"error": "..."}
                    detail = f.getValue().getAsString();
                }
            }
        } else if (e.isJsonPrimitive()) {
            detail = e.getAsString();
        } else {
            return null;
        }
        return new AmoError(detail, errors, fields);
    }

    private static void messages(String field, JsonElement e, List<String> out) {
        String prefix = field == null ? "" : field + ": ";
        if (e.isJsonArray()) {
            for (JsonElement m : e.getAsJsonArray()) {
                if (m.isJsonPrimitive()) {
                    out.add(prefix + m.getAsString());
                } else {
                    messages(field, m, out);
                }
            }
        } else if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> f : e.getAsJsonObject().entrySet()) {
                messages(field == null ? f.getKey() : field + "." + f.getKey(), f.getValue(), out);
            }
        } else if (e.isJsonPrimitive()) {
            out.add(prefix + e.getAsString());
        }
    }

    private static Reason reasonOf(String detail) {
        if (detail == null) {
            return Reason.OTHER;
        }
        String d = detail.toLowerCase(Locale.ROOT);
        if (d.contains("iat") && d.contains("invalid")) {
            return Reason.CLOCK_AHEAD;
        }
        if (d.contains("signature has expired")) {
            return Reason.TOKEN_EXPIRED;
        }
        if (d.contains("unknown jwt iss") || d.contains("invalid api key")) {
            return Reason.UNKNOWN_KEY;
        }
        if (d.contains("error decoding signature")) {
            return Reason.BAD_SIGNATURE;
        }
        if (d.contains("disabled") || d.contains("developer agreement")) {
            return Reason.ACCOUNT;
        }
        if (d.contains("throttled")) {
            return Reason.THROTTLED;
        }
        if (d.contains("unsupported media type")) {
            return Reason.UNSUPPORTED_MEDIA_TYPE;
        }
        return Reason.OTHER;
    }

    public Reason reason() {
        return reason;
    }

    /** The seconds of a throttled answer's "Expected available in N seconds", or null. */
    public Long throttledSeconds() {
        return throttledSeconds;
    }

    /** The field errors ({@code field: message}) and bare messages, in AMO's order. */
    public List<String> errors() {
        return errors;
    }

    /** True when AMO's 400 names this field. */
    public boolean names(String field) {
        return fields.contains(field);
    }

    /** AMO's words in one line: the detail, else the errors joined. */
    public String words() {
        if (detail != null) {
            return detail;
        }
        return String.join("; ", errors);
    }

    /** The first field named, for result.json's errorCode; null for a detail. */
    public String code() {
        return fields.isEmpty() ? null : fields.iterator().next();
    }

    @Override
    public String toString() {
        return "AmoError{" + reason + ", " + words() + "}";
    }
}
