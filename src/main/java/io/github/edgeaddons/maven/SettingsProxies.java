package io.github.edgeaddons.maven;

import io.github.edgeaddons.core.ProxySettings;
import io.github.edgeaddons.config.ConfigException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The settings.xml {@code <proxies>} as the plugin uses them: the first active proxy whose
 * {@code <protocol>} is the target's scheme (an {@code http} proxy also serves https targets when no
 * https one is declared), skipped per request for hosts in its {@code <nonProxyHosts>}.
 */
final class SettingsProxies {
    private final List<Proxy> active;

    private SettingsProxies(List<Proxy> active) {
        this.active = active;
    }

    static SettingsProxies from(Settings settings, SettingsDecrypter decrypter) throws ConfigException {
        List<Proxy> active = new ArrayList<>();
        if (settings != null) {
            for (Proxy p : settings.getProxies()) {
                if (p.isActive()) {
                    active.add(p);
                }
            }
        }
        if (!active.isEmpty() && decrypter != null) {
            SettingsDecryptionResult r = decrypter.decrypt(new DefaultSettingsDecryptionRequest().setProxies(active));
            for (SettingsProblem p : r.getProblems()) {
                if (p.getSeverity() == SettingsProblem.Severity.ERROR || p.getSeverity() == SettingsProblem.Severity.FATAL) {
                    throw new ConfigException("Could not decrypt a proxy password in settings.xml: " + p.getMessage()
                            + ". " + MavenVocabulary.checkMasterPassword());
                }
            }
            if (r.getProxies() != null && !r.getProxies().isEmpty()) {
                active = r.getProxies();
            }
        }
        return new SettingsProxies(active);
    }

    /** The proxy for this URL, or null to connect directly. */
    ProxySettings forUrl(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        Proxy chosen = null;
        for (Proxy p : active) {
            if (scheme.equalsIgnoreCase(p.getProtocol())) {
                chosen = p;
                break;
            }
        }
        if (chosen == null) {
            for (Proxy p : active) {
                if (p.getProtocol() == null || "http".equalsIgnoreCase(p.getProtocol())) {
                    chosen = p;
                    break;
                }
            }
        }
        if (chosen == null) {
            return null;
        }
        // nonProxyHosts is applied per request by the client's route planner (the token URL's host may differ)
        return new ProxySettings(chosen.getHost(), chosen.getPort(), chosen.getUsername(), chosen.getPassword(),
                chosen.getNonProxyHosts());
    }
}
