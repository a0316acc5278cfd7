package io.github.edgeaddons.sim;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One request the simulator received, recorded before faults and auth were applied. Secrets are
 * masked: {@code Authorization} reads {@code ApiKey ***} / {@code Bearer ***}, the token form's
 * {@code client_secret} reads {@code ***}, and any literal occurrence of the configured API key or
 * client secret in a header or body text is replaced by {@code ***}. The raw secret is never stored.
 *
 * <p>The body fields and {@link #status()} are filled in while the request is handled; they are
 * final by the time the client has received the answer.
 */
public final class RecordedRequest {

    private final long sequence;
    private final Route route;
    private final String routeName;
    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> headers;
    private final Instant receivedAt;

    private volatile long bodySize;
    private volatile String bodySha256;
    private volatile String bodyText;
    private volatile Path savedFile;
    private volatile int status;
    private volatile Instant answeredAt;
    private volatile boolean authValid;
    private final java.time.Clock clock;

    RecordedRequest(long sequence, Route route, String method, String path, String query,
            Map<String, List<String>> maskedHeaders, Instant receivedAt, java.time.Clock clock) {
        this(sequence, route, route.name(), method, path, query, maskedHeaders, receivedAt, clock);
    }

    /**
     * A request to another store's simulator (e.g. the Chrome Web Store's): its route by name only, {@link #route()}
     * null. For simulators' servers, not for tests.
     */
    public RecordedRequest(long sequence, String routeName, String method, String path, String query,
            Map<String, List<String>> maskedHeaders, Instant receivedAt, java.time.Clock clock) {
        this(sequence, null, routeName, method, path, query, maskedHeaders, receivedAt, clock);
    }

    private RecordedRequest(long sequence, Route route, String routeName, String method, String path, String query,
            Map<String, List<String>> maskedHeaders, Instant receivedAt, java.time.Clock clock) {
        this.clock = clock;
        this.sequence = sequence;
        this.route = route;
        this.routeName = routeName;
        this.method = method;
        this.path = path;
        this.query = query;
        this.headers = Collections.unmodifiableMap(maskedHeaders);
        this.receivedAt = receivedAt;
    }

    /** Filled in by the simulator's server once the body is read (not for tests). */
    public void body(long size, String sha256, String text, Path file) {
        this.bodySize = size;
        this.bodySha256 = sha256;
        this.bodyText = text;
        this.savedFile = file;
    }

    /** Filled in by the simulator's server with the answer (not for tests). */
    public void status(int code) {
        this.status = code;
        this.answeredAt = clock.instant();
    }

    /** Filled in by the simulator's server once the credential is checked (not for tests). */
    public void authValid(boolean valid) {
        this.authValid = valid;
    }

    /** 1-based order of arrival. */
    public long sequence() {
        return sequence;
    }

    /** The Edge route; null for a request to another store's simulator (see {@link #routeName()}). */
    public Route route() {
        return route;
    }

    /** The route's name, for any store: an Edge {@link Route}'s or e.g. a Chrome route's ({@code FETCH_STATUS}). */
    public String routeName() {
        return routeName;
    }

    public String method() {
        return method;
    }

    /** The decoded path, without the query. */
    public String path() {
        return path;
    }

    /** The raw query, or null. */
    public String query() {
        return query;
    }

    /** Case-insensitive, unmodifiable, masked copy of the request headers. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** First value of a header (masked), or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public long bodySize() {
        return bodySize;
    }

    /** Lower-case hex SHA-256 of the body bytes. */
    public String bodySha256() {
        return bodySha256;
    }

    /** UTF-8 text of a body up to 64 KiB that is not {@code application/zip} (masked), else null. */
    public String bodyText() {
        return bodyText;
    }

    /** The file holding the body of an upload POST when {@link Config#keepUploadsIn(Path)} was set, else null. */
    public Path savedFile() {
        return savedFile;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    /** When the answer was decided (the body, if any, was read by then); null while in flight. */
    public Instant answeredAt() {
        return answeredAt;
    }

    /** The status code answered; -1 when the connection was closed without an answer; 0 while in flight. */
    public int status() {
        return status;
    }

    /**
     * Whether the real credential was valid: for {@code /v1} routes the ApiKey + X-ClientID pair or the
     * Bearer token; for {@link Route#TOKEN} the client id + secret.
     */
    public boolean authValid() {
        return authValid;
    }

    @Override
    public String toString() {
        return "#" + sequence + " " + method + " " + path + " (" + routeName + ") -> " + status
                + ", body " + bodySize + " bytes";
    }
}
