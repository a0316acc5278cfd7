package io.github.edgeaddons.core;

/** The client ID and its secret (API key for v1.1, client secret for v1). {@link #toString()} redacts. */
public final class Credentials {
    private final String clientId;
    private final String secret;

    public Credentials(String clientId, String secret) {
        this.clientId = clientId;
        this.secret = secret;
    }

    public String clientId() {
        return clientId;
    }

    public String secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "Credentials{clientId=" + Redaction.partial(clientId) + ", secret=***}";
    }
}
