package io.github.edgeaddons.maven;

import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.config.EdgeStore;
import io.github.edgeaddons.core.CredentialsSource;
import io.github.edgeaddons.release.ServerCredentials;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Reads the credentials of the settings.xml {@code <server>}, decrypting {@code {...}} passwords; when there
 * is no such server, from the environment variables {@code EDGE_CLIENT_ID} and {@code EDGE_API_KEY} (API
 * v1.1) or {@code EDGE_CLIENT_SECRET} (API v1), as maven-gpg-plugin reads {@code MAVEN_GPG_PASSPHRASE}. A
 * server that exists wins.
 */
final class SettingsCredentials {
    static final String CLIENT_ID_VARIABLE = "EDGE_CLIENT_ID";
    static final String API_KEY_VARIABLE = "EDGE_API_KEY";
    static final String CLIENT_SECRET_VARIABLE = "EDGE_CLIENT_SECRET";

    private SettingsCredentials() {}

    /**
     * @param environment the process environment ({@code System.getenv()}; a plain map in tests)
     * @param oauth whether API v1 is used, so the secret is {@code EDGE_CLIENT_SECRET} rather than the API key
     */
    static ServerCredentials resolve(Settings settings, String serverId, SettingsDecrypter decrypter,
            Map<String, String> environment, boolean oauth) throws ConfigException {
        String id = serverId == null || serverId.trim().isEmpty() ? EdgeStore.SERVER_ID : serverId.trim();
        Server server = settings == null ? null : settings.getServer(id);
        if (server == null) {
            return fromEnvironment(settings, id, environment == null ? Collections.emptyMap() : environment, oauth);
        }
        // before decrypting: the decrypter would take the braces of an unset ${env.X} for an encrypted password
        checkEnvironmentResolved(id, "<username>", server.getUsername());
        checkEnvironmentResolved(id, "<password>", server.getPassword());
        Server decrypted = server;
        if (decrypter != null) {
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem p : result.getProblems()) {
                if (p.getSeverity() == SettingsProblem.Severity.ERROR || p.getSeverity() == SettingsProblem.Severity.FATAL) {
                    throw new ConfigException("Could not decrypt the <password> of <server> '" + id
                            + "' in settings.xml: " + p.getMessage() + ". " + MavenVocabulary.checkMasterPassword());
                }
            }
            if (result.getServer() != null) {
                decrypted = result.getServer();
            }
        }
        String username = decrypted.getUsername();
        String password = decrypted.getPassword();
        if (isBlank(username)) {
            throw new ConfigException("<server> '" + id + "' in settings.xml has no <username>: "
                    + MavenVocabulary.putClientId());
        }
        if (isBlank(password)) {
            throw new ConfigException("<server> '" + id + "' in settings.xml has no <password>: "
                    + MavenVocabulary.putApiKey());
        }
        return new ServerCredentials(id, username.trim(), password, tokenUrl(decrypted.getConfiguration()),
                CredentialsSource.server(id), MavenVocabulary.INSTANCE);
    }

    private static ServerCredentials fromEnvironment(Settings settings, String id, Map<String, String> env,
            boolean oauth) throws ConfigException {
        String secretVariable = oauth ? CLIENT_SECRET_VARIABLE : API_KEY_VARIABLE;
        String clientId = env.get(CLIENT_ID_VARIABLE);
        String secret = env.get(secretVariable);
        if (!isBlank(clientId) && !isBlank(secret)) {
            return new ServerCredentials(id, clientId.trim(), secret, null,
                    CredentialsSource.environment(CLIENT_ID_VARIABLE, secretVariable, API_KEY_VARIABLE),
                    MavenVocabulary.INSTANCE);
        }
        List<String> known = new ArrayList<>();
        if (settings != null) {
            for (Server s : settings.getServers()) {
                known.add(s.getId());
            }
        }
        List<String> unset = new ArrayList<>();
        for (String v : new String[] {CLIENT_ID_VARIABLE, secretVariable}) {
            if (isBlank(env.get(v))) {
                unset.add(v);
            }
        }
        throw new ConfigException("No credentials: settings.xml has no <server> with id '" + id + "' (edge.serverId)"
                + (known.isEmpty() ? "" : "; the servers there are " + known) + ", and the environment variable"
                + (unset.size() > 1 ? "s " + String.join(" and ", unset) + " are" : " " + unset.get(0) + " is")
                + " not set. " + MavenVocabulary.addCredentials(id, CLIENT_ID_VARIABLE, secretVariable, oauth));
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

    private static boolean isBlank(String s) {
        return s == null || s.trim().isEmpty();
    }

    /**
     * The {@code <tokenUrl>} child of the server's {@code <configuration>}. The configuration is an
     * {@code Xpp3Dom} on Maven 3 and a compatible object on Maven 4; read it reflectively so either works.
     */
    static String tokenUrl(Object configuration) {
        return child(configuration, "tokenUrl");
    }

    /** The trimmed text of a child of a {@code <configuration>}, or null when absent or empty. */
    static String child(Object configuration, String name) {
        if (configuration == null) {
            return null;
        }
        try {
            Method getChild = configuration.getClass().getMethod("getChild", String.class);
            Object child = getChild.invoke(configuration, name);
            if (child == null) {
                return null;
            }
            Method getValue = child.getClass().getMethod("getValue");
            Object value = getValue.invoke(child);
            return value == null || value.toString().trim().isEmpty() ? null : value.toString().trim();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
