package io.github.edgeaddons.sim;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A misbehaviour injected into one request (see {@link Config#fault(Route, Fault)}). Immutable.
 * A fault replaces the normal answer entirely (no operation is created, no poll is counted),
 * except {@link #delay(Duration)}, which answers normally after the delay.
 */
public final class Fault {

    /** What the fault does. */
    public enum Kind {
        STATUS, CLOSE_CONNECTION, DELAY, MALFORMED_BODY, EMPTY_BODY, NO_STATUS_FIELD, UNKNOWN_STATUS,
        /** 200 with a JSON-looking status body of {@link #size()} bytes (more than a client's read limit). */
        OVERSIZED_BODY
    }

    /** The title of the HTML 404 page the live service's front door answered during the 2025 incident. */
    public static final String HTML_404_TITLE = "404 Web Site not found";

    private final Kind kind;
    private final int status;
    private final String retryAfter;
    private final String contentType;
    private final String body;
    private final Duration delay;
    private final String word;
    private final Map<String, String> headers;
    private final int size;

    private Fault(Kind kind, int status, String retryAfter, String contentType, String body, Duration delay,
            String word) {
        this(kind, status, retryAfter, contentType, body, delay, word, Collections.emptyMap(), 0);
    }

    private Fault(Kind kind, int status, String retryAfter, String contentType, String body, Duration delay,
            String word, Map<String, String> headers, int size) {
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.contentType = contentType;
        this.body = body;
        this.delay = delay;
        this.word = word;
        this.headers = headers;
        this.size = size;
    }

    /** Answer this HTTP status with an empty body. */
    public static Fault status(int code) {
        return status(code, null);
    }

    /** Answer this HTTP status with an empty body and {@code Retry-After: retryAfterHeaderValue}. */
    public static Fault status(int code, String retryAfterHeaderValue) {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("status out of range: " + code);
        }
        return new Fault(Kind.STATUS, code, retryAfterHeaderValue, null, null, null, null);
    }

    /** Read the request, then close the TCP connection without any answer. */
    public static Fault closeConnection() {
        return new Fault(Kind.CLOSE_CONNECTION, -1, null, null, null, null, null);
    }

    /** Answer normally, but only after {@code d}. */
    public static Fault delay(Duration d) {
        Objects.requireNonNull(d, "delay");
        return new Fault(Kind.DELAY, 0, null, null, null, d, null);
    }

    /** 200 with truncated JSON: {@code {"status": }. */
    public static Fault malformedBody() {
        return new Fault(Kind.MALFORMED_BODY, 200, null, null, null, null, null);
    }

    /** 200 with an empty body. */
    public static Fault emptyBody() {
        return new Fault(Kind.EMPTY_BODY, 200, null, null, null, null, null);
    }

    /** 200 with {@code {"id":"..."}} and nothing else. */
    public static Fault noStatusField() {
        return new Fault(Kind.NO_STATUS_FIELD, 200, null, null, null, null, null);
    }

    /** 200 with a full status body whose {@code status} is {@code word}. */
    public static Fault unknownStatus(String word) {
        return new Fault(Kind.UNKNOWN_STATUS, 200, null, null, null, null, word);
    }

    /**
     * The live service's 404 from its front door (seen for a correct product during the February to
     * March 2025 incident): {@code text/html}, {@code <title>404 Web Site not found</title>}.
     */
    public static Fault html404() {
        return status(404).body("text/html", "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\""
                + " \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\r\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\">\r\n<head>\r\n"
                + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"/>\r\n"
                + "<title>" + HTML_404_TITLE + "</title>\r\n</head>\r\n<body>\r\n"
                + "<div id=\"header\"><h1>Server Error</h1></div>\r\n<div id=\"content\">\r\n"
                + "<h2>404 - Web Site not found</h2>\r\n"
                + "<h3>The web site you are looking for could not be found.</h3>\r\n</div>\r\n</body>\r\n</html>\r\n");
    }

    /**
     * A 200 whose body is an HTML page, not a status (what a proxy or a maintenance page answers):
     * {@code text/html; charset=utf-8}, {@code <title>Service maintenance</title>}.
     */
    public static Fault htmlPage200() {
        return status(200).body("text/html; charset=utf-8", "<!DOCTYPE html><html><head><title>Service"
                + " maintenance</title></head><body><h1>We'll be back soon</h1><p>The service is under"
                + " maintenance.</p></body></html>");
    }

    /**
     * The live service's 500: an empty body ({@code Content-Length: 0}) with the headers
     * {@code x-ms-middleware-request-id} and {@code Request-Context}.
     */
    public static Fault serverError500() {
        return status(500)
                .header("x-ms-middleware-request-id", "00000000-0000-0000-0000-5e5e5e5e5e5e")
                .header("Request-Context", "appId=cid-v1:5e5e5e5e-0000-0000-0000-000000000000");
    }

    /** The live service's 502: a {@code text/html} XHTML page of about 1.5 KB (IIS / ARR style). */
    public static Fault badGateway502() {
        StringBuilder page = new StringBuilder("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\""
                + " \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\r\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\">\r\n<head>\r\n"
                + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"/>\r\n"
                + "<title>502 - Web server received an invalid response while acting as a gateway or proxy"
                + " server.</title>\r\n<style type=\"text/css\">\r\n<!--\r\n"
                + "body{margin:0;font-size:.7em;font-family:Verdana, Arial, Helvetica, sans-serif;background:#EEEEEE;}\r\n"
                + "fieldset{padding:0 15px 10px 15px;}\r\nh1{font-size:2.4em;margin:0;color:#FFF;}\r\n"
                + "h2{font-size:1.7em;margin:0;color:#CC0000;}\r\nh3{font-size:1.2em;margin:10px 0 0 0;color:#000000;}\r\n"
                + "#header{width:96%;margin:0 0 0 0;padding:6px 2% 6px 2%;font-family:\"trebuchet MS\", Verdana,"
                + " sans-serif;color:#FFF;background-color:#555555;}\r\n"
                + "#content{margin:0 0 0 2%;position:relative;}\r\n"
                + ".content-container{background:#FFF;width:96%;margin-top:8px;padding:10px;position:relative;}\r\n"
                + "-->\r\n</style>\r\n</head>\r\n<body>\r\n<div id=\"header\"><h1>Server Error</h1></div>\r\n"
                + "<div id=\"content\">\r\n <div class=\"content-container\"><fieldset>\r\n"
                + "  <h2>502 - Web server received an invalid response while acting as a gateway or proxy server.</h2>\r\n"
                + "  <h3>There is a problem with the page you are looking for, and it cannot be displayed. When the"
                + " Web server (while acting as a gateway or proxy) contacted the upstream content server, it"
                + " received an invalid response from the content server.</h3>\r\n"
                + " </fieldset></div>\r\n</div>\r\n</body>\r\n</html>\r\n");
        return status(502).body("text/html", page.toString());
    }

    /**
     * 200 with a status body of {@code bytes} bytes ({@code {"status":"InProgress","message":"xxx...}}), to
     * play an answer larger than the client reads.
     */
    public static Fault oversizedBody(int bytes) {
        if (bytes < 64) {
            throw new IllegalArgumentException("oversized body must be at least 64 bytes: " + bytes);
        }
        return new Fault(Kind.OVERSIZED_BODY, 200, null, "application/json; charset=utf-8", null, null, null,
                Collections.emptyMap(), bytes);
    }

    /** Add a response header to a {@link #status(int)} fault (kept in order; names as given). */
    public Fault header(String name, String value) {
        if (kind != Kind.STATUS) {
            throw new IllegalStateException("header(...) applies to status faults only, not " + kind);
        }
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new Fault(kind, status, retryAfter, contentType, body, delay, word, Collections.unmodifiableMap(h),
                size);
    }

    /** Give a {@link #status(int)} fault a body, e.g. {@code body("text/html", "<html>502 Bad Gateway</html>")}. */
    public Fault body(String contentType, String body) {
        if (kind != Kind.STATUS) {
            throw new IllegalStateException("body(...) applies to status faults only, not " + kind);
        }
        return new Fault(kind, status, retryAfter, contentType, body, delay, word, headers, size);
    }

    public Kind kind() {
        return kind;
    }

    public int statusCode() {
        return status;
    }

    public String retryAfter() {
        return retryAfter;
    }

    public String contentType() {
        return contentType;
    }

    public String body() {
        return body;
    }

    public Duration delayDuration() {
        return delay;
    }

    public String word() {
        return word;
    }

    /** Extra response headers of a status fault, in order (empty when none). */
    public Map<String, String> headers() {
        return headers;
    }

    /** The body size of an {@link Kind#OVERSIZED_BODY} fault. */
    public int size() {
        return size;
    }

    @Override
    public String toString() {
        switch (kind) {
            case STATUS:
                return "Fault[status " + status + (retryAfter != null ? ", Retry-After " + retryAfter : "")
                        + (contentType != null ? ", " + contentType : "")
                        + (headers.isEmpty() ? "" : ", headers " + headers.keySet()) + "]";
            case DELAY:
                return "Fault[delay " + delay + "]";
            case UNKNOWN_STATUS:
                return "Fault[unknownStatus " + word + "]";
            default:
                return "Fault[" + kind + "]";
        }
    }
}
