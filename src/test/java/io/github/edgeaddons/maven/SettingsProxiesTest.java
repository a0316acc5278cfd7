package io.github.edgeaddons.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.core.ProxySettings;
import java.net.URI;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

/** Which settings.xml proxy the plugin uses (no decrypter needed for plain passwords). */
class SettingsProxiesTest {
    private static final URI STORE = URI.create("https://api.addons.microsoftedge.microsoft.com");

    private static Proxy proxy(String id, boolean active, String protocol, String host, String nonProxyHosts) {
        Proxy p = new Proxy();
        p.setId(id);
        p.setActive(active);
        p.setProtocol(protocol);
        p.setHost(host);
        p.setPort(3128);
        p.setUsername("user-" + id);
        p.setPassword("pass-" + id);
        p.setNonProxyHosts(nonProxyHosts);
        return p;
    }

    private static Settings settings(Proxy... proxies) {
        Settings s = new Settings();
        for (Proxy p : proxies) {
            s.addProxy(p);
        }
        return s;
    }

    @Test
    void noProxiesMeansDirect() throws Exception {
        assertNull(SettingsProxies.from(settings(), null).forUrl(STORE));
    }

    @Test
    void inactiveProxiesAreIgnored() throws Exception {
        assertNull(SettingsProxies.from(settings(proxy("off", false, "https", "off.example", null)), null)
                .forUrl(STORE));
    }

    @Test
    void theProxyForTheTargetsSchemeWins() throws Exception {
        ProxySettings p = SettingsProxies.from(settings(
                proxy("plain", true, "http", "plain.example", null),
                proxy("tls", true, "https", "tls.example", "localhost")), null).forUrl(STORE);
        assertEquals("tls.example", p.host());
        assertEquals(3128, p.port());
        assertEquals("user-tls", p.username());
        assertEquals("pass-tls", p.password());
        assertTrue(p.bypasses("localhost"));
    }

    @Test
    void anHttpProxyAlsoCarriesHttpsWhenNoHttpsOneIsDeclared() throws Exception {
        ProxySettings p = SettingsProxies.from(settings(proxy("plain", true, "http", "plain.example",
                "*.internal")), null).forUrl(STORE);
        assertEquals("plain.example", p.host());
        assertTrue(p.bypasses("build.internal"));
    }
}
