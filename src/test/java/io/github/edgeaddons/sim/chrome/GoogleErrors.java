package io.github.edgeaddons.sim.chrome;

import io.github.edgeaddons.sim.Answer;
import io.github.edgeaddons.sim.Fault;
import io.github.edgeaddons.sim.SimJson;

import java.util.List;
import java.util.Map;

/**
 * Google's error answers, written in one place: the JSON envelope of its APIs
 * ({@code {"error":{"code","status","message","details":[...]}}} with {@code google.rpc} details picked by
 * {@code @type}), the OAuth token endpoint's {@code {"error","error_description"}}, the HTML 404 of its front
 * end, and the {@link Fault}s of a Google-shaped 401, 403, 404, 429, 500 and 503 for tests.
 */
public final class GoogleErrors {
    /** The {@code domain} of the Chrome Web Store's {@code ErrorInfo}. */
    public static final String DOMAIN = "chromewebstore.googleapis.com";
    /** The {@code message} of an invalid package's envelope. */
    public static final String INVALID_PACKAGE_MESSAGE =
            "The uploaded package was invalid. Check the additional details for more information.";
    /** The {@code message} of a refusal while the item is in review. */
    public static final String IN_REVIEW_MESSAGE = "You may not edit or publish an item that is in review.";
    static final String UNAUTHENTICATED_MESSAGE = "Request had invalid authentication credentials. Expected OAuth 2"
            + " access token, login cookie or other valid authentication credential. See"
            + " https://developers.google.com/identity/sign-in/web/devconsole-project.";
    static final String MISSING_CREDENTIAL_MESSAGE = "Request is missing required authentication credential."
            + " Expected OAuth 2 access token, login cookie or other valid authentication credential. See"
            + " https://developers.google.com/identity/sign-in/web/devconsole-project.";
    private static final String TYPE = "type.googleapis.com/google.rpc.";

    private GoogleErrors() {
    }

    /** {@code {"error":{"code","status","message","details"}}}; each detail is a JSON object text. */
    public static String envelope(int code, String status, String message, String... details) {
        StringBuilder b = new StringBuilder("{\"error\":{\"code\":").append(code)
                .append(",\"message\":").append(SimJson.quote(message))
                .append(",\"status\":").append(SimJson.quote(status));
        if (details.length > 0) {
            b.append(",\"details\":[").append(String.join(",", details)).append(']');
        }
        return b.append("}}").toString();
    }

    /** The answer of an {@link #envelope}. */
    public static Answer answer(int code, String status, String message, String... details) {
        return Answer.json(code, envelope(code, status, message, details));
    }

    /** A {@code google.rpc.ErrorInfo} detail. */
    public static String errorInfo(String reason, String domain) {
        return "{\"@type\":\"" + TYPE + "ErrorInfo\",\"reason\":" + SimJson.quote(reason) + ",\"domain\":"
                + SimJson.quote(domain) + "}";
    }

    /** A {@code google.rpc.LocalizedMessage} detail in {@code en-US}. */
    public static String localizedMessage(String message) {
        return "{\"@type\":\"" + TYPE + "LocalizedMessage\",\"locale\":\"en-US\",\"message\":" + SimJson.quote(message)
                + "}";
    }

    /** A {@code google.rpc.BadRequest} detail with one field violation (reason null: none). */
    public static String badRequest(String field, String description, String reason) {
        return "{\"@type\":\"" + TYPE + "BadRequest\",\"fieldViolations\":[{\"field\":" + SimJson.quote(field)
                + ",\"description\":" + SimJson.quote(description)
                + (reason == null ? "" : ",\"reason\":" + SimJson.quote(reason)) + "}]}";
    }

    /** A {@code google.rpc.PreconditionFailure} detail, one violation per (type, description) pair. */
    public static String preconditionFailure(List<Map.Entry<String, String>> violations) {
        StringBuilder b = new StringBuilder("{\"@type\":\"" + TYPE + "PreconditionFailure\",\"violations\":[");
        int i = 0;
        for (Map.Entry<String, String> v : violations) {
            if (i++ > 0) {
                b.append(',');
            }
            b.append("{\"type\":").append(SimJson.quote(v.getKey())).append(",\"subject\":\"publish\",\"description\":")
                    .append(SimJson.quote(v.getValue())).append('}');
        }
        return b.append("]}").toString();
    }

    /** The token endpoint's error: {@code {"error","error_description"}}. */
    public static Answer oauth(int code, String error, String description) {
        return Answer.json(code, "{\"error\":" + SimJson.quote(error) + ",\"error_description\":"
                + SimJson.quote(description) + "}");
    }

    /** Google's front-end 404 page for a path no API serves. */
    public static Answer html404(String path) {
        return Answer.of(404, "text/html; charset=UTF-8", "<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n"
                + "  <title>Error 404 (Not Found)!!1</title>\n  <p><b>404.</b> <ins>That's an error.</ins>\n"
                + "  <p>The requested URL <code>" + path.replace("<", "&lt;")
                + "</code> was not found on this server.  <ins>That's all we know.</ins>\n");
    }

    // ------------------------------------------------------------------ faults in Google's shape, for tests

    /** 429 RESOURCE_EXHAUSTED, with {@code Retry-After: retryAfterSeconds} unless null. */
    public static Fault throttled(String retryAfterSeconds) {
        return Fault.status(429, retryAfterSeconds).body("application/json; charset=UTF-8", envelope(429,
                "RESOURCE_EXHAUSTED", "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute'"
                        + " of service 'chromewebstore.googleapis.com'.",
                errorInfo("RATE_LIMIT_EXCEEDED", "googleapis.com")));
    }

    /** 500 INTERNAL. */
    public static Fault internal() {
        return Fault.status(500).body("application/json; charset=UTF-8",
                envelope(500, "INTERNAL", "Internal error encountered."));
    }

    /** 503 UNAVAILABLE. */
    public static Fault unavailable() {
        return Fault.status(503).body("application/json; charset=UTF-8",
                envelope(503, "UNAVAILABLE", "The service is currently unavailable."));
    }

    /** 401 UNAUTHENTICATED (whatever the token). */
    public static Fault unauthenticated() {
        return Fault.status(401).header("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\"")
                .body("application/json; charset=UTF-8", envelope(401, "UNAUTHENTICATED", UNAUTHENTICATED_MESSAGE,
                        errorInfo("ACCESS_TOKEN_EXPIRED", "googleapis.com")));
    }

    /** 403 PERMISSION_DENIED. */
    public static Fault permissionDenied() {
        return Fault.status(403).body("application/json; charset=UTF-8",
                envelope(403, "PERMISSION_DENIED", "The caller does not have permission"));
    }

    /** 404 NOT_FOUND. */
    public static Fault notFound() {
        return Fault.status(404).body("application/json; charset=UTF-8",
                envelope(404, "NOT_FOUND", "Requested entity was not found."));
    }
}
