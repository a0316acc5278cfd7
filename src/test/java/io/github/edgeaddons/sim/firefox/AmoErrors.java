package io.github.edgeaddons.sim.firefox;

import io.github.edgeaddons.sim.Answer;
import io.github.edgeaddons.sim.Fault;
import io.github.edgeaddons.sim.SimJson;

import java.util.List;

/**
 * AMO's error answers, written in one place: Django REST framework's {@code {"detail": "..."}}, its field errors
 * ({@code {"field": ["..."]}}) and bare lists, the 401 texts of AMO's JWT authentication, the 429 throttle body,
 * and the HTML pages of the front end, plus the {@link Fault}s of AMO-shaped 429, 500, 503 and 404 for tests.
 * docs/FIREFOX-API.md lists the texts and their sources.
 */
public final class AmoErrors {
    public static final String NOT_FOUND = "Not found.";
    public static final String NOT_PROVIDED = "Authentication credentials were not provided.";
    public static final String NO_CREDENTIALS = "Invalid Authorization header. No credentials provided.";
    public static final String SPACES = "Invalid Authorization header. Credentials string should not contain spaces.";
    public static final String UNKNOWN_ISSUER = "Unknown JWT iss (issuer).";
    public static final String INVALID_API_KEY = "Invalid API Key.";
    public static final String DECODING = "Error decoding signature.";
    public static final String INVALID_TOKEN = "Invalid JWT Token.";
    public static final String EXPIRED = "Signature has expired.";
    public static final String IAT_INVALID = "JWT iat (issued at time) is invalid. Make sure your system clock is"
            + " synchronized with something like TLSdate.";
    public static final String TOO_LONG = "JWT exp (expiration) is too long.";
    public static final String UPLOAD_NOT_VALID = "Upload is not valid.";
    public static final String LICENSE_REQUIRED = "This field, or custom_license, is required for listed versions.";
    public static final String MISSING_UPLOAD = "Missing \"upload\" key in multipart file data.";
    public static final String MISSING_CHANNEL = "Missing \"channel\" arg.";
    public static final String UNSUPPORTED_FILE_TYPE =
            "Unsupported file type, please upload a supported file (.crx, .xpi, .zip).";
    public static final String NOT_A_FILE = "The submitted data was not a file. Check the encoding type on the form.";
    public static final String REQUIRED = "This field is required.";
    public static final String NOT_AUTHOR = "You do not have permission to perform this action.";
    private static final String HTML = "text/html; charset=utf-8";

    private AmoErrors() {
    }

    /** {@code {"detail": text}}. */
    public static Answer detail(int status, String text) {
        return Answer.json(status, "{\"detail\":" + SimJson.quote(text) + "}");
    }

    /** 400 {@code {"field": ["message", ...]}}. */
    public static Answer field(String field, String... messages) {
        return Answer.json(400, "{" + SimJson.quote(field) + ":" + list(messages) + "}");
    }

    /** 400 with a bare list, as AMO's views answer their own checks. */
    public static Answer bare(String... messages) {
        return Answer.json(400, list(messages));
    }

    /** "Version N already exists.", the duplicate's message. */
    public static String versionExists(String version) {
        return "Version " + version + " already exists.";
    }

    /** The refusal of an upload whose manifest names another add-on's id. */
    public static String guidMismatch(String manifestId, String addonId) {
        return "The add-on ID in your manifest.json (" + manifestId + ") does not match the ID of your add-on on AMO ("
                + addonId + ")";
    }

    /** "Request was throttled. Expected available in N seconds." */
    public static String throttledText(long seconds) {
        return "Request was throttled. Expected available in " + seconds + " second" + (seconds == 1 ? "" : "s") + ".";
    }

    /** 429 with the throttle's {@code detail} and {@code Retry-After: seconds}. */
    public static Answer throttledAnswer(long seconds) {
        return detail(429, throttledText(seconds)).header("Retry-After", String.valueOf(seconds));
    }

    /** 415 for a body of this content type. */
    public static Answer unsupportedMediaType(String contentType) {
        return detail(415, "Unsupported media type \"" + contentType + "\" in request.");
    }

    /** AMO's front-end 404 page for a path no API serves. */
    public static Answer html404() {
        return Answer.of(404, HTML, HTML_404);
    }

    static String list(String... messages) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < messages.length; i++) {
            b.append(i > 0 ? "," : "").append(SimJson.quote(messages[i]));
        }
        return b.append(']').toString();
    }

    static String list(List<String> messages) {
        return list(messages.toArray(new String[0]));
    }

    static final String HTML_404 = "<!DOCTYPE html>\n<html lang=\"en-US\"><head><meta charset=\"utf-8\">"
            + "<title>Page not found :: Add-ons for Firefox</title></head>\n<body><h1>Oops! We can't find that page</h1>"
            + "<p>If you've followed a link from another site for an extension or theme, that item is no longer"
            + " available.</p></body></html>\n";
    static final String HTML_500 = "<!DOCTYPE html>\n<html lang=\"en-US\"><head><meta charset=\"utf-8\">"
            + "<title>Server Error (500)</title></head>\n<body><h1>Server Error (500)</h1></body></html>\n";
    static final String MAINTENANCE = "Some features are temporarily disabled while we perform website maintenance."
            + " We'll be back to full capacity shortly.";

    // ------------------------------------------------------------------ faults in AMO's shape, for tests

    /** 429 "Expected available in N seconds.", with {@code Retry-After: N} when asked. */
    public static Fault throttled(long seconds, boolean retryAfter) {
        return Fault.status(429, retryAfter ? String.valueOf(seconds) : null)
                .body("application/json", "{\"detail\":" + SimJson.quote(throttledText(seconds)) + "}");
    }

    /** 500 with Django's HTML page. */
    public static Fault serverError() {
        return Fault.status(500).body(HTML, HTML_500);
    }

    /** 503 during maintenance (read-only mode). */
    public static Fault maintenance() {
        return Fault.status(503).body("application/json", "{\"error\":" + SimJson.quote(MAINTENANCE) + "}");
    }

    /** 404 with the front end's HTML page. */
    public static Fault notFoundHtml() {
        return Fault.status(404).body(HTML, HTML_404);
    }
}
