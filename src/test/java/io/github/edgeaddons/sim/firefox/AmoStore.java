package io.github.edgeaddons.sim.firefox;

import io.github.edgeaddons.sim.Answer;
import io.github.edgeaddons.sim.Fault;
import io.github.edgeaddons.sim.SimHttp;
import io.github.edgeaddons.sim.SimJson;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the simulated addons.mozilla.org API v5 answers, and its state: the JWT key it accepts (and the token
 * ids it has seen), the add-ons and their versions, the uploads being validated, and the settings a test or the
 * command line gives (validation polls, an invalid package, a missing license, review and signing polls,
 * throttling). It knows no HTTP server: {@link AmoSimulator} hands it a parsed request and writes the
 * {@link Answer}. Thread-safe (one lock). docs/FIREFOX-API.md lists the facts it encodes and its choices.
 */
public final class AmoStore {
    /** The leeway of AMO's time checks, in seconds. */
    public static final long LEEWAY_SECONDS = 5;
    /** The longest token lifetime AMO takes ({@code exp - iat}), in seconds. */
    public static final long MAX_LIFETIME_SECONDS = 300;
    /** The locales {@code release_notes} may be keyed by (a subset of AMO's). */
    public static final Set<String> LOCALES = Collections.unmodifiableSet(new HashSet<>(Arrays.asList("en-US", "en-GB",
            "de", "fr", "es-ES", "es-MX", "it", "ja", "ko", "nl", "pl", "pt-BR", "pt-PT", "ru", "sv-SE", "uk", "zh-CN",
            "zh-TW", "cs", "da", "fi", "nb-NO", "tr")));
    /** The license slugs the simulator knows (a subset of AMO's predefined licenses). */
    public static final Set<String> LICENSES = Collections.unmodifiableSet(new HashSet<>(Arrays.asList("MPL-2.0",
            "GPL-2.0-or-later", "GPL-3.0-or-later", "LGPL-2.1-or-later", "LGPL-3.0-or-later", "MIT", "Apache-2.0",
            "BSD-2-Clause", "all-rights-reserved")));
    public static final String LISTED = "listed";
    public static final String UNLISTED = "unlisted";
    /** {@code file.status} words. */
    public static final String UNREVIEWED = "unreviewed";
    public static final String PUBLIC = "public";
    public static final String DISABLED = "disabled";

    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();

    /** Where a request leads: the route and the ids in its path (decoded). */
    static final class Match {
        final FirefoxRoute route;
        final String addon;
        final String uuid;
        final String version;
        final String fileId;
        /** A known path asked with another method: 405. */
        final boolean wrongMethod;

        Match(FirefoxRoute route, String addon, String uuid, String version, String fileId, boolean wrongMethod) {
            this.route = route;
            this.addon = addon;
            this.uuid = uuid;
            this.version = version;
            this.fileId = fileId;
            this.wrongMethod = wrongMethod;
        }
    }

    /** One request as the store sees it. */
    static final class Request {
        final String method;
        final String path;
        final String query;
        final Match match;
        final Function<String, String> header;
        final byte[] body;

        Request(String method, String path, String query, Match match, Function<String, String> header, byte[] body) {
            this.method = method;
            this.path = path;
            this.query = query;
            this.match = match;
            this.header = header;
            this.body = body;
        }
    }

    /** One validator message: type ({@code error}, {@code warning}, {@code notice}), code, text, file, line. */
    public static final class Message {
        final String type;
        final String id;
        final String message;
        final String file;
        final Integer line;

        public Message(String type, String id, String message, String file, Integer line) {
            this.type = type;
            this.id = id;
            this.message = message;
            this.file = file;
            this.line = line;
        }

        /** An error message. */
        public static Message error(String id, String message, String file, Integer line) {
            return new Message("error", id, message, file, line);
        }

        String json() {
            return "{\"id\":[" + SimJson.quote(id) + "],\"type\":" + SimJson.quote(type) + ",\"message\":"
                    + SimJson.quote(message) + ",\"description\":[" + SimJson.quote(message) + "],\"file\":"
                    + SimJson.quote(file) + ",\"line\":" + line + ",\"column\":null,\"tier\":1}";
        }
    }

    /** The validator messages of {@link #invalidPackageOnNextUpload()}: two errors with files and lines. */
    public static final List<Message> DEFAULT_INVALID_MESSAGES = Collections.unmodifiableList(Arrays.asList(
            Message.error("DANGEROUS_EVAL", "eval can be harmful.", "background.js", 12),
            Message.error("MANIFEST_FIELD_UNSUPPORTED", "\"/update_url\" is not permitted.", "manifest.json", 14)));

    /** An upload the store took, as a test reads it back. */
    public static final class Upload {
        final String uuid;
        final String channel;
        final String fileName;
        final byte[] bytes;
        final List<Message> messages;
        final String version;
        final String guid;
        int pollsLeft;
        volatile boolean submitted;

        Upload(String uuid, String channel, String fileName, byte[] bytes, List<Message> messages, String version,
                String guid, int polls) {
            this.uuid = uuid;
            this.channel = channel;
            this.fileName = fileName;
            this.bytes = bytes;
            this.messages = messages;
            this.version = version;
            this.guid = guid;
            this.pollsLeft = polls;
        }

        public String uuid() {
            return uuid;
        }

        /** {@code listed} or {@code unlisted}, as sent. */
        public String channel() {
            return channel;
        }

        /** The file part's name (null: none given). */
        public String fileName() {
            return fileName;
        }

        /** The package's bytes (a copy). */
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The manifest's version and gecko id (null when the package has none). */
        public String version() {
            return version;
        }

        public String guid() {
            return guid;
        }

        /** Whether a version was created from it. */
        public boolean submitted() {
            return submitted;
        }

        boolean processed() {
            return pollsLeft <= 0;
        }

        boolean valid() {
            if (!processed()) {
                return false;
            }
            for (Message m : messages) {
                if ("error".equals(m.type)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A version of an add-on, as a test reads it back. */
    public static final class Version {
        final long id;
        final String number;
        final String channel;
        final long fileId;
        final Instant created;
        String approvalNotes;
        Map<String, Object> releaseNotes;
        String license;
        String compatibility;
        String sourceName;
        long sourceSize;
        String fileStatus;
        int pollsLeft;
        byte[] upload;

        Version(long id, String number, String channel, long fileId, Instant created) {
            this.id = id;
            this.number = number;
            this.channel = channel;
            this.fileId = fileId;
            this.created = created;
        }

        public long id() {
            return id;
        }

        public String number() {
            return number;
        }

        public String channel() {
            return channel;
        }

        public String approvalNotes() {
            return approvalNotes;
        }

        /** Locale to text. */
        public Map<String, Object> releaseNotes() {
            return releaseNotes == null ? null : Collections.unmodifiableMap(releaseNotes);
        }

        public String license() {
            return license;
        }

        /** The compatibility as answered (JSON), or null when none was sent. */
        public String compatibility() {
            return compatibility;
        }

        /** The sources archive's file name, or null. */
        public String sourceName() {
            return sourceName;
        }

        public long sourceSize() {
            return sourceSize;
        }

        public String fileStatus() {
            return fileStatus;
        }
    }

    private static final class Addon {
        final long id;
        final String guid;
        final String slug;
        final String name;
        final List<Version> versions = new ArrayList<>();
        boolean hasLicense;
        /** The key's user is one of its authors (else reads only). */
        boolean author = true;

        Addon(long id, String guid, String slug, String name) {
            this.id = id;
            this.guid = guid;
            this.slug = slug;
            this.name = name;
        }
    }

    private final Supplier<Clock> clock;
    private final Supplier<String> baseUrl;

    // state and settings, guarded by this
    private final List<Addon> addons = new ArrayList<>();
    private final Map<String, Upload> uploads = new LinkedHashMap<>();
    private final Set<String> seenJti = new HashSet<>();
    private boolean refuseReplayedJti;
    private int processingPolls;
    private List<Message> invalidNext;
    private int approvalPolls;
    private int signingPolls;
    private int throttleRequests;
    private long throttleSeconds;
    private boolean throttleRetryAfter;
    private long counter;

    AmoStore(Supplier<Clock> clock, Supplier<String> baseUrl) {
        this.clock = clock;
        this.baseUrl = baseUrl;
        restoreDefaults();
    }

    // ------------------------------------------------------------------ settings

    /**
     * Back to the defaults: the add-on {@link AmoSimulator#ADDON_GUID} (slug {@link AmoSimulator#ADDON_SLUG}, id
     * {@link AmoSimulator#ADDON_ID}) with a public listed version 1.0.0 under MPL-2.0, the add-on
     * {@link AmoSimulator#EMAIL_ADDON_GUID} with none, {@link AmoSimulator#FOREIGN_ADDON_GUID} of another user;
     * uploads validated after 2 polls; listed versions never
     * reviewed; unlisted ones signed after 1 poll; replayed token ids refused; no throttling.
     */
    public synchronized AmoStore restoreDefaults() {
        addons.clear();
        uploads.clear();
        seenJti.clear();
        counter = 100;
        Addon a = new Addon(AmoSimulator.ADDON_ID, AmoSimulator.ADDON_GUID, AmoSimulator.ADDON_SLUG, "Simulated Add-on");
        addons.add(a);
        addVersion(a, "1.0.0", LISTED, PUBLIC, "MPL-2.0");
        addons.add(new Addon(AmoSimulator.EMAIL_ADDON_ID, AmoSimulator.EMAIL_ADDON_GUID, AmoSimulator.EMAIL_ADDON_SLUG,
                "Simulated E-mail Add-on"));
        Addon foreign = new Addon(AmoSimulator.FOREIGN_ADDON_ID, AmoSimulator.FOREIGN_ADDON_GUID,
                AmoSimulator.FOREIGN_ADDON_SLUG, "Someone Else's Add-on");
        foreign.author = false;
        addons.add(foreign);
        addVersion(foreign, "3.0.0", LISTED, PUBLIC, "MIT");
        refuseReplayedJti = true;
        processingPolls = 2;
        invalidNext = null;
        approvalPolls = -1;
        signingPolls = 1;
        throttleRequests = 0;
        throttleSeconds = 0;
        throttleRetryAfter = true;
        return this;
    }

    private Version addVersion(Addon a, String number, String channel, String status, String license) {
        Version v = new Version(++counter, number, channel, ++counter, now());
        v.fileStatus = status;
        v.license = license;
        if (license != null) {
            a.hasLicense = true;
        }
        a.versions.add(v);
        return v;
    }

    /**
     * One more add-on of the key's user, e.g. with a project's own gecko id: {@code guid} a braced UUID or
     * e-mail-like, with a public listed version 1.0.0 under MPL-2.0 when {@code withVersion}, else none and no
     * license. Its numeric id is the next free one.
     */
    public synchronized AmoStore addAddon(String guid, String slug, boolean withVersion) {
        if (find(guid) != null || find(slug) != null) {
            throw new IllegalArgumentException("an add-on " + guid + " or " + slug + " exists already");
        }
        long id = AmoSimulator.ADDON_ID;
        for (Addon a : addons) {
            id = Math.max(id, a.id);
        }
        Addon a = new Addon(id + 1, guid, slug, slug);
        addons.add(a);
        if (withVersion) {
            addVersion(a, "1.0.0", LISTED, PUBLIC, "MPL-2.0");
        }
        return this;
    }

    /** The main add-on gets an existing version (status {@code public}, license MPL-2.0). */
    public synchronized AmoStore existingVersion(String number, String channel) {
        addVersion(main(), number, channel, PUBLIC, "MPL-2.0");
        return this;
    }

    /** The main add-on has no version and no license yet: a listed version must name one. */
    public synchronized AmoStore noLicense() {
        Addon a = main();
        a.versions.clear();
        a.hasLicense = false;
        return this;
    }

    /** Whether a token id seen before is refused (default true; AMO itself does not check it). */
    public synchronized AmoStore refuseReplayedJti(boolean value) {
        refuseReplayedJti = value;
        return this;
    }

    /** An upload answers {@code processed: false} to this many polls before its validation is done (default 2). */
    public synchronized AmoStore processingPolls(int n) {
        processingPolls = nonNegative(n);
        return this;
    }

    public synchronized int processingPolls() {
        return processingPolls;
    }

    /** The next upload fails validation with {@link #DEFAULT_INVALID_MESSAGES}. */
    public AmoStore invalidPackageOnNextUpload() {
        return invalidPackageOnNextUpload(DEFAULT_INVALID_MESSAGES);
    }

    /** The next upload fails validation with these messages (besides what the package's own checks find). */
    public synchronized AmoStore invalidPackageOnNextUpload(List<Message> messages) {
        invalidNext = new ArrayList<>(messages);
        return this;
    }

    /** A listed version's file becomes {@code public} after this many reads of it (default -1: never, a human review). */
    public synchronized AmoStore approvalPolls(int n) {
        approvalPolls = n;
        return this;
    }

    /** An unlisted version is signed ({@code public}) after this many reads of it (default 1). */
    public synchronized AmoStore signingPolls(int n) {
        signingPolls = nonNegative(n);
        return this;
    }

    public synchronized int signingPolls() {
        return signingPolls;
    }

    public synchronized int approvalPolls() {
        return approvalPolls;
    }

    /**
     * The next {@code requests} authenticated requests answer 429 "Expected available in {@code seconds}
     * seconds.", with {@code Retry-After} when {@code retryAfter}.
     */
    public synchronized AmoStore throttle(int requests, long seconds, boolean retryAfter) {
        throttleRequests = nonNegative(requests);
        throttleSeconds = seconds;
        throttleRetryAfter = retryAfter;
        return this;
    }

    /** The latest version's file becomes {@code public} (approved and signed). */
    public synchronized AmoStore approve() {
        latest().fileStatus = PUBLIC;
        return this;
    }

    /** The latest version's file becomes {@code disabled} (rejected). */
    public synchronized AmoStore reject() {
        latest().fileStatus = DISABLED;
        return this;
    }

    // ------------------------------------------------------------------ inspection

    /** The main add-on's versions, oldest first (snapshot). */
    public synchronized List<Version> versions() {
        return new ArrayList<>(main().versions);
    }

    /** The versions of the add-on with this guid. */
    public synchronized List<Version> versions(String guid) {
        for (Addon a : addons) {
            if (a.guid.equals(guid)) {
                return new ArrayList<>(a.versions);
            }
        }
        throw new IllegalArgumentException("no add-on " + guid);
    }

    /** The add-ons {@link #addAddon} added, as {@code guid (slug S, id N)}. */
    public synchronized List<String> addedAddons() {
        List<String> out = new ArrayList<>();
        for (Addon a : addons.subList(3, addons.size())) {
            out.add(a.guid + " (slug " + a.slug + ", id " + a.id + ")");
        }
        return out;
    }

    public synchronized boolean hasLicense() {
        return main().hasLicense;
    }

    /** The uploads taken, oldest first (snapshot). */
    public synchronized List<Upload> uploads() {
        return new ArrayList<>(uploads.values());
    }

    /** How many uploads were taken. */
    public synchronized int uploadsTaken() {
        return uploads.size();
    }

    private Addon main() {
        return addons.get(0);
    }

    private Version latest() {
        List<Version> vs = main().versions;
        if (vs.isEmpty()) {
            throw new IllegalStateException("the add-on has no version");
        }
        return vs.get(vs.size() - 1);
    }

    private Instant now() {
        return clock.get().instant();
    }

    private static int nonNegative(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("must be 0 or more: " + n);
        }
        return n;
    }

    // ------------------------------------------------------------------ routing

    static Match match(String method, String rawPath) {
        if (rawPath.startsWith("/firefox/downloads/file/")) {
            String[] s = rawPath.substring("/firefox/downloads/file/".length()).split("/", -1);
            boolean ok = s.length == 2 && s[0].matches("[0-9]+") && s[1].endsWith(".xpi");
            FirefoxRoute r = ok ? FirefoxRoute.DOWNLOAD : FirefoxRoute.UNKNOWN;
            return new Match(r, null, null, null, ok ? s[0] : null, ok && !"GET".equals(method));
        }
        String prefix = "/api/v5/";
        if (!rawPath.startsWith(prefix)) {
            return new Match(FirefoxRoute.UNKNOWN, null, null, null, null, false);
        }
        if (!rawPath.endsWith("/")) {
            return new Match(FirefoxRoute.NO_TRAILING_SLASH, null, null, null, null, false);
        }
        String[] s = rawPath.substring(prefix.length(), rawPath.length() - 1).split("/", -1);
        if (s.length >= 2 && "addons".equals(s[0]) && "upload".equals(s[1])) {
            if (s.length == 2) {
                FirefoxRoute r = "POST".equals(method) ? FirefoxRoute.UPLOAD : FirefoxRoute.UPLOAD_LIST;
                return new Match(r, null, null, null, null, !"POST".equals(method) && !"GET".equals(method));
            }
            if (s.length == 3) {
                return new Match(FirefoxRoute.UPLOAD_STATUS, null, decode(s[2]), null, null, !"GET".equals(method));
            }
        }
        if (s.length >= 3 && "addons".equals(s[0]) && "addon".equals(s[1]) && !s[2].isEmpty()) {
            String addon = decode(s[2]);
            if (s.length == 3) {
                return new Match(FirefoxRoute.ADDON, addon, null, null, null, !"GET".equals(method));
            }
            if (s.length == 4 && "versions".equals(s[3])) {
                return new Match(FirefoxRoute.CREATE_VERSION, addon, null, null, null, !"POST".equals(method));
            }
            if (s.length == 5 && "versions".equals(s[3]) && !s[4].isEmpty()) {
                boolean patch = "PATCH".equals(method);
                return new Match(patch ? FirefoxRoute.PATCH_VERSION : FirefoxRoute.VERSION, addon, null, decode(s[4]),
                        null, !patch && !"GET".equals(method));
            }
        }
        return new Match(FirefoxRoute.UNKNOWN, null, null, null, null, false);
    }

    /** A path segment's percent-decoding ({@code %7B} is {@code {}, a {@code +} stays). */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    // ------------------------------------------------------------------ answers

    Answer answer(Request r) {
        Match m = r.match;
        if (m.route == FirefoxRoute.NO_TRAILING_SLASH) {
            // Django's APPEND_SLASH: a redirect that a client replays as a GET, a POST's body lost
            return Answer.empty(301).header("Location", baseUrl.get() + r.path + "/"
                    + (r.query == null ? "" : "?" + r.query));
        }
        if (m.route == FirefoxRoute.UNKNOWN) {
            return r.path.startsWith("/api/") ? AmoErrors.detail(404, AmoErrors.NOT_FOUND) : AmoErrors.html404();
        }
        synchronized (this) {
            Answer denied = authenticate(r.header.apply("Authorization"), true);
            if (denied != null) {
                return denied;
            }
            if (m.wrongMethod) {
                return AmoErrors.detail(405, "Method \"" + r.method + "\" not allowed.");
            }
            if (throttleRequests > 0) {
                throttleRequests--;
                Answer a = AmoErrors.detail(429, AmoErrors.throttledText(throttleSeconds));
                return throttleRetryAfter ? a.header("Retry-After", String.valueOf(throttleSeconds)) : a;
            }
            switch (m.route) {
                case UPLOAD:
                    return upload(r);
                case UPLOAD_LIST:
                    return uploadList();
                case UPLOAD_STATUS:
                    return uploadStatus(m.uuid);
                case DOWNLOAD:
                    return download(m.fileId);
                default:
                    break;
            }
            Addon a = find(m.addon);
            if (a == null) {
                return AmoErrors.detail(404, AmoErrors.NOT_FOUND);
            }
            if (!a.author && m.route != FirefoxRoute.ADDON) {
                return AmoErrors.detail(403, AmoErrors.NOT_AUTHOR);
            }
            switch (m.route) {
                case ADDON:
                    return Answer.json(200, addonJson(a));
                case CREATE_VERSION:
                    return createVersion(r, a);
                case VERSION:
                    return readVersion(a, m.version);
                case PATCH_VERSION:
                    return patchVersion(r, a, m.version);
                default:
                    throw new IllegalStateException(m.route.name());
            }
        }
    }

    /** Whether the request's JWT is good (for the record), without taking its token id. */
    synchronized boolean isAuthorized(Function<String, String> header) {
        return authenticate(header.apply("Authorization"), false) == null;
    }

    /** Null when the {@code Authorization} value is a good JWT (its {@code jti} then taken when {@code take}). */
    private Answer authenticate(String auth, boolean take) {
        if (auth == null || !auth.regionMatches(true, 0, "JWT", 0, 3)
                || (auth.length() > 3 && auth.charAt(3) != ' ')) {
            return AmoErrors.detail(401, AmoErrors.NOT_PROVIDED);
        }
        String token = auth.substring(3).trim();
        if (token.isEmpty()) {
            return AmoErrors.detail(401, AmoErrors.NO_CREDENTIALS);
        }
        if (token.contains(" ")) {
            return AmoErrors.detail(401, AmoErrors.SPACES);
        }
        String[] parts = token.split("\\.", -1);
        Map<String, Object> header;
        Map<String, Object> claims;
        try {
            if (parts.length != 3) {
                throw new IllegalArgumentException("not three parts");
            }
            header = SimJson.parseObject(new String(B64URL.decode(parts[0]), StandardCharsets.UTF_8));
            claims = SimJson.parseObject(new String(B64URL.decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return AmoErrors.detail(401, AmoErrors.DECODING);
        }
        Object iss = claims.get("iss");
        if (iss == null) {
            return AmoErrors.detail(401, AmoErrors.UNKNOWN_ISSUER);
        }
        if (!AmoSimulator.JWT_ISSUER.equals(iss)) {
            return AmoErrors.detail(401, AmoErrors.INVALID_API_KEY);
        }
        if (!"HS256".equals(header.get("alg"))) {
            return AmoErrors.detail(401, AmoErrors.INVALID_TOKEN);
        }
        if (!signatureMatches(parts)) {
            return AmoErrors.detail(401, AmoErrors.DECODING);
        }
        if (!(claims.get("exp") instanceof Number) || !(claims.get("iat") instanceof Number)
                || claims.containsKey("orig_iat")) {
            return AmoErrors.detail(401, AmoErrors.INVALID_TOKEN);
        }
        long iat = ((Number) claims.get("iat")).longValue();
        long exp = ((Number) claims.get("exp")).longValue();
        long now = now().getEpochSecond();
        if (iat > now + LEEWAY_SECONDS) {
            return AmoErrors.detail(401, AmoErrors.IAT_INVALID);
        }
        if (now > exp + LEEWAY_SECONDS) {
            return AmoErrors.detail(401, AmoErrors.EXPIRED);
        }
        if (exp - iat > MAX_LIFETIME_SECONDS) {
            return AmoErrors.detail(401, AmoErrors.TOO_LONG);
        }
        Object jti = claims.get("jti");
        if (refuseReplayedJti && jti != null && seenJti.contains(String.valueOf(jti))) {
            return AmoErrors.detail(401, AmoErrors.INVALID_TOKEN);
        }
        if (take && jti != null) {
            seenJti.add(String.valueOf(jti));
        }
        return null;
    }

    private static boolean signatureMatches(String[] parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(AmoSimulator.JWT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return MessageDigest.isEqual(expected, B64URL.decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private Addon find(String id) {
        for (Addon a : addons) {
            if (a.guid.equals(id) || a.slug.equals(id) || String.valueOf(a.id).equals(id)) {
                return a;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ uploads

    private Answer upload(Request r) {
        Map<String, Part> form;
        String ct = r.header.apply("Content-Type");
        String type = ct == null ? "" : ct.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if ("multipart/form-data".equals(type)) {
            form = Part.parse(r.body, ct);
            if (form == null) {
                return AmoErrors.detail(400, "Multipart form parse error - Invalid boundary in multipart: None");
            }
        } else if (type.isEmpty() || "application/json".equals(type) || "application/x-www-form-urlencoded".equals(type)) {
            form = Collections.emptyMap(); // parsed, but a file travels in multipart only
        } else {
            return AmoErrors.unsupportedMediaType(ct);
        }
        Part file = form.get("upload");
        if (file == null || (file.fileName == null && file.bytes.length == 0)) {
            return AmoErrors.bare(AmoErrors.MISSING_UPLOAD);
        }
        Part channelPart = form.get("channel");
        if (channelPart == null) {
            return AmoErrors.bare(AmoErrors.MISSING_CHANNEL);
        }
        String channel = channelPart.text();
        if (!LISTED.equals(channel) && !UNLISTED.equals(channel)) {
            return AmoErrors.bare("Invalid \"channel\" arg.");
        }
        List<Message> messages = new ArrayList<>();
        String[] read = new String[2];
        String name = file.fileName == null ? "" : file.fileName.toLowerCase(Locale.ROOT);
        if (!name.endsWith(".zip") && !name.endsWith(".xpi") && !name.endsWith(".crx")) {
            messages.add(Message.error("UNSUPPORTED_FILE_TYPE", AmoErrors.UNSUPPORTED_FILE_TYPE, null, null));
        } else {
            check(file.bytes, messages, read);
        }
        if (invalidNext != null) {
            messages.addAll(invalidNext);
            invalidNext = null;
        }
        String uuid = UUID.randomUUID().toString().replace("-", "");
        Upload u = new Upload(uuid, channel, file.fileName, file.bytes, messages, read[0], read[1], processingPolls);
        uploads.put(uuid, u);
        return Answer.json(201, uploadJson(u));
    }

    private Answer uploadList() {
        StringBuilder b = new StringBuilder("{\"count\":").append(uploads.size())
                .append(",\"next\":null,\"previous\":null,\"results\":[");
        int i = 0;
        for (Upload u : uploads.values()) {
            b.append(i++ > 0 ? "," : "").append(uploadJson(u));
        }
        return Answer.json(200, b.append("]}").toString());
    }

    private Answer uploadStatus(String uuid) {
        Upload u = uploads.get(uuid);
        if (u == null) {
            return AmoErrors.detail(404, AmoErrors.NOT_FOUND);
        }
        String json = uploadJson(u);
        if (u.pollsLeft > 0) {
            u.pollsLeft--;
        }
        return Answer.json(200, json);
    }

    private String uploadJson(Upload u) {
        StringBuilder b = new StringBuilder("{\"uuid\":").append(SimJson.quote(u.uuid))
                .append(",\"channel\":").append(SimJson.quote(u.channel))
                .append(",\"processed\":").append(u.processed())
                .append(",\"submitted\":").append(u.submitted)
                .append(",\"url\":").append(SimJson.quote(baseUrl.get() + "/api/v5/addons/upload/" + u.uuid + "/"))
                .append(",\"valid\":").append(u.valid())
                .append(",\"version\":").append(SimJson.quote(u.processed() ? u.version : null))
                .append(",\"validation\":");
        if (!u.processed()) {
            return b.append("null}").toString();
        }
        int errors = 0;
        int warnings = 0;
        int notices = 0;
        StringBuilder ms = new StringBuilder();
        for (Message m : u.messages) {
            errors += "error".equals(m.type) ? 1 : 0;
            warnings += "warning".equals(m.type) ? 1 : 0;
            notices += "notice".equals(m.type) ? 1 : 0;
            ms.append(ms.length() > 0 ? "," : "").append(m.json());
        }
        return b.append("{\"errors\":").append(errors).append(",\"warnings\":").append(warnings)
                .append(",\"notices\":").append(notices).append(",\"success\":").append(errors == 0)
                .append(",\"compatibility_summary\":{\"errors\":0,\"warnings\":0,\"notices\":0},\"metadata\":{}")
                .append(",\"messages\":[").append(ms).append("],\"message_tree\":{},\"ending_tier\":5}}").toString();
    }

    /** The validator's checks the simulator makes on a package; puts its version and gecko id into {@code read}. */
    private static void check(byte[] zip, List<Message> out, String[] read) {
        byte[] manifest = null;
        boolean any = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                any = true;
                if ("manifest.json".equals(e.getName())) {
                    manifest = in.readAllBytes();
                }
            }
        } catch (IOException | IllegalArgumentException ex) {
            any = false;
        }
        if (!any) {
            out.add(Message.error("BAD_ZIPFILE", "Corrupt ZIP file", null, null));
            return;
        }
        if (manifest == null) {
            out.add(Message.error("TYPE_NO_MANIFEST_JSON", "manifest.json was not found", null, null));
            return;
        }
        Map<String, Object> m;
        try {
            String text = new String(manifest, StandardCharsets.UTF_8);
            m = SimJson.parseObject(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (IllegalArgumentException ex) {
            out.add(Message.error("JSON_INVALID", "Your JSON is not valid.", "manifest.json", null));
            return;
        }
        Object version = m.get("version");
        if (version instanceof String) {
            read[0] = (String) version;
        } else {
            out.add(Message.error("MANIFEST_FIELD_REQUIRED", "\"/version\" is a required property", "manifest.json",
                    null));
        }
        read[1] = geckoId(m);
        boolean mv3 = m.get("manifest_version") instanceof Number && ((Number) m.get("manifest_version")).intValue() >= 3;
        if (mv3 && read[1] == null) {
            out.add(Message.error("EXTENSION_ID_REQUIRED",
                    "The extension ID is required in Manifest Version 3 and above.", "manifest.json", null));
        }
        Object bg = m.get("background");
        if (mv3 && bg instanceof Map && ((Map<?, ?>) bg).containsKey("service_worker")
                && !((Map<?, ?>) bg).containsKey("scripts")) {
            out.add(Message.error("BACKGROUND_SERVICE_WORKER_IGNORED",
                    "\"/background/service_worker\" is not supported.", "manifest.json", null));
        }
        if (m.containsKey("update_url")) {
            out.add(Message.error("MANIFEST_UPDATE_URL", "\"/update_url\" is not permitted.", "manifest.json", null));
        }
    }

    private static String geckoId(Map<String, Object> m) {
        for (String key : new String[] {"browser_specific_settings", "applications"}) {
            Object o = m.get(key);
            if (o instanceof Map && ((Map<?, ?>) o).get("gecko") instanceof Map) {
                Object id = ((Map<?, ?>) ((Map<?, ?>) o).get("gecko")).get("id");
                if (id instanceof String) {
                    return (String) id;
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ versions

    /** The fields of a version request: JSON values, or multipart texts and the {@code source} file. */
    private static final class Fields {
        final Map<String, Object> values = new LinkedHashMap<>();
        Part source;
        boolean multipart;
    }

    /** The request's fields, or the answer refusing them. */
    private static Object fields(Request r) {
        String ct = r.header.apply("Content-Type");
        String type = ct == null ? "" : ct.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        Fields f = new Fields();
        if ("application/json".equals(type)) {
            try {
                f.values.putAll(SimJson.parseObject(new String(r.body == null ? new byte[0] : r.body,
                        StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                return AmoErrors.detail(400, "JSON parse error - Expecting value: line 1 column 1 (char 0)");
            }
            return f;
        }
        if ("multipart/form-data".equals(type)) {
            Map<String, Part> parts = Part.parse(r.body, ct);
            if (parts == null) {
                return AmoErrors.detail(400, "Multipart form parse error - Invalid boundary in multipart: None");
            }
            f.multipart = true;
            for (Part p : parts.values()) {
                if ("source".equals(p.name) && p.fileName != null) {
                    f.source = p;
                } else {
                    f.values.put(p.name, p.text());
                }
            }
            return f;
        }
        return AmoErrors.unsupportedMediaType(ct == null ? "" : ct);
    }

    private Answer createVersion(Request r, Addon a) {
        Object parsed = fields(r);
        if (parsed instanceof Answer) {
            return (Answer) parsed;
        }
        Fields f = (Fields) parsed;
        Object uuid = f.values.get("upload");
        if (uuid == null || "".equals(uuid)) {
            return AmoErrors.field("upload", AmoErrors.REQUIRED);
        }
        Upload u = uploads.get(String.valueOf(uuid));
        if (u == null) {
            return AmoErrors.field("upload", "Object with uuid=" + uuid + " does not exist.");
        }
        if (!u.valid() || u.submitted) {
            return AmoErrors.field("upload", AmoErrors.UPLOAD_NOT_VALID);
        }
        Answer bad = checkFields(f);
        if (bad != null) {
            return bad;
        }
        if (u.guid != null && !u.guid.equals(a.guid)) {
            return AmoErrors.bare(AmoErrors.guidMismatch(u.guid, a.guid));
        }
        for (Version v : a.versions) {
            if (v.number.equals(u.version)) {
                return AmoErrors.field("version", AmoErrors.versionExists(u.version));
            }
        }
        boolean licensed = f.values.get("license") != null || f.values.get("custom_license") != null;
        if (LISTED.equals(u.channel) && !a.hasLicense && !licensed) {
            return AmoErrors.field("license", AmoErrors.LICENSE_REQUIRED);
        }
        Version v = addVersion(a, u.version, u.channel, UNREVIEWED, null);
        v.upload = u.bytes;
        v.pollsLeft = UNLISTED.equals(u.channel) ? signingPolls : approvalPolls;
        if (v.pollsLeft == 0) {
            v.fileStatus = PUBLIC;
        }
        apply(f, a, v);
        if (v.license == null) {
            v.license = previousLicense(a, v);
        }
        u.submitted = true;
        return Answer.json(201, versionJson(a, v));
    }

    private static String previousLicense(Addon a, Version v) {
        for (int i = a.versions.size() - 1; i >= 0; i--) {
            Version p = a.versions.get(i);
            if (p != v && p.license != null) {
                return p.license;
            }
        }
        return null;
    }

    /** The field errors of the optional fields, or null. */
    private static Answer checkFields(Fields f) {
        Object source = f.values.get("source");
        if (source != null && !"".equals(source)) {
            return AmoErrors.field("source", AmoErrors.NOT_A_FILE);
        }
        Object license = f.values.get("license");
        if (license != null && !LICENSES.contains(String.valueOf(license))) {
            return AmoErrors.field("license", "License with slug=" + license + " does not exist.");
        }
        Object notes = f.values.get("release_notes");
        if (notes != null) {
            if (!(notes instanceof Map)) {
                return AmoErrors.field("release_notes", "Expected a dictionary of items but got type \""
                        + (notes instanceof String ? "str" : "list") + "\".");
            }
            for (Object k : ((Map<?, ?>) notes).keySet()) {
                if (!LOCALES.contains(String.valueOf(k))) {
                    return AmoErrors.field("release_notes", "The language code \"" + k + "\" is invalid.");
                }
            }
        }
        Object compat = f.values.get("compatibility");
        if (compat != null) {
            Set<String> apps = new HashSet<>();
            if (compat instanceof List) {
                for (Object o : (List<?>) compat) {
                    apps.add(String.valueOf(o));
                }
            } else if (compat instanceof Map) {
                for (Object o : ((Map<?, ?>) compat).keySet()) {
                    apps.add(String.valueOf(o));
                }
            } else {
                return AmoErrors.field("compatibility", "Invalid value");
            }
            apps.removeAll(Arrays.asList("firefox", "android"));
            if (!apps.isEmpty()) {
                return AmoErrors.field("compatibility", "Invalid app specified");
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static void apply(Fields f, Addon a, Version v) {
        if (f.values.containsKey("approval_notes")) {
            Object n = f.values.get("approval_notes");
            v.approvalNotes = n == null ? null : String.valueOf(n);
        }
        if (f.values.get("release_notes") instanceof Map) {
            v.releaseNotes = new LinkedHashMap<>((Map<String, Object>) f.values.get("release_notes"));
        }
        if (f.values.get("license") != null) {
            v.license = String.valueOf(f.values.get("license"));
            a.hasLicense = true;
        } else if (f.values.get("custom_license") != null) {
            v.license = "custom";
            a.hasLicense = true;
        }
        Object compat = f.values.get("compatibility");
        if (compat != null) {
            StringBuilder b = new StringBuilder("{");
            Iterable<?> apps = compat instanceof List ? (List<?>) compat : ((Map<?, ?>) compat).keySet();
            for (Object app : apps) {
                Object range = compat instanceof Map ? ((Map<?, ?>) compat).get(app) : null;
                Object min = range instanceof Map ? ((Map<?, ?>) range).get("min") : null;
                Object max = range instanceof Map ? ((Map<?, ?>) range).get("max") : null;
                b.append(b.length() > 1 ? "," : "").append(SimJson.quote(String.valueOf(app))).append(":{\"min\":")
                        .append(SimJson.quote(min == null ? "42.0" : String.valueOf(min))).append(",\"max\":")
                        .append(SimJson.quote(max == null ? "*" : String.valueOf(max))).append('}');
            }
            v.compatibility = b.append('}').toString();
        }
        if (f.source != null) {
            v.sourceName = f.source.fileName;
            v.sourceSize = f.source.bytes.length;
        }
    }

    private Version findVersion(Addon a, String key) {
        for (Version v : a.versions) {
            if (key.matches("[0-9]+") ? String.valueOf(v.id).equals(key)
                    : key.startsWith("v") && v.number.equals(key.substring(1))) {
                return v;
            }
        }
        return null;
    }

    private Answer readVersion(Addon a, String key) {
        Version v = findVersion(a, key);
        if (v == null) {
            return AmoErrors.detail(404, AmoErrors.NOT_FOUND);
        }
        String json = versionJson(a, v);
        if (UNREVIEWED.equals(v.fileStatus) && v.pollsLeft > 0 && --v.pollsLeft == 0) {
            v.fileStatus = PUBLIC; // answered unreviewed this time, public from the next read
        }
        return Answer.json(200, json);
    }

    private Answer patchVersion(Request r, Addon a, String key) {
        Version v = findVersion(a, key);
        if (v == null) {
            return AmoErrors.detail(404, AmoErrors.NOT_FOUND);
        }
        Object parsed = fields(r);
        if (parsed instanceof Answer) {
            return (Answer) parsed;
        }
        Fields f = (Fields) parsed;
        if (f.values.containsKey("upload")) {
            return AmoErrors.field("upload", "This field can only be set when creating a version.");
        }
        Answer bad = checkFields(f);
        if (bad != null) {
            return bad;
        }
        apply(f, a, v);
        return Answer.json(200, versionJson(a, v));
    }

    private String fileUrl(Addon a, Version v) {
        return baseUrl.get() + "/firefox/downloads/file/" + v.fileId + "/" + a.slug.replace('-', '_') + "-" + v.number
                + ".xpi";
    }

    private String versionJson(Addon a, Version v) {
        StringBuilder notes = new StringBuilder();
        if (v.releaseNotes != null) {
            for (Map.Entry<String, Object> e : v.releaseNotes.entrySet()) {
                notes.append(notes.length() > 0 ? "," : "").append(SimJson.quote(e.getKey())).append(':')
                        .append(SimJson.quote(String.valueOf(e.getValue())));
            }
        }
        byte[] signed = PUBLIC.equals(v.fileStatus) ? signedXpi(v) : null;
        return "{\"id\":" + v.id + ",\"version\":" + SimJson.quote(v.number) + ",\"channel\":"
                + SimJson.quote(v.channel) + ",\"edit_url\":" + SimJson.quote(baseUrl.get()
                        + "/en-US/developers/addon/" + a.slug + "/versions/" + v.id)
                + ",\"approval_notes\":" + SimJson.quote(v.approvalNotes)
                + ",\"release_notes\":" + (v.releaseNotes == null ? "null" : "{" + notes + "}")
                + ",\"license\":" + (v.license == null ? "null" : "{\"slug\":" + SimJson.quote(v.license)
                        + ",\"is_custom\":" + "custom".equals(v.license) + "}")
                + ",\"compatibility\":" + (v.compatibility == null ? "{\"firefox\":{\"min\":\"42.0\",\"max\":\"*\"}}"
                        : v.compatibility)
                + ",\"is_disabled\":false,\"source\":" + (v.sourceName == null ? "null"
                        : SimJson.quote(baseUrl.get() + "/api/v5/addons/addon/" + a.slug + "/versions/" + v.id
                                + "/source/" + v.sourceName))
                + ",\"file\":{\"id\":" + v.fileId + ",\"created\":" + SimJson.quote(v.created.toString())
                + ",\"status\":" + SimJson.quote(v.fileStatus) + ",\"url\":" + SimJson.quote(fileUrl(a, v))
                + ",\"hash\":" + (signed == null ? "\"\"" : SimJson.quote("sha256:" + sha256(signed)))
                + ",\"size\":" + (signed == null ? 0 : signed.length)
                + ",\"permissions\":[],\"optional_permissions\":[],\"host_permissions\":[]"
                + ",\"data_collection_permissions\":[]}}";
    }

    private String addonJson(Addon a) {
        Version current = null;
        for (Version v : a.versions) {
            if (LISTED.equals(v.channel) && PUBLIC.equals(v.fileStatus)) {
                current = v;
            }
        }
        String status = current != null ? "public" : a.versions.isEmpty() ? "incomplete" : "nominated";
        return "{\"id\":" + a.id + ",\"guid\":" + SimJson.quote(a.guid) + ",\"slug\":" + SimJson.quote(a.slug)
                + ",\"name\":{\"en-US\":" + SimJson.quote(a.name) + "},\"default_locale\":\"en-US\",\"status\":"
                + SimJson.quote(status) + ",\"type\":\"extension\",\"url\":" + SimJson.quote(baseUrl.get()
                        + "/en-US/firefox/addon/" + a.slug + "/")
                + ",\"edit_url\":" + SimJson.quote(baseUrl.get() + "/en-US/developers/addon/" + a.slug + "/edit")
                + ",\"current_version\":" + (current == null ? "null" : versionJson(a, current)) + "}";
    }

    private Answer download(String fileId) {
        for (Addon a : addons) {
            for (Version v : a.versions) {
                if (String.valueOf(v.fileId).equals(fileId) && PUBLIC.equals(v.fileStatus)) {
                    return Answer.bytes(200, "application/x-xpinstall", signedXpi(v));
                }
            }
        }
        return AmoErrors.html404();
    }

    /**
     * The signed file: the uploaded package's entries (or a bare manifest for a version the store started with)
     * and the signature files Mozilla adds, at a fixed time so that every download is the same bytes.
     */
    static byte[] signedXpi(Version v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            boolean copied = false;
            if (v.upload != null) {
                try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(v.upload))) {
                    ZipEntry e;
                    while ((e = in.getNextEntry()) != null) {
                        if (!e.isDirectory() && !e.getName().startsWith("META-INF/")) {
                            put(zip, e.getName(), in.readAllBytes());
                            copied = true;
                        }
                    }
                }
            }
            if (!copied) {
                put(zip, "manifest.json", ("{\"manifest_version\":2,\"name\":\"Simulated Add-on\",\"version\":"
                        + SimJson.quote(v.number) + "}").getBytes(StandardCharsets.UTF_8));
            }
            put(zip, "META-INF/cose.manifest", "Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            put(zip, "META-INF/cose.sig", ("simulated COSE signature of file " + v.fileId).getBytes(StandardCharsets.UTF_8));
            put(zip, "META-INF/manifest.mf", "Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            put(zip, "META-INF/mozilla.sf", "Signature-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            put(zip, "META-INF/mozilla.rsa", ("simulated PKCS#7 signature of file " + v.fileId)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(1_700_000_000_000L);
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static String sha256(byte[] b) {
        try {
            return SimHttp.hex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ faults

    Answer faultAnswer(Fault fault, Match m) {
        String head = m.route == FirefoxRoute.UPLOAD || m.route == FirefoxRoute.UPLOAD_STATUS
                ? "{\"uuid\":" + SimJson.quote(m.uuid == null ? "0" : m.uuid) : "{\"id\":1";
        String field = m.route == FirefoxRoute.UPLOAD || m.route == FirefoxRoute.UPLOAD_STATUS ? "processed" : "status";
        switch (fault.kind()) {
            case STATUS:
            case CLOSE_CONNECTION:
                return Answer.of(fault);
            case MALFORMED_BODY:
                return Answer.json(200, head + ",\"" + field + "\": ");
            case EMPTY_BODY:
                return Answer.json(200, "");
            case NO_STATUS_FIELD:
                return Answer.json(200, head + "}");
            case UNKNOWN_STATUS:
                return Answer.json(200, head + ",\"" + field + "\":" + SimJson.quote(fault.word()) + "}");
            case OVERSIZED_BODY:
                StringBuilder big = new StringBuilder(fault.size()).append(head).append(",\"padding\":\"");
                while (big.length() < fault.size() - 2) {
                    big.append('x');
                }
                return Answer.json(200, big.append("\"}").toString());
            default:
                throw new IllegalStateException("no answer of its own for " + fault);
        }
    }
}
