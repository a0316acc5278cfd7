package io.github.edgeaddons.maven;

import static io.github.edgeaddons.maven.MojoFixtures.API_KEY;
import static io.github.edgeaddons.maven.MojoFixtures.CLIENT_ID;
import static io.github.edgeaddons.maven.MojoFixtures.captureLog;
import static io.github.edgeaddons.maven.MojoFixtures.server;
import static io.github.edgeaddons.maven.MojoFixtures.settingsWith;
import static io.github.edgeaddons.maven.MojoFixtures.validZip;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.maven.MojoFixtures.CapturingLog;
import io.github.edgeaddons.release.ServerCredentials;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials from EDGE_CLIENT_ID and EDGE_API_KEY (or EDGE_CLIENT_SECRET for API v1) when settings.xml has no
 * server of that id; a server that exists wins; without either the error names both ways.
 */
@MojoTest
class EnvironmentCredentialsTest {
    private static final String ENV_KEY = "env-API-key-Qq81";

    @TempDir
    Path dir;

    private static Map<String, String> env(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void withoutTheServerTheEnvironmentGivesTheApiKey() throws Exception {
        ServerCredentials c = SettingsCredentials.resolve(new Settings(), "edge-addons", null,
                env("EDGE_CLIENT_ID", "env-client", "EDGE_API_KEY", ENV_KEY, "EDGE_CLIENT_SECRET", "other"), false);
        assertEquals("env-client", c.clientId());
        assertEquals(ENV_KEY, c.secret());
        assertEquals("the environment variables EDGE_CLIENT_ID and EDGE_API_KEY (settings.xml has no <server>"
                + " 'edge-addons')", c.source());
    }

    @Test
    void apiV1ReadsTheClientSecret() throws Exception {
        ServerCredentials c = SettingsCredentials.resolve(null, "edge-addons", null,
                env("EDGE_CLIENT_ID", "env-client", "EDGE_API_KEY", ENV_KEY, "EDGE_CLIENT_SECRET", "the-secret"), true);
        assertEquals("the-secret", c.secret());
        assertTrue(c.source().contains("EDGE_CLIENT_ID and EDGE_CLIENT_SECRET"), c.source());
    }

    @Test
    void aServerThatExistsWins() throws Exception {
        ServerCredentials c = SettingsCredentials.resolve(settingsWith(server("edge-addons", CLIENT_ID, API_KEY)),
                "edge-addons", null, env("EDGE_CLIENT_ID", "env-client", "EDGE_API_KEY", ENV_KEY), false);
        assertEquals(CLIENT_ID, c.clientId());
        assertEquals(API_KEY, c.secret());
        assertEquals("<server> 'edge-addons' in settings.xml", c.source());
    }

    @Test
    void withNeitherTheErrorNamesBothWays() {
        ConfigException e = assertThrows(ConfigException.class, () -> SettingsCredentials.resolve(
                settingsWith(server("other", "a", "b")), "edge-addons", null, env(), false));
        String m = e.getMessage();
        assertTrue(m.contains("settings.xml has no <server> with id 'edge-addons' (edge.serverId); the servers"
                + " there are [other], and the environment variables EDGE_CLIENT_ID and EDGE_API_KEY are not set"), m);
        assertTrue(m.contains("export EDGE_CLIENT_ID and EDGE_API_KEY"), m);
        assertTrue(m.contains("<server><id>edge-addons</id><username>CLIENT_ID</username><password>API_KEY"), m);

        e = assertThrows(ConfigException.class, () -> SettingsCredentials.resolve(null, "edge-addons", null,
                env("EDGE_CLIENT_ID", "x", "EDGE_API_KEY", "k"), true));
        assertTrue(e.getMessage().contains("the environment variable EDGE_CLIENT_SECRET is not set"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "upload", pom = "classpath:/unit/defaults/pom.xml")
    @MojoParameter(name = "dryRun", value = "true")
    @MojoParameter(name = "productId", value = MojoFixtures.PRODUCT_ID)
    void aGoalSaysOnceWhereTheCredentialsCameFromAndNeverWhatTheyAre(UploadMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "settings", new Settings());
        setVariableValueToObject(mojo, "project", MojoFixtures.project("defaults-extension", null));
        setVariableValueToObject(mojo, "file", validZip(dir.resolve("ext.zip")).toFile());
        mojo.environment = env("EDGE_CLIENT_ID", "env-client-7Hn", "EDGE_API_KEY", ENV_KEY);
        CapturingLog log = captureLog(mojo);

        mojo.execute();
        mojo.execute(); // as a second goal of the same project would

        long lines = log.lines.stream().filter(l -> l.startsWith("[INFO] Credentials: ")).count();
        assertEquals(1, lines, log.text());
        log.assertContains("[INFO] Credentials: the environment variables EDGE_CLIENT_ID and EDGE_API_KEY"
                + " (settings.xml has no <server> 'edge-addons').");
        log.assertContains("X-ClientID: env-****"); // the dry run shows the client id redacted: it is the env one
        log.assertNotContains(ENV_KEY);
    }
}
