package io.github.edgeaddons.core;

import java.util.Objects;

/**
 * Where the credentials came from: a settings.xml {@code <server>} or the environment variables. Advice about
 * credentials names the place the user has to fix (the hints ({@code Hints})); never the values.
 */
public final class CredentialsSource {
    private final String serverId;
    private final String clientIdVariable;
    private final String secretVariable;
    private final String apiKeyVariable;

    private CredentialsSource(String serverId, String clientIdVariable, String secretVariable, String apiKeyVariable) {
        this.serverId = serverId;
        this.clientIdVariable = clientIdVariable;
        this.secretVariable = secretVariable;
        this.apiKeyVariable = apiKeyVariable;
    }

    /** The {@code <server>} with this id in settings.xml. */
    public static CredentialsSource server(String serverId) {
        return new CredentialsSource(Objects.requireNonNull(serverId, "serverId"), null, null, null);
    }

    /**
     * The environment variables of the client ID and of the secret in use (the API key, or the v1 client
     * secret), and the API key's variable (named when switching from v1).
     */
    public static CredentialsSource environment(String clientIdVariable, String secretVariable, String apiKeyVariable) {
        return new CredentialsSource(null, Objects.requireNonNull(clientIdVariable, "clientIdVariable"),
                Objects.requireNonNull(secretVariable, "secretVariable"),
                Objects.requireNonNull(apiKeyVariable, "apiKeyVariable"));
    }

    public boolean isEnvironment() {
        return serverId == null;
    }

    /** {@code <server> 'edge-addons' in settings.xml}, or {@code the environment variables A and B}. */
    public String describe() {
        return isEnvironment() ? "the environment variables " + clientIdVariable + " and " + secretVariable
                : "<server> '" + serverId + "' in settings.xml";
    }

    /** Where the client ID is: {@code the <username> of <server> ...}, or the variable. */
    public String clientIdPlace() {
        return isEnvironment() ? "the environment variable " + clientIdVariable
                : "the <username> of <server> '" + serverId + "' in settings.xml";
    }

    /** Where the secret (API key or client secret) is: {@code the <password> of <server> ...}, or the variable. */
    public String secretPlace() {
        return isEnvironment() ? "the environment variable " + secretVariable
                : "the <password> of <server> '" + serverId + "' in settings.xml";
    }

    /** How to put an API key where the v1 client secret was. */
    public String putApiKeyInstead() {
        return isEnvironment()
                ? "set " + apiKeyVariable + " to the API key (in CI, from the repository's secrets) in place of "
                        + secretVariable + "; " + clientIdVariable + " stays the client ID"
                : "in settings.xml put the client ID in the <username> and the API key in the <password> of <server> '"
                        + serverId + "'";
    }

    @Override
    public String toString() {
        return describe();
    }
}
