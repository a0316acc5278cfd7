package io.github.edgeaddons.firefox;

import io.github.edgeaddons.core.PollPolicy;
import io.github.edgeaddons.core.ProxySettings;
import io.github.edgeaddons.core.Reporter;
import io.github.edgeaddons.core.ResumeCommands;
import io.github.edgeaddons.core.RetryPolicy;
import io.github.edgeaddons.core.Sleeper;
import io.github.edgeaddons.core.StoreAdvice;
import io.github.edgeaddons.core.StoreSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What the AMO client needs, already checked by the caller (the Maven side's {@code FirefoxParameters}). Built
 * with {@link #builder()}; the defaults are the production ones.
 */
public final class FirefoxSettings implements StoreSettings {
    /** addons.mozilla.org; the API lives under {@code /api/v5/}. */
    public static final URI DEFAULT_API_BASE_URL = URI.create("https://addons.mozilla.org");
    /** Where add-ons are managed, named in advice. */
    public static final String DASHBOARD = "the Firefox Add-on Developer Hub (addons.mozilla.org/developers)";

    final URI apiBaseUrl;
    final String addonId;
    final String issuer;
    final String secret;
    final String credentialsSource;
    final ProxySettings proxy;
    final Duration connectTimeout;
    final Duration responseTimeout;
    final RetryPolicy retryPolicy;
    final PollPolicy pollPolicy;
    final Clock clock;
    final Sleeper sleeper;
    final Reporter reporter;
    final String userAgent;
    final ResumeCommands resume;
    final FirefoxCommands commands;
    final Duration timeout;

    private FirefoxSettings(Builder b) {
        this.apiBaseUrl = Objects.requireNonNull(b.apiBaseUrl, "apiBaseUrl");
        this.addonId = Objects.requireNonNull(b.addonId, "addonId");
        this.issuer = Objects.requireNonNull(b.issuer, "issuer");
        this.secret = Objects.requireNonNull(b.secret, "secret");
        this.credentialsSource = b.credentialsSource == null ? "the JWT issuer and secret" : b.credentialsSource;
        this.proxy = b.proxy;
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.retryPolicy = b.retryPolicy;
        this.pollPolicy = b.pollPolicy;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.reporter = b.reporter;
        this.userAgent = b.userAgent;
        this.resume = b.resume == null ? ResumeCommands.defaults() : b.resume;
        this.commands = b.commands == null ? FirefoxCommands.PLAIN : b.commands;
        this.timeout = b.timeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The add-on's id as configured: the gecko id ({@code {uuid}} or {@code name@domain}), or the slug. */
    @Override
    public String productId() {
        return addonId;
    }

    public String addonId() {
        return addonId;
    }

    public URI apiBaseUrl() {
        return apiBaseUrl;
    }

    /** The JWT issuer ({@code user:...}): not secret, but shown partly. */
    public String issuer() {
        return issuer;
    }

    /** Where the credentials came from, in the front end's words (never the values). */
    public String credentialsSource() {
        return credentialsSource;
    }

    /** How long the release may take on the network ({@code firefox.timeout}, else {@code edge.timeout}). */
    public Duration timeout() {
        return timeout;
    }

    /** The front end's Firefox commands (resume a release). */
    public FirefoxCommands commands() {
        return commands;
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

    @Override
    public StoreAdvice advice() {
        return FirefoxHints::htmlNotFoundDuringWait;
    }

    @Override
    public String toString() {
        return "FirefoxSettings{apiBaseUrl=" + apiBaseUrl + ", addonId=" + addonId + ", secret=****}";
    }

    /** Builder; defaults are the production ones. */
    public static final class Builder {
        private URI apiBaseUrl = DEFAULT_API_BASE_URL;
        private String addonId;
        private String issuer;
        private String secret;
        private String credentialsSource;
        private ProxySettings proxy;
        private Duration connectTimeout = Duration.ofSeconds(10);
        // an upload of a large package, or AMO's slow validation start, can take a while to answer
        private Duration responseTimeout = Duration.ofSeconds(120);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private PollPolicy pollPolicy = PollPolicy.fixed(Duration.ofSeconds(5));
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.REAL;
        private Reporter reporter = Reporter.SILENT;
        private String userAgent = "edge-addons-maven-plugin";
        private ResumeCommands resume;
        private FirefoxCommands commands;
        private Duration timeout = Duration.ofMinutes(10);

        public Builder apiBaseUrl(URI v) {
            apiBaseUrl = v;
            return this;
        }

        public Builder addonId(String v) {
            addonId = v;
            return this;
        }

        /** The JWT issuer ({@code user:...}) and secret from AMO's API key page. */
        public Builder credentials(String jwtIssuer, String jwtSecret) {
            issuer = jwtIssuer;
            secret = jwtSecret;
            return this;
        }

        public Builder credentialsSource(String v) {
            credentialsSource = v;
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

        /** How often the waits (validation, review) ask AMO. */
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

        public Builder resume(ResumeCommands v) {
            resume = v;
            return this;
        }

        public Builder commands(FirefoxCommands v) {
            commands = v;
            return this;
        }

        public Builder timeout(Duration v) {
            timeout = v;
            return this;
        }

        public FirefoxSettings build() {
            return new FirefoxSettings(this);
        }
    }
}
