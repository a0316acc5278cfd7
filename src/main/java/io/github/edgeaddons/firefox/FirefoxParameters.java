package io.github.edgeaddons.firefox;

import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.config.Durations;
import io.github.edgeaddons.config.Endpoints;
import io.github.edgeaddons.core.PollPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Firefox Add-ons' parameters, each parsed and checked once when {@link Builder#build() built} from the values as
 * the user wrote them: a wrong value fails there, naming the setting and what to do, before any request.
 * Immutable; the Maven side reads this and nothing else ({@code NetworkSettingsWiringTest} checks the wiring).
 */
public final class FirefoxParameters {
    public static final String SERVER_ID = "firefox-amo";
    public static final String ISSUER_VARIABLE = "FIREFOX_JWT_ISSUER";
    public static final String SECRET_VARIABLE = "FIREFOX_JWT_SECRET";
    public static final String DEFAULT_LOCALE = "en-US";
    public static final String DEFAULT_REVIEW_TIMEOUT = "15m";
    /** {@code edge.timeout}'s default, when neither it nor {@code firefox.timeout} is set. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private static final Pattern UUID_GUID = Pattern.compile(
            "\\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}");
    private static final Pattern BARE_UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern EMAIL_GUID = Pattern.compile("[A-Za-z0-9._+-]*@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z]{2,8})?");
    private static final Pattern LICENSE = Pattern.compile("[A-Za-z0-9._+-]+");
    private static final List<String> APPS = Arrays.asList("firefox", "android");

    private final String addonId;
    private final String serverId;
    private final URI apiBaseUrl;
    private final String channel;
    private final String approvalNotes;
    private final String releaseNotes;
    private final String releaseNotesLocale;
    private final String license;
    private final List<String> compatibility;
    private final boolean awaitReview;
    private final Duration reviewTimeout;
    private final Duration timeout;
    private final String resumeVersion;
    private final PollPolicy pollPolicy;
    private final java.io.File file;
    private final String classifier;
    private final java.io.File sourcesFile;
    private final boolean dryRun;
    private final boolean checkCredentials;

    private FirefoxParameters(Builder b) throws ConfigException {
        addonId = checkAddonId(b.addonId);
        serverId = blank(b.serverId) ? SERVER_ID : b.serverId.trim();
        apiBaseUrl = Endpoints.check(blank(b.apiBaseUrl) ? FirefoxSettings.DEFAULT_API_BASE_URL.toString()
                : b.apiBaseUrl, "firefox.apiBaseUrl");
        String c = blank(b.channel) ? FirefoxRelease.LISTED : b.channel.trim().toLowerCase(Locale.ROOT);
        if (!FirefoxRelease.LISTED.equals(c) && !FirefoxRelease.UNLISTED.equals(c)) {
            throw new ConfigException("firefox.channel='" + b.channel + "' is not a channel of AMO: use listed (the"
                    + " default: public on addons.mozilla.org after review) or unlisted (signed for your own"
                    + " distribution).");
        }
        channel = c;
        approvalNotes = blank(b.approvalNotes) ? null : b.approvalNotes;
        releaseNotes = blank(b.releaseNotes) ? null : b.releaseNotes;
        String locale = blank(b.releaseNotesLocale) ? DEFAULT_LOCALE : b.releaseNotesLocale.trim();
        if (!LOCALE.matcher(locale).matches()) {
            throw new ConfigException("firefox.releaseNotesLocale='" + b.releaseNotesLocale + "' is not a locale"
                    + " code: use AMO's codes, such as en-US (the default), de, fr, es-ES or pt-BR.");
        }
        releaseNotesLocale = locale;
        if (blank(b.license)) {
            license = null;
        } else if (!LICENSE.matcher(b.license.trim()).matches()) {
            throw new ConfigException("firefox.license='" + b.license + "' is not a license slug: use AMO's slug of"
                    + " a predefined license, such as MPL-2.0, MIT, Apache-2.0 or all-rights-reserved.");
        } else {
            license = b.license.trim();
        }
        compatibility = apps(b.compatibility);
        awaitReview = b.awaitReview;
        reviewTimeout = Durations.parse(blank(b.reviewTimeout) ? DEFAULT_REVIEW_TIMEOUT : b.reviewTimeout,
                "firefox.reviewTimeout");
        Duration plugin = blank(b.pluginTimeout) ? DEFAULT_TIMEOUT : Durations.parse(b.pluginTimeout, "edge.timeout");
        timeout = blank(b.timeout) ? plugin : Durations.parse(b.timeout, "firefox.timeout");
        pollPolicy = blank(b.pollInterval) ? PollPolicy.adaptive()
                : PollPolicy.fixed(Durations.parse(b.pollInterval, "edge.pollInterval"));
        resumeVersion = blank(b.resumeVersion) ? null : b.resumeVersion.trim();
        file = b.file;
        classifier = blank(b.classifier) ? null : b.classifier.trim();
        sourcesFile = b.sourcesFile;
        dryRun = b.dryRun;
        checkCredentials = b.checkCredentials;
    }

    /**
     * The add-on id, as AMO takes it in a path: a UUID gecko id in braces, an e-mail-like gecko id, or the slug
     * (or numeric id). A UUID without its braces, or braces around anything else, is refused: AMO answers 404
     * to both.
     */
    static String checkAddonId(String value) throws ConfigException {
        if (blank(value)) {
            throw new ConfigException("firefox.addonId is not set: give the add-on's gecko id (the manifest's"
                    + " browser_specific_settings.gecko.id, e.g. {5f3a9c2e-...} or name@example.com) or its slug"
                    + " on addons.mozilla.org.");
        }
        String id = value.trim();
        if (UUID_GUID.matcher(id).matches() || EMAIL_GUID.matcher(id).matches()) {
            return id;
        }
        if (BARE_UUID.matcher(id).matches()) {
            throw new ConfigException("firefox.addonId='" + id + "' is a UUID without its braces: AMO knows the"
                    + " add-on as {" + id + "}, braces included (quote it on the command line:"
                    + " -Dfirefox.addonId='{" + id + "}').");
        }
        if (id.startsWith("{") || id.endsWith("}")) {
            throw new ConfigException("firefox.addonId='" + id + "' has braces but is not a UUID: only a UUID gecko"
                    + " id is written in braces; give an e-mail-like id or a slug without them.");
        }
        if (SLUG.matcher(id).matches()) {
            return id;
        }
        throw new ConfigException("firefox.addonId='" + id + "' is not an add-on id: give the gecko id ({uuid} or"
                + " name@example.com) or the add-on's slug (letters, digits, - and _).");
    }

    private static List<String> apps(String value) throws ConfigException {
        if (blank(value)) {
            return Collections.emptyList();
        }
        List<String> apps = new ArrayList<>();
        for (String a : value.split(",")) {
            String app = a.trim().toLowerCase(Locale.ROOT);
            if (app.isEmpty()) {
                continue;
            }
            if (!APPS.contains(app)) {
                throw new ConfigException("firefox.compatibility names '" + a.trim() + "': AMO's applications are"
                        + " firefox and android (comma-separated).");
            }
            if (!apps.contains(app)) {
                apps.add(app);
            }
        }
        return Collections.unmodifiableList(apps);
    }

    private static boolean blank(String s) {
        return s == null || s.trim().isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code firefox.addonId}. */
    public String addonId() {
        return addonId;
    }

    /** {@code firefox.serverId}: the settings.xml server of the JWT issuer and secret. */
    public String serverId() {
        return serverId;
    }

    /** {@code firefox.apiBaseUrl}, without a trailing slash. */
    public URI apiBaseUrl() {
        return apiBaseUrl;
    }

    /** {@code firefox.channel}: {@code listed} or {@code unlisted}. */
    public String channel() {
        return channel;
    }

    /** {@code firefox.approvalNotes}, or null. */
    public String approvalNotes() {
        return approvalNotes;
    }

    /** {@code firefox.releaseNotes}, or null. */
    public String releaseNotes() {
        return releaseNotes;
    }

    /** {@code firefox.releaseNotesLocale}. */
    public String releaseNotesLocale() {
        return releaseNotesLocale;
    }

    /** {@code firefox.license}, or null. */
    public String license() {
        return license;
    }

    /** {@code firefox.compatibility}: the applications, possibly none. */
    public List<String> compatibility() {
        return compatibility;
    }

    /** {@code firefox.awaitReview}. */
    public boolean awaitReview() {
        return awaitReview;
    }

    /** {@code firefox.reviewTimeout}. */
    public Duration reviewTimeout() {
        return reviewTimeout;
    }

    /** {@code firefox.timeout}, else {@code edge.timeout}: how long the release may take on the network. */
    public Duration timeout() {
        return timeout;
    }

    /** {@code edge.pollInterval}: fixed, or the adaptive policy when unset. */
    public PollPolicy pollPolicy() {
        return pollPolicy;
    }

    /** {@code firefox.file}, or null. */
    public java.io.File file() {
        return file;
    }

    /** {@code firefox.classifier}, or null. */
    public String classifier() {
        return classifier;
    }

    /** {@code firefox.sourcesFile}, or null. */
    public java.io.File sourcesFile() {
        return sourcesFile;
    }

    /** {@code edge.dryRun}. */
    public boolean dryRun() {
        return dryRun;
    }

    /** {@code edge.checkCredentials}. */
    public boolean checkCredentials() {
        return checkCredentials;
    }

    /** {@code firefox.resumeVersion}, or null. */
    public String resumeVersion() {
        return resumeVersion;
    }

    /** The new version's fields: notes (release notes under their locale), license, compatibility. */
    public AmoClient.VersionFields versionFields() {
        Map<String, String> notes = null;
        if (releaseNotes != null) {
            notes = new LinkedHashMap<>();
            notes.put(releaseNotesLocale, releaseNotes);
        }
        return new AmoClient.VersionFields().approvalNotes(approvalNotes).releaseNotes(notes).license(license)
                .compatibility(compatibility.isEmpty() ? null : compatibility);
    }

    @Override
    public String toString() {
        return "FirefoxParameters{addonId=" + addonId + ", serverId=" + serverId + ", apiBaseUrl=" + apiBaseUrl
                + ", channel=" + channel + ", approvalNotes=" + approvalNotes + ", releaseNotes=" + releaseNotes
                + ", releaseNotesLocale=" + releaseNotesLocale + ", license=" + license + ", compatibility="
                + compatibility + ", awaitReview=" + awaitReview + ", reviewTimeout=" + reviewTimeout
                + ", timeout=" + timeout + ", pollPolicy=" + pollPolicy + ", file=" + file + ", classifier="
                + classifier + ", sourcesFile=" + sourcesFile + ", resumeVersion=" + resumeVersion + ", dryRun="
                + dryRun + ", checkCredentials=" + checkCredentials + "}";
    }

    /** The parameters as the user wrote them (null: not set). */
    public static final class Builder {
        private String addonId;
        private String serverId;
        private String apiBaseUrl;
        private String channel;
        private String approvalNotes;
        private String releaseNotes;
        private String releaseNotesLocale;
        private String license;
        private String compatibility;
        private boolean awaitReview;
        private String reviewTimeout;
        private String timeout;
        private String resumeVersion;
        private String pluginTimeout;
        private String pollInterval;
        private java.io.File file;
        private String classifier;
        private java.io.File sourcesFile;
        private boolean dryRun;
        private boolean checkCredentials;

        private Builder() {}

        /** {@code edge.timeout}, which {@code firefox.timeout} overrides. */
        public Builder pluginTimeout(String v) {
            pluginTimeout = v;
            return this;
        }

        /** {@code edge.pollInterval}. */
        public Builder pollInterval(String v) {
            pollInterval = v;
            return this;
        }

        public Builder file(java.io.File v) {
            file = v;
            return this;
        }

        public Builder classifier(String v) {
            classifier = v;
            return this;
        }

        public Builder sourcesFile(java.io.File v) {
            sourcesFile = v;
            return this;
        }

        /** {@code edge.dryRun}. */
        public Builder dryRun(boolean v) {
            dryRun = v;
            return this;
        }

        /** {@code edge.checkCredentials}. */
        public Builder checkCredentials(boolean v) {
            checkCredentials = v;
            return this;
        }

        public Builder addonId(String v) {
            addonId = v;
            return this;
        }

        public Builder serverId(String v) {
            serverId = v;
            return this;
        }

        public Builder apiBaseUrl(String v) {
            apiBaseUrl = v;
            return this;
        }

        public Builder channel(String v) {
            channel = v;
            return this;
        }

        public Builder approvalNotes(String v) {
            approvalNotes = v;
            return this;
        }

        public Builder releaseNotes(String v) {
            releaseNotes = v;
            return this;
        }

        public Builder releaseNotesLocale(String v) {
            releaseNotesLocale = v;
            return this;
        }

        public Builder license(String v) {
            license = v;
            return this;
        }

        public Builder compatibility(String v) {
            compatibility = v;
            return this;
        }

        public Builder awaitReview(boolean v) {
            awaitReview = v;
            return this;
        }

        public Builder reviewTimeout(String v) {
            reviewTimeout = v;
            return this;
        }

        public Builder timeout(String v) {
            timeout = v;
            return this;
        }

        public Builder resumeVersion(String v) {
            resumeVersion = v;
            return this;
        }

        /** Parses and checks every parameter; fails naming the first wrong one. */
        public FirefoxParameters build() throws ConfigException {
            return new FirefoxParameters(this);
        }
    }
}
