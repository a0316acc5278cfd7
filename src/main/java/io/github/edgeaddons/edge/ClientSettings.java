package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.Credentials;
import io.github.edgeaddons.core.CredentialsSource;
import io.github.edgeaddons.core.PollPolicy;
import io.github.edgeaddons.core.ProxySettings;
import io.github.edgeaddons.core.Reporter;
import io.github.edgeaddons.core.ResumeCommands;
import io.github.edgeaddons.core.StoreAdvice;
import io.github.edgeaddons.core.StoreSettings;
import io.github.edgeaddons.core.RetryPolicy;
import io.github.edgeaddons.core.Sleeper;
import io.github.edgeaddons.core.TokenCache;

import io.github.edgeaddons.config.EdgeStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Everything the store client needs, already checked by the caller. Built with {@link #builder()}. */
public final class ClientSettings implements StoreSettings {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    /** How long a goal may take on the network when no {@code edge.timeout} is given: 10 minutes. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    final URI apiBaseUrl;
    final String productId;
    final AuthMode authMode;
    final Credentials credentials;
    final URI tokenUrl;
    final String scope;
    final String serverId;
    final ProxySettings proxy;
    final Duration connectTimeout;
    final Duration responseTimeout;
    final RetryPolicy retryPolicy;
    final PollPolicy pollPolicy;
    final Duration timeout;
    final Clock clock;
    final Sleeper sleeper;
    final Reporter reporter;
    final String userAgent;
    final TokenCache tokenCache;
    final ResumeCommands resume;
    final CredentialsSource credentialsSource;

    private ClientSettings(Builder b) {
        this.apiBaseUrl = Objects.requireNonNull(b.apiBaseUrl, "apiBaseUrl");
        this.productId = Objects.requireNonNull(b.productId, "productId");
        this.authMode = Objects.requireNonNull(b.authMode, "authMode");
        this.credentials = Objects.requireNonNull(b.credentials, "credentials");
        if (authMode == AuthMode.CLIENT_CREDENTIALS && b.tokenUrl == null) {
            throw new IllegalArgumentException("clientCredentials needs a token URL");
        }
        this.tokenUrl = b.tokenUrl;
        this.scope = b.scope == null ? EdgeStore.SCOPE : b.scope;
        this.serverId = b.serverId == null ? EdgeStore.SERVER_ID : b.serverId;
        this.proxy = b.proxy;
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.retryPolicy = b.retryPolicy;
        this.pollPolicy = b.pollPolicy;
        this.timeout = Objects.requireNonNull(b.timeout, "timeout");
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.reporter = b.reporter;
        this.userAgent = b.userAgent;
        this.tokenCache = b.tokenCache;
        this.resume = b.resume == null ? ResumeCommands.defaults() : b.resume;
        this.credentialsSource = b.credentialsSource == null ? CredentialsSource.server(serverId) : b.credentialsSource;
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI apiBaseUrl() {
        return apiBaseUrl;
    }

    public String productId() {
        return productId;
    }

    public AuthMode authMode() {
        return authMode;
    }

    public URI tokenUrl() {
        return tokenUrl;
    }

    public PollPolicy pollPolicy() {
        return pollPolicy;
    }

    /** {@code edge.timeout}: how long each goal may take on the network, its requests and waits included. */
    public Duration timeout() {
        return timeout;
    }

    public Clock clock() {
        return clock;
    }

    public Reporter reporter() {
        return reporter;
    }

    public String serverId() {
        return serverId;
    }

    public String scope() {
        return scope;
    }

    /** Where the credentials came from (named by advice about them). */
    public CredentialsSource credentialsSource() {
        return credentialsSource;
    }

    /** The commands that failure messages print to resume this build's work. */
    public ResumeCommands resume() {
        return resume;
    }

    /** Partner Center, where Edge's products are managed. */
    @Override
    public String dashboard() {
        return EdgeStore.DASHBOARD;
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
    public Sleeper sleeper() {
        return sleeper;
    }

    @Override
    public StoreAdvice advice() {
        return EdgeAdvice.INSTANCE;
    }

    /** Builder; defaults are the production ones. */
    public static final class Builder {
        private URI apiBaseUrl;
        private String productId;
        private AuthMode authMode = AuthMode.API_KEY;
        private Credentials credentials;
        private URI tokenUrl;
        private String scope;
        private String serverId;
        private ProxySettings proxy;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private PollPolicy pollPolicy = PollPolicy.adaptive();
        private Duration timeout = DEFAULT_TIMEOUT;
        private Clock clock = Clock.systemUTC();
        private TokenCache tokenCache;
        private Sleeper sleeper = Sleeper.REAL;
        private Reporter reporter = Reporter.SILENT;
        private String userAgent = "edge-addons-maven-plugin";
        private ResumeCommands resume;
        private CredentialsSource credentialsSource;

        public Builder apiBaseUrl(URI v) {
            apiBaseUrl = v;
            return this;
        }

        public Builder productId(String v) {
            productId = v;
            return this;
        }

        public Builder authMode(AuthMode v) {
            authMode = v;
            return this;
        }

        public Builder credentials(Credentials v) {
            credentials = v;
            return this;
        }

        public Builder tokenUrl(URI v) {
            tokenUrl = v;
            return this;
        }

        public Builder scope(String v) {
            scope = v;
            return this;
        }

        /** The settings.xml server id, named in messages about credentials. */
        public Builder serverId(String v) {
            serverId = v;
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

        public Builder pollPolicy(PollPolicy v) {
            pollPolicy = v;
            return this;
        }

        /** How long each goal may take on the network (a {@code Deadline} of this length bounds its work). */
        public Builder timeout(Duration v) {
            timeout = v;
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

        /** Where API v1 tokens are kept between clients (one per build); null: each client has its own. */
        public Builder tokenCache(TokenCache v) {
            tokenCache = v;
            return this;
        }

        /** How printed commands name the plugin and which of this build's arguments they repeat. */
        public Builder resume(ResumeCommands v) {
            resume = v;
            return this;
        }

        /** Where the credentials came from; default: the settings.xml server {@link #serverId}. */
        public Builder credentialsSource(CredentialsSource v) {
            credentialsSource = v;
            return this;
        }

        public ClientSettings build() {
            return new ClientSettings(this);
        }
    }
}
