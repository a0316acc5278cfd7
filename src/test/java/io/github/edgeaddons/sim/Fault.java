package io.github.edgeaddons.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour injected into one request (see {@link Config#fault(Route, Fault)}). Immutable.
 * A fault replaces the normal answer entirely (no operation is created, no poll is counted),
 * except {@link #delay(Duration)}, which answers normally after the delay.
 */
public final class Fault {

    /** What the fault does. */
    public enum Kind {
        STATUS, CLOSE_CONNECTION, DELAY, MALFORMED_BODY, EMPTY_BODY, NO_STATUS_FIELD, UNKNOWN_STATUS
    }

    private final Kind kind;
    private final int status;
    private final String retryAfter;
    private final String contentType;
    private final String body;
    private final Duration delay;
    private final String word;

    private Fault(Kind kind, int status, String retryAfter, String contentType, String body, Duration delay,
            String word) {
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.contentType = contentType;
        this.body = body;
        this.delay = delay;
        this.word = word;
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

    /** Give a {@link #status(int)} fault a body, e.g. {@code body("text/html", "<html>502 Bad Gateway</html>")}. */
    public Fault body(String contentType, String body) {
        if (kind != Kind.STATUS) {
            throw new IllegalStateException("body(...) applies to status faults only, not " + kind);
        }
        return new Fault(kind, status, retryAfter, contentType, body, delay, word);
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

    @Override
    public String toString() {
        switch (kind) {
            case STATUS:
                return "Fault[status " + status + (retryAfter != null ? ", Retry-After " + retryAfter : "")
                        + (contentType != null ? ", " + contentType : "") + "]";
            case DELAY:
                return "Fault[delay " + delay + "]";
            case UNKNOWN_STATUS:
                return "Fault[unknownStatus " + word + "]";
            default:
                return "Fault[" + kind + "]";
        }
    }
}
