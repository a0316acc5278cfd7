package io.github.edgeaddons.chrome;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.edgeaddons.core.Credentials;
import io.github.edgeaddons.core.Redaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * How the Chrome Web Store client gets its access token: an OAuth refresh token (client id, client secret,
 * refresh token) or a service account's JSON key file. {@link #toString()} never shows a secret.
 */
public abstract class ChromeCredentials {
    private ChromeCredentials() {}

    /** The refresh-token grant; {@code clientSecret} may be null (a "Chrome App" OAuth client has none). */
    public static ChromeCredentials refreshToken(String clientId, String clientSecret, String refreshToken) {
        return new RefreshToken(clientId, clientSecret, refreshToken);
    }

    /**
     * Reads a service account's JSON key file ({@code client_email}, {@code private_key} as PKCS#8 PEM,
     * {@code private_key_id}). A file that cannot be read or lacks a field is refused here, before any request,
     * with a message naming the file (never its key).
     */
    public static ChromeCredentials serviceAccount(Path keyFile) {
        String text;
        try {
            text = new String(Files.readAllBytes(keyFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the service account key file " + keyFile + " ("
                    + e.getClass().getSimpleName() + "). Point it at the JSON key downloaded from the Google Cloud"
                    + " console (IAM > Service accounts > Keys).", e);
        }
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(text);
            o = e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            o = null;
        }
        if (o == null) {
            throw new IllegalArgumentException("The service account key file " + keyFile + " is not a JSON object."
                    + " Use the JSON key downloaded from the Google Cloud console (not a P12 file).");
        }
        String email = field(o, "client_email", keyFile);
        String pem = field(o, "private_key", keyFile);
        String keyId = o.has("private_key_id") && o.get("private_key_id").isJsonPrimitive()
                ? o.get("private_key_id").getAsString() : null;
        PrivateKey key;
        try {
            String b64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // the exception's own text is left out: it could quote part of the key
            throw new IllegalArgumentException("The private_key of the service account key file " + keyFile
                    + " is not an RSA key in PKCS#8 PEM form. Download a new JSON key from the Google Cloud console.");
        }
        return new ServiceAccount(email, keyId, key, pem);
    }

    private static String field(JsonObject o, String name, Path file) {
        if (!o.has(name) || !o.get(name).isJsonPrimitive() || o.get(name).getAsString().trim().isEmpty()) {
            throw new IllegalArgumentException("The service account key file " + file + " has no " + name
                    + ". Use the JSON key downloaded from the Google Cloud console for the service account.");
        }
        return o.get(name).getAsString();
    }

    /** The grant this credential sends, named in messages. */
    abstract String grantName();

    /** The cache key of {@link io.github.edgeaddons.core.TokenCache}: the secrets enter it only as a hash. */
    abstract Credentials cacheKey();

    /** The refresh-token grant. */
    static final class RefreshToken extends ChromeCredentials {
        final String clientId;
        final String clientSecret;
        final String refreshToken;

        RefreshToken(String clientId, String clientSecret, String refreshToken) {
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            this.clientSecret = clientSecret;
            this.refreshToken = Objects.requireNonNull(refreshToken, "refreshToken");
        }

        @Override
        String grantName() {
            return "refresh token";
        }

        @Override
        Credentials cacheKey() {
            return new Credentials(clientId, clientSecret + "\n" + refreshToken);
        }

        @Override
        public String toString() {
            return "RefreshToken{clientId=" + Redaction.partial(clientId) + ", clientSecret=" + Redaction.SECRET
                    + ", refreshToken=" + Redaction.SECRET + "}";
        }
    }

    /** A service account's key: the JWT-bearer grant. */
    static final class ServiceAccount extends ChromeCredentials {
        final String clientEmail;
        final String privateKeyId;
        final PrivateKey privateKey;
        private final String pem;

        ServiceAccount(String clientEmail, String privateKeyId, PrivateKey privateKey, String pem) {
            this.clientEmail = clientEmail;
            this.privateKeyId = privateKeyId;
            this.privateKey = privateKey;
            this.pem = pem;
        }

        @Override
        String grantName() {
            return "service account " + clientEmail;
        }

        @Override
        Credentials cacheKey() {
            return new Credentials(clientEmail, privateKeyId + "\n" + pem);
        }

        @Override
        public String toString() {
            return "ServiceAccount{clientEmail=" + clientEmail + ", privateKey=" + Redaction.SECRET + "}";
        }
    }
}
