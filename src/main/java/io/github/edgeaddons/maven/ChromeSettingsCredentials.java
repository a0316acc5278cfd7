package io.github.edgeaddons.maven;

import io.github.edgeaddons.chrome.ChromeCredentials;
import io.github.edgeaddons.config.ConfigException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.Map;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The Chrome Web Store's credentials, as PLUGIN-SPEC "More stores" fixes them: the settings.xml
 * {@code <server>} ({@code chrome.serverId}) when it exists, holding either {@code <username>} client id,
 * {@code <password>} client secret and {@code <passphrase>} refresh token, or {@code <privateKey>} the path of a
 * service account's JSON key file; else {@code CHROME_REFRESH_TOKEN} with {@code CHROME_CLIENT_ID} and
 * {@code CHROME_CLIENT_SECRET}; else {@code GOOGLE_APPLICATION_CREDENTIALS}. Encrypted values are decrypted as
 * Edge's are ({@link SettingsCredentials}). Everything is checked here, before any request; messages name the
 * element or variable and what to do, never a value.
 */
final class ChromeSettingsCredentials {
    static final String CLIENT_ID_VARIABLE = "CHROME_CLIENT_ID";
    static final String CLIENT_SECRET_VARIABLE = "CHROME_CLIENT_SECRET";
    static final String REFRESH_TOKEN_VARIABLE = "CHROME_REFRESH_TOKEN";
    static final String KEY_FILE_VARIABLE = "GOOGLE_APPLICATION_CREDENTIALS";

    /** The credentials and where they came from (for the log; never the values). */
    static final class Resolved {
        final ChromeCredentials credentials;
        final String source;

        Resolved(ChromeCredentials credentials, String source) {
            this.credentials = credentials;
            this.source = source;
        }
    }

    private ChromeSettingsCredentials() {}

    /**
     * @param serverId {@code chrome.serverId}
     * @param basedir where a relative key file path is resolved (the project's folder), or null
     */
    static Resolved resolve(Settings settings, String serverId, SettingsDecrypter decrypter,
            Map<String, String> environment, Path basedir) throws ConfigException {
        Map<String, String> env = environment == null ? Collections.emptyMap() : environment;
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server != null) {
            return fromServer(server, serverId, decrypter, basedir);
        }
        String refresh = env.get(REFRESH_TOKEN_VARIABLE);
        if (!blank(refresh)) {
            String clientId = env.get(CLIENT_ID_VARIABLE);
            if (blank(clientId)) {
                throw new ConfigException(REFRESH_TOKEN_VARIABLE + " is set but " + CLIENT_ID_VARIABLE + " is not:"
                        + " export the OAuth client id of the refresh token (Google Cloud console > APIs & Services >"
                        + " Credentials) as " + CLIENT_ID_VARIABLE + ", and its secret as " + CLIENT_SECRET_VARIABLE
                        + ".");
            }
            String secret = env.get(CLIENT_SECRET_VARIABLE);
            return new Resolved(ChromeCredentials.refreshToken(clientId.trim(), blank(secret) ? null : secret.trim(),
                    refresh.trim()), "the environment variables " + CLIENT_ID_VARIABLE + ", "
                    + (blank(secret) ? "" : CLIENT_SECRET_VARIABLE + ", ") + REFRESH_TOKEN_VARIABLE
                    + " (settings.xml has no <server> '" + serverId + "')");
        }
        String keyFile = env.get(KEY_FILE_VARIABLE);
        if (!blank(keyFile)) {
            return new Resolved(serviceAccount(keyFile.trim(), KEY_FILE_VARIABLE, basedir),
                    "the service account key file of " + KEY_FILE_VARIABLE + " (settings.xml has no <server> '"
                            + serverId + "')");
        }
        throw new ConfigException("No Chrome Web Store credentials: settings.xml has no <server> with id '" + serverId
                + "' (chrome.serverId), and neither " + REFRESH_TOKEN_VARIABLE + " nor " + KEY_FILE_VARIABLE
                + " is set. Add that <server> with <username> (OAuth client id), <password> (client secret) and"
                + " <passphrase> (refresh token), or with <privateKey> (the path of a service account's JSON key"
                + " file); or export " + CLIENT_ID_VARIABLE + ", " + CLIENT_SECRET_VARIABLE + " and "
                + REFRESH_TOKEN_VARIABLE + "; or export " + KEY_FILE_VARIABLE + " (the key file's path).");
    }

    private static Resolved fromServer(Server server, String id, SettingsDecrypter decrypter, Path basedir)
            throws ConfigException {
        // before decrypting: the decrypter would take the braces of an unset ${env.X} for an encrypted value
        checkEnvironmentResolved(id, "<username>", server.getUsername());
        checkEnvironmentResolved(id, "<password>", server.getPassword());
        checkEnvironmentResolved(id, "<passphrase>", server.getPassphrase());
        checkEnvironmentResolved(id, "<privateKey>", server.getPrivateKey());
        Server decrypted = server;
        if (decrypter != null) {
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem p : result.getProblems()) {
                if (p.getSeverity() == SettingsProblem.Severity.ERROR
                        || p.getSeverity() == SettingsProblem.Severity.FATAL) {
                    throw new ConfigException("Could not decrypt the <password> or <passphrase> of <server> '" + id
                            + "' in settings.xml: " + p.getMessage() + ". " + MavenVocabulary.checkMasterPassword());
                }
            }
            if (result.getServer() != null) {
                decrypted = result.getServer();
            }
        }
        String source = "<server> '" + id + "' in settings.xml";
        if (!blank(decrypted.getPrivateKey())) {
            return new Resolved(serviceAccount(decrypted.getPrivateKey().trim(), "<privateKey> of " + source, basedir),
                    source + " (service account key file)");
        }
        if (blank(decrypted.getUsername())) {
            throw new ConfigException(source + " has no <username>: put the OAuth client id there (Google Cloud"
                    + " console > APIs & Services > Credentials), the client secret in <password> and the refresh"
                    + " token in <passphrase>; or put the path of a service account's JSON key file in <privateKey>.");
        }
        if (blank(decrypted.getPassphrase())) {
            throw new ConfigException(source + " has no <passphrase>: put the refresh token there (README,"
                    + " \"Chrome Web Store credentials\", says how to get one), or the path of a service account's"
                    + " JSON key file in <privateKey>.");
        }
        String secret = decrypted.getPassword();
        return new Resolved(ChromeCredentials.refreshToken(decrypted.getUsername().trim(),
                blank(secret) ? null : secret.trim(), decrypted.getPassphrase().trim()), source + " (refresh token)");
    }

    private static ChromeCredentials serviceAccount(String path, String where, Path basedir) throws ConfigException {
        Path file = Paths.get(path);
        if (!file.isAbsolute() && basedir != null) {
            file = basedir.resolve(file);
        }
        try {
            return ChromeCredentials.serviceAccount(file);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage() + " (from " + where + ")");
        }
    }

    private static void checkEnvironmentResolved(String id, String element, String value) throws ConfigException {
        if (value == null) {
            return;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{env\\.([^}]+)}").matcher(value);
        if (m.find()) {
            throw new ConfigException("The " + element + " of <server> '" + id + "' in settings.xml uses the"
                    + " environment variable " + m.group(1) + ", which is not set (a literal ${env." + m.group(1)
                    + "} remains). " + MavenVocabulary.exportVariable());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.trim().isEmpty();
    }
}
