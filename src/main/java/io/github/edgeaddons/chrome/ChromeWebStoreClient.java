package io.github.edgeaddons.chrome;

import io.github.edgeaddons.core.Json;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.edgeaddons.core.Authenticator;
import io.github.edgeaddons.core.Deadline;
import io.github.edgeaddons.core.Failure;
import io.github.edgeaddons.core.Http;
import io.github.edgeaddons.core.RetryPolicy;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.core.Transport;
import io.github.edgeaddons.core.WhatHappened;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * The Chrome Web Store API v2 (docs/CHROME-API.md), with no Maven types: fetchStatus, upload (and the wait while
 * the store processes it), publish, cancelSubmission, setPublishedDeployPercentage. Requests go through the
 * core's {@link Transport}; a publish is never repeated blindly ({@link RetryPolicy.Safety#NOT_IF_MAYBE_PROCESSED}).
 * Google's error envelope becomes the {@link Failure} facts ({@link GoogleError}).
 */
public final class ChromeWebStoreClient implements Closeable {
    static final ContentType ZIP = ContentType.create("application/zip");

    /** The upload states that mean "still processing": the enum's word and the reference prose's. */
    static boolean inProgress(String uploadState) {
        return "IN_PROGRESS".equals(uploadState) || "UPLOAD_IN_PROGRESS".equals(uploadState);
    }

    /** How a publish goes live. */
    public enum PublishType {
        /** Live once approved. */
        DEFAULT_PUBLISH,
        /** Held as STAGED once approved, until published again. */
        STAGED_PUBLISH
    }

    /** An upload's outcome: its state and the manifest version the store read (null while processing). */
    public static final class UploadResult {
        public final String uploadState;
        public final String crxVersion;

        UploadResult(String uploadState, String crxVersion) {
            this.uploadState = uploadState;
            this.crxVersion = crxVersion;
        }
    }

    /** A publish's answer: the item's state (200 is not "live") and the store's warnings. */
    public static final class PublishResult {
        public final String state;
        public final List<String> warnings;

        PublishResult(String state, List<String> warnings) {
            this.state = state;
            this.warnings = Collections.unmodifiableList(warnings);
        }
    }

    /** One revision's status: its state, and the first distribution channel's version and percentage. */
    public static final class Revision {
        public final String state;
        public final String crxVersion;
        /** -1 when not given. */
        public final int deployPercentage;

        Revision(String state, String crxVersion, int deployPercentage) {
            this.state = state;
            this.crxVersion = crxVersion;
            this.deployPercentage = deployPercentage;
        }
    }

    /** fetchStatus's answer. */
    public static final class ItemStatus {
        /** Null unless an async upload ran in the last 24 hours. */
        public final String lastAsyncUploadState;
        /** Null when nothing is published. */
        public final Revision published;
        /** Null when nothing was submitted since the last publish. */
        public final Revision submitted;
        public final boolean takenDown;
        public final boolean warned;

        ItemStatus(String lastAsyncUploadState, Revision published, Revision submitted, boolean takenDown,
                boolean warned) {
            this.lastAsyncUploadState = lastAsyncUploadState;
            this.published = published;
            this.submitted = submitted;
            this.takenDown = takenDown;
            this.warned = warned;
        }
    }

    private final ChromeSettings settings;
    private final Transport transport;
    private final Authenticator auth;

    public ChromeWebStoreClient(ChromeSettings settings) {
        this.settings = settings;
        this.transport = new Transport(settings);
        this.auth = new GoogleAuthenticator(settings, transport);
    }

    /** The auth header as a dry run shows it, secrets redacted. */
    public List<String> describeAuthHeaders() {
        return auth.describeHeaders();
    }

    // ---- URLs -------------------------------------------------------------------------------------------

    /** {@code publishers/P/items/I}: a path with literal slashes. */
    String name() {
        return "publishers/" + settings.publisherId + "/items/" + settings.itemId;
    }

    URI url(String prefix, String method) {
        String base = settings.apiBaseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + prefix + "/v2/" + name() + ":" + method);
    }

    // ---- requests ---------------------------------------------------------------------------------------

    /** {@code GET /v2/{name}:fetchStatus}. */
    public ItemStatus fetchStatus(Deadline deadline) throws StoreException {
        return fetchStatus(deadline, false);
    }

    private ItemStatus fetchStatus(Deadline deadline, boolean duringUpload) throws StoreException {
        // outside an upload's wait, fetchStatus is a side-effect-free read of the item (also the credential check)
        Failure.Request role = duringUpload ? Failure.Request.UPLOAD_STATUS : Failure.Request.ITEM_STATUS;
        Transport.Call call = new Transport.Call(role, "GET", url("", "fetchStatus"), null,
                RetryPolicy.Safety.REPEATABLE, "read the status of item " + settings.itemId, true);
        Transport.Response r = transport.execute(call, auth, deadline);
        if (!r.isSuccess()) {
            throw httpError(r, role, "status request", false);
        }
        JsonObject o = object(r, role);
        return new ItemStatus(Json.string(o, "lastAsyncUploadState"), revision(o, "publishedItemRevisionStatus"),
                revision(o, "submittedItemRevisionStatus"), Json.bool(o, "takenDown"), Json.bool(o, "warned"));
    }

    /**
     * Uploads the zip's raw bytes ({@code POST /upload/v2/{name}:upload}) and, while the store answers
     * {@code IN_PROGRESS} (or {@code UPLOAD_IN_PROGRESS}), asks {@code fetchStatus} on the poll policy's schedule
     * until the upload ends or the deadline passes.
     *
     * @return the upload's end: {@code SUCCEEDED} with the version the store read
     */
    public UploadResult upload(Path zip, Deadline deadline) throws StoreException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(zip);
        } catch (IOException e) {
            throw new StoreException(Failure.of(StoreException.Kind.NETWORK, Failure.Request.NONE).cause(e),
                    "Cannot read the package " + zip + " (" + e.getClass().getSimpleName() + ").");
        }
        Transport.Call call = new Transport.Call(Failure.Request.UPLOAD, "POST", url("/upload", "upload"),
                new ByteArrayEntity(bytes, ZIP), RetryPolicy.Safety.REPEATABLE, "upload " + zip.getFileName(), true);
        Transport.Response r = transport.execute(call, auth, deadline);
        if (!r.isSuccess()) {
            throw httpError(r, Failure.Request.UPLOAD, "upload of " + zip.getFileName() + " (" + bytes.length
                    + " bytes, application/zip)", false);
        }
        JsonObject o = object(r, Failure.Request.UPLOAD);
        String state = Json.string(o, "uploadState");
        if (inProgress(state)) {
            return awaitUpload(zip, deadline);
        }
        return ended(zip, state, Json.string(o, "crxVersion"));
    }

    /** Polls fetchStatus's {@code lastAsyncUploadState} on the poll policy's schedule, within the deadline. */
    private UploadResult awaitUpload(Path zip, Deadline deadline) throws StoreException {
        Instant accepted = settings.clock.instant();
        Duration previous = Duration.ZERO;
        int failuresInARow = 0;
        for (int poll = 1;; poll++) {
            Duration delay = settings.pollPolicy.delayBefore(poll, previous,
                    Duration.between(accepted, settings.clock.instant()));
            if (failuresInARow > 0) {
                Duration backoff = settings.retryPolicy.backoff(failuresInARow, null);
                delay = backoff.compareTo(delay) > 0 ? backoff : delay;
            }
            if (deadline.remaining().compareTo(delay) <= 0) {
                // the next poll would come after the deadline: the wait still takes its whole time (as the
                // core's Poller), so that "the time ran out" is true when it is said
                Duration left = deadline.remaining();
                if (!left.isNegative() && !left.isZero()) {
                    sleep(left);
                }
                throw stillProcessing(zip, deadline);
            }
            sleep(delay);
            previous = delay;
            ItemStatus s;
            try {
                s = fetchStatus(deadline, true);
            } catch (StoreException e) {
                if (e.kind() == StoreException.Kind.TIMEOUT) {
                    throw stillProcessing(zip, deadline);
                }
                if (transientDuringWait(e)) {
                    // the store has the package and a status request failed for its own trouble (its retries
                    // spent): the wait goes on until the deadline, as the core's Poller does
                    failuresInARow++;
                    settings.reporter.info("A status request of the upload failed (" + (e.kind() == StoreException.Kind.HTTP
                            ? "HTTP " + e.failure().httpStatus() : "no answer") + "); waiting goes on.");
                    continue;
                }
                // the store took the package: whatever failed now, it had accepted it
                throw e.with(e.failure().acceptedBefore(true));
            }
            failuresInARow = 0;
            if (!inProgress(s.lastAsyncUploadState)) {
                settings.reporter.info("The store processed " + zip.getFileName() + ": "
                        + s.lastAsyncUploadState + " (after " + poll + (poll == 1 ? " status request)." : " status requests)."));
                return ended(zip, s.lastAsyncUploadState, null);
            }
        }
    }

    /** A 429, a 5xx or a lost connection to a status request: no verdict about the upload. */
    private static boolean transientDuringWait(StoreException e) {
        int status = e.failure().httpStatus();
        return e.kind() == StoreException.Kind.NETWORK && !Thread.currentThread().isInterrupted()
                || e.kind() == StoreException.Kind.HTTP && (status == 429 || status >= 500);
    }

    /** The deadline passed while the store was processing the package: no verdict; it goes on at the store. */
    private StoreException stillProcessing(Path zip, Deadline deadline) {
        return new StoreException(Failure.of(StoreException.Kind.TIMEOUT, Failure.Request.UPLOAD_STATUS)
                .acceptedBefore(true), "The Chrome Web Store took " + zip.getFileName()
                + " but was still processing it when the time for this goal ran out ("
                + deadline.budget().getSeconds() + " s). The processing goes on at the store: check item "
                + settings.itemId + " in " + ChromeSettings.DASHBOARD + " (or its fetchStatus) before uploading again.");
    }

    private UploadResult ended(Path zip, String state, String crxVersion) throws StoreException {
        if ("SUCCEEDED".equals(state)) {
            return new UploadResult(state, crxVersion);
        }
        throw new StoreException(Failure.of(StoreException.Kind.OPERATION_FAILED, Failure.Request.UPLOAD)
                .store(state, null, null).verdict(Failure.Verdict.FAILED),
                "The Chrome Web Store ended the upload of " + zip.getFileName() + " with uploadState " + state
                        + ". " + "Its reasons are in " + ChromeSettings.DASHBOARD + " (the item's Package tab); "
                        + ChromeHints.invalidPackage());
    }

    /**
     * {@code POST /v2/{name}:publish}: the body holds {@code publishType} when one is given and {@code deployInfos}
     * only with a percentage; {@code {}} when neither. Never repeated when it may have reached the store.
     *
     * @param type null: the store's default
     * @param deployPercentage null: the value saved in the dashboard
     */
    public PublishResult publish(PublishType type, Integer deployPercentage, Deadline deadline)
            throws StoreException {
        Transport.Call call = new Transport.Call(Failure.Request.PUBLISH, "POST", url("", "publish"),
                new StringEntity(publishBody(type, deployPercentage), ContentType.APPLICATION_JSON),
                RetryPolicy.Safety.NOT_IF_MAYBE_PROCESSED, "publish item " + settings.itemId, true);
        Transport.Response r;
        try {
            r = transport.execute(call, auth, deadline);
        } catch (StoreException e) {
            if (e.failure().mayHaveReachedStore()) {
                // the core's sentence names the front end's publish command; Chrome's says what to check here
                throw new StoreException(e.failure(), "The answer to the publish request of item " + settings.itemId
                        + " was lost (" + e.kind() + "). " + ChromeHints.publishMayHaveReachedTheStore(settings));
            }
            throw e;
        }
        if (!r.isSuccess()) {
            throw httpError(r, Failure.Request.PUBLISH, "publish request", RetryPolicy.publishMayHaveBeenProcessed(r.status));
        }
        JsonObject o = object(r, Failure.Request.PUBLISH);
        List<String> warnings = new ArrayList<>();
        JsonObject info = o.has("warningInfo") && o.get("warningInfo").isJsonObject() ? o.getAsJsonObject("warningInfo")
                : null;
        if (info != null && info.has("warnings") && info.get("warnings").isJsonArray()) {
            for (JsonElement w : info.getAsJsonArray("warnings")) {
                if (w.isJsonObject()) {
                    String reason = Json.string(w.getAsJsonObject(), "reason");
                    warnings.add((reason == null ? "" : reason + ": ")
                            + GoogleError.plain(String.valueOf(Json.string(w.getAsJsonObject(), "description"))));
                }
            }
        }
        return new PublishResult(Json.string(o, "state"), warnings);
    }

    static String publishBody(PublishType type, Integer deployPercentage) {
        JsonObject body = new JsonObject();
        if (type != null) {
            body.addProperty("publishType", type.name());
        }
        if (deployPercentage != null) {
            JsonObject info = new JsonObject();
            info.addProperty("deployPercentage", deployPercentage);
            JsonArray infos = new JsonArray();
            infos.add(info);
            body.add("deployInfos", infos);
        }
        return body.toString();
    }

    /** {@code POST /v2/{name}:cancelSubmission}: cancels the submission in review (cancelling twice is harmless). */
    public void cancelSubmission(Deadline deadline) throws StoreException {
        Transport.Call call = new Transport.Call(Failure.Request.CANCEL, "POST", url("", "cancelSubmission"), null,
                RetryPolicy.Safety.REPEATABLE, "cancel the submission of item " + settings.itemId, true);
        Transport.Response r = transport.execute(call, auth, deadline);
        if (!r.isSuccess()) {
            throw httpError(r, Failure.Request.CANCEL, "cancelSubmission request", false);
        }
    }

    /** {@code POST /v2/{name}:setPublishedDeployPercentage}: raises the published revision's rollout. */
    public void setPublishedDeployPercentage(int percentage, Deadline deadline) throws StoreException {
        if (percentage < 0 || percentage > 100) {
            throw new IllegalArgumentException("deployPercentage must be 0 to 100, not " + percentage);
        }
        JsonObject body = new JsonObject();
        body.addProperty("deployPercentage", percentage);
        Transport.Call call = new Transport.Call(Failure.Request.ROLLOUT, "POST", url("", "setPublishedDeployPercentage"),
                new StringEntity(body.toString(), ContentType.APPLICATION_JSON), RetryPolicy.Safety.REPEATABLE,
                "set the deploy percentage of item " + settings.itemId, true);
        Transport.Response r = transport.execute(call, auth, deadline);
        if (!r.isSuccess()) {
            throw httpError(r, Failure.Request.ROLLOUT, "setPublishedDeployPercentage request", false);
        }
    }

    // ---- answers ----------------------------------------------------------------------------------------

    /** A non-2xx answer: its facts from Google's envelope, what happened and what to do. */
    private StoreException httpError(Transport.Response r, Failure.Request role, String what, boolean mayHaveReached) {
        boolean html = Http.isHtml(r.header("Content-Type"), r.body);
        GoogleError g = html ? null : GoogleError.parse(r.body);
        Failure f = Failure.of(StoreException.Kind.HTTP, role).answer(r.status, html)
                .mayHaveReachedStore(mayHaveReached);
        StringBuilder m = new StringBuilder(WhatHappened.answered("The Chrome Web Store", r.status))
                .append(WhatHappened.afterAttempts(r.attempts)).append(" to the ").append(what);
        if (g != null) {
            f = f.store(g.errorCode(), g.message, g.errors());
            String message = g.message == null ? "" : g.message.replaceAll("\\.+$", "");
            m.append(": ").append(g.status == null ? "" : g.status + ", ").append(message);
            if (g.reason != null && !g.reason.equals(g.status)) {
                m.append(" (").append(g.reason).append(')');
            }
            for (String e : g.errors()) {
                m.append("\n  ").append(e);
            }
            if (!g.errors().isEmpty()) {
                m.append('\n');
            }
        } else if (html) {
            m.append(" with an HTML page, not the API's JSON");
        }
        m.append(m.charAt(m.length() - 1) == '\n' ? "" : ". ").append(hint(r.status, g, html, mayHaveReached));
        return new StoreException(f, m.toString().trim());
    }

    private String hint(int status, GoogleError g, boolean html, boolean mayHaveReached) {
        if (mayHaveReached) {
            return ChromeHints.publishMayHaveReachedTheStore(settings);
        }
        if (html) {
            return ChromeHints.notTheApi();
        }
        if (status == 404) {
            return ChromeHints.itemNotFound(settings);
        }
        if (g != null && "INVALID_PACKAGE".equals(g.reason)) {
            return ChromeHints.invalidPackage();
        }
        if (g != null && "FAILED_PRECONDITION".equals(g.status)) {
            return ChromeHints.notEditableNow(settings);
        }
        if (status == 403) {
            return ChromeHints.permissionDenied(settings);
        }
        if (status == 429 || status >= 500) {
            return "The store is busy or in trouble; run the goal again later.";
        }
        return "";
    }

    private JsonObject object(Transport.Response r, Failure.Request role) throws StoreException {
        try {
            JsonElement e = JsonParser.parseString(r.body);
            if (e.isJsonObject()) {
                return e.getAsJsonObject();
            }
        } catch (RuntimeException ignored) {
            // said below
        }
        throw new StoreException(Failure.of(StoreException.Kind.MALFORMED, role).answer(r.status,
                Http.isHtml(r.header("Content-Type"), r.body)), "The Chrome Web Store answered HTTP " + r.status
                + " with a body that is not a JSON object. Check the API root (chrome.apiBaseUrl); Google's is "
                + ChromeSettings.DEFAULT_API_BASE_URL + ".");
    }

    private static Revision revision(JsonObject o, String name) {
        if (!o.has(name) || !o.get(name).isJsonObject()) {
            return null;
        }
        JsonObject r = o.getAsJsonObject(name);
        String version = null;
        int percentage = -1;
        if (r.has("distributionChannels") && r.get("distributionChannels").isJsonArray()
                && r.getAsJsonArray("distributionChannels").size() > 0
                && r.getAsJsonArray("distributionChannels").get(0).isJsonObject()) {
            JsonObject c = r.getAsJsonArray("distributionChannels").get(0).getAsJsonObject();
            version = Json.string(c, "crxVersion");
            try {
                percentage = c.has("deployPercentage") ? c.get("deployPercentage").getAsInt() : -1;
            } catch (RuntimeException ignored) {
                // keep -1
            }
        }
        return new Revision(Json.string(r, "state"), version, percentage);
    }



    private void sleep(Duration d) throws StoreException {
        settings.sleeper.sleepOrFail(d, "for the store to process the upload");
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
