package io.github.edgeaddons.core;

import java.util.Objects;

/**
 * Where the credentials came from, as facts: the front end's place with an id (in Maven a settings.xml
 * {@code <server>}) or environment variables. Advice about credentials names the place the user has to fix, in
 * the front end's words ({@link Vocabulary#credentialsPlace}); never the values.
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

    /** The front end's credentials with this id (in Maven, the settings.xml {@code <server>} with this id). */
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

    /** {@code <server> 'edge-addons' in settings.xml} in Maven's words, or {@code the environment variables A, B}. */
    public String describe(Vocabulary words) {
        return isEnvironment() ? "the environment variables " + clientIdVariable + " and " + secretVariable
                : words.credentialsPlace(serverId);
    }

    /** Where the client ID is: {@code the <username> of <server> ...} in Maven's words, or the variable. */
    public String clientIdPlace(Vocabulary words) {
        return isEnvironment() ? "the environment variable " + clientIdVariable : words.clientIdPlace(serverId);
    }

    /** Where the secret (API key or client secret) is: {@code the <password> of <server> ...}, or the variable. */
    public String secretPlace(Vocabulary words) {
        return isEnvironment() ? "the environment variable " + secretVariable : words.secretPlace(serverId);
    }

    /** How to put an API key where the v1 client secret was. */
    public String putApiKeyInstead(Vocabulary words) {
        return isEnvironment()
                ? "set " + apiKeyVariable + " to the API key (in CI, from the repository's secrets) in place of "
                        + secretVariable + "; " + clientIdVariable + " stays the client ID"
                : words.putClientIdAndApiKey(serverId);
    }

    @Override
    public String toString() {
        return describe(Vocabulary.PLAIN);
    }
}
