package io.github.edgeaddons.firefox;

import io.github.edgeaddons.core.Json;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * addons.mozilla.org's API v5 (docs/FIREFOX-API.md), with no Maven types: the add-on, the upload and its
 * validation, the version's creation, its sources, its review state and its signed file. Requests go through the
 * core's {@link Transport} with a fresh JWT each ({@link JwtAuthenticator}); every path ends in {@code /} (AMO
 * redirects one without it, and a redirected POST comes back as a GET of the list), and a gecko id keeps its
 * braces, percent-encoded. The version's creation is never repeated blindly
 * ({@link RetryPolicy.Safety#NOT_IF_MAYBE_PROCESSED}). AMO's error bodies become {@link Failure} facts
 * ({@link AmoError}); a throttled answer is waited out when its wait fits in the deadline.
 */
public final class AmoClient implements Closeable {
    /** The most times a throttled request is waited out and sent again (each wait as AMO asks). */
    static final int THROTTLE_WAITS = 3;

    /** One message of the validator. */
    public static final class ValidationMessage {
        /** {@code error}, {@code warning} or {@code notice}. */
        public final String type;
        public final String message;
        /** May be null. */
        public final String file;
        /** May be null. */
        public final Integer line;

        ValidationMessage(String type, String message, String file, Integer line) {
            this.type = type;
            this.message = message;
            this.file = file;
            this.line = line;
        }

        /** {@code error: manifest.json line 14: message}. */
        @Override
        public String toString() {
            return type + ": " + (file == null ? "" : file + (line == null ? "" : " line " + line) + ": ") + message;
        }
    }

    /** An upload and, once processed, its validation. */
    public static final class Upload {
        public final String uuid;
        public final boolean processed;
        public final boolean valid;
        /** The version read from the manifest (null until processed). */
        public final String version;
        public final List<ValidationMessage> messages;

        Upload(String uuid, boolean processed, boolean valid, String version, List<ValidationMessage> messages) {
            this.uuid = uuid;
            this.processed = processed;
            this.valid = valid;
            this.version = version;
            this.messages = Collections.unmodifiableList(messages);
        }

        /** The validator's messages of one type. */
        public List<ValidationMessage> messages(String type) {
            List<ValidationMessage> out = new ArrayList<>();
            for (ValidationMessage m : messages) {
                if (type.equals(m.type)) {
                    out.add(m);
                }
            }
            return out;
        }
    }

    /** A version, and its file's review state. */
    public static final class Version {
        public final long id;
        public final String number;
        public final String channel;
        /** {@code unreviewed}, {@code public} (approved and signed), {@code disabled}; null if not said. */
        public final String fileStatus;
        /** The signed file's URL (downloadable once {@code public}). */
        public final String fileUrl;
        /** {@code sha256:...}, or empty before signing. */
        public final String fileHash;
        public final String editUrl;
        /** True when a source archive is attached. */
        public final boolean hasSource;
        public final boolean hasLicense;

        Version(long id, String number, String channel, String fileStatus, String fileUrl, String fileHash,
                String editUrl, boolean hasSource, boolean hasLicense) {
            this.id = id;
            this.number = number;
            this.channel = channel;
            this.fileStatus = fileStatus;
            this.fileUrl = fileUrl;
            this.fileHash = fileHash;
            this.editUrl = editUrl;
            this.hasSource = hasSource;
            this.hasLicense = hasLicense;
        }
    }

    /** The add-on, as the credential check reads it. */
    public static final class Addon {
        public final long id;
        public final String guid;
        public final String slug;
        /** {@code public}, {@code nominated}, {@code incomplete}, ... */
        public final String status;
        /** The last public listed version, or null. */
        public final Version currentVersion;

        Addon(long id, String guid, String slug, String status, Version currentVersion) {
            this.id = id;
            this.guid = guid;
            this.slug = slug;
            this.status = status;
            this.currentVersion = currentVersion;
        }
    }

    /** What a new version carries besides its upload; null fields are not sent. */
    public static final class VersionFields {
        String approvalNotes;
        Map<String, String> releaseNotes;
        String license;
        List<String> compatibility;

        public VersionFields approvalNotes(String v) {
            approvalNotes = v;
            return this;
        }

        /** Keyed by AMO locale ({@code en-US}). */
        public VersionFields releaseNotes(Map<String, String> v) {
            releaseNotes = v;
            return this;
        }

        /** A license slug, sent only when the add-on has none. */
        public VersionFields license(String v) {
            license = v;
            return this;
        }

        /** Application names ({@code firefox}, {@code android}). */
        public VersionFields compatibility(List<String> v) {
            compatibility = v;
            return this;
        }

        /** The JSON body of the creation. */
        String json(String uploadUuid) {
            JsonObject o = new JsonObject();
            o.addProperty("upload", uploadUuid);
            if (approvalNotes != null) {
                o.addProperty("approval_notes", approvalNotes);
            }
            if (releaseNotes != null && !releaseNotes.isEmpty()) {
                JsonObject n = new JsonObject();
                for (Map.Entry<String, String> e : releaseNotes.entrySet()) {
                    n.addProperty(e.getKey(), e.getValue());
                }
                o.add("release_notes", n);
            }
            if (license != null) {
                o.addProperty("license", license);
            }
            if (compatibility != null && !compatibility.isEmpty()) {
                JsonArray a = new JsonArray();
                for (String app : compatibility) {
                    a.add(app);
                }
                o.add("compatibility", a);
            }
            return o.toString();
        }

        /** For a dry run: the fields without their text. */
        String describe() {
            StringBuilder b = new StringBuilder("upload");
            if (approvalNotes != null) {
                b.append(", approval_notes (").append(approvalNotes.length()).append(" characters)");
            }
            if (releaseNotes != null && !releaseNotes.isEmpty()) {
                b.append(", release_notes ").append(releaseNotes.keySet()).append(" (")
                        .append(releaseNotes.values().iterator().next().length()).append(" characters)");
            }
            if (license != null) {
                b.append(", license ").append(license).append(" (if the add-on has none)");
            }
            if (compatibility != null && !compatibility.isEmpty()) {
                b.append(", compatibility ").append(compatibility);
            }
            return b.toString();
        }
    }

    private final FirefoxSettings settings;
    private final Transport transport;
    private final JwtAuthenticator auth;

    public AmoClient(FirefoxSettings settings) {
        this.settings = settings;
        this.transport = new Transport(settings);
        this.auth = new JwtAuthenticator(settings.issuer, settings.secret, settings.clock);
    }

    /** The auth header as a dry run shows it, secrets redacted. */
    public List<String> describeAuthHeaders() {
        return auth.describeHeaders();
    }

    // ---- URLs -------------------------------------------------------------------------------------------

    /** {@code {apiBaseUrl}/api/v5/{path}}, the path ending in {@code /} as AMO wants. */
    URI api(String path) {
        String base = settings.apiBaseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/api/v5/" + path + (path.endsWith("/") ? "" : "/"));
    }

    /**
     * One path segment: percent-encoded, so a UUID gecko id keeps its braces as {@code %7B...%7D} (stripping
     * them makes AMO answer 404); {@code @} of an e-mail-like id stays, as it may in a path.
     */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@");
    }

    URI addonUrl() {
        return api("addons/addon/" + segment(settings.addonId));
    }

    URI uploadUrl() {
        return api("addons/upload");
    }

    URI uploadStatusUrl(String uuid) {
        return api("addons/upload/" + segment(uuid));
    }

    URI versionsUrl() {
        return api("addons/addon/" + segment(settings.addonId) + "/versions");
    }

    /** A version by id, or by number with AMO's {@code v} prefix ({@code v1.2.3}). */
    URI versionUrl(String idOrNumber) {
        String key = idOrNumber.matches("[0-9]+") ? idOrNumber : "v" + idOrNumber;
        return api("addons/addon/" + segment(settings.addonId) + "/versions/" + segment(key));
    }

    // ---- requests ---------------------------------------------------------------------------------------

    /** {@code GET addons/addon/{addon}/}: the add-on; the side-effect-free check of the credentials and id. */
    public Addon addon(Deadline deadline) throws StoreException {
        Transport.Call call = new Transport.Call(Failure.Request.CREDENTIAL_CHECK, "GET", addonUrl(), null,
                RetryPolicy.Safety.REPEATABLE, "read add-on " + settings.addonId, true);
        Transport.Response r = send(call, deadline);
        if (!r.isSuccess()) {
            throw httpError(r, Failure.Request.CREDENTIAL_CHECK, "request for add-on " + settings.addonId, false);
        }
        JsonObject o = object(r, Failure.Request.CREDENTIAL_CHECK);
        JsonObject current = o.has("current_version") && o.get("current_version").isJsonObject()
                ? o.getAsJsonObject("current_version") : null;
        return new Addon(Json.number(o, "id"), Json.string(o, "guid"), Json.string(o, "slug"), Json.string(o, "status"),
                current == null ? null : version(current));
    }

    /** {@code POST addons/upload/}: multipart, the zip as the {@code upload} file part with its name, and the channel. */
    public Upload upload(Path zip, String channel, Deadline deadline) throws StoreException {
        if (!Files.isRegularFile(zip)) {
            throw new StoreException(Failure.of(StoreException.Kind.NETWORK, Failure.Request.NONE),
                    "Cannot read the package " + zip + ": no such file.");
        }
        // a file part without a file name fails AMO's validation ("Unsupported file type")
        HttpEntity body = MultipartEntityBuilder.create()
                .addBinaryBody("upload", zip.toFile(), ContentType.create("application/zip"), fileName(zip, ".zip"))
                .addTextBody("channel", channel)
                .build();
        Transport.Call call = new Transport.Call(Failure.Request.UPLOAD, "POST", uploadUrl(), body,
                RetryPolicy.Safety.REPEATABLE, "upload " + zip.getFileName() + " to AMO", true);
        Transport.Response r = send(call, deadline);
        if (!r.isSuccess()) {
            throw httpError(r, Failure.Request.UPLOAD, "upload of " + zip.getFileName(), false);
        }
        return upload(object(r, Failure.Request.UPLOAD));
    }

    /** The file name AMO sees: the zip's own, with an extension it takes ({@code .zip}, {@code .xpi}). */
    static String fileName(Path file, String defaultExtension) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".zip") || lower.endsWith(".xpi") || lower.endsWith(".crx") ? name : name + defaultExtension;
    }

    /** {@code GET addons/upload/{uuid}/}. */
    public Upload uploadStatus(String uuid, Deadline deadline) throws StoreException {
        Transport.Call call = new Transport.Call(Failure.Request.UPLOAD_STATUS, "GET", uploadStatusUrl(uuid), null,
                RetryPolicy.Safety.REPEATABLE, "read upload " + uuid, true);
        Transport.Response r = send(call, deadline);
        if (!r.isSuccess()) {
            throw httpError(r, Failure.Request.UPLOAD_STATUS, "status request of upload " + uuid, false);
        }
        return upload(object(r, Failure.Request.UPLOAD_STATUS));
    }

    /**
     * Asks for the upload on the poll policy's schedule until AMO has processed it (validation done) or the
     * deadline passes.
     */
    public Upload awaitValidation(Upload upload, Deadline deadline) throws StoreException {
        Instant accepted = settings.clock.instant();
        Duration previous = Duration.ZERO;
        Upload u = upload;
        for (int poll = 1; !u.processed; poll++) {
            Duration delay = settings.pollPolicy.delayBefore(poll, previous,
                    Duration.between(accepted, settings.clock.instant()));
            if (deadline.remaining().compareTo(delay) <= 0) {
                // the next poll would come after the deadline: the wait still takes its whole time (as the
                // core's Poller), so that "the time ran out" is true when it is said
                Duration left = deadline.remaining();
                if (!left.isNegative() && !left.isZero()) {
                    sleep(left);
                }
                throw stillValidating(upload.uuid);
            }
            sleep(delay);
            previous = delay;
            try {
                u = uploadStatus(upload.uuid, deadline);
            } catch (StoreException e) {
                if (e.kind() == StoreException.Kind.TIMEOUT) {
                    throw stillValidating(upload.uuid);
                }
                throw e.with(e.failure().acceptedBefore(true));
            }
        }
        return u;
    }

    private StoreException stillValidating(String uuid) {
        return new StoreException(Failure.of(StoreException.Kind.TIMEOUT, Failure.Request.UPLOAD_STATUS)
                .operation(uuid, null).acceptedBefore(true), FirefoxHints.stillValidating(uuid));
    }

    /**
     * {@code POST addons/addon/{addon}/versions/} (JSON): creates the version from a valid upload. Never sent
     * again when it may have reached AMO: the failure then says so ({@link Failure#mayHaveReachedStore()}).
     */
    public Version createVersion(String uploadUuid, VersionFields fields, Deadline deadline) throws StoreException {
        Transport.Call call = new Transport.Call(Failure.Request.PUBLISH, "POST", versionsUrl(),
                new StringEntity(fields.json(uploadUuid), ContentType.APPLICATION_JSON),
                RetryPolicy.Safety.NOT_IF_MAYBE_PROCESSED, "create the version of add-on " + settings.addonId, true);
        Transport.Response r;
        try {
            r = send(call, deadline);
        } catch (StoreException e) {
            if (e.failure().mayHaveReachedStore()) {
                // the core's sentence names Edge's publish; what to do here is the release's (the resume command)
                Throwable cause = e.failure().cause();
                throw new StoreException(e.failure(), "AMO's answer to the request creating the version of add-on "
                        + settings.addonId + " was lost (" + (e.kind() == StoreException.Kind.TIMEOUT
                                ? "the time for the release ran out while it was sent"
                                : cause instanceof IOException ? Transport.describe((IOException) cause)
                                        : e.kind().name().toLowerCase(Locale.ROOT)) + ").");
            }
            throw e;
        }
        if (!r.isSuccess()) {
            throw httpError(r, Failure.Request.PUBLISH, "request creating the version",
                    RetryPolicy.publishMayHaveBeenProcessed(r.status));
        }
        return version(object(r, Failure.Request.PUBLISH));
    }

    /**
     * {@code GET addons/addon/{addon}/versions/v{number}/} (or by id): the version, or null when AMO has none
     * with this number (a JSON 404).
     */
    public Version version(String idOrNumber, Deadline deadline) throws StoreException {
        Transport.Call call = new Transport.Call(Failure.Request.PUBLISH_STATUS, "GET", versionUrl(idOrNumber), null,
                RetryPolicy.Safety.REPEATABLE, "read version " + idOrNumber + " of add-on " + settings.addonId, true);
        Transport.Response r = send(call, deadline);
        if (r.status == 404 && !Http.isHtml(r.header("Content-Type"), r.body)) {
            return null;
        }
        if (!r.isSuccess()) {
            throw httpError(r, Failure.Request.PUBLISH_STATUS, "request for version " + idOrNumber, false);
        }
        return version(object(r, Failure.Request.PUBLISH_STATUS));
    }

    /**
     * {@code PATCH addons/addon/{addon}/versions/{id}/}, multipart with the {@code source} file part: attaches
     * the sources zip for the reviewers. Sending it twice attaches the same file: repeatable.
     */
    public Version attachSource(long versionId, Path sources, Deadline deadline) throws StoreException {
        HttpEntity body = MultipartEntityBuilder.create()
                .addBinaryBody("source", sources.toFile(), ContentType.create("application/zip"),
                        fileName(sources, ".zip"))
                .build();
        Transport.Call call = new Transport.Call(Failure.Request.PUBLISH, "PATCH", versionUrl(String.valueOf(versionId)),
                body, RetryPolicy.Safety.REPEATABLE, "attach " + sources.getFileName() + " to the version", true);
        Transport.Response r = send(call, deadline);
        if (!r.isSuccess()) {
            throw httpError(r, Failure.Request.PUBLISH, "request attaching the sources " + sources.getFileName(),
                    false);
        }
        return version(object(r, Failure.Request.PUBLISH));
    }

    /**
     * Downloads the signed file ({@code file.url}) into {@code target}, with the JWT when the file is on the API's
     * host (credentials never go to another host).
     */
    public Path download(String fileUrl, Path target, Deadline deadline) throws StoreException {
        return download(fileUrl, null, target, deadline);
    }

    /**
     * Downloads the signed file and, when AMO gave its {@code sha256:...} hash, checks the bytes against it (a
     * file that differs is deleted and the failure says so).
     */
    public Path download(String fileUrl, String expectedHash, Path target, Deadline deadline) throws StoreException {
        Path file = fetch(fileUrl, target, deadline);
        if (expectedHash != null && expectedHash.startsWith("sha256:")) {
            String actual = "sha256:" + sha256(file);
            if (!actual.equalsIgnoreCase(expectedHash)) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // said below either way
                }
                throw new StoreException(Failure.of(StoreException.Kind.MALFORMED, Failure.Request.PUBLISH_STATUS),
                        "The signed file downloaded from " + fileUrl + " does not match AMO's hash (" + expectedHash
                                + ", the download's " + actual + "); it was deleted.");
            }
        }
        return file;
    }

    private static String sha256(Path file) throws StoreException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
            StringBuilder hex = new StringBuilder();
            for (byte b : md.digest()) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new StoreException(Failure.of(StoreException.Kind.NETWORK, Failure.Request.NONE).cause(e),
                    "Cannot read the downloaded file " + file + ": " + e.getMessage());
        }
    }

    private Path fetch(String fileUrl, Path target, Deadline deadline) throws StoreException {
        URI url = URI.create(fileUrl);
        boolean sameHost = Objects.equals(url.getHost(), settings.apiBaseUrl.getHost())
                && url.getPort() == settings.apiBaseUrl.getPort();
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new StoreException(Failure.of(StoreException.Kind.NETWORK, Failure.Request.NONE).cause(e),
                    "Cannot create the folder of " + target + ": " + e.getMessage());
        }
        Transport.Call call = new Transport.Call(Failure.Request.PUBLISH_STATUS, "GET", url, null,
                RetryPolicy.Safety.REPEATABLE, "download the signed file " + url.getPath(), sameHost)
                .saveBodyTo(target);
        Transport.Response r = send(call, deadline);
        if (!r.isSuccess()) {
            throw httpError(r, Failure.Request.PUBLISH_STATUS, "download of the signed file", false);
        }
        return target;
    }

    // ---- sending ----------------------------------------------------------------------------------------

    /**
     * Sends through the transport (which repeats what is safe); a 429 that is still there after that is waited
     * out as AMO asks ("Expected available in N seconds", else {@code Retry-After}) when the wait fits in the
     * deadline, up to {@link #THROTTLE_WAITS} times, and otherwise returned to be reported with the wait. A 429
     * means AMO did not act on the request, so even the version's creation may be sent again after it.
     */
    private Transport.Response send(Transport.Call call, Deadline deadline) throws StoreException {
        for (int waits = 0;; waits++) {
            Transport.Response r = transport.execute(call, auth, deadline);
            if (r.status != 429 || waits >= THROTTLE_WAITS) {
                return r;
            }
            Duration wait = throttleWait(r);
            // a second of margin: the request itself must still fit after the wait
            if (wait == null || wait.plusSeconds(1).compareTo(deadline.remaining()) >= 0) {
                return r;
            }
            settings.reporter.warn(FirefoxHints.waitingForThrottle(wait));
            sleep(wait);
        }
    }

    /** How long a 429 asks to wait: the body's seconds, else {@code Retry-After}; null when neither says. */
    Duration throttleWait(Transport.Response r) {
        AmoError e = AmoError.parse(r.body);
        if (e != null && e.throttledSeconds() != null) {
            return Duration.ofSeconds(e.throttledSeconds());
        }
        return Transport.retryAfter(r.header("Retry-After"), settings.clock.instant());
    }

    // ---- answers ----------------------------------------------------------------------------------------

    /** A non-2xx answer: its facts from AMO's body, what happened and what to do. */
    StoreException httpError(Transport.Response r, Failure.Request role, String what, boolean mayHaveReached) {
        boolean html = Http.isHtml(r.header("Content-Type"), r.body);
        AmoError e = html ? null : AmoError.parse(r.body);
        Failure f = Failure.of(r.status == 401 ? StoreException.Kind.AUTH : StoreException.Kind.HTTP, role)
                .answer(r.status, html).mayHaveReachedStore(mayHaveReached);
        StringBuilder m = new StringBuilder(WhatHappened.answered("AMO", r.status))
                .append(WhatHappened.afterAttempts(r.attempts)).append(" to the ").append(what);
        if (e != null) {
            f = f.store(e.code() != null ? e.code() : e.reason().name(), e.detail, e.errors());
            if (e.detail != null) {
                m.append(": ").append(e.detail.replaceAll("\\.+$", ""));
            }
            if (!e.errors().isEmpty()) {
                for (String err : e.errors()) {
                    m.append("\n  ").append(err);
                }
                m.append('\n');
            }
        } else if (html) {
            m.append(" with an HTML page, not the API's JSON");
        }
        String hint = hint(r, e, html, mayHaveReached);
        m.append(m.charAt(m.length() - 1) == '\n' ? "" : ". ").append(hint);
        return new StoreException(f, m.toString().trim());
    }

    private String hint(Transport.Response r, AmoError e, boolean html, boolean mayHaveReached) {
        if (mayHaveReached) {
            return ""; // the release words it, with the command that resumes
        }
        AmoError.Reason reason = e == null ? AmoError.Reason.OTHER : e.reason();
        if (r.status == 401) {
            switch (reason) {
                case CLOCK_AHEAD:
                    return FirefoxHints.clockAhead();
                case TOKEN_EXPIRED:
                    return FirefoxHints.clockBehind();
                case UNKNOWN_KEY:
                    return FirefoxHints.unknownKey(settings.credentialsSource);
                case BAD_SIGNATURE:
                    return FirefoxHints.badSignature(settings.credentialsSource);
                case ACCOUNT:
                    return FirefoxHints.account();
                default:
                    return FirefoxHints.otherUnauthorized(settings.credentialsSource);
            }
        }
        if (r.status == 429) {
            Duration wait = throttleWait(r);
            return wait == null ? FirefoxHints.serverTrouble() : FirefoxHints.throttled(wait);
        }
        if (r.status >= 500) {
            return FirefoxHints.serverTrouble();
        }
        if (html) {
            return FirefoxHints.notTheApi();
        }
        if (r.status == 415) {
            return FirefoxHints.unsupportedMediaType();
        }
        if (r.status == 403) {
            return FirefoxHints.notAuthor(settings.addonId);
        }
        if (r.status == 404) {
            return FirefoxHints.addonNotFound(settings.addonId);
        }
        if (e != null && e.names("license")) {
            return FirefoxHints.licenseRequired();
        }
        if (e != null && e.names("release_notes")) {
            return FirefoxHints.releaseNotesLocale();
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
                Http.isHtml(r.header("Content-Type"), r.body)), "AMO answered HTTP " + r.status
                + " with a body that is not a JSON object. " + FirefoxHints.notTheApi());
    }

    private static Upload upload(JsonObject o) {
        List<ValidationMessage> messages = new ArrayList<>();
        JsonObject v = o.has("validation") && o.get("validation").isJsonObject() ? o.getAsJsonObject("validation")
                : null;
        if (v != null && v.has("messages") && v.get("messages").isJsonArray()) {
            for (JsonElement e : v.getAsJsonArray("messages")) {
                if (e.isJsonObject()) {
                    JsonObject m = e.getAsJsonObject();
                    Long line = m.has("line") && m.get("line").isJsonPrimitive() ? Json.number(m, "line") : null;
                    messages.add(new ValidationMessage(String.valueOf(Json.string(m, "type")), text(m.get("message")),
                            Json.string(m, "file"), line == null ? null : line.intValue()));
                }
            }
        }
        return new Upload(Json.string(o, "uuid"), Json.bool(o, "processed"), Json.bool(o, "valid"), Json.string(o, "version"), messages);
    }

    private static Version version(JsonObject o) {
        JsonObject file = o.has("file") && o.get("file").isJsonObject() ? o.getAsJsonObject("file") : new JsonObject();
        return new Version(Json.number(o, "id"), Json.string(o, "version"), Json.string(o, "channel"), Json.string(file, "status"),
                Json.string(file, "url"), Json.string(file, "hash"), Json.string(o, "edit_url"),
                o.has("source") && !o.get("source").isJsonNull(),
                o.has("license") && !o.get("license").isJsonNull());
    }

    /** A message that may be a string or a list of strings. */
    private static String text(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "";
        }
        if (e.isJsonArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonElement p : e.getAsJsonArray()) {
                parts.add(p.isJsonPrimitive() ? p.getAsString() : p.toString());
            }
            return String.join(" ", parts);
        }
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }




    private void sleep(Duration d) throws StoreException {
        settings.sleeper.sleepOrFail(d, "for AMO");
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
