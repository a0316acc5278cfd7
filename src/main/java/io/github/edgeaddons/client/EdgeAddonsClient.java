package io.github.edgeaddons.client;

import io.github.edgeaddons.config.Plurals;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * The Edge Add-ons update API (endpoints 1 to 5 of docs/EDGE-API.md), with no Maven types: upload the
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

    /** True when the token endpoint (API v1) has issued a token in this build before. */
    boolean tokenIssuedBefore() {
        return auth.tokenIssuedBefore();
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
        if (!r.isSuccess()) {
            throw httpError(r, "upload of " + zip.getFileName(), Hints.Request.UPLOAD, null,
                    size + " bytes, application/zip", null);
        }
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
        if (!r.isSuccess()) {
            String sent = Plurals.count(body.length, "byte") + ", " + NOTES;
            // a publish that may have been processed is not repeated (see Transport): say so, rather than
            // invite a blind second publish
            throw httpError(r, "publish request", Hints.Request.PUBLISH, null, sent,
                    RetryPolicy.publishMayHaveBeenProcessed(r.status) ? Hints.publishMayHaveReachedTheStore(settings) : null);
        }
        return operationId(r, "publish");
    }

    /** Endpoints 2 and 4: one status request. */
    public OperationStatus status(OperationKind kind, String operationId, Deadline deadline) throws EdgeApiException {
        Transport.Response r = transport.execute(statusCall(kind, operationId), auth, deadline);
        if (!r.isSuccess()) {
            throw httpError(r, kind.label() + " status of operation " + operationId, operationId);
        }
        return parseStatus(kind, operationId, r);
    }

    /** Endpoint 5 (2021 proposal; may be absent on the live service): the raw JSON of the product list. */
    public String listProducts(Deadline deadline) throws EdgeApiException {
        Transport.Call call = new Transport.Call("GET", url(settings, "/v1/products"), null,
                RetryPolicy.Safety.REPEATABLE, "list the products", true);
        Transport.Response r = transport.execute(call, auth, deadline);
        if (!r.isSuccess()) {
            throw httpError(r, "product list", Hints.Request.OTHER, null, null, null);
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
        return credentialsCheck(deadline) == null;
    }

    /** The store's refusal of the credentials: its HTTP status and what to do. */
    public static final class Refusal {
        public final int httpStatus;
        public final String hint;

        Refusal(int httpStatus, String hint) {
            this.httpStatus = httpStatus;
            this.hint = hint;
        }

        /** "HTTP 403 Forbidden". */
        public String status() {
            String reason = reason(httpStatus);
            return "HTTP " + httpStatus + (reason == null ? "" : " " + reason);
        }
    }

    /** {@link #credentialsCheck}'s hint alone: null when the store accepted the credentials. */
    public String credentialsRefusal(Deadline deadline) throws EdgeApiException {
        Refusal r = credentialsCheck(deadline);
        return r == null ? null : r.hint;
    }

    /**
     * {@link #credentialsAccepted} with the reason: null when the store accepted the credentials, else the
     * refusal's status and what to do, chosen from its body and the auth mode (an "Invalid Azure AD JWT" body is
     * not an expired key).
     */
    public Refusal credentialsCheck(Deadline deadline) throws EdgeApiException {
        URI probe = url(settings, "/v1/products/00000000-0000-0000-0000-000000000000/submissions/operations/"
                + "00000000-0000-0000-0000-000000000000");
        Transport.Call call = new Transport.Call("GET", probe, null, RetryPolicy.Safety.REPEATABLE,
                "check the credentials", true);
        Transport.Response r = transport.execute(call, auth, deadline);
        if (r.status == 401 || r.status == 403) {
            return new Refusal(r.status, Hints.forHttpError(settings, Hints.Request.CREDENTIAL_CHECK, r.status,
                    r.header("Content-Type"), r.body, null));
        }
        if (r.status == 404 || r.isSuccess()) {
            return null;
        }
        throw httpError(r, "credential check", Hints.Request.CREDENTIAL_CHECK, null, null, null);
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
        if (Http.isHtml(contentType, body)) {
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

    private String operationId(Transport.Response r, String what) throws EdgeApiException {
        try {
            return OperationLocation.operationId(r.header("Location"));
        } catch (MalformedAnswerException e) {
            throw new EdgeApiException(EdgeApiException.Kind.MALFORMED, "The store accepted the " + what
                    + " request (HTTP " + r.status + ") but " + e.getMessage() + ", so it cannot be followed. "
                    + Hints.acceptedButNotFollowable(), r.status, null, null, null);
        }
    }

    /** The store's error answer to a status request (or, without an operation id, another request) in words. */
    EdgeApiException httpError(Transport.Response r, String what, String operationId) {
        return httpError(r, what, operationId == null ? Hints.Request.OTHER : Hints.Request.STATUS, operationId,
                null, null);
    }

    /**
     * The store's error answer in words: the status with its reason phrase, the body's message and errors
     * when it has them, and what to do ({@code advice}, or the hint for this request and answer).
     */
    private EdgeApiException httpError(Transport.Response r, String what, Hints.Request request, String operationId,
            String sent, String advice) {
        StringBuilder m = new StringBuilder("The store answered HTTP ").append(r.status);
        String reason = reason(r.status);
        if (reason != null) {
            m.append(' ').append(reason);
        }
        m.append(" to the ").append(what);
        if (r.attempts > 1) {
            m.append(" (after ").append(r.attempts).append(" attempts)");
        }
        m.append('.');
        List<String> details = errorDetails(r.body, r.header("Content-Type"));
        for (String d : details) {
            m.append(System.lineSeparator()).append("  ").append(d);
        }
        String hint;
        if (advice != null) {
            hint = advice;
        } else if (r.status >= 300 && r.status < 400) {
            hint = Hints.redirectNotFollowed(r.header("Location"));
        } else if (r.status == 404 && operationId != null && !Http.isHtml(r.header("Content-Type"), r.body)) {
            hint = Hints.unknownOperation(settings, operationId);
        } else {
            hint = Hints.forHttpError(settings, request, r.status, r.header("Content-Type"), r.body, sent);
        }
        m.append(System.lineSeparator()).append(hint);
        return new EdgeApiException(EdgeApiException.Kind.HTTP, m.toString(), r.status, operationId, null, null);
    }

    /** How {@link #errorDetails} names an HTML page in a message. */
    private static final String HTML_PAGE = "(an HTML page";

    /**
     * True for the store's JSON or empty 404 to a status request: it does not know the operation. An HTML
     * 404 page is the store's front door failing, not an answer about the id.
     */
    public static boolean isUnknownOperation(EdgeApiException e) {
        return e.kind() == EdgeApiException.Kind.HTTP && e.httpStatus() == 404 && e.operationId() != null
                && !e.getMessage().contains(HTML_PAGE);
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
        if (Http.isHtml(contentType, trimmed)) {
            String title = trimmed.replaceAll("(?is).*<title>(.*?)</title>.*", "$1");
            out.add(HTML_PAGE + (title.equals(trimmed) ? "" : ": " + title.trim()) + ")");
        } else {
            out.add(StatusParser.abbreviate(trimmed));
        }
        return out;
    }

    /** HttpClient's English reason phrase of a status ("Gone" for 410), or null for a status it does not know. */
    static String reason(int status) {
        return Http.reasonPhrase(status);
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
