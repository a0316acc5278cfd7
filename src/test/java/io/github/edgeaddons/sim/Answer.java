package io.github.edgeaddons.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the simulated store answers to one request, before any HTTP is written: a status, headers, a content
 * type and a body, or no answer at all (the connection closed). {@link SimulatedStore} decides it;
 * {@link EdgeApiSimulator} writes it. Immutable.
 */
final class Answer {
    private static final String JSON = "application/json; charset=utf-8";

    private final int status;
    private final Map<String, String> headers;
    private final String contentType;
    private final String body;

    private Answer(int status, Map<String, String> headers, String contentType, String body) {
        this.status = status;
        this.headers = headers;
        this.contentType = contentType;
        this.body = body;
    }

    /** This status, {@code Content-Length: 0}, no content type. */
    static Answer empty(int status) {
        return new Answer(status, Collections.emptyMap(), null, null);
    }

    /** This status with a JSON body. */
    static Answer json(int status, String json) {
        return new Answer(status, Collections.emptyMap(), JSON, json);
    }

    /** This status with a body of this content type (either may be null). */
    static Answer of(int status, String contentType, String body) {
        return new Answer(status, Collections.emptyMap(), contentType, body);
    }

    /** No answer: the connection is closed once the request is read. */
    static Answer closeConnection() {
        return new Answer(-1, Collections.emptyMap(), null, null);
    }

    /** The same answer with one more header (kept in order). */
    Answer header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Answer(status, Collections.unmodifiableMap(h), contentType, body);
    }

    boolean closesConnection() {
        return status < 0;
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    /** Null: no {@code Content-Type} header. */
    String contentType() {
        return contentType;
    }

    /** Null or empty: no body. */
    String body() {
        return body;
    }
}
