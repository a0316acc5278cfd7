package io.github.edgeaddons.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.config.ConfigException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

/** Where AMO's JWT issuer and secret come from: the settings.xml server, else the environment. */
class FirefoxCredentialsTest {
    private static Settings settings(String id, String user, String password) {
        Settings s = new Settings();
        Server server = new Server();
        server.setId(id);
        server.setUsername(user);
        server.setPassword(password);
        s.addServer(server);
        return s;
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("FIREFOX_JWT_ISSUER", "user:env:1");
        env.put("FIREFOX_JWT_SECRET", "env-secret");
        return env;
    }

    @Test
    void theServerWinsOverTheEnvironment() throws Exception {
        FirefoxCredentials c = FirefoxCredentials.resolve(settings("firefox-amo", " user:1:2 ", "s3cret"),
                "firefox-amo", null, env());
        assertEquals("user:1:2", c.issuer);
        assertEquals("s3cret", c.secret);
        assertEquals("<server> 'firefox-amo' in settings.xml", c.source);
        assertFalse(c.toString().contains("s3cret"));
    }

    @Test
    void withoutTheServerTheEnvironmentIsRead() throws Exception {
        FirefoxCredentials c = FirefoxCredentials.resolve(settings("other", "u", "p"), "firefox-amo", null, env());
        assertEquals("user:env:1", c.issuer);
        assertTrue(c.source.startsWith("the environment variables FIREFOX_JWT_ISSUER and FIREFOX_JWT_SECRET"));
    }

    @Test
    void neitherNamesBothWaysAndTheServersThereAre() {
        ConfigException e = assertThrows(ConfigException.class, () -> FirefoxCredentials.resolve(
                settings("edge-addons", "u", "p"), "firefox-amo", null, Collections.emptyMap()));
        assertTrue(e.getMessage().startsWith("No credentials for Firefox Add-ons: settings.xml has no <server> with id"
                + " 'firefox-amo' (firefox.serverId); the servers there are [edge-addons], and the environment"
                + " variables FIREFOX_JWT_ISSUER and FIREFOX_JWT_SECRET are not set."), e.getMessage());
    }

    @Test
    void anEmptyPasswordOrAnUnsetVariableIsNamed() {
        ConfigException empty = assertThrows(ConfigException.class, () -> FirefoxCredentials.resolve(
                settings("firefox-amo", "user:1:2", ""), "firefox-amo", null, env()));
        assertTrue(empty.getMessage().startsWith("<server> 'firefox-amo' in settings.xml has no <password>"));
        ConfigException unset = assertThrows(ConfigException.class, () -> FirefoxCredentials.resolve(
                settings("firefox-amo", "user:1:2", "${env.AMO_SECRET}"), "firefox-amo", null, env()));
        assertTrue(unset.getMessage().contains("uses the environment variable AMO_SECRET, which is not set"));
    }
}
