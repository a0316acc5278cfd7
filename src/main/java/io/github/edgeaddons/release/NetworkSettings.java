package io.github.edgeaddons.release;

import io.github.edgeaddons.client.AuthMode;
import io.github.edgeaddons.client.ClientSettings;
import io.github.edgeaddons.client.Credentials;
import io.github.edgeaddons.client.PollPolicy;
import io.github.edgeaddons.client.ProxySettings;
import io.github.edgeaddons.client.Reporter;
import io.github.edgeaddons.client.ResumeCommands;
import io.github.edgeaddons.client.TokenCache;
import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.config.Durations;
import io.github.edgeaddons.config.Endpoints;
import io.github.edgeaddons.config.ProductId;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;

/**
 * Turns the goal parameters as the user wrote them into checked client settings, failing with a message
 * that names the setting before any request is sent.
 */
public final class NetworkSettings {
    public static final String DEFAULT_TIMEOUT = "10m";

    private String productId;
    private String apiBaseUrl = "https://api.addons.microsoftedge.microsoft.com";
    private String authMode;
    private String tokenUrl;
    private String scope;
    private String pollInterval;
    private String timeout = DEFAULT_TIMEOUT;
    private TokenCache tokenCache;
    private ResumeCommands resume;

    public NetworkSettings productId(String v) {
        productId = v;
        return this;
    }

    public NetworkSettings apiBaseUrl(String v) {
        apiBaseUrl = v;
        return this;
    }

    public NetworkSettings authMode(String v) {
        authMode = v;
        return this;
    }

    public NetworkSettings tokenUrl(String v) {
        tokenUrl = v;
        return this;
    }

    public NetworkSettings scope(String v) {
        scope = v;
        return this;
    }

    public NetworkSettings pollInterval(String v) {
        pollInterval = v;
        return this;
    }

    public NetworkSettings timeout(String v) {
        timeout = v;
        return this;
    }

    /** The build's store of API v1 tokens, so that one token serves every goal; null: one per goal. */
    public NetworkSettings tokenCache(TokenCache v) {
        tokenCache = v;
        return this;
    }

    /** How the commands printed in failure messages are written; null: {@link ResumeCommands#defaults()}. */
    public NetworkSettings resume(ResumeCommands v) {
        resume = v;
        return this;
    }

    /** The product id, checked (a GUID). */
    public String checkedProductId() throws ConfigException {
        return ProductId.check(productId);
    }

    /** {@code edge.timeout}, checked. */
    public Duration checkedTimeout() throws ConfigException {
        return Durations.parse(timeout == null ? DEFAULT_TIMEOUT : timeout, "edge.timeout");
    }

    /** {@code edge.pollInterval}, checked; the adaptive policy when unset. */
    public PollPolicy checkedPollPolicy() throws ConfigException {
        if (pollInterval == null || pollInterval.trim().isEmpty()) {
            return PollPolicy.adaptive();
        }
        return PollPolicy.fixed(Durations.parse(pollInterval, "edge.pollInterval"));
    }

    /**
     * Checks every setting that needs no credentials, so that a wrong product id or duration fails even
     * before settings.xml is read.
     */
    public void checkWithoutCredentials() throws ConfigException {
        checkedProductId();
        checkedTimeout();
        checkedPollPolicy();
        Endpoints.check(apiBaseUrl, "edge.apiBaseUrl");
        if (tokenUrl != null && !tokenUrl.trim().isEmpty()) {
            Endpoints.check(tokenUrl, "edge.tokenUrl");
        }
        if (authMode != null && !authMode.trim().isEmpty() && AuthMode.fromSetting(authMode) == null) {
            throw new ConfigException("edge.authMode='" + authMode + "' is not known: use apiKey (API v1.1, the"
                    + " default) or clientCredentials (API v1, OAuth with a token URL).");
        }
    }

    /**
     * The auth mode: {@code edge.authMode}, else API v1 when a token URL is known ({@code edge.tokenUrl}, else
     * {@code serverTokenUrl}, which may be null), else API v1.1.
     */
    public AuthMode resolvedAuthMode(String serverTokenUrl) {
        if (authMode != null && !authMode.trim().isEmpty()) {
            return AuthMode.fromSetting(authMode);
        }
        String tokenText = tokenUrl != null && !tokenUrl.trim().isEmpty() ? tokenUrl : serverTokenUrl;
        return tokenText != null && !tokenText.trim().isEmpty() ? AuthMode.CLIENT_CREDENTIALS : AuthMode.API_KEY;
    }

    /**
     * Everything checked and combined with the credentials.
     *
     * @param server the decrypted settings.xml server
     * @param proxyFor the proxy to use for a URL's scheme, or null
     */
    public ClientSettings toClientSettings(ServerCredentials server, Function<URI, ProxySettings> proxyFor,
            Reporter reporter) throws ConfigException {
        checkWithoutCredentials();
        URI base = Endpoints.check(apiBaseUrl, "edge.apiBaseUrl");
        String tokenText = tokenUrl != null && !tokenUrl.trim().isEmpty() ? tokenUrl : server.tokenUrl();
        String tokenSetting = tokenUrl != null && !tokenUrl.trim().isEmpty()
                ? "edge.tokenUrl"
                : "<tokenUrl> of <server> '" + server.serverId() + "' in settings.xml";
        AuthMode mode = resolvedAuthMode(server.tokenUrl());
        URI token = null;
        if (mode == AuthMode.CLIENT_CREDENTIALS) {
            if (tokenText == null || tokenText.trim().isEmpty()) {
                throw new ConfigException("edge.authMode=clientCredentials needs the access token URL shown in"
                        + " Partner Center (Microsoft Edge > Publish API): set edge.tokenUrl, or add"
                        + " <configuration><tokenUrl>https://login.microsoftonline.com/TENANT/oauth2/v2.0/token"
                        + "</tokenUrl></configuration> to <server> '" + server.serverId() + "' in settings.xml.");
            }
            token = Endpoints.check(tokenText, tokenSetting);
        }
        return ClientSettings.builder()
                .apiBaseUrl(base)
                .productId(checkedProductId())
                .authMode(mode)
                .credentials(new Credentials(server.clientId(), server.secret()))
                .tokenUrl(token)
                .scope(scope == null || scope.trim().isEmpty() ? ClientSettings.DEFAULT_SCOPE : scope.trim())
                .serverId(server.serverId())
                .credentialsSource(server.origin())
                .proxy(proxyFor == null ? null : proxyFor.apply(base))
                .pollPolicy(checkedPollPolicy())
                .reporter(reporter)
                .tokenCache(tokenCache)
                .resume(resume)
                .build();
    }
}
