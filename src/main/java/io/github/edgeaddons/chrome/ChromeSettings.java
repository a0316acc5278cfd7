package io.github.edgeaddons.chrome;

import io.github.edgeaddons.core.PollPolicy;
import io.github.edgeaddons.core.ProxySettings;
import io.github.edgeaddons.core.Reporter;
import io.github.edgeaddons.core.ResumeCommands;
import io.github.edgeaddons.core.RetryPolicy;
import io.github.edgeaddons.core.Sleeper;
import io.github.edgeaddons.core.StoreAdvice;
import io.github.edgeaddons.core.StoreSettings;
import io.github.edgeaddons.core.TokenCache;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** What the Chrome Web Store client needs, already checked by the caller. Built with {@link #builder()}. */
public final class ChromeSettings implements StoreSettings {
    public static final URI DEFAULT_API_BASE_URL = URI.create("https://chromewebstore.googleapis.com");
    public static final URI DEFAULT_TOKEN_URL = URI.create("https://oauth2.googleapis.com/token");
    /** The scope of every token: read and write. */
    public static final String SCOPE = "https://www.googleapis.com/auth/chromewebstore";
    /** The Chrome Web Store's dashboard, where items are managed. */
    public static final String DASHBOARD = "the Chrome Web Store developer dashboard";

    final URI apiBaseUrl;
    final URI tokenUrl;
    final String publisherId;
    final String itemId;
    final ChromeCredentials credentials;
    final ProxySettings proxy;
    final Duration connectTimeout;
    final Duration responseTimeout;
    final RetryPolicy retryPolicy;
    final PollPolicy pollPolicy;
    final Clock clock;
    final Sleeper sleeper;
    final Reporter reporter;
    final String userAgent;
    final TokenCache tokenCache;
    final ResumeCommands resume;

    private ChromeSettings(Builder b) {
        this.apiBaseUrl = Objects.requireNonNull(b.apiBaseUrl, "apiBaseUrl");
        this.tokenUrl = Objects.requireNonNull(b.tokenUrl, "tokenUrl");
        this.publisherId = Objects.requireNonNull(b.publisherId, "publisherId");
        this.itemId = Objects.requireNonNull(b.itemId, "itemId");
        this.credentials = Objects.requireNonNull(b.credentials, "credentials");
        this.proxy = b.proxy;
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.retryPolicy = b.retryPolicy;
        this.pollPolicy = b.pollPolicy;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.reporter = b.reporter;
        this.userAgent = b.userAgent;
        this.tokenCache = b.tokenCache != null ? b.tokenCache : new TokenCache();
        this.resume = b.resume == null ? ResumeCommands.defaults() : b.resume;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The item's 32-letter id. */
    @Override
    public String productId() {
        return itemId;
    }

    public String publisherId() {
        return publisherId;
    }

    public URI tokenUrl() {
        return tokenUrl;
    }

    @Override
    public String dashboard() {
        return DASHBOARD;
    }

    @Override
    public ProxySettings proxy() {
        return proxy;
    }

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public Duration responseTimeout() {
        return responseTimeout;
    }

    @Override
    public String userAgent() {
        return userAgent;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    @Override
    public PollPolicy pollPolicy() {
        return pollPolicy;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Sleeper sleeper() {
        return sleeper;
    }

    @Override
    public Reporter reporter() {
        return reporter;
    }

    @Override
    public ResumeCommands resume() {
        return resume;
    }

    /** The status goal, which prints the item's submitted revision: did the publish reach the store? */
    @Override
    public String publishCheckCommand() {
        return resume.chromeStatus(publisherId, itemId);
    }

    /** None: the release is run again (the store takes the same version again while it is unpublished). */
    @Override
    public String publishAgainCommand() {
        return null;
    }

    @Override
    public StoreAdvice advice() {
        return ChromeHints::htmlNotFoundDuringWait;
    }

    /** Builder; defaults are the production ones. */
    public static final class Builder {
        private URI apiBaseUrl = DEFAULT_API_BASE_URL;
        private URI tokenUrl = DEFAULT_TOKEN_URL;
        private String publisherId;
        private String itemId;
        private ChromeCredentials credentials;
        private ProxySettings proxy;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private PollPolicy pollPolicy = PollPolicy.fixed(Duration.ofSeconds(5));
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.REAL;
        private Reporter reporter = Reporter.SILENT;
        private String userAgent = "edge-addons-maven-plugin";
        private TokenCache tokenCache;
        private ResumeCommands resume;

        public Builder apiBaseUrl(URI v) {
            apiBaseUrl = v;
            return this;
        }

        public Builder tokenUrl(URI v) {
            tokenUrl = v;
            return this;
        }

        public Builder publisherId(String v) {
            publisherId = v;
            return this;
        }

        public Builder itemId(String v) {
            itemId = v;
            return this;
        }

        public Builder credentials(ChromeCredentials v) {
            credentials = v;
            return this;
        }

        public Builder proxy(ProxySettings v) {
            proxy = v;
            return this;
        }

        public Builder connectTimeout(Duration v) {
            connectTimeout = v;
            return this;
        }

        public Builder responseTimeout(Duration v) {
            responseTimeout = v;
            return this;
        }

        public Builder retryPolicy(RetryPolicy v) {
            retryPolicy = v;
            return this;
        }

        /** How often a wait on an upload asks {@code fetchStatus}. */
        public Builder pollPolicy(PollPolicy v) {
            pollPolicy = v;
            return this;
        }

        public Builder clock(Clock v) {
            clock = v;
            return this;
        }

        public Builder sleeper(Sleeper v) {
            sleeper = v;
            return this;
        }

        public Builder reporter(Reporter v) {
            reporter = v;
            return this;
        }

        public Builder userAgent(String v) {
            userAgent = v;
            return this;
        }

        /** Where tokens are kept between clients of one build; null: each client has its own. */
        public Builder tokenCache(TokenCache v) {
            tokenCache = v;
            return this;
        }

        public Builder resume(ResumeCommands v) {
            resume = v;
            return this;
        }

        public ChromeSettings build() {
            return new ChromeSettings(this);
        }
    }
}
