package io.github.edgeaddons.maven;

import io.github.edgeaddons.client.Hints;
import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.release.ServerCredentials;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** Reads the credentials of the settings.xml {@code <server>}, decrypting {@code {...}} passwords. */
final class SettingsCredentials {
    private SettingsCredentials() {}

    static ServerCredentials resolve(Settings settings, String serverId, SettingsDecrypter decrypter)
            throws ConfigException {
        String id = serverId == null || serverId.trim().isEmpty() ? "edge-addons" : serverId.trim();
        Server server = settings == null ? null : settings.getServer(id);
        if (server == null) {
            List<String> known = new ArrayList<>();
            if (settings != null) {
                for (Server s : settings.getServers()) {
                    known.add(s.getId());
                }
            }
            throw new ConfigException("No <server> with id '" + id + "' in settings.xml (edge.serverId)"
                    + (known.isEmpty() ? "" : "; the servers there are " + known) + ". " + Hints.addServer(id));
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
                            + "' in settings.xml: " + p.getMessage() + ". " + Hints.checkMasterPassword());
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
                    + Hints.putClientId());
        }
        if (isBlank(password)) {
            throw new ConfigException("<server> '" + id + "' in settings.xml has no <password>: "
                    + Hints.putApiKey());
        }
        return new ServerCredentials(id, username.trim(), password, tokenUrl(decrypted.getConfiguration()));
    }

    private static void checkEnvironmentResolved(String id, String element, String value) throws ConfigException {
        if (value == null) {
            return;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{env\\.([^}]+)}").matcher(value);
        if (m.find()) {
            throw new ConfigException("The " + element + " of <server> '" + id + "' in settings.xml uses the"
                    + " environment variable " + m.group(1) + ", which is not set (a literal ${env." + m.group(1)
                    + "} remains). " + Hints.exportVariable());
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
