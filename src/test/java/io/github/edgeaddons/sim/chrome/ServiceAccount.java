package io.github.edgeaddons.sim.chrome;

import io.github.edgeaddons.sim.SimJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

/**
 * A test service account: an RSA key pair made at start-up (never a real key) and the JSON key file Google
 * would give for it ({@code type}, {@code project_id}, {@code private_key_id}, {@code private_key} as a
 * PKCS#8 PEM, {@code client_email}, {@code client_id}, {@code token_uri}...). The simulator's token endpoint
 * takes assertions signed with its private key. Immutable.
 */
public final class ServiceAccount {
    /** The account's e-mail: the {@code iss} of its assertions. */
    public static final String CLIENT_EMAIL = "release-bot@sim-project.iam.gserviceaccount.com";
    public static final String PROJECT_ID = "sim-project";
    public static final String PRIVATE_KEY_ID = "5e5e5e5e0000c4c4c4c4000000000000deadbeef";

    private final KeyPair keys;

    private ServiceAccount(KeyPair keys) {
        this.keys = keys;
    }

    /** A new account with a fresh 2048-bit RSA key pair. */
    public static ServiceAccount generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return new ServiceAccount(g.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no RSA in this JDK", e);
        }
    }

    public String clientEmail() {
        return CLIENT_EMAIL;
    }

    public String privateKeyId() {
        return PRIVATE_KEY_ID;
    }

    public PrivateKey privateKey() {
        return keys.getPrivate();
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    /** The private key as Google writes it in a key file: PKCS#8, PEM, 64 characters a line. */
    public String privateKeyPem() {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n";
    }

    /** The JSON key file's text, naming {@code tokenUri} (the simulator's token URL) as {@code token_uri}. */
    public String keyFileJson(String tokenUri) {
        return "{\n"
                + "  \"type\": \"service_account\",\n"
                + "  \"project_id\": " + SimJson.quote(PROJECT_ID) + ",\n"
                + "  \"private_key_id\": " + SimJson.quote(PRIVATE_KEY_ID) + ",\n"
                + "  \"private_key\": " + SimJson.quote(privateKeyPem()) + ",\n"
                + "  \"client_email\": " + SimJson.quote(CLIENT_EMAIL) + ",\n"
                + "  \"client_id\": \"100000000000000000001\",\n"
                + "  \"auth_uri\": \"https://accounts.google.com/o/oauth2/auth\",\n"
                + "  \"token_uri\": " + SimJson.quote(tokenUri) + ",\n"
                + "  \"auth_provider_x509_cert_url\": \"https://www.googleapis.com/oauth2/v1/certs\",\n"
                + "  \"client_x509_cert_url\": \"https://www.googleapis.com/robot/v1/metadata/x509/"
                + "release-bot%40sim-project.iam.gserviceaccount.com\",\n"
                + "  \"universe_domain\": \"googleapis.com\"\n"
                + "}\n";
    }

    /** Write {@link #keyFileJson} to {@code file} (parent folders made) and return the file. */
    public Path writeKeyFile(Path file, String tokenUri) throws IOException {
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        Files.write(abs, keyFileJson(tokenUri).getBytes(StandardCharsets.UTF_8));
        return abs;
    }
}
