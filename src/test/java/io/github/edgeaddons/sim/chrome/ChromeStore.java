package io.github.edgeaddons.sim.chrome;

import io.github.edgeaddons.sim.Answer;
import io.github.edgeaddons.sim.Fault;
import io.github.edgeaddons.sim.SimJson;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What the simulated Chrome Web Store (API v2) and Google's OAuth token endpoint answer, and their state:
 * credentials, issued tokens, the items (published and submitted revisions, the draft, an upload being
 * processed, policy flags) and the settings a test or the command line gives (processing polls, an invalid
 * package on the next upload, token lifetime, review verdicts, publish warnings...). It knows no HTTP server:
 * {@link ChromeWebStoreSimulator} hands it a parsed request and writes the {@link Answer}. Thread-safe
 * (one lock). docs/CHROME-API.md lists the facts it encodes and which of them are unverified.
 */
public final class ChromeStore {
    /** The upload state words. */
    public static final String IN_PROGRESS = "IN_PROGRESS";
    /** The spelling of the reference's prose, answered instead with {@link #inProgressWord(String)}. */
    public static final String UPLOAD_IN_PROGRESS = "UPLOAD_IN_PROGRESS";
    /** Default description of {@link #invalidPackageOnNextUpload()}: HTML and a newline, as the live store writes it. */
    public static final String INVALID_VERSION_DESCRIPTION = "The manifest has an invalid version: 0.0.0. Please format"
            + " the version as defined \n <a href=\"https://developer.chrome.com/docs/extensions/reference/manifest/version\">"
            + " here</a>.";
    /** The reason of {@link #INVALID_VERSION_DESCRIPTION}. */
    public static final String PKG_MANIFEST_PARSE_ERROR = "PKG_MANIFEST_PARSE_ERROR";
    public static final String PKG_INVALID_VERSION_NUMBER = "PKG_INVALID_VERSION_NUMBER";
    public static final String PKG_INVALID_ZIP = "PKG_INVALID_ZIP";
    public static final String SHORT_LIVED_JWT = "Invalid JWT: Token must be a short-lived token (60 minutes) and in a"
            + " reasonable timeframe. Check your iat and exp values in the JWT claim.";

    private static final String PUBLIC_KEY = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsimulatedpublickeyAQAB";
    private static final Pattern P_API =
            Pattern.compile("/v2/publishers/([^/]+)/items/([^/:]+):([A-Za-z]+)");
    private static final Pattern P_UPLOAD = Pattern.compile("/upload/v2/publishers/([^/]+)/items/([^/:]+):upload");
    private static final Pattern VERSION = Pattern.compile("(0|[1-9][0-9]{0,4})(\\.(0|[1-9][0-9]{0,4})){0,3}");
    private static final Duration SKEW = Duration.ofMinutes(5);

    /** Where a request leads: the route and the ids in its path. */
    static final class Match {
        final ChromeRoute route;
        final String publisherId;
        final String itemId;

        Match(ChromeRoute route, String publisherId, String itemId) {
            this.route = route;
            this.publisherId = publisherId;
            this.itemId = itemId;
        }
    }

    /** One request as the store sees it. */
    static final class Request {
        final String method;
        final String path;
        final Match match;
        final Function<String, String> header;
        final long bodySize;
        /** The body's bytes (up to the server's limit), else null. */
        final byte[] body;

        Request(String method, String path, Match match, Function<String, String> header, long bodySize, byte[] body) {
            this.method = method;
            this.path = path;
            this.match = match;
            this.header = header;
            this.bodySize = bodySize;
            this.body = body;
        }

        String text() {
            return body == null ? null : new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A revision of an item: its state, version and rollout. */
    public static final class Revision {
        private final String state;
        private final String crxVersion;
        private final int deployPercentage;
        private final boolean staged;

        Revision(String state, String crxVersion, int deployPercentage, boolean staged) {
            this.state = state;
            this.crxVersion = crxVersion;
            this.deployPercentage = deployPercentage;
            this.staged = staged;
        }

        public String state() {
            return state;
        }

        public String crxVersion() {
            return crxVersion;
        }

        public int deployPercentage() {
            return deployPercentage;
        }

        /** Submitted with {@code STAGED_PUBLISH}: approval leaves it {@code STAGED}. */
        public boolean staged() {
            return staged;
        }

        Revision state(String s) {
            return new Revision(s, crxVersion, deployPercentage, staged);
        }

        @Override
        public String toString() {
            return state + " " + crxVersion + " at " + deployPercentage + "%";
        }
    }

    private static final class Item {
        Revision published;
        Revision submitted;
        /** The version of the last package taken (the draft), null when none since the start. */
        String draftVersion;
        /** An upload being processed: its version, the fetchStatus polls left, whether it ends FAILED. */
        String processingVersion;
        int processingPolls;
        boolean processingFails;
        String lastAsyncUploadState;
        boolean takenDown;
        boolean warned;
        int reviewPollsLeft = -1;
    }

    private static final class Token {
        final Instant expiresAt;
        final Set<String> scopes;
        /** Issued to the service account (by an assertion). */
        final boolean serviceAccount;

        Token(Instant expiresAt, Set<String> scopes, boolean serviceAccount) {
            this.expiresAt = expiresAt;
            this.scopes = scopes;
            this.serviceAccount = serviceAccount;
        }
    }

    private final Supplier<Clock> clock;
    private final Supplier<String> tokenUrl;
    private final ServiceAccount serviceAccount = ServiceAccount.generate();

    // state and settings, guarded by this
    private final Map<String, Item> items = new LinkedHashMap<>();
    private final Map<String, Token> tokens = new HashMap<>();
    private final List<String> grants = new ArrayList<>();
    private String publisherId;
    private int processingPolls;
    private boolean asyncUploadFails;
    private String inProgressWord;
    private Duration tokenLifetime;
    private int reviewPolls;
    private boolean reviewRequired;
    private boolean rolloutAllowed;
    private boolean serviceAccountLinked;
    private final List<Map.Entry<String, String>> publishWarnings = new ArrayList<>();
    private Map.Entry<String, String> invalidPackageNext;
    private int packagesTaken;
    private long tokenCounter;

    ChromeStore(Supplier<Clock> clock, Supplier<String> tokenUrl) {
        this.clock = clock;
        this.tokenUrl = tokenUrl;
        restoreDefaults();
    }

    // ------------------------------------------------------------------ settings (fluent, for tests and the CLI)

    /**
     * Every setting and all state back to the start: one item {@link ChromeWebStoreSimulator#ITEM_ID} of publisher
     * {@link ChromeWebStoreSimulator#PUBLISHER_ID}, published {@code 1.0.0} at 100%, nothing submitted; uploads
     * processed at once; tokens live 3599 s; reviews wait for {@link #approve()}; no warnings; tokens dropped.
     * The service account's key pair stays.
     */
    public synchronized ChromeStore restoreDefaults() {
        items.clear();
        tokens.clear();
        grants.clear();
        publisherId = ChromeWebStoreSimulator.PUBLISHER_ID;
        processingPolls = 0;
        asyncUploadFails = false;
        inProgressWord = IN_PROGRESS;
        tokenLifetime = Duration.ofSeconds(3599);
        reviewPolls = -1;
        reviewRequired = true;
        rolloutAllowed = true;
        serviceAccountLinked = true;
        publishWarnings.clear();
        invalidPackageNext = null;
        packagesTaken = 0;
        addItem(ChromeWebStoreSimulator.ITEM_ID);
        publishedVersion("1.0.0");
        return this;
    }

    /** Another item of the publisher (nothing published). Items not added answer 404 NOT_FOUND. */
    public synchronized ChromeStore addItem(String itemId) {
        items.putIfAbsent(itemId, new Item());
        return this;
    }

    /** The published revision of the default item: {@code version} at 100% (null: nothing published). */
    public synchronized ChromeStore publishedVersion(String version) {
        return published(version, 100);
    }

    /** The published revision of the default item: {@code version} at {@code percentage}%. */
    public synchronized ChromeStore published(String version, int percentage) {
        item().published = version == null ? null : new Revision("PUBLISHED", version, percentage, false);
        return this;
    }

    /** A submission of {@code version} pending review: uploads and publishes answer FAILED_PRECONDITION. */
    public synchronized ChromeStore inReview(String version) {
        item().submitted = new Revision("PENDING_REVIEW", version, 100, false);
        item().draftVersion = version;
        return this;
    }

    /** An approved staged submission of {@code version}, waiting for a publish. */
    public synchronized ChromeStore staged(String version, int percentage) {
        item().submitted = new Revision("STAGED", version, percentage, true);
        item().draftVersion = version;
        return this;
    }

    /** The item is taken down (policy): fetchStatus says so; upload, publish and rollout answer FAILED_PRECONDITION. */
    public synchronized ChromeStore takenDown(boolean value) {
        item().takenDown = value;
        return this;
    }

    /** The {@code warned} policy flag of fetchStatus. */
    public synchronized ChromeStore warned(boolean value) {
        item().warned = value;
        return this;
    }

    /** The next upload is refused: 400 INVALID_ARGUMENT with {@link #INVALID_VERSION_DESCRIPTION}. */
    public ChromeStore invalidPackageOnNextUpload() {
        return invalidPackageOnNextUpload(PKG_MANIFEST_PARSE_ERROR, INVALID_VERSION_DESCRIPTION);
    }

    /** The next upload is refused: 400 INVALID_ARGUMENT whose field violation has this reason and description. */
    public synchronized ChromeStore invalidPackageOnNextUpload(String reason, String description) {
        invalidPackageNext = new AbstractMap.SimpleImmutableEntry<>(reason, description);
        return this;
    }

    /** An upload answers IN_PROGRESS, then fetchStatus says so {@code n} times before SUCCEEDED (default 0). */
    public synchronized ChromeStore processingPolls(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("processing polls: " + n);
        }
        processingPolls = n;
        return this;
    }

    /** A processed upload ends {@code FAILED} instead of SUCCEEDED (the draft keeps its version). */
    public synchronized ChromeStore asyncUploadFails(boolean value) {
        asyncUploadFails = value;
        return this;
    }

    /** The word of an upload in progress: {@link #IN_PROGRESS} (default) or {@link #UPLOAD_IN_PROGRESS}. */
    public synchronized ChromeStore inProgressWord(String word) {
        inProgressWord = Objects.requireNonNull(word, "word");
        return this;
    }

    /** How long an issued access token is accepted, and its {@code expires_in} (default 3599 s). */
    public synchronized ChromeStore tokenLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime: " + lifetime);
        }
        tokenLifetime = lifetime;
        return this;
    }

    /**
     * A submission pending review is approved after {@code n} fetchStatus polls (0: at once, on the publish;
     * -1, the default: only by {@link #approve()}).
     */
    public synchronized ChromeStore reviewPolls(int n) {
        reviewPolls = n;
        return this;
    }

    /** Default true: a publish with {@code skipReview} is refused; false: it goes live (or staged) at once. */
    public synchronized ChromeStore reviewRequired(boolean value) {
        reviewRequired = value;
        return this;
    }

    /** Default true; false: setPublishedDeployPercentage is refused (the item has under 10,000 weekly users). */
    public synchronized ChromeStore rolloutAllowed(boolean value) {
        rolloutAllowed = value;
        return this;
    }

    /** Default true; false: the service account was not added in the dashboard, its calls answer 403. */
    public synchronized ChromeStore serviceAccountLinked(boolean value) {
        serviceAccountLinked = value;
        return this;
    }

    /** A warning every publish answers in {@code warningInfo} (or, with blockOnWarnings, refuses with). */
    public synchronized ChromeStore publishWarning(String reason, String description) {
        publishWarnings.add(new AbstractMap.SimpleImmutableEntry<>(reason, description));
        return this;
    }

    // ------------------------------------------------------------------ verdicts and inspection

    /** The review approves the pending submission: live (at its percentage), or STAGED if published staged. */
    public synchronized ChromeStore approve() {
        Item it = item();
        if (it.submitted == null || !"PENDING_REVIEW".equals(it.submitted.state)) {
            throw new IllegalStateException("nothing pending review: " + it.submitted);
        }
        verdict(it);
        return this;
    }

    /** The review rejects the pending submission ({@code REJECTED}). */
    public synchronized ChromeStore reject() {
        Item it = item();
        if (it.submitted == null || !"PENDING_REVIEW".equals(it.submitted.state)) {
            throw new IllegalStateException("nothing pending review: " + it.submitted);
        }
        it.submitted = it.submitted.state("REJECTED");
        return this;
    }

    /** Every access token issued so far is expired from now on (answers 401 UNAUTHENTICATED). */
    public synchronized void expireTokens() {
        tokens.replaceAll((k, t) -> new Token(Instant.MIN, t.scopes, t.serviceAccount));
    }

    /** An access token as a keyless route (impersonation, workload identity) would give, with this scope. */
    public synchronized String issueToken(String scope) {
        return newToken(scope, false);
    }

    /** The published revision of the default item, or null. */
    public synchronized Revision published() {
        return item().published;
    }

    /** The submitted revision of the default item, or null. */
    public synchronized Revision submitted() {
        return item().submitted;
    }

    /** The version of the default item's last package taken, or null. */
    public synchronized String draftVersion() {
        return item().draftVersion;
    }

    /** How many uploads were taken as a package (a multipart body is not). */
    public synchronized int packagesTaken() {
        return packagesTaken;
    }

    /** The grant of each token issued, in order: {@code refresh_token} or {@code jwt-bearer}. */
    public synchronized List<String> grants() {
        return Collections.unmodifiableList(new ArrayList<>(grants));
    }

    public ServiceAccount serviceAccount() {
        return serviceAccount;
    }

    public synchronized String publisherId() {
        return publisherId;
    }

    public synchronized int processingPolls() {
        return processingPolls;
    }

    public synchronized Duration tokenLifetime() {
        return tokenLifetime;
    }

    private Item item() {
        return items.get(ChromeWebStoreSimulator.ITEM_ID);
    }

    private Instant now() {
        return clock.get().instant();
    }

    // ------------------------------------------------------------------ routing

    static Match match(String method, String rawPath) {
        if ("/token".equals(rawPath)) {
            return new Match("POST".equals(method) ? ChromeRoute.TOKEN : ChromeRoute.UNKNOWN, null, null);
        }
        Matcher m = P_UPLOAD.matcher(rawPath);
        if (m.matches()) {
            return new Match("POST".equals(method) ? ChromeRoute.UPLOAD : ChromeRoute.UNKNOWN, m.group(1), m.group(2));
        }
        m = P_API.matcher(rawPath);
        if (m.matches()) {
            ChromeRoute r;
            String want = "POST";
            switch (m.group(3)) {
                case "fetchStatus":
                    r = ChromeRoute.FETCH_STATUS;
                    want = "GET";
                    break;
                case "publish":
                    r = ChromeRoute.PUBLISH;
                    break;
                case "cancelSubmission":
                    r = ChromeRoute.CANCEL_SUBMISSION;
                    break;
                case "setPublishedDeployPercentage":
                    r = ChromeRoute.SET_DEPLOY_PERCENTAGE;
                    break;
                default:
                    r = ChromeRoute.UNKNOWN;
            }
            return new Match(want.equals(method) ? r : ChromeRoute.UNKNOWN, m.group(1), m.group(2));
        }
        return new Match(ChromeRoute.UNKNOWN, null, null);
    }

    // ------------------------------------------------------------------ answers

    Answer answer(Request r) {
        switch (r.match.route) {
            case TOKEN:
                return token(r);
            case UNKNOWN:
                return GoogleErrors.html404(r.path);
            default:
                break;
        }
        synchronized (this) {
            Answer denied = authorize(r);
            if (denied != null) {
                return denied;
            }
            Item it = items.get(r.match.itemId);
            switch (r.match.route) {
                case UPLOAD:
                    return upload(r, it);
                case FETCH_STATUS:
                    return fetchStatus(r, it);
                case PUBLISH:
                    return publish(r, it);
                case CANCEL_SUBMISSION:
                    return cancel(r, it);
                case SET_DEPLOY_PERCENTAGE:
                    return rollout(r, it);
                default:
                    throw new IllegalStateException(r.match.route.name());
            }
        }
    }

    /** Whether the request's bearer token is a live one (for the record), whatever else is wrong. */
    synchronized boolean isAuthorized(Function<String, String> header) {
        Token t = token(header);
        return t != null && now().isBefore(t.expiresAt);
    }

    private Token token(Function<String, String> header) {
        String auth = header.apply("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return tokens.get(auth.substring(7).trim());
    }

    private Answer authorize(Request r) {
        String auth = r.header.apply("Authorization");
        if (auth == null) {
            return unauthenticated(GoogleErrors.MISSING_CREDENTIAL_MESSAGE, "CREDENTIALS_MISSING");
        }
        Token t = token(r.header);
        if (t == null) {
            return unauthenticated(GoogleErrors.UNAUTHENTICATED_MESSAGE, "ACCESS_TOKEN_TYPE_UNSUPPORTED");
        }
        if (!now().isBefore(t.expiresAt)) {
            return unauthenticated(GoogleErrors.UNAUTHENTICATED_MESSAGE, "ACCESS_TOKEN_EXPIRED");
        }
        boolean write = r.match.route != ChromeRoute.FETCH_STATUS;
        if (!t.scopes.contains(ChromeWebStoreSimulator.SCOPE)
                && (write || !t.scopes.contains(ChromeWebStoreSimulator.READONLY_SCOPE))) {
            return GoogleErrors.answer(403, "PERMISSION_DENIED", "Request had insufficient authentication scopes.",
                    GoogleErrors.errorInfo("ACCESS_TOKEN_SCOPE_INSUFFICIENT", "googleapis.com"));
        }
        if (!publisherId.equals(r.match.publisherId) || (t.serviceAccount && !serviceAccountLinked)) {
            return GoogleErrors.answer(403, "PERMISSION_DENIED", "The caller does not have permission");
        }
        if (!items.containsKey(r.match.itemId)) {
            return GoogleErrors.answer(404, "NOT_FOUND", "Requested entity was not found.");
        }
        return null;
    }

    private static Answer unauthenticated(String message, String reason) {
        return GoogleErrors.answer(401, "UNAUTHENTICATED", message, GoogleErrors.errorInfo(reason, "googleapis.com"))
                .header("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\"");
    }

    private String name(Match m) {
        return "publishers/" + m.publisherId + "/items/" + m.itemId;
    }

    private String head(Match m) {
        return "{\"name\":" + SimJson.quote(name(m)) + ",\"itemId\":" + SimJson.quote(m.itemId);
    }

    private static Answer precondition(String message) {
        return GoogleErrors.answer(400, "FAILED_PRECONDITION", message);
    }

    private static Answer invalidArgument(String field, String description) {
        return GoogleErrors.answer(400, "INVALID_ARGUMENT", "Request contains an invalid argument.",
                GoogleErrors.badRequest(field, description, null));
    }

    private static Answer invalidPackage(String reason, String description) {
        return GoogleErrors.answer(400, "INVALID_ARGUMENT", GoogleErrors.INVALID_PACKAGE_MESSAGE,
                GoogleErrors.errorInfo("INVALID_PACKAGE", GoogleErrors.DOMAIN),
                GoogleErrors.localizedMessage(GoogleErrors.INVALID_PACKAGE_MESSAGE),
                GoogleErrors.badRequest("media", description, reason));
    }

    private static final String TAKEN_DOWN = "The item has been taken down for a policy violation; see the"
            + " developer dashboard.";

    private Answer upload(Request r, Item it) {
        if (it.takenDown) {
            return precondition(TAKEN_DOWN);
        }
        if (it.submitted != null && "PENDING_REVIEW".equals(it.submitted.state)) {
            return precondition(GoogleErrors.IN_REVIEW_MESSAGE);
        }
        String ct = r.header.apply("Content-Type");
        if (ct != null && ct.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            // Field report: a multipart body is not taken as the package, yet the answer is a success naming
            // the version the draft already had.
            String kept = it.draftVersion != null ? it.draftVersion
                    : it.published != null ? it.published.crxVersion : null;
            return Answer.json(200, head(r.match) + (kept == null ? "" : ",\"crxVersion\":" + SimJson.quote(kept))
                    + ",\"uploadState\":\"SUCCEEDED\"}");
        }
        if (invalidPackageNext != null) {
            Map.Entry<String, String> v = invalidPackageNext;
            invalidPackageNext = null;
            return invalidPackage(v.getKey(), v.getValue());
        }
        if (r.body == null) {
            return invalidPackage(PKG_INVALID_ZIP, "The package is too large for the simulator.");
        }
        String[] violation = new String[2];
        String version = manifestVersion(r.body, violation);
        if (version == null) {
            return invalidPackage(violation[0], violation[1]);
        }
        if (it.published != null && compareVersions(version, it.published.crxVersion) <= 0) {
            return invalidPackage(PKG_INVALID_VERSION_NUMBER, "The version of the uploaded package (" + version
                    + ") must be higher than the published version (" + it.published.crxVersion + ").");
        }
        packagesTaken++;
        if (processingPolls > 0) {
            it.processingVersion = version;
            it.processingPolls = processingPolls;
            it.processingFails = asyncUploadFails;
            it.lastAsyncUploadState = inProgressWord;
            return Answer.json(200, head(r.match) + ",\"uploadState\":" + SimJson.quote(inProgressWord) + "}");
        }
        it.draftVersion = version;
        return Answer.json(200, head(r.match) + ",\"crxVersion\":" + SimJson.quote(version)
                + ",\"uploadState\":\"SUCCEEDED\"}");
    }

    private Answer fetchStatus(Request r, Item it) {
        if (it.processingVersion != null) {
            if (it.processingPolls > 0) {
                it.processingPolls--;
            } else {
                if (it.processingFails) {
                    it.lastAsyncUploadState = "FAILED";
                } else {
                    it.lastAsyncUploadState = "SUCCEEDED";
                    it.draftVersion = it.processingVersion;
                }
                it.processingVersion = null;
            }
        }
        if (it.submitted != null && "PENDING_REVIEW".equals(it.submitted.state) && it.reviewPollsLeft >= 0) {
            if (it.reviewPollsLeft == 0) {
                verdict(it);
            } else {
                it.reviewPollsLeft--;
            }
        }
        StringBuilder b = new StringBuilder(head(r.match)).append(",\"publicKey\":").append(SimJson.quote(PUBLIC_KEY));
        if (it.lastAsyncUploadState != null) {
            b.append(",\"lastAsyncUploadState\":").append(SimJson.quote(it.lastAsyncUploadState));
        }
        if (it.published != null) {
            b.append(",\"publishedItemRevisionStatus\":").append(revision(it.published));
        }
        if (it.submitted != null) {
            b.append(",\"submittedItemRevisionStatus\":").append(revision(it.submitted));
        }
        return Answer.json(200, b.append(",\"takenDown\":").append(it.takenDown).append(",\"warned\":")
                .append(it.warned).append('}').toString());
    }

    private static String revision(Revision v) {
        return "{\"state\":" + SimJson.quote(v.state) + ",\"distributionChannels\":[{\"crxVersion\":"
                + SimJson.quote(v.crxVersion) + ",\"deployPercentage\":" + v.deployPercentage + "}]}";
    }

    private void verdict(Item it) {
        Revision s = it.submitted;
        it.reviewPollsLeft = -1;
        if (s.staged) {
            it.submitted = s.state("STAGED");
        } else {
            it.published = new Revision("PUBLISHED", s.crxVersion, s.deployPercentage, false);
            it.submitted = null;
        }
    }

    private Answer publish(Request r, Item it) {
        String text = r.text();
        Map<String, Object> body;
        if (text == null || text.trim().isEmpty()) {
            String ct = r.header.apply("Content-Type");
            if (ct == null) {
                // field report: a publish without body and content type drew a 400
                return GoogleErrors.answer(400, "INVALID_ARGUMENT", "Request contains an invalid argument.");
            }
            body = Collections.emptyMap();
        } else {
            try {
                body = SimJson.parseObject(text);
            } catch (IllegalArgumentException e) {
                return GoogleErrors.answer(400, "INVALID_ARGUMENT", "Invalid JSON payload received.");
            }
        }
        Object type = body.get("publishType");
        boolean staged;
        if (type == null || "DEFAULT_PUBLISH".equals(type) || "PUBLISH_TYPE_UNSPECIFIED".equals(type)) {
            staged = false;
        } else if ("STAGED_PUBLISH".equals(type)) {
            staged = true;
        } else {
            return invalidArgument("publish_type", "Invalid value at 'publish_type': " + type);
        }
        Integer percentage = null;
        Object infos = body.get("deployInfos");
        if (infos != null) {
            if (!(infos instanceof List)) {
                return invalidArgument("deploy_infos", "Invalid value at 'deploy_infos': not a list");
            }
            for (Object o : (List<?>) infos) {
                Object p = o instanceof Map ? ((Map<?, ?>) o).get("deployPercentage") : null;
                if (p != null) {
                    if (!(p instanceof Long) || (Long) p < 0 || (Long) p > 100) {
                        return invalidArgument("deploy_infos[0].deploy_percentage",
                                "The deploy percentage must be between 0 and 100: " + p);
                    }
                    percentage = ((Long) p).intValue();
                }
            }
        }
        boolean skipReview = Boolean.TRUE.equals(body.get("skipReview"));
        boolean blockOnWarnings = Boolean.TRUE.equals(body.get("blockOnWarnings"));
        if (it.takenDown) {
            return precondition(TAKEN_DOWN);
        }
        if (it.submitted != null && "PENDING_REVIEW".equals(it.submitted.state)) {
            return precondition(GoogleErrors.IN_REVIEW_MESSAGE);
        }
        boolean newDraft = it.draftVersion != null
                && (it.published == null || compareVersions(it.draftVersion, it.published.crxVersion) > 0)
                && (it.submitted == null || !"STAGED".equals(it.submitted.state)
                        || compareVersions(it.draftVersion, it.submitted.crxVersion) > 0);
        if (!newDraft && it.submitted != null && "STAGED".equals(it.submitted.state)) {
            // publishing a STAGED item releases that revision without a new review
            Revision s = it.submitted;
            it.published = new Revision("PUBLISHED", s.crxVersion, percentage != null ? percentage : s.deployPercentage,
                    false);
            it.submitted = null;
            return Answer.json(200, head(r.match) + ",\"state\":\"PUBLISHED\"}");
        }
        if (!newDraft) {
            return precondition("There is nothing new to publish: upload a package with a higher version first.");
        }
        if (!publishWarnings.isEmpty() && blockOnWarnings) {
            return GoogleErrors.answer(400, "FAILED_PRECONDITION",
                    "The item has warnings and blockOnWarnings is set.",
                    GoogleErrors.preconditionFailure(publishWarnings));
        }
        if (skipReview && reviewRequired) {
            return invalidArgument("skip_review", "This item requires a review: it cannot skip it.");
        }
        int pct = percentage != null ? percentage : 100; // the dashboard's saved value is not simulated
        it.submitted = new Revision("PENDING_REVIEW", it.draftVersion, pct, staged);
        if (skipReview || reviewPolls == 0) {
            verdict(it);
        } else {
            it.reviewPollsLeft = reviewPolls;
        }
        String state = it.submitted != null ? it.submitted.state : "PUBLISHED";
        StringBuilder b = new StringBuilder(head(r.match)).append(",\"state\":").append(SimJson.quote(state));
        if (!publishWarnings.isEmpty()) {
            b.append(",\"warningInfo\":{\"warnings\":[");
            int i = 0;
            for (Map.Entry<String, String> w : publishWarnings) {
                if (i++ > 0) {
                    b.append(',');
                }
                b.append("{\"reason\":").append(SimJson.quote(w.getKey())).append(",\"description\":")
                        .append(SimJson.quote(w.getValue())).append('}');
            }
            b.append("]}");
        }
        return Answer.json(200, b.append('}').toString());
    }

    private Answer cancel(Request r, Item it) {
        if (it.submitted == null || !("PENDING_REVIEW".equals(it.submitted.state)
                || "STAGED".equals(it.submitted.state))) {
            return precondition("The item has no submission to cancel.");
        }
        it.submitted = it.submitted.state("CANCELLED");
        it.reviewPollsLeft = -1;
        return Answer.json(200, "{}");
    }

    private Answer rollout(Request r, Item it) {
        Object p;
        try {
            p = SimJson.parseObject(r.text() == null || r.text().isEmpty() ? "{}" : r.text()).get("deployPercentage");
        } catch (IllegalArgumentException e) {
            return GoogleErrors.answer(400, "INVALID_ARGUMENT", "Invalid JSON payload received.");
        }
        if (!(p instanceof Long) || (Long) p < 0 || (Long) p > 100) {
            return invalidArgument("deploy_percentage", "The deploy percentage must be between 0 and 100: " + p);
        }
        int n = ((Long) p).intValue();
        if (it.takenDown) {
            return precondition(TAKEN_DOWN);
        }
        if (it.published == null) {
            return precondition("The item has no published revision.");
        }
        if (!rolloutAllowed) {
            return precondition("Partial rollout is only available to items with more than 10,000 seven-day"
                    + " active users.");
        }
        if (n <= it.published.deployPercentage) {
            return invalidArgument("deploy_percentage", "The deploy percentage must be higher than the current one ("
                    + it.published.deployPercentage + ").");
        }
        it.published = new Revision("PUBLISHED", it.published.crxVersion, n, false);
        return Answer.json(200, "{}");
    }

    // ------------------------------------------------------------------ the token endpoint

    private Answer token(Request r) {
        Map<String, String> form = form(r.text());
        String grant = form.get("grant_type");
        if ("refresh_token".equals(grant)) {
            return refreshGrant(form);
        }
        if ("urn:ietf:params:oauth:grant-type:jwt-bearer".equals(grant)) {
            return jwtGrant(form.get("assertion"));
        }
        return GoogleErrors.oauth(400, "unsupported_grant_type", "Invalid grant_type: " + (grant == null ? "" : grant));
    }

    private synchronized Answer refreshGrant(Map<String, String> form) {
        String clientId = form.get("client_id");
        if (ChromeWebStoreSimulator.DELETED_CLIENT_ID.equals(clientId)) {
            return GoogleErrors.oauth(401, "deleted_client", "The OAuth client was deleted.");
        }
        if (!ChromeWebStoreSimulator.CLIENT_ID.equals(clientId)) {
            return GoogleErrors.oauth(401, "invalid_client", "The OAuth client was not found.");
        }
        String secret = form.get("client_secret");
        if (secret == null) {
            return GoogleErrors.oauth(400, "invalid_request", "client_secret is missing.");
        }
        if (!ChromeWebStoreSimulator.CLIENT_SECRET.equals(secret)) {
            return GoogleErrors.oauth(401, "invalid_client", "Unauthorized");
        }
        String refresh = form.get("refresh_token");
        if (ChromeWebStoreSimulator.EXPIRED_REFRESH_TOKEN.equals(refresh)) {
            return GoogleErrors.oauth(400, "invalid_grant", "Token has been expired or revoked.");
        }
        if (!ChromeWebStoreSimulator.REFRESH_TOKEN.equals(refresh)) {
            return GoogleErrors.oauth(400, "invalid_grant", "Bad Request");
        }
        grants.add("refresh_token");
        String token = newToken(ChromeWebStoreSimulator.SCOPE, false);
        return Answer.json(200, "{\"access_token\":" + SimJson.quote(token) + ",\"expires_in\":"
                + tokenLifetime.getSeconds() + ",\"scope\":" + SimJson.quote(ChromeWebStoreSimulator.SCOPE)
                + ",\"token_type\":\"Bearer\"}");
    }

    private Answer jwtGrant(String assertion) {
        if (assertion == null) {
            return GoogleErrors.oauth(400, "invalid_request", "Missing required parameter: assertion");
        }
        String[] parts = assertion.split("\\.", -1);
        if (parts.length != 3) {
            return GoogleErrors.oauth(400, "invalid_grant", "Bad Request");
        }
        Map<String, Object> header;
        Map<String, Object> claims;
        byte[] signature;
        try {
            Base64.Decoder d = Base64.getUrlDecoder();
            header = SimJson.parseObject(new String(d.decode(parts[0]), StandardCharsets.UTF_8));
            claims = SimJson.parseObject(new String(d.decode(parts[1]), StandardCharsets.UTF_8));
            signature = d.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return GoogleErrors.oauth(400, "invalid_grant", "Bad Request");
        }
        if (!"RS256".equals(header.get("alg"))) {
            return GoogleErrors.oauth(400, "invalid_grant", "Invalid JWT Signature.");
        }
        if (header.get("kid") != null && !ServiceAccount.PRIVATE_KEY_ID.equals(header.get("kid"))) {
            return GoogleErrors.oauth(400, "invalid_grant", "Invalid JWT Signature.");
        }
        try {
            Signature v = Signature.getInstance("SHA256withRSA");
            v.initVerify(serviceAccount.publicKey());
            v.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!v.verify(signature)) {
                return GoogleErrors.oauth(400, "invalid_grant", "Invalid JWT Signature.");
            }
        } catch (GeneralSecurityException e) {
            return GoogleErrors.oauth(400, "invalid_grant", "Invalid JWT Signature.");
        }
        if (!ServiceAccount.CLIENT_EMAIL.equals(claims.get("iss"))) {
            return GoogleErrors.oauth(400, "invalid_grant", "Invalid grant: account not found");
        }
        String url = tokenUrl.get();
        if (!url.equals(claims.get("aud"))) {
            return GoogleErrors.oauth(400, "invalid_grant",
                    "Invalid JWT: Failed audience check. The right audience is " + url);
        }
        Object iat = claims.get("iat");
        Object exp = claims.get("exp");
        long now = now().getEpochSecond();
        if (!(iat instanceof Long) || !(exp instanceof Long) || (Long) exp <= (Long) iat
                || (Long) exp - (Long) iat > 3600 || (Long) iat > now + SKEW.getSeconds()
                || (Long) exp < now - SKEW.getSeconds()) {
            return GoogleErrors.oauth(400, "invalid_grant", SHORT_LIVED_JWT);
        }
        Object scope = claims.get("scope");
        if (!(scope instanceof String) || ((String) scope).trim().isEmpty()) {
            return GoogleErrors.oauth(400, "invalid_scope", "Invalid OAuth scope or ID token audience provided.");
        }
        synchronized (this) {
            grants.add("jwt-bearer");
            String token = newToken((String) scope, true);
            return Answer.json(200, "{\"access_token\":" + SimJson.quote(token) + ",\"expires_in\":"
                    + tokenLifetime.getSeconds() + ",\"token_type\":\"Bearer\"}");
        }
    }

    private String newToken(String scope, boolean sa) {
        String token = "ya29.sim-" + (++tokenCounter) + "-" + UUID.randomUUID();
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
        tokens.put(token, new Token(now().plus(tokenLifetime), scopes, sa));
        return token;
    }

    private static Map<String, String> form(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.put(URLDecoder.decode(k, "UTF-8"), URLDecoder.decode(v, "UTF-8"));
            } catch (IOException | IllegalArgumentException e) {
                out.put(k, v);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ packages

    /** The manifest's version, or null with the violation's reason and description put into {@code violation}. */
    private static String manifestVersion(byte[] zip, String[] violation) {
        byte[] manifest = null;
        boolean anyEntry = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                anyEntry = true;
                if ("manifest.json".equals(e.getName())) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    in.transferTo(out);
                    manifest = out.toByteArray();
                }
            }
        } catch (IOException | IllegalArgumentException ex) {
            anyEntry = false;
        }
        if (!anyEntry) {
            return fail(violation, PKG_INVALID_ZIP, "The package is not a valid zip file.");
        }
        if (manifest == null) {
            return fail(violation, PKG_MANIFEST_PARSE_ERROR, "Manifest file is missing or unreadable.");
        }
        String text = new String(manifest, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<String, Object> m;
        try {
            m = SimJson.parseObject(text);
        } catch (IllegalArgumentException ex) {
            return fail(violation, PKG_MANIFEST_PARSE_ERROR, "Manifest is not valid JSON.");
        }
        if (m.containsKey("key")) {
            return fail(violation, PKG_MANIFEST_PARSE_ERROR, "key field is not allowed in manifest");
        }
        Object v = m.get("version");
        if (!(v instanceof String) || !VERSION.matcher((String) v).matches()
                || ((String) v).replace(".", "").replace("0", "").isEmpty()) {
            return fail(violation, PKG_MANIFEST_PARSE_ERROR, "The manifest has an invalid version: " + v
                    + ". Please format the version as defined \n <a href=\"https://developer.chrome.com/docs/"
                    + "extensions/reference/manifest/version\"> here</a>.");
        }
        return (String) v;
    }

    private static String fail(String[] violation, String reason, String description) {
        violation[0] = reason;
        violation[1] = description;
        return null;
    }

    /** Numeric comparison of dotted versions, missing parts 0 ({@code 1.2.3} equals {@code 1.2.3.0}). */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    /** The answer a {@link Fault} stands for on this route (kinds with a body of their own get Chrome's shapes). */
    Answer faultAnswer(Fault fault, Match m) {
        String head = m.itemId == null ? "{\"name\":\"publishers/?/items/?\"" : head(m);
        String field = m.route == ChromeRoute.UPLOAD ? "uploadState"
                : m.route == ChromeRoute.FETCH_STATUS ? "lastAsyncUploadState" : "state";
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
                StringBuilder big = new StringBuilder(fault.size()).append(head).append(",\"publicKey\":\"");
                while (big.length() < fault.size() - 2) {
                    big.append('x');
                }
                return Answer.json(200, big.append("\"}").toString());
            default:
                throw new IllegalStateException("no answer of its own for " + fault);
        }
    }
}
