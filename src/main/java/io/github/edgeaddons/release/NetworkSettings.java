package io.github.edgeaddons.release;

import io.github.edgeaddons.edge.AuthMode;
import io.github.edgeaddons.edge.ClientSettings;
import io.github.edgeaddons.core.Credentials;
import io.github.edgeaddons.core.PollPolicy;
import io.github.edgeaddons.core.ProxySettings;
import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.config.Durations;
import io.github.edgeaddons.config.EdgeStore;
import io.github.edgeaddons.config.Endpoints;
import io.github.edgeaddons.config.KeyExpiry;
import io.github.edgeaddons.config.ProductId;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * The network goals' parameters, each parsed and checked once, when the value is {@link Builder#build() built}
 * from the parameters as the user wrote them: a wrong value fails there, naming the setting, before
 * settings.xml is read and before any request. Immutable; the goals read it and nothing else.
 *
 * <p>Adding a network parameter: the mojo's field (with its Javadoc, which is the {@code help} text), one
 * line in {@code AbstractNetworkMojo.networkSettings()}, here a builder setter, a field parsed in the
 * constructor and its accessor, and README's parameter table; {@code NetworkSettingsWiringTest} fails until
 * the mojo's value reaches this one.
 */
public final class NetworkSettings {
    /** {@code edge.timeout}'s default as users write it: {@link ClientSettings#DEFAULT_TIMEOUT}. */
    public static final String DEFAULT_TIMEOUT = "10m";

    private final String productId;
    private final String serverId;
    private final URI apiBaseUrl;
    private final AuthMode authMode;
    private final URI tokenUrl;
    private final String scope;
    private final PollPolicy pollPolicy;
    private final Duration timeout;
    private final boolean dryRun;
    private final boolean checkCredentials;
    private final LocalDate apiKeyExpires;

    /** Checks in the order users meet them: the product, the times, the endpoints, the auth mode, the key. */
    private NetworkSettings(Builder b) throws ConfigException {
        productId = ProductId.check(b.productId);
        timeout = blank(b.timeout) ? ClientSettings.DEFAULT_TIMEOUT : Durations.parse(b.timeout, "edge.timeout");
        pollPolicy = blank(b.pollInterval) ? PollPolicy.adaptive()
                : PollPolicy.fixed(Durations.parse(b.pollInterval, "edge.pollInterval"));
        apiBaseUrl = Endpoints.check(b.apiBaseUrl == null ? EdgeStore.API_ROOT : b.apiBaseUrl, "edge.apiBaseUrl");
        tokenUrl = blank(b.tokenUrl) ? null : Endpoints.check(b.tokenUrl, "edge.tokenUrl");
        if (blank(b.authMode)) {
            authMode = null;
        } else {
            authMode = AuthMode.fromSetting(b.authMode);
            if (authMode == null) {
                throw new ConfigException("edge.authMode='" + b.authMode + "' is not known: use apiKey (API v1.1,"
                        + " the default) or clientCredentials (API v1, OAuth with a token URL).");
            }
        }
        apiKeyExpires = blank(b.apiKeyExpires) ? null : KeyExpiry.parse(b.apiKeyExpires, "edge.apiKeyExpires");
        serverId = blank(b.serverId) ? EdgeStore.SERVER_ID : b.serverId.trim();
        scope = blank(b.scope) ? EdgeStore.SCOPE : b.scope.trim();
        dryRun = b.dryRun;
        checkCredentials = b.checkCredentials;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static boolean blank(String s) {
        return s == null || s.trim().isEmpty();
    }

    /** {@code edge.productId}: a GUID, in lower case. */
    public String productId() {
        return productId;
    }

    /** {@code edge.serverId}: the settings.xml {@code <server>} of the credentials. */
    public String serverId() {
        return serverId;
    }

    /** {@code edge.apiBaseUrl}, without a trailing slash. */
    public URI apiBaseUrl() {
        return apiBaseUrl;
    }

    /** {@code edge.authMode} as set, or null: chosen by {@link #resolvedAuthMode}. */
    public AuthMode authMode() {
        return authMode;
    }

    /** {@code edge.tokenUrl}, or null (the settings.xml server may give one). */
    public URI tokenUrl() {
        return tokenUrl;
    }

    /** {@code edge.scope}. */
    public String scope() {
        return scope;
    }

    /** {@code edge.pollInterval}: a fixed interval, or the adaptive policy when unset. */
    public PollPolicy pollPolicy() {
        return pollPolicy;
    }

    /** {@code edge.timeout}: how long each goal may take on the network. */
    public Duration timeout() {
        return timeout;
    }

    /** {@code edge.dryRun}. */
    public boolean dryRun() {
        return dryRun;
    }

    /** {@code edge.checkCredentials}. */
    public boolean checkCredentials() {
        return checkCredentials;
    }

    /** {@code edge.apiKeyExpires}: the API key's expiry date, or null when not given. */
    public LocalDate apiKeyExpires() {
        return apiKeyExpires;
    }

    /**
     * The auth mode: {@code edge.authMode}, else API v1 when a token URL is known ({@code edge.tokenUrl}, else
     * {@code serverTokenUrl}, which may be null), else API v1.1.
     */
    public AuthMode resolvedAuthMode(String serverTokenUrl) {
        if (authMode != null) {
            return authMode;
        }
        return tokenUrl != null || !blank(serverTokenUrl) ? AuthMode.CLIENT_CREDENTIALS : AuthMode.API_KEY;
    }

    /**
     * The client's settings from these and the credentials; the caller adds what is not a parameter
     * (reporter, token cache, resume commands) and builds.
     *
     * @param server the decrypted settings.xml server, or the environment's credentials
     * @param proxyFor the proxy to use for a URL's scheme, or null
     */
    public ClientSettings.Builder clientSettings(ServerCredentials server, Function<URI, ProxySettings> proxyFor)
            throws ConfigException {
        AuthMode mode = resolvedAuthMode(server.tokenUrl());
        URI token = null;
        if (mode == AuthMode.CLIENT_CREDENTIALS) {
            if (tokenUrl != null) {
                token = tokenUrl;
            } else if (blank(server.tokenUrl())) {
                throw new ConfigException("edge.authMode=clientCredentials needs the access token URL shown in"
                        + " Partner Center (Microsoft Edge > Publish API): set edge.tokenUrl, or add"
                        + " <configuration><tokenUrl>https://login.microsoftonline.com/TENANT/oauth2/v2.0/token"
                        + "</tokenUrl></configuration> to <server> '" + server.serverId() + "' in settings.xml.");
            } else {
                token = Endpoints.check(server.tokenUrl(), "<tokenUrl> of <server> '" + server.serverId()
                        + "' in settings.xml");
            }
        }
        return ClientSettings.builder()
                .apiBaseUrl(apiBaseUrl)
                .productId(productId)
                .authMode(mode)
                .credentials(new Credentials(server.clientId(), server.secret()))
                .tokenUrl(token)
                .scope(scope)
                .serverId(server.serverId())
                .credentialsSource(server.origin())
                .proxy(proxyFor == null ? null : proxyFor.apply(apiBaseUrl))
                .pollPolicy(pollPolicy)
                .timeout(timeout);
    }

    @Override
    public String toString() {
        return "NetworkSettings{productId=" + productId + ", serverId=" + serverId + ", apiBaseUrl=" + apiBaseUrl
                + ", authMode=" + authMode + ", tokenUrl=" + tokenUrl + ", scope=" + scope + ", pollPolicy="
                + pollPolicy + ", timeout=" + timeout + ", dryRun=" + dryRun + ", checkCredentials="
                + checkCredentials + ", apiKeyExpires=" + apiKeyExpires + "}";
    }

    /** The parameters as the user wrote them (null: not set). */
    public static final class Builder {
        private String productId;
        private String serverId;
        private String apiBaseUrl;
        private String authMode;
        private String tokenUrl;
        private String scope;
        private String pollInterval;
        private String timeout;
        private boolean dryRun;
        private boolean checkCredentials;
        private String apiKeyExpires;

        private Builder() {}

        public Builder productId(String v) {
            productId = v;
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

        public Builder authMode(String v) {
            authMode = v;
            return this;
        }

        public Builder tokenUrl(String v) {
            tokenUrl = v;
            return this;
        }

        public Builder scope(String v) {
            scope = v;
            return this;
        }

        public Builder pollInterval(String v) {
            pollInterval = v;
            return this;
        }

        public Builder timeout(String v) {
            timeout = v;
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

        public Builder apiKeyExpires(String v) {
            apiKeyExpires = v;
            return this;
        }

        /** Parses and checks every parameter; fails naming the first wrong one. */
        public NetworkSettings build() throws ConfigException {
            return new NetworkSettings(this);
        }
    }
}
