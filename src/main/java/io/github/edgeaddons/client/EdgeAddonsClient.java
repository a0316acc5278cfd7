package io.github.edgeaddons.client;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * The Edge Add-ons update API (endpoints 1 to 5 of EDGE-API.md), with no Maven types: upload the
 * package, publish the draft, and follow either operation to its end.
 */
public final class EdgeAddonsClient implements Closeable {
    static final ContentType NOTES = ContentType.create("text/plain", StandardCharsets.UTF_8);
    /** After this many unreadable status answers in a row, the wait gives up. */
    private static final int MAX_MALFORMED_IN_A_ROW = 3;

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
                new PackageEntity(zip, size, settings.reporter), Transport.Safety.REPEATABLE,
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
                Transport.Safety.NOT_IF_MAYBE_PROCESSED, "publish the draft submission", true);
        Transport.Response r = transport.execute(call, auth, deadline);
        if (!r.isSuccess()) {
            String sent = body.length + " bytes, " + NOTES;
            // a publish that may have been processed is not repeated (see Transport): say so, rather than
            // invite a blind second publish
            throw httpError(r, "publish request", Hints.Request.PUBLISH, null, sent,
                    publishMayHaveBeenProcessed(r.status) ? Hints.publishMayHaveReachedTheStore(settings) : null);
        }
        return operationId(r, "publish");
    }

    /** Endpoints 2 and 4: one status request. */
    public OperationStatus status(OperationKind kind, String operationId, Deadline deadline) throws EdgeApiException {
        return readStatus(kind, operationId, deadline).status;
    }

    /** Endpoint 5 (2021 proposal; may be absent on the live service): the raw JSON of the product list. */
    public String listProducts(Deadline deadline) throws EdgeApiException {
        Transport.Call call = new Transport.Call("GET", url(settings, "/v1/products"), null,
                Transport.Safety.REPEATABLE, "list the products", true);
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
        return credentialsRefusal(deadline) == null;
    }

    /**
     * {@link #credentialsAccepted} with the reason: null when the store accepted the credentials, else what
     * to do, chosen from the refusal's body and the auth mode (an "Invalid Azure AD JWT" body is not an
     * expired key).
     */
    public String credentialsRefusal(Deadline deadline) throws EdgeApiException {
        URI probe = url(settings, "/v1/products/00000000-0000-0000-0000-000000000000/submissions/operations/"
                + "00000000-0000-0000-0000-000000000000");
        Transport.Call call = new Transport.Call("GET", probe, null, Transport.Safety.REPEATABLE,
                "check the credentials", true);
        Transport.Response r = transport.execute(call, auth, deadline);
        if (r.status == 401 || r.status == 403) {
            return Hints.forHttpError(settings, Hints.Request.CREDENTIAL_CHECK, r.status, r.header("Content-Type"),
                    r.body, null);
        }
        if (r.status == 404 || r.isSuccess()) {
            return null;
        }
        throw httpError(r, "credential check", Hints.Request.CREDENTIAL_CHECK, null, null, null);
    }

    /**
     * Polls an operation until it is Succeeded or Failed, following the poll policy, within the deadline.
     *
     * @return the terminal status; Failed is returned, not thrown, so the caller words the failure
     * @throws EdgeApiException with kind TIMEOUT when the deadline passes first
     */
    public OperationStatus await(OperationKind kind, String operationId, Deadline deadline) throws EdgeApiException {
        PollPolicy policy = settings.pollPolicy;
        Duration delay = Duration.ZERO;
        int polls = 0;
        int malformedInARow = 0;
        OperationStatus last = null;
        String unknownWordWarned = null;
        while (true) {
            polls++;
            StatusReading reading;
            try {
                reading = readStatus(kind, operationId, deadline);
                malformedInARow = 0;
            } catch (EdgeApiException e) {
                if (e.kind() == EdgeApiException.Kind.TIMEOUT) {
                    // the deadline passed during a status request: still name the operation and how to resume
                    throw awaitTimeout(kind, operationId, deadline, last, polls, e);
                }
                if (e.kind() != EdgeApiException.Kind.MALFORMED || ++malformedInARow >= MAX_MALFORMED_IN_A_ROW) {
                    throw e;
                }
                settings.reporter.warn(e.getMessage() + " Asking again.");
                reading = null;
            }
            if (reading != null) {
                last = reading.status;
                if (last.state().isTerminal()) {
                    settings.reporter.debug(kind.label() + " operation " + operationId + " ended " + last.rawStatus()
                            + " after " + polls + " status requests");
                    return last;
                }
                if (last.state() == OperationState.UNKNOWN && !last.rawStatus().equals(unknownWordWarned)) {
                    unknownWordWarned = last.rawStatus();
                    settings.reporter.warn("The store reported an unknown status '" + last.rawStatus() + "' for "
                            + kind.label() + " operation " + operationId + "; polling until it ends.");
                }
            }
            delay = policy.next(delay, deadline.elapsed());
            if (reading != null && reading.retryAfter != null && reading.retryAfter.compareTo(delay) > 0) {
                delay = reading.retryAfter;
            }
            Duration remaining = deadline.remaining();
            if (remaining.isZero()) {
                throw awaitTimeout(kind, operationId, deadline, last, polls);
            }
            try {
                settings.sleeper.sleep(delay.compareTo(remaining) < 0 ? delay : remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EdgeApiException(EdgeApiException.Kind.NETWORK, "Interrupted while waiting for "
                        + kind.label() + " operation " + operationId + ".", -1, operationId, last, e);
            }
            if (deadline.passed()) {
                // one last look at the deadline itself, so an operation ending just then is not reported late
                try {
                    OperationStatus s = readStatus(kind, operationId, Deadline.after(Duration.ofSeconds(1),
                            settings.clock)).status;
                    if (s.state().isTerminal()) {
                        return s;
                    }
                    last = s;
                } catch (EdgeApiException ignored) {
                    // report the timeout below
                }
                throw awaitTimeout(kind, operationId, deadline, last, polls + 1);
            }
        }
    }

    private EdgeApiException awaitTimeout(OperationKind kind, String operationId, Deadline deadline,
            OperationStatus last, int polls) {
        return awaitTimeout(kind, operationId, deadline, last, polls, null);
    }

    private EdgeApiException awaitTimeout(OperationKind kind, String operationId, Deadline deadline,
            OperationStatus last, int polls, Throwable cause) {
        String resume = kind == OperationKind.PUBLISH
                ? "Resume waiting with " + settings.resume.await(settings.productId, operationId)
                : "Check it later with " + settings.resume.status(settings.productId, operationId);
        return new EdgeApiException(EdgeApiException.Kind.TIMEOUT, "Timed out after "
                + formatSeconds(deadline.budget()) + " (edge.timeout) waiting for " + kind.label() + " operation "
                + operationId + " (" + polls + " status requests; last status: "
                + (last == null ? "none read" : last.rawStatus()) + "). The operation may still finish. " + resume
                + ", or raise edge.timeout.", -1, operationId, last, cause);
    }

    private static String formatSeconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : (ms / 1000.0) + " s";
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

    private StatusReading readStatus(OperationKind kind, String operationId, Deadline deadline)
            throws EdgeApiException {
        URI uri = kind == OperationKind.UPLOAD
                ? uploadStatusUrl(settings, operationId)
                : publishStatusUrl(settings, operationId);
        Transport.Call call = new Transport.Call("GET", uri, null, Transport.Safety.REPEATABLE,
                "read the status of " + kind.label() + " operation " + operationId, true)
                .header("Accept", "application/json");
        Transport.Response r = transport.execute(call, auth, deadline);
        if (r.status != 200 && !r.isSuccess()) {
            throw httpError(r, kind.label() + " status of operation " + operationId, operationId);
        }
        try {
            OperationStatus s = StatusParser.parse(r.body, operationId);
            return new StatusReading(s, Transport.retryAfter(r.header("Retry-After"), settings.clock.instant()));
        } catch (MalformedAnswerException e) {
            throw new EdgeApiException(EdgeApiException.Kind.MALFORMED, "The store's answer about " + kind.label()
                    + " operation " + operationId + " could not be read: " + e.getMessage() + ".", r.status,
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

    /** A publish answer that does not prove the store ignored the request: 408 and 5xx other than 503. */
    static boolean publishMayHaveBeenProcessed(int status) {
        return status == 408 || (status >= 500 && status != 503);
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
        } else if (r.status == 404 && operationId != null && !Hints.isHtml(r.header("Content-Type"), r.body)) {
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
        if (Hints.isHtml(contentType, trimmed)) {
            String title = trimmed.replaceAll("(?is).*<title>(.*?)</title>.*", "$1");
            out.add(HTML_PAGE + (title.equals(trimmed) ? "" : ": " + title.trim()) + ")");
        } else {
            out.add(StatusParser.abbreviate(trimmed));
        }
        return out;
    }

    /** HttpClient's English reason phrase of a status ("Gone" for 410), or null for a status it does not know. */
    static String reason(int status) {
        return status < 100 || status > 599 ? null : EnglishReasonPhraseCatalog.INSTANCE.getReason(status, Locale.ENGLISH);
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
