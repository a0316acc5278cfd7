package io.github.edgeaddons.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Where the credentials are is a fact; the words that name the place are the front end's (Maven's are pinned by
 * HintsTest and ApiKeyExpiryTest). A front end without words of its own names them plainly, and environment
 * variables are named the same under any front end.
 */
class CredentialsSourceTest {
    @Test
    void aServerIsNamedInTheFrontEndsWords() {
        CredentialsSource server = CredentialsSource.server("store-ci");
        assertEquals("the credentials 'store-ci'", server.describe(Vocabulary.PLAIN));
        assertEquals("the client ID of the credentials 'store-ci'", server.clientIdPlace(Vocabulary.PLAIN));
        assertEquals("the secret of the credentials 'store-ci'", server.secretPlace(Vocabulary.PLAIN));
        assertEquals("give the credentials 'store-ci' the client ID and the API key",
                server.putApiKeyInstead(Vocabulary.PLAIN));
    }

    @Test
    void environmentVariablesAreNamedAsTheyAre() {
        CredentialsSource env = CredentialsSource.environment("ID_VAR", "SECRET_VAR", "KEY_VAR");
        assertEquals("the environment variables ID_VAR and SECRET_VAR", env.describe(Vocabulary.PLAIN));
        assertEquals("the environment variable ID_VAR", env.clientIdPlace(Vocabulary.PLAIN));
        assertEquals("the environment variable SECRET_VAR", env.secretPlace(Vocabulary.PLAIN));
        assertEquals("set KEY_VAR to the API key (in CI, from the repository's secrets) in place of SECRET_VAR;"
                + " ID_VAR stays the client ID", env.putApiKeyInstead(Vocabulary.PLAIN));
    }
}
