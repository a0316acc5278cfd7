package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.Hints;

import io.github.edgeaddons.core.Deadline;
import io.github.edgeaddons.core.Failure;
import io.github.edgeaddons.core.Http;
import io.github.edgeaddons.core.MalformedAnswerException;
import io.github.edgeaddons.core.OperationKind;
import io.github.edgeaddons.core.OperationStatus;
import io.github.edgeaddons.core.Poller;
import io.github.edgeaddons.core.RetryPolicy;
import io.github.edgeaddons.core.StoreException;

import io.github.edgeaddons.core.Authenticator;
import io.github.edgeaddons.core.StatusSource;
import io.github.edgeaddons.core.WhatHappened;
import io.github.edgeaddons.core.Transport;

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
public final class EdgeAddonsClient implements Closeable, StatusSource {
    static final ContentType NOTES = ContentType.create("text/plain", StandardCharsets.UTF_8);
    /** The header by which the store names an answer for its support (seen on its 500s). */
    static final String REQUEST_ID_HEADER = "x-ms-middleware-request-id";

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
    @Override
    public boolean tokenIssuedBefore() {
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
    public String startUpload(Path zip, long size, Deadline deadline) throws StoreException {
        Transport.Call call = new Transport.Call(Failure.Request.UPLOAD, "POST", uploadUrl(settings),
                new PackageEntity(zip, size, settings.reporter), RetryPolicy.Safety.REPEATABLE,
                "upload " + zip.getFileName(), true).expectContinue();
        Transport.Response r = transport.execute(call, auth, deadline);
        if (!r.isSuccess()) {
            throw httpError(r, "upload of " + zip.getFileName(), answer(Failure.Request.UPLOAD, r),
                    size + " bytes, application/zip");
        }
        return operationId(r, Failure.Request.UPLOAD);
    }

    /**
     * Endpoint 3: publishes the draft with the certification notes (their exact bytes, UTF-8).
     *
     * @return the publish operation's id
     */
    public String startPublish(String notes, Deadline deadline) throws StoreException {
        byte[] body = notes == null ? new byte[0] : notes.getBytes(StandardCharsets.UTF_8);
        Transport.Call call = new Transport.Call(Failure.Request.PUBLISH, "POST", publishUrl(settings), new ByteArrayEntity(body, NOTES),
                RetryPolicy.Safety.NOT_IF_MAYBE_PROCESSED, "publish the draft submission", true);
        Transport.Response r = transport.execute(call, auth, deadline);
        if (!r.isSuccess()) {
            String sent = Plurals.count(body.length, "byte") + ", " + NOTES;
            // a publish that may have been processed is not repeated (see Transport): say so, rather than
            // invite a blind second publish
            throw httpError(r, "publish request", answer(Failure.Request.PUBLISH, r)
                    .mayHaveReachedStore(RetryPolicy.publishMayHaveBeenProcessed(r.status)), sent);
        }
        return operationId(r, Failure.Request.PUBLISH);
    }

    /** Endpoints 2 and 4: one status request. */
    public OperationStatus status(OperationKind kind, String operationId, Deadline deadline) throws StoreException {
        Transport.Response r = transport.execute(statusCall(kind, operationId), auth, deadline);
        if (!r.isSuccess()) {
            throw statusError(kind, operationId, r);
        }
        return parseStatus(kind, operationId, r);
    }

    /** Endpoint 5 (2021 proposal; may be absent on the live service): the raw JSON of the product list. */
    public String listProducts(Deadline deadline) throws StoreException {
        Transport.Call call = new Transport.Call(Failure.Request.PRODUCT_LIST, "GET", url(settings, "/v1/products"), null,
                RetryPolicy.Safety.REPEATABLE, "list the products", true);
        Transport.Response r = transport.execute(call, auth, deadline);
        if (!r.isSuccess()) {
            throw httpError(r, "product list", answer(Failure.Request.PRODUCT_LIST, r), null);
        }
        return r.body;
    }

    /**
     * Checks the credentials without side effects: a status GET under the all-zero product GUID answers
     * 401 for bad credentials and 404 for good ones.
     *
     * @return true when the store accepted the credentials
     */
    public boolean credentialsAccepted(Deadline deadline) throws StoreException {
        return credentialsCheck(deadline) == null;
    }

    /** The store's refusal of the credentials: its facts, its HTTP status and what to do. */
    public static final class Refusal {
        public final Failure failure;
        public final int httpStatus;
        public final String hint;

        Refusal(Failure failure, String hint) {
            this.failure = failure;
            this.httpStatus = failure.httpStatus();
            this.hint = hint;
        }

        /** "HTTP 403 Forbidden". */
        public String status() {
            return WhatHappened.status(httpStatus);
        }
    }

    /** {@link #credentialsCheck}'s hint alone: null when the store accepted the credentials. */
    public String credentialsRefusal(Deadline deadline) throws StoreException {
        Refusal r = credentialsCheck(deadline);
        return r == null ? null : r.hint;
    }

    /**
     * {@link #credentialsAccepted} with the reason: null when the store accepted the credentials, else the
     * refusal's status and what to do, chosen from its body and the auth mode (an "Invalid Azure AD JWT" body is
     * not an expired key).
     */
    public Refusal credentialsCheck(Deadline deadline) throws StoreException {
        URI probe = url(settings, "/v1/products/00000000-0000-0000-0000-000000000000/submissions/operations/"
                + "00000000-0000-0000-0000-000000000000");
        Transport.Call call = new Transport.Call(Failure.Request.CREDENTIAL_CHECK, "GET", probe, null, RetryPolicy.Safety.REPEATABLE,
                "check the credentials", true);
        Transport.Response r = transport.execute(call, auth, deadline);
        if (r.status == 401 || r.status == 403) {
            Failure f = answer(Failure.Request.CREDENTIAL_CHECK, r).kind(StoreException.Kind.AUTH);
            return new Refusal(f, EdgeHints.forHttpError(settings, f, null));
        }
        if (r.status == 404 || r.isSuccess()) {
            return null;
        }
        throw httpError(r, "credential check", answer(Failure.Request.CREDENTIAL_CHECK, r), null);
    }

    /**
     * Follows an operation that the store has just accepted until it ends; the poll schedule counts from now,
     * so call this right after the 202. See {@link Poller}.
     *
     * @return the terminal status; Failed (or a stopped operation) is returned, not thrown, so the caller
     *     words the failure
     * @throws StoreException on a definite error answer, or with kind TIMEOUT when the deadline passes first
     */
    public OperationStatus await(OperationKind kind, String operationId, Deadline deadline) throws StoreException {
        return await(kind, operationId, settings.clock.instant(), deadline);
    }

    /** As {@link #await(OperationKind, String, Deadline)}, the schedule counting from {@code acceptedAt}. */
    public OperationStatus await(OperationKind kind, String operationId, Instant acceptedAt, Deadline deadline)
            throws StoreException {
        return new Poller(settings, this).await(kind, operationId, acceptedAt, deadline);
    }

    private Transport.Call statusCall(OperationKind kind, String operationId) {
        URI uri = kind == OperationKind.UPLOAD
                ? uploadStatusUrl(settings, operationId)
                : publishStatusUrl(settings, operationId);
        return new Transport.Call(Failure.Request.statusOf(kind), "GET", uri, null, RetryPolicy.Safety.REPEATABLE,
                "read the status of " + kind.label() + " operation " + operationId, true)
                .header("Accept", "application/json");
    }

    /** One status request, sent once whatever the answer (the {@link Poller} does the retrying). */
    @Override
    public Transport.Response statusAnswer(OperationKind kind, String operationId, Deadline deadline)
            throws StoreException {
        return transport.execute(statusCall(kind, operationId).singleAttempt(), auth, deadline);
    }

    /**
     * The status in a 2xx answer.
     *
     * @throws StoreException with kind MALFORMED naming the HTTP status and content type when the body is no
     *     status (an HTML page, empty, cut-off JSON, cut at the read limit)
     */
    @Override
    public OperationStatus parseStatus(OperationKind kind, String operationId, Transport.Response r)
            throws StoreException {
        String contentType = r.header("Content-Type");
        Failure f = Failure.of(StoreException.Kind.MALFORMED, Failure.Request.statusOf(kind))
                .answer(r.status, Http.isHtml(contentType, r.body)).operation(operationId, null);
        String what = "The store's answer about " + kind.label() + " operation " + operationId + " (HTTP "
                + r.status + ", " + (contentType == null ? "no content type" : contentType) + ") is not a status: ";
        if (r.truncated) {
            throw new StoreException(f, what + "it is larger than "
                    + Transport.MAX_BODY / (1024 * 1024) + " MiB, the most this plugin reads, and was cut there.");
        }
        String body = r.body == null ? "" : r.body.trim();
        if (Http.isHtml(contentType, body)) {
            List<String> page = errorDetails(body, contentType);
            throw new StoreException(f, what + (page.isEmpty() ? "an HTML page"
                    : page.get(0)) + ", usually a proxy's or a maintenance page rather than the store's answer.");
        }
        try {
            return StatusParser.parse(r.body, operationId);
        } catch (MalformedAnswerException e) {
            throw new StoreException(f.cause(e), what + e.getMessage() + ".");
        }
    }

    private String operationId(Transport.Response r, Failure.Request request) throws StoreException {
        try {
            return OperationLocation.operationId(r.header("Location"));
        } catch (MalformedAnswerException e) {
            String what = request == Failure.Request.UPLOAD ? "upload" : "publish";
            throw new StoreException(Failure.of(StoreException.Kind.MALFORMED, request).answer(r.status, false),
                    "The store accepted the " + what + " request (HTTP " + r.status + ") but " + e.getMessage()
                            + ", so it cannot be followed. " + Hints.acceptedButNotFollowable(settings));
        }
    }

    /**
     * The facts of an error answer, read once where it came in: its status, whether it is an HTML page, the
     * store's errorCode, message and errors, and whether a 401 says the store checked an Azure AD token
     * instead of the API-key headers.
     */
    static Failure answer(Failure.Request request, Transport.Response r) {
        String body = r.body == null ? "" : r.body;
        boolean html = Http.isHtml(r.header("Content-Type"), body);
        Failure f = Failure.of(StoreException.Kind.HTTP, request).answer(r.status, html)
                .keyHeadersNotTaken(r.status == 401 && body.contains("Invalid Azure AD JWT"));
        String trimmed = body.trim();
        if (!html && trimmed.startsWith("{")) {
            try {
                OperationStatus s = StatusParser.parse(trimmed, null);
                f = f.store(s.errorCode(), s.message(), s.errors());
            } catch (MalformedAnswerException ignored) {
                // no store words in it
            }
        }
        return f;
    }

    /** The store's error answer to a status request of an operation, in words. */
    @Override
    public StoreException statusError(OperationKind kind, String operationId, Transport.Response r) {
        return httpError(r, kind.label() + " status of operation " + operationId,
                answer(Failure.Request.statusOf(kind), r).operation(operationId, null), null);
    }

    /**
     * The store's error answer in words: the status with its reason phrase, the body's message and errors
     * when it has them, and what to do (chosen from the facts by {@link Hints#forAnswer}).
     */
    private StoreException httpError(Transport.Response r, String what, Failure f, String sent) {
        StringBuilder m = new StringBuilder(WhatHappened.answered("The store", r.status)).append(" to the ")
                .append(what).append(WhatHappened.afterAttempts(r.attempts)).append('.');
        List<String> details = errorDetails(r.body, r.header("Content-Type"));
        for (String d : details) {
            m.append(System.lineSeparator()).append("  ").append(d);
        }
        m.append(System.lineSeparator()).append(EdgeHints.forAnswer(settings, f, sent, r.header("Location")));
        return new StoreException(f, m.toString());
    }

    @Override
    public List<String> errorDetails(Transport.Response r) {
        return errorDetails(r.body, r.header("Content-Type"));
    }

    @Override
    public String requestId(Transport.Response r) {
        return r.header(REQUEST_ID_HEADER);
    }

    /** How {@link #errorDetails} names an HTML page in a message. */
    private static final String HTML_PAGE = "(an HTML page";

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
    @Override
    public void close() throws IOException {
        transport.close();
    }
}
