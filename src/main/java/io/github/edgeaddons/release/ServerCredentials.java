package io.github.edgeaddons.release;

/** What the settings.xml {@code <server>} gives: client ID, secret, and optionally the v1 token URL. */
public final class ServerCredentials {
    private final String serverId;
    private final String clientId;
    private final String secret;
    private final String tokenUrl;

    public ServerCredentials(String serverId, String clientId, String secret, String tokenUrl) {
        this.serverId = serverId;
        this.clientId = clientId;
        this.secret = secret;
        this.tokenUrl = tokenUrl;
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
