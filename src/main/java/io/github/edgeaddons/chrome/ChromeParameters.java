package io.github.edgeaddons.chrome;

import io.github.edgeaddons.chrome.ChromeWebStoreClient.PublishType;
import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.config.Durations;
import io.github.edgeaddons.config.Endpoints;
import io.github.edgeaddons.core.PollPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Chrome Web Store's parameters ({@code chrome.*}, and the plugin-wide {@code edge.timeout},
 * {@code edge.pollInterval}, {@code edge.dryRun}, {@code edge.checkCredentials}), each parsed and checked once
 * when {@link Builder#build() built} from the text the user wrote: a wrong value fails there, naming the setting
 * and what to do, before settings.xml is read and before any request. No Maven types; the Maven side
 * ({@code maven/AbstractStoresMojo}) hands the raw values over and {@code ChromeParametersWiringTest} checks that
 * every one of them arrives.
 */
public final class ChromeParameters {
    /** {@code chrome.serverId}'s default. */
    public static final String SERVER_ID = "chrome-webstore";
    /** {@code chrome.reviewTimeout}'s default, as users write it. */
    public static final String DEFAULT_REVIEW_TIMEOUT = "PT1H";
    /** {@code edge.timeout}'s default (as Edge's), as users write it. */
    public static final String DEFAULT_TIMEOUT = "10m";

    private static final Pattern ITEM_ID = Pattern.compile("[a-p]{32}");

    /** What to do when fetchStatus shows a submission still in review (or staged), before the upload. */
    public enum InReview {
        /** The build fails, naming the submission: the default. */
        FAIL,
        /** Nothing is sent; the store's outcome is "skipped", with a warning. */
        SKIP,
        /** The pending submission is cancelled ({@code cancelSubmission}), then the release goes on. */
        CANCEL;

        /** The setting's word. */
        public String setting() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String itemId;
    private final String publisherId;
    private final String serverId;
    private final URI apiBaseUrl;
    private final URI tokenUrl;
    private final PublishType publishType;
    private final Integer deployPercentage;
    private final InReview inReview;
    private final boolean awaitReview;
    private final Duration reviewTimeout;
    private final Duration timeout;
    private final PollPolicy pollPolicy;
    private final boolean dryRun;
    private final boolean checkCredentials;

    private ChromeParameters(Builder b, boolean forRollout) throws ConfigException {
        if (blank(b.itemId)) {
            throw new ConfigException("chrome.itemId is not set: set it to the item's id (32 letters a to p, the last"
                    + " part of the item's URL in the Chrome Web Store developer dashboard).");
        }
        itemId = b.itemId.trim();
        if (!ITEM_ID.matcher(itemId).matches()) {
            throw new ConfigException("chrome.itemId='" + b.itemId + "' is not a Chrome Web Store item id: it has 32"
                    + " letters a to p (e.g. abcdefghijklmnopabcdefghijklmnop), the last part of the item's URL in"
                    + " the developer dashboard.");
        }
        if (blank(b.publisherId)) {
            throw new ConfigException("chrome.publisherId is not set, and chrome.itemId needs it: set it to the"
                    + " publisher id of the developer account (the Account page of the Chrome Web Store developer"
                    + " dashboard shows it; it is in the dashboard's URL too).");
        }
        publisherId = b.publisherId.trim();
        if (!publisherId.matches("[A-Za-z0-9._-]+")) {
            throw new ConfigException("chrome.publisherId='" + b.publisherId + "' is not a publisher id: copy it from"
                    + " the Account page of the Chrome Web Store developer dashboard (letters, digits and dashes).");
        }
        serverId = blank(b.serverId) ? SERVER_ID : b.serverId.trim();
        apiBaseUrl = Endpoints.check(blank(b.apiBaseUrl) ? ChromeSettings.DEFAULT_API_BASE_URL.toString()
                : b.apiBaseUrl, "chrome.apiBaseUrl");
        tokenUrl = Endpoints.check(blank(b.tokenUrl) ? ChromeSettings.DEFAULT_TOKEN_URL.toString() : b.tokenUrl,
                "chrome.tokenUrl");
        if (blank(b.publishType) || b.publishType.trim().equalsIgnoreCase("default")) {
            publishType = null;
        } else if (b.publishType.trim().equalsIgnoreCase("staged")) {
            publishType = PublishType.STAGED_PUBLISH;
        } else {
            throw new ConfigException("chrome.publishType='" + b.publishType + "' is not known: use default (live"
                    + " once approved) or staged (held as staged once approved, until published from the"
                    + " dashboard).");
        }
        if (blank(b.deployPercentage)) {
            deployPercentage = null;
        } else {
            int p;
            try {
                p = Integer.parseInt(b.deployPercentage.trim());
            } catch (NumberFormatException e) {
                p = -1;
            }
            if (p < 1 || p > 100) {
                throw new ConfigException("chrome.deployPercentage='" + b.deployPercentage + "' is not a whole number"
                        + " from 1 to 100: give the percentage of users who get this version (leave it unset for"
                        + " the value saved in the dashboard).");
            }
            deployPercentage = p;
        }
        if (forRollout && deployPercentage == null) {
            throw new ConfigException("chrome.deployPercentage is not set: chrome-rollout raises the published"
                    + " version's rollout to it; give the new percentage, 1 to 100 (e.g."
                    + " -Dchrome.deployPercentage=50).");
        }
        if (blank(b.inReview)) {
            inReview = InReview.FAIL;
        } else {
            InReview found = null;
            for (InReview v : InReview.values()) {
                if (v.setting().equalsIgnoreCase(b.inReview.trim())) {
                    found = v;
                }
            }
            if (found == null) {
                throw new ConfigException("chrome.inReview='" + b.inReview + "' is not known: use fail (the default),"
                        + " skip (release nothing, with a warning) or cancel (cancel the submission in review, then"
                        + " release).");
            }
            inReview = found;
        }
        awaitReview = b.awaitReview;
        reviewTimeout = Durations.parse(blank(b.reviewTimeout) ? DEFAULT_REVIEW_TIMEOUT : b.reviewTimeout,
                "chrome.reviewTimeout");
        if (!blank(b.chromeTimeout)) {
            timeout = Durations.parse(b.chromeTimeout, "chrome.timeout");
        } else {
            timeout = Durations.parse(blank(b.timeout) ? DEFAULT_TIMEOUT : b.timeout, "edge.timeout");
        }
        pollPolicy = blank(b.pollInterval) ? PollPolicy.adaptive()
                : PollPolicy.fixed(Durations.parse(b.pollInterval, "edge.pollInterval"));
        dryRun = b.dryRun;
        checkCredentials = b.checkCredentials;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static boolean blank(String s) {
        return s == null || s.trim().isEmpty();
    }

    /** {@code chrome.itemId}: 32 letters a to p. */
    public String itemId() {
        return itemId;
    }

    /** {@code chrome.publisherId}. */
    public String publisherId() {
        return publisherId;
    }

    /** {@code chrome.serverId}: the settings.xml {@code <server>} of the credentials. */
    public String serverId() {
        return serverId;
    }

    /** {@code chrome.apiBaseUrl}. */
    public URI apiBaseUrl() {
        return apiBaseUrl;
    }

    /** {@code chrome.tokenUrl}. */
    public URI tokenUrl() {
        return tokenUrl;
    }

    /** {@code chrome.publishType}: null for {@code default} (the body then names no type), else staged. */
    public PublishType publishType() {
        return publishType;
    }

    /** {@code chrome.deployPercentage}, or null when not set (the body then carries no deployInfos). */
    public Integer deployPercentage() {
        return deployPercentage;
    }

    /** {@code chrome.inReview}. */
    public InReview inReview() {
        return inReview;
    }

    /** {@code chrome.awaitReview}. */
    public boolean awaitReview() {
        return awaitReview;
    }

    /** {@code chrome.reviewTimeout}: how long {@code chrome.awaitReview} waits for the verdict. */
    public Duration reviewTimeout() {
        return reviewTimeout;
    }

    /** {@code chrome.timeout}, else {@code edge.timeout}: how long the release may take on the network. */
    public Duration timeout() {
        return timeout;
    }

    /** {@code edge.pollInterval}: a fixed interval, or the adaptive policy when unset. */
    public PollPolicy pollPolicy() {
        return pollPolicy;
    }

    /** {@code edge.dryRun}. */
    public boolean dryRun() {
        return dryRun;
    }

    /** {@code edge.checkCredentials}. */
    public boolean checkCredentials() {
        return checkCredentials;
    }

    /**
     * The client's settings from these and the credentials; the caller adds what is not a parameter (reporter,
     * proxy, token cache, resume commands) and builds.
     */
    public ChromeSettings.Builder clientSettings(ChromeCredentials credentials) {
        return ChromeSettings.builder().apiBaseUrl(apiBaseUrl).tokenUrl(tokenUrl).publisherId(publisherId)
                .itemId(itemId).credentials(credentials).pollPolicy(pollPolicy);
    }

    @Override
    public String toString() {
        return "ChromeParameters{itemId=" + itemId + ", publisherId=" + publisherId + ", serverId=" + serverId
                + ", apiBaseUrl=" + apiBaseUrl + ", tokenUrl=" + tokenUrl + ", publishType=" + publishType
                + ", deployPercentage=" + deployPercentage + ", inReview=" + inReview + ", awaitReview="
                + awaitReview + ", reviewTimeout=" + reviewTimeout + ", timeout=" + timeout + ", pollPolicy="
                + pollPolicy + ", dryRun=" + dryRun + ", checkCredentials=" + checkCredentials + "}";
    }

    /** The parameters as the user wrote them (null: not set). */
    public static final class Builder {
        private String itemId;
        private String publisherId;
        private String serverId;
        private String apiBaseUrl;
        private String tokenUrl;
        private String publishType;
        private String deployPercentage;
        private String inReview;
        private boolean awaitReview;
        private String reviewTimeout;
        private String chromeTimeout;
        private String timeout;
        private String pollInterval;
        private boolean dryRun;
        private boolean checkCredentials;

        private Builder() {}

        public Builder itemId(String v) {
            itemId = v;
            return this;
        }

        public Builder publisherId(String v) {
            publisherId = v;
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

        public Builder tokenUrl(String v) {
            tokenUrl = v;
            return this;
        }

        public Builder publishType(String v) {
            publishType = v;
            return this;
        }

        public Builder deployPercentage(String v) {
            deployPercentage = v;
            return this;
        }

        public Builder inReview(String v) {
            inReview = v;
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

        /** {@code chrome.timeout}: overrides {@code edge.timeout} when set. */
        public Builder chromeTimeout(String v) {
            chromeTimeout = v;
            return this;
        }

        /** {@code edge.timeout}. */
        public Builder timeout(String v) {
            timeout = v;
            return this;
        }

        public Builder pollInterval(String v) {
            pollInterval = v;
            return this;
        }

        public Builder dryRun(boolean v) {
            dryRun = v;
            return this;
        }

        public Builder checkCredentials(boolean v) {
            checkCredentials = v;
            return this;
        }

        /** Parses and checks every parameter for a release; fails naming the first wrong one. */
        public ChromeParameters build() throws ConfigException {
            return new ChromeParameters(this, false);
        }

        /** As {@link #build()}, and {@code chrome.deployPercentage} is required (the rollout's target). */
        public ChromeParameters buildForRollout() throws ConfigException {
            return new ChromeParameters(this, true);
        }
    }
}
