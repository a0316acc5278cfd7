package io.github.edgeaddons.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the simulated store answers to one request, before any HTTP is written: a status, headers, a content
 * type and a body, or no answer at all (the connection closed). A store decides it (Edge's
 * {@link SimulatedStore}, the Chrome Web Store's {@code chrome.ChromeStore}); {@link SimHttp#write} writes it.
 * Immutable.
 */
public final class Answer {
    private static final String JSON = "application/json; charset=utf-8";

    private final int status;
    private final Map<String, String> headers;
    private final String contentType;
    private final String body;
    private final byte[] bytes;

    private Answer(int status, Map<String, String> headers, String contentType, String body) {
        this(status, headers, contentType, body, null);
    }

    private Answer(int status, Map<String, String> headers, String contentType, String body, byte[] bytes) {
        this.status = status;
        this.headers = headers;
        this.contentType = contentType;
        this.body = body;
        this.bytes = bytes;
    }

    /** This status with a binary body of this content type (e.g. a signed file). */
    public static Answer bytes(int status, String contentType, byte[] body) {
        return new Answer(status, Collections.emptyMap(), contentType, null, body.clone());
    }

    /** This status, {@code Content-Length: 0}, no content type. */
    public static Answer empty(int status) {
        return new Answer(status, Collections.emptyMap(), null, null);
    }

    /** This status with a JSON body. */
    public static Answer json(int status, String json) {
        return new Answer(status, Collections.emptyMap(), JSON, json);
    }

    /** This status with a body of this content type (either may be null). */
    public static Answer of(int status, String contentType, String body) {
        return new Answer(status, Collections.emptyMap(), contentType, body);
    }

    /** No answer: the connection is closed once the request is read. */
    public static Answer closeConnection() {
        return new Answer(-1, Collections.emptyMap(), null, null);
    }

    /**
     * The answer a {@link Fault.Kind#STATUS} fault stands for (its status, headers, {@code Retry-After} and body)
     * or a {@link Fault.Kind#CLOSE_CONNECTION} one; the other kinds have store-specific bodies.
     */
    public static Answer of(Fault fault) {
        switch (fault.kind()) {
            case CLOSE_CONNECTION:
                return closeConnection();
            case STATUS:
                Answer a = of(fault.statusCode(), fault.body() == null ? null : fault.contentType(), fault.body());
                for (Map.Entry<String, String> h : fault.headers().entrySet()) {
                    a = a.header(h.getKey(), h.getValue());
                }
                if (fault.retryAfter() != null) {
                    a = a.header("Retry-After", fault.retryAfter());
                }
                return a;
            default:
                throw new IllegalArgumentException("no store-neutral answer for " + fault);
        }
    }

    /** The same answer with one more header (kept in order). */
    public Answer header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Answer(status, Collections.unmodifiableMap(h), contentType, body, bytes);
    }

    public boolean closesConnection() {
        return status < 0;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** Null: no {@code Content-Type} header. */
    public String contentType() {
        return contentType;
    }

    /** Null or empty: no body (or a binary one, see {@link #bodyBytes()}). */
    public String body() {
        return body;
    }

    /** The bytes written: the binary body, else the text body in UTF-8 (empty: none). */
    public byte[] bodyBytes() {
        if (bytes != null) {
            return bytes.clone();
        }
        return body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
