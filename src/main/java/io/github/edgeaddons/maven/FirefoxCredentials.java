package io.github.edgeaddons.maven;

import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.firefox.FirefoxParameters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * AMO's JWT issuer and secret: the settings.xml {@code <server>} ({@code firefox.serverId}, default
 * {@code firefox-amo}; {@code <username>} the issuer, {@code <password>} the secret, which may be encrypted or
 * {@code ${env.X}}), else the environment's {@code FIREFOX_JWT_ISSUER} and {@code FIREFOX_JWT_SECRET}. A server
 * that exists wins. Never logs a value.
 */
final class FirefoxCredentials {
    private static final Pattern ENV = Pattern.compile("\\$\\{env\\.([^}]+)}");

    final String issuer;
    final String secret;
    /** Where they came from, for the log and advice. */
    final String source;

    private FirefoxCredentials(String issuer, String secret, String source) {
        this.issuer = issuer;
        this.secret = secret;
        this.source = source;
    }

    static FirefoxCredentials resolve(Settings settings, String serverId, SettingsDecrypter decrypter,
            Map<String, String> environment) throws ConfigException {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            return fromEnvironment(settings, serverId, environment == null ? Collections.emptyMap() : environment);
        }
        String place = "<server> '" + serverId + "' in settings.xml";
        for (String[] e : new String[][] {{"<username>", server.getUsername()}, {"<password>", server.getPassword()}}) {
            Matcher m = e[1] == null ? null : ENV.matcher(e[1]);
            if (m != null && m.find()) {
                throw new ConfigException("The " + e[0] + " of " + place + " uses the environment variable "
                        + m.group(1) + ", which is not set (a literal ${env." + m.group(1) + "} remains). Export it"
                        + " before running Maven.");
            }
        }
        Server decrypted = server;
        if (decrypter != null) {
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem p : result.getProblems()) {
                if (p.getSeverity() == SettingsProblem.Severity.ERROR || p.getSeverity() == SettingsProblem.Severity.FATAL) {
                    throw new ConfigException("Could not decrypt the <password> of " + place + ": " + p.getMessage()
                            + ". " + MavenVocabulary.checkMasterPassword());
                }
            }
            if (result.getServer() != null) {
                decrypted = result.getServer();
            }
        }
        if (blank(decrypted.getUsername())) {
            throw new ConfigException(place + " has no <username>: put AMO's JWT issuer there (like"
                    + " user:12345678:90, from https://addons.mozilla.org/developers/addon/api/key/).");
        }
        if (blank(decrypted.getPassword())) {
            throw new ConfigException(place + " has no <password>: put AMO's JWT secret there (from"
                    + " https://addons.mozilla.org/developers/addon/api/key/; it may be encrypted with mvn"
                    + " --encrypt-password).");
        }
        return new FirefoxCredentials(decrypted.getUsername().trim(), decrypted.getPassword(), place);
    }

    private static FirefoxCredentials fromEnvironment(Settings settings, String id, Map<String, String> env)
            throws ConfigException {
        String issuer = env.get(FirefoxParameters.ISSUER_VARIABLE);
        String secret = env.get(FirefoxParameters.SECRET_VARIABLE);
        if (!blank(issuer) && !blank(secret)) {
            return new FirefoxCredentials(issuer.trim(), secret, "the environment variables "
                    + FirefoxParameters.ISSUER_VARIABLE + " and " + FirefoxParameters.SECRET_VARIABLE
                    + " (settings.xml has no <server> '" + id + "')");
        }
        List<String> known = new ArrayList<>();
        if (settings != null) {
            for (Server s : settings.getServers()) {
                known.add(s.getId());
            }
        }
        List<String> unset = new ArrayList<>();
        for (String v : new String[] {FirefoxParameters.ISSUER_VARIABLE, FirefoxParameters.SECRET_VARIABLE}) {
            if (blank(env.get(v))) {
                unset.add(v);
            }
        }
        throw new ConfigException("No credentials for Firefox Add-ons: settings.xml has no <server> with id '" + id
                + "' (firefox.serverId)" + (known.isEmpty() ? "" : "; the servers there are " + known)
                + ", and the environment variable" + (unset.size() > 1 ? "s " + String.join(" and ", unset) + " are"
                        : " " + unset.get(0) + " is") + " not set. Create an API key at"
                + " https://addons.mozilla.org/developers/addon/api/key/ and either add <server><id>" + id
                + "</id><username>JWT issuer</username><password>JWT secret</password></server> to settings.xml,"
                + " or export " + FirefoxParameters.ISSUER_VARIABLE + " and " + FirefoxParameters.SECRET_VARIABLE
                + ".");
    }

    private static boolean blank(String s) {
        return s == null || s.trim().isEmpty();
    }

    @Override
    public String toString() {
        return "FirefoxCredentials{" + source + ", secret=****}";
    }
}
