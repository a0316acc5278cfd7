package io.github.edgeaddons.client;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * The Edge Add-ons update API (endpoints 1 to 5 of EDGE-API.md), with no Maven types: upload the
 * package, publish the draft, and follow either operation to its end.
 */
public final class EdgeAddonsClient implements Closeable {
    static final ContentType NOTES = ContentType.create("text/plain", StandardCharsets.UTF_8);

    private final ClientSettings settings;
    private final Transport transport;
    private final Authenticator auth;

    public EdgeAddonsClient(ClientSettings settings) {
        this.settings = settings;
        this.transport = new Transport(settings);
        this.auth = createAuthenticator(settings, transport);
    }

    static Authenticator createAuthenticator(ClientSettings settings, Transport transport) {
        return settings.authMode == AuthMode.CLIENT_CREDENTIALS
                ? new OAuthAuthenticator(settings, transport)
                : new ApiKeyAuthenticator(settings.credentials);
    }

    /** The auth headers as a dry run shows them, secrets redacted. */
    public static List<String> describeAuthHeaders(ClientSettings settings) {
        return createAuthenticator(settings, null).describeHeaders();
    }

    // ---- URLs -------------------------------------------------------------------------------------------

    public static URI uploadUrl(ClientSettings s) {
        return url(s, "/v1/products/" + s.productId + "/submissions/draft/package");
    }

    public static URI uploadStatusUrl(ClientSettings s, String operationId) {
        return url(s, "/v1/products/" + s.productId + "/submissions/draft/package/operations/" + operationId);
    }

    public static URI publishUrl(ClientSettings s) {
        return url(s, "/v1/products/" + s.productId + "/submissions");
    }

    public static URI publishStatusUrl(ClientSettings s, String operationId) {
        return url(s, "/v1/products/" + s.productId + "/submissions/operations/" + operationId);
    }

    private static URI url(ClientSettings s, String path) {
        String base = s.apiBaseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + path);
    }

    // ---- requests ---------------------------------------------------------------------------------------

    /**
     * Endpoint 1: sends the zip to the product's draft submission.
     *
     * @return the upload operation's id
     */
    public String startUpload(Path zip, long size, Deadline deadline) throws EdgeApiException {
        Transport.Call call = new Transport.Call("POST", uploadUrl(settings),
                new PackageEntity(zip, size, settings.reporter), RetryPolicy.Safety.REPEATABLE,
                "upload " + zip.getFileName(), true).expectContinue();
        Transport.Response r = transport.execute(call, auth, deadline);
        expectAccepted(r, "upload of " + zip.getFileName());
        return operationId(r, "upload");
    }

    /**
     * Endpoint 3: publishes the draft with the certification notes (their exact bytes, UTF-8).
     *
     * @return the publish operation's id
     */
    public String startPublish(String notes, Deadline deadline) throws EdgeApiException {
        byte[] body = notes == null ? new byte[0] : notes.getBytes(StandardCharsets.UTF_8);
        Transport.Call call = new Transport.Call("POST", publishUrl(settings), new ByteArrayEntity(body, NOTES),
                RetryPolicy.Safety.NOT_IF_MAYBE_PROCESSED, "publish the draft submission", true);
        Transport.Response r = transport.execute(call, auth, deadline);
        if (!r.isSuccess() && RetryPolicy.publishMayHaveBeenProcessed(r.status)) {
            // not repeated (see Transport): say so, rather than invite a blind second publish
            throw httpError(r, "publish request", null, Hints.publishMayHaveReachedTheStore(settings));
        }
        expectAccepted(r, "publish request");
        return operationId(r, "publish");
    }

    /** Endpoints 2 and 4: one status request. */
    public OperationStatus status(OperationKind kind, String operationId, Deadline deadline) throws EdgeApiException {
        return readStatus(kind, operationId, deadline).status;
    }

    /** Endpoint 5 (2021 proposal; may be absent on the live service): the raw JSON of the product list. */
    public String listProducts(Deadline deadline) throws EdgeApiException {
        Transport.Call call = new Transport.Call("GET", url(settings, "/v1/products"), null,
                RetryPolicy.Safety.REPEATABLE, "list the products", true);
        Transport.Response r = transport.execute(call, auth, deadline);
        if (!r.isSuccess()) {
            throw httpError(r, "product list", null);
        }
        return r.body;
    }

    /**
     * Checks the credentials without side effects: a status GET under the all-zero product GUID answers
     * 401 for bad credentials and 404 for good ones.
     *
     * @return true when the store accepted the credentials
     */
    public boolean credentialsAccepted(Deadline deadline) throws EdgeApiException {
        URI probe = url(settings, "/v1/products/00000000-0000-0000-0000-000000000000/submissions/operations/"
                + "00000000-0000-0000-0000-000000000000");
        Transport.Call call = new Transport.Call("GET", probe, null, RetryPolicy.Safety.REPEATABLE,
                "check the credentials", true);
        Transport.Response r = transport.execute(call, auth, deadline);
        if (r.status == 401 || r.status == 403) {
            return false;
        }
        if (r.status == 404 || r.isSuccess()) {
            return true;
        }
        throw httpError(r, "credential check", null);
    }

    /**
     * Follows an operation that the store has just accepted until it ends; the poll schedule counts from now,
     * so call this right after the 202. See {@link Poller}.
     *
     * @return the terminal status; Failed (or a stopped operation) is returned, not thrown, so the caller
     *     words the failure
     * @throws EdgeApiException on a definite error answer, or with kind TIMEOUT when the deadline passes first
     */
    public OperationStatus await(OperationKind kind, String operationId, Deadline deadline) throws EdgeApiException {
        return await(kind, operationId, settings.clock.instant(), deadline);
    }

    /** As {@link #await(OperationKind, String, Deadline)}, the schedule counting from {@code acceptedAt}. */
    public OperationStatus await(OperationKind kind, String operationId, Instant acceptedAt, Deadline deadline)
            throws EdgeApiException {
        return new Poller(settings, this).await(kind, operationId, acceptedAt, deadline);
    }

    private Transport.Call statusCall(OperationKind kind, String operationId) {
        URI uri = kind == OperationKind.UPLOAD
                ? uploadStatusUrl(settings, operationId)
                : publishStatusUrl(settings, operationId);
        return new Transport.Call("GET", uri, null, RetryPolicy.Safety.REPEATABLE,
                "read the status of " + kind.label() + " operation " + operationId, true)
                .header("Accept", "application/json");
    }

    private StatusReading readStatus(OperationKind kind, String operationId, Deadline deadline)
            throws EdgeApiException {
        Transport.Response r = transport.execute(statusCall(kind, operationId), auth, deadline);
        if (!r.isSuccess()) {
            throw httpError(r, kind.label() + " status of operation " + operationId, operationId);
        }
        return new StatusReading(parseStatus(kind, operationId, r),
                Transport.retryAfter(r.header("Retry-After"), settings.clock.instant()));
    }

    /** One status request, sent once whatever the answer (the {@link Poller} does the retrying). */
    Transport.Response statusAnswer(OperationKind kind, String operationId, Deadline deadline)
            throws EdgeApiException {
        return transport.execute(statusCall(kind, operationId).singleAttempt(), auth, deadline);
    }

    /**
     * The status in a 2xx answer.
     *
     * @throws EdgeApiException with kind MALFORMED naming the HTTP status and content type when the body is no
     *     status (an HTML page, empty, cut-off JSON, cut at the read limit)
     */
    OperationStatus parseStatus(OperationKind kind, String operationId, Transport.Response r)
            throws EdgeApiException {
        String contentType = r.header("Content-Type");
        String what = "The store's answer about " + kind.label() + " operation " + operationId + " (HTTP "
                + r.status + ", " + (contentType == null ? "no content type" : contentType) + ") is not a status: ";
        if (r.truncated) {
            throw new EdgeApiException(EdgeApiException.Kind.MALFORMED, what + "it is larger than "
                    + Transport.MAX_BODY / (1024 * 1024) + " MiB, the most this plugin reads, and was cut there.",
                    r.status, operationId, null, null);
        }
        String body = r.body == null ? "" : r.body.trim();
        if (RetryPolicy.isHtml(contentType) || body.startsWith("<")) {
            List<String> page = errorDetails(body, contentType);
            throw new EdgeApiException(EdgeApiException.Kind.MALFORMED, what + (page.isEmpty() ? "an HTML page"
                    : page.get(0)) + ", usually a proxy's or a maintenance page rather than the store's answer.",
                    r.status, operationId, null, null);
        }
        try {
            return StatusParser.parse(r.body, operationId);
        } catch (MalformedAnswerException e) {
            throw new EdgeApiException(EdgeApiException.Kind.MALFORMED, what + e.getMessage() + ".", r.status,
                    operationId, null, e);
        }
    }

    /** One status answer and the wait the store asked for, if any. */
    private static final class StatusReading {
        final OperationStatus status;
        final Duration retryAfter;

        StatusReading(OperationStatus status, Duration retryAfter) {
            this.status = status;
            this.retryAfter = retryAfter;
        }
    }

    private void expectAccepted(Transport.Response r, String what) throws EdgeApiException {
        if (!r.isSuccess()) {
            throw httpError(r, what, null);
        }
    }

    private String operationId(Transport.Response r, String what) throws EdgeApiException {
        try {
            return OperationLocation.operationId(r.header("Location"));
        } catch (MalformedAnswerException e) {
            throw new EdgeApiException(EdgeApiException.Kind.MALFORMED, "The store accepted the " + what
                    + " request (HTTP " + r.status + ") but " + e.getMessage() + ", so it cannot be followed."
                    + " Check the product in Partner Center.", r.status, null, null, null);
        }
    }

    /** The store's error answer in words: status, its message and errors when the body has them, advice. */
    EdgeApiException httpError(Transport.Response r, String what, String operationId) {
        return httpError(r, what, operationId, null);
    }

    private EdgeApiException httpError(Transport.Response r, String what, String operationId, String advice) {
        StringBuilder m = new StringBuilder("The store answered HTTP ").append(r.status).append(' ')
                .append(reason(r.status)).append(" to the ").append(what);
        if (r.attempts > 1) {
            m.append(" (after ").append(r.attempts).append(" attempts)");
        }
        m.append('.');
        List<String> details = errorDetails(r.body, r.header("Content-Type"));
        for (String d : details) {
            m.append(System.lineSeparator()).append("  ").append(d);
        }
        if (r.status >= 300 && r.status < 400) {
            m.append(System.lineSeparator()).append("It redirects to ").append(r.header("Location"))
                    .append("; redirects are not followed, so credentials never go to another host. Check"
                            + " edge.apiBaseUrl.");
        } else if (r.status == 404 && operationId != null) {
            m.append(System.lineSeparator()).append("The store does not know operation ").append(operationId)
                    .append(" for product ").append(settings.productId).append(": check edge.operationId and"
                            + " edge.productId.");
        } else {
            m.append(System.lineSeparator()).append(advice != null ? advice
                    : Hints.forHttpStatus(r.status, settings.serverId));
        }
        return new EdgeApiException(EdgeApiException.Kind.HTTP, m.toString(), r.status, operationId, null, null);
    }

    /** The useful part of an error body: JSON message/errorCode/errors, or a short text; HTML is dropped. */
    static List<String> errorDetails(String body, String contentType) {
        List<String> out = new ArrayList<>();
        if (body == null || body.trim().isEmpty()) {
            return out;
        }
        String trimmed = body.trim();
        if (trimmed.startsWith("{")) {
            try {
                OperationStatus s = StatusParser.parse(trimmed, null);
                if (s.errorCode() != null) {
                    out.add("errorCode: " + s.errorCode());
                }
                if (s.message() != null) {
                    out.add("message: " + s.message());
                }
                for (String e : s.errors()) {
                    out.add("error: " + e);
                }
                if (!out.isEmpty()) {
                    return out;
                }
            } catch (MalformedAnswerException ignored) {
                // fall through to the plain text
            }
        }
        boolean html = (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("html"))
                || trimmed.startsWith("<");
        if (html) {
            String title = trimmed.replaceAll("(?is).*<title>(.*?)</title>.*", "$1");
            out.add("(an HTML page" + (title.equals(trimmed) ? "" : ": " + title.trim()) + ")");
        } else {
            out.add(StatusParser.abbreviate(trimmed));
        }
        return out;
    }

    private static String reason(int status) {
        switch (status) {
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 408: return "Request Timeout";
            case 409: return "Conflict";
            case 413: return "Payload Too Large";
            case 415: return "Unsupported Media Type";
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            default: return "";
        }
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
