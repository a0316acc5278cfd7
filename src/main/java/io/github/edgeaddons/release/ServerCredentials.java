package io.github.edgeaddons.release;

import io.github.edgeaddons.core.CredentialsSource;
import io.github.edgeaddons.core.Vocabulary;

/**
 * The credentials a goal uses: client ID, secret, and optionally the v1 token URL, from the settings.xml
 * {@code <server>} or from the environment; {@link #source()} says which, for the log (never the values).
 */
public final class ServerCredentials {
    private final String serverId;
    private final String clientId;
    private final String secret;
    private final String tokenUrl;
    private final CredentialsSource source;
    private final Vocabulary words;

    public ServerCredentials(String serverId, String clientId, String secret, String tokenUrl) {
        this(serverId, clientId, secret, tokenUrl, CredentialsSource.server(serverId), Vocabulary.PLAIN);
    }

    /** @param words the front end's words, which name the place of the credentials in {@link #source()} */
    public ServerCredentials(String serverId, String clientId, String secret, String tokenUrl,
            CredentialsSource source, Vocabulary words) {
        this.words = words;
        this.serverId = serverId;
        this.clientId = clientId;
        this.secret = secret;
        this.tokenUrl = tokenUrl;
        this.source = source;
    }

    /** Where the credentials came from, for the log, e.g. {@code <server> 'edge-addons' in settings.xml}. */
    public String source() {
        return source.isEnvironment() ? source.describe(words) + " (settings.xml has no <server> '" + serverId + "')"
                : source.describe(words);
    }

    /** Where the credentials came from, for advice about them. */
    public CredentialsSource origin() {
        return source;
    }

    public String serverId() {
        return serverId;
    }

    public String clientId() {
        return clientId;
    }

    public String secret() {
        return secret;
    }

    /** From the server's {@code <configuration><tokenUrl>}, or null. */
    public String tokenUrl() {
        return tokenUrl;
    }

    @Override
    public String toString() {
        return "ServerCredentials{" + serverId + ", secret=****}";
    }
}
