package io.github.edgeaddons.maven;

import static io.github.edgeaddons.maven.MojoFixtures.captureLog;
import static io.github.edgeaddons.maven.MojoFixtures.settingsWith;
import static io.github.edgeaddons.maven.MojoFixtures.validZip;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.maven.MojoFixtures.CapturingLog;
import io.github.edgeaddons.sim.chrome.ServiceAccount;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Chrome goals as Maven configures them (maven-plugin-testing-harness): defaults, credentials from
 * settings.xml (encrypted too) or the environment, and every bad input failing before any request. Nothing here
 * touches the network: failures happen first, successes are dry runs (the flow itself: ChromeReleaseTest and the
 * IT chrome-release).
 */
@MojoTest
class ChromeMojoTest {
    private static final String DEFAULTS_POM = "classpath:/unit/defaults/pom.xml";
    private static final String ITEM = "abcdefghijklmnopabcdefghijklmnop";

    @TempDir
    Path dir;

    private static Server refreshTokenServer(String id, String passphrase) {
        Server s = new Server();
        s.setId(id);
        s.setUsername("client.apps.googleusercontent.com");
        s.setPassword("GOCSPX-client-secret");
        s.setPassphrase(passphrase);
        return s;
    }

    private CapturingLog prepare(AbstractStoresMojo mojo, Settings settings, Map<String, String> env) throws Exception {
        setVariableValueToObject(mojo, "settings", settings);
        setVariableValueToObject(mojo, "project", MojoFixtures.project("defaults-extension", null));
        setVariableValueToObject(mojo, "chromeFile", validZip(dir.resolve("ext.zip")).toFile());
        mojo.environment = env;
        return captureLog(mojo);
    }

    private static String failure(AbstractStoresMojo mojo) {
        return assertThrows(MojoFailureException.class, mojo::execute).getMessage();
    }

    @Test
    @InjectMojo(goal = "chrome-release", pom = DEFAULTS_POM)
    void unconfiguredMojoGetsTheDocumentedDefaults(ChromeReleaseMojo mojo) {
        assertNotNull(mojo.decrypter);
        assertEquals("chrome-webstore", mojo.chromeServerId);
        assertEquals("https://chromewebstore.googleapis.com", mojo.chromeApiBaseUrl);
        assertEquals("https://oauth2.googleapis.com/token", mojo.chromeTokenUrl);
        assertEquals("default", mojo.chromePublishType);
        assertEquals("fail", mojo.chromeInReview);
        assertEquals("PT1H", mojo.chromeReviewTimeout);
        assertFalse(mojo.chromeAwaitReview);
        assertNull(mojo.chromeItemId);
        assertNull(mojo.chromeDeployPercentage);
        assertNull(mojo.chromeTimeout);
        assertFalse(mojo.chromeConfigured());
    }

    @Test
    @InjectMojo(goal = "chrome-release", pom = DEFAULTS_POM)
    void withoutAnItemIdTheGoalSaysWhatToSet(ChromeReleaseMojo mojo) throws Exception {
        prepare(mojo, settingsWith(), Collections.emptyMap());
        assertTrue(failure(mojo).startsWith("chrome.itemId is not set: chrome-release needs the item's id"));
    }

    @Test
    @InjectMojo(goal = "chrome-release", pom = DEFAULTS_POM)
    @MojoParameter(name = "chromeItemId", value = ITEM)
    @MojoParameter(name = "chromePublisherId", value = "pub-1")
    @MojoParameter(name = "chromeDeployPercentage", value = "0")
    void aBadPercentageFailsBeforeAnything(ChromeReleaseMojo mojo) throws Exception {
        CapturingLog log = prepare(mojo, settingsWith(), Collections.emptyMap());
        assertTrue(failure(mojo).startsWith("chrome.deployPercentage='0' is not a whole number from 1 to 100"));
        log.assertNotContains("credentials");
    }

    @Test
    @InjectMojo(goal = "chrome-release", pom = DEFAULTS_POM)
    @MojoParameter(name = "chromeItemId", value = ITEM)
    @MojoParameter(name = "chromePublisherId", value = "pub-1")
    void offlineIsRefusedBeforeAnyRequest(ChromeReleaseMojo mojo) throws Exception {
        Settings settings = settingsWith(refreshTokenServer("chrome-webstore", "1//refresh"));
        settings.setOffline(true);
        prepare(mojo, settings, Collections.emptyMap());
        assertTrue(failure(mojo).startsWith("Cannot run chrome-release while Maven is offline."));
    }

    @Test
    @InjectMojo(goal = "chrome-release", pom = DEFAULTS_POM)
    @MojoParameter(name = "chromeItemId", value = ITEM)
    @MojoParameter(name = "chromePublisherId", value = "pub-1")
    void noCredentialsNamesEveryPlace(ChromeReleaseMojo mojo) throws Exception {
        prepare(mojo, settingsWith(), Collections.emptyMap());
        String m = failure(mojo);
        assertTrue(m.startsWith("No Chrome Web Store credentials: settings.xml has no <server> with id"
                + " 'chrome-webstore' (chrome.serverId), and neither CHROME_REFRESH_TOKEN nor"
                + " GOOGLE_APPLICATION_CREDENTIALS is set."), m);
    }

    @Test
    @InjectMojo(goal = "chrome-release", pom = DEFAULTS_POM)
    @MojoParameter(name = "chromeItemId", value = ITEM)
    @MojoParameter(name = "chromePublisherId", value = "pub-1")
    void aServerWithoutRefreshTokenSaysWhereItGoes(ChromeReleaseMojo mojo) throws Exception {
        prepare(mojo, settingsWith(refreshTokenServer("chrome-webstore", null)), Collections.emptyMap());
        assertTrue(failure(mojo).startsWith("<server> 'chrome-webstore' in settings.xml has no <passphrase>: put the"
                + " refresh token there"));
    }

    @Test
    @InjectMojo(goal = "chrome-release", pom = DEFAULTS_POM)
    @MojoParameter(name = "chromeItemId", value = ITEM)
    @MojoParameter(name = "chromePublisherId", value = "pub-1")
    void aMissingKeyFileIsNamed(ChromeReleaseMojo mojo) throws Exception {
        Server sa = new Server();
        sa.setId("chrome-webstore");
        sa.setPrivateKey(dir.resolve("nope.json").toString());
        prepare(mojo, settingsWith(sa), Collections.emptyMap());
        String m = failure(mojo);
        assertTrue(m.startsWith("Cannot read the service account key file " + dir.resolve("nope.json")), m);
        assertTrue(m.endsWith("(from <privateKey> of <server> 'chrome-webstore' in settings.xml)"), m);
    }

    @Test
    @InjectMojo(goal = "chrome-release", pom = DEFAULTS_POM)
    @MojoParameter(name = "chromeItemId", value = ITEM)
    @MojoParameter(name = "chromePublisherId", value = "pub-1")
    @MojoParameter(name = "dryRun", value = "true")
    void encryptedRefreshTokenIsDecryptedAndNeverLogged(ChromeReleaseMojo mojo) throws Exception {
        String plain = "1//encrypted-refresh-token-7Hq";
        Path security = dir.resolve("settings-security.xml");
        String encrypted = EncryptedSettings.write(security, "m4ster-Passw0rd", plain);
        Settings settings = settingsWith(refreshTokenServer("chrome-webstore", encrypted));
        CapturingLog log = prepare(mojo, settings, Collections.emptyMap());
        try (EncryptedSettings.Property ignored = EncryptedSettings.settingsSecurity(security)) {
            ChromeSettingsCredentials.Resolved r = ChromeSettingsCredentials.resolve(settings, "chrome-webstore",
                    mojo.decrypter, Collections.emptyMap(), null);
            assertTrue(r.credentials.toString().startsWith("RefreshToken{"), r.credentials.toString());
            mojo.execute();
        }
        log.assertContains("[dry run] POST https://chromewebstore.googleapis.com/upload/v2/publishers/pub-1/items/"
                + ITEM + ":upload");
        log.assertContains("[dry run] POST https://oauth2.googleapis.com/token");
        log.assertNotContains(plain);
        log.assertNotContains(encrypted);
        log.assertNotContains("GOCSPX-client-secret");
    }

    @Test
    void theServerWinsOverTheEnvironmentAndTheRefreshTokenOverTheKeyFile() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("CHROME_CLIENT_ID", "env-client");
        env.put("CHROME_CLIENT_SECRET", "env-secret");
        env.put("CHROME_REFRESH_TOKEN", "env-refresh");
        env.put("GOOGLE_APPLICATION_CREDENTIALS", dir.resolve("absent.json").toString());
        assertEquals("<server> 'chrome-webstore' in settings.xml (refresh token)", ChromeSettingsCredentials.resolve(
                settingsWith(refreshTokenServer("chrome-webstore", "r")), "chrome-webstore", null, env, null).source);
        assertEquals("the environment variables CHROME_CLIENT_ID, CHROME_CLIENT_SECRET, CHROME_REFRESH_TOKEN"
                + " (settings.xml has no <server> 'chrome-webstore')", ChromeSettingsCredentials.resolve(
                        settingsWith(), "chrome-webstore", null, env, null).source);
        env.remove("CHROME_CLIENT_ID");
        assertTrue(assertThrows(ConfigException.class, () -> ChromeSettingsCredentials.resolve(settingsWith(),
                "chrome-webstore", null, env, null)).getMessage().startsWith(
                        "CHROME_REFRESH_TOKEN is set but CHROME_CLIENT_ID is not"));
    }

    @Test
    void aRelativeKeyFileIsTheProjectsAndTheEnvironmentsKeyFileIsRead() throws Exception {
        ServiceAccount account = ServiceAccount.generate();
        account.writeKeyFile(dir.resolve("keys/sa.json"), "https://oauth2.googleapis.com/token");
        Server sa = new Server();
        sa.setId("chrome-webstore");
        sa.setPrivateKey("keys/sa.json");
        ChromeSettingsCredentials.Resolved r = ChromeSettingsCredentials.resolve(settingsWith(sa), "chrome-webstore",
                null, Collections.emptyMap(), dir);
        assertEquals("ServiceAccount{clientEmail=" + ServiceAccount.CLIENT_EMAIL + ", privateKey=****}",
                r.credentials.toString());
        Map<String, String> env = Collections.singletonMap("GOOGLE_APPLICATION_CREDENTIALS",
                dir.resolve("keys/sa.json").toString());
        assertEquals("the service account key file of GOOGLE_APPLICATION_CREDENTIALS (settings.xml has no <server>"
                + " 'chrome-webstore')", ChromeSettingsCredentials.resolve(settingsWith(), "chrome-webstore", null,
                        env, null).source);
    }

    @Test
    @InjectMojo(goal = "chrome-rollout", pom = DEFAULTS_POM)
    @MojoParameter(name = "chromeItemId", value = ITEM)
    @MojoParameter(name = "chromePublisherId", value = "pub-1")
    void rolloutNeedsAPercentage(ChromeRolloutMojo mojo) throws Exception {
        prepare(mojo, settingsWith(), Collections.emptyMap());
        assertTrue(failure(mojo).startsWith("chrome.deployPercentage is not set: chrome-rollout raises"));
    }

    /**
     * The seam of the multi-store deploy: chromeRelease(Reporter) is null without chrome.itemId; with it, a release
     * made without sending anything, which StoreReleases runs on its own thread to a released outcome, each step
     * recorded for store chrome.
     */
    @Test
    @InjectMojo(goal = "upload", pom = DEFAULTS_POM)
    void theDeployMakesTheChromeReleaseWhichSendsNothingUntilItRuns(UploadMojo mojo) throws Exception {
        prepare(mojo, settingsWith(), Collections.emptyMap());
        assertNull(mojo.chromeRelease(io.github.edgeaddons.core.Reporter.SILENT));
        try (io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator sim =
                new io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator().start()) {
            setVariableValueToObject(mojo, "chromeItemId", io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator.ITEM_ID);
            setVariableValueToObject(mojo, "chromePublisherId",
                    io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator.PUBLISHER_ID);
            setVariableValueToObject(mojo, "chromeApiBaseUrl", sim.apiBaseUrl());
            setVariableValueToObject(mojo, "chromeTokenUrl", sim.tokenUrl());
            setVariableValueToObject(mojo, "pollInterval", "50ms");
            Server s = refreshTokenServer("chrome-webstore", io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator.REFRESH_TOKEN);
            s.setUsername(io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator.CLIENT_ID);
            s.setPassword(io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator.CLIENT_SECRET);
            setVariableValueToObject(mojo, "settings", settingsWith(s));
            // the zip's manifest says 1.0.0, the version the simulator publishes: raise it
            setVariableValueToObject(mojo, "chromeFile", MojoFixtures.zip(dir.resolve("ext-2.zip"), "manifest.json",
                    "{\"manifest_version\":3,\"name\":\"x\",\"version\":\"2.0.0\"}").toFile());
            io.github.edgeaddons.release.StoreRelease release =
                    mojo.chromeRelease(mojo.storeReporter("Chrome Web Store"));
            assertNotNull(release);
            assertEquals("Chrome Web Store", release.store());
            assertTrue(sim.requests().isEmpty(), "made, nothing sent: " + sim.requests());
            java.util.List<io.github.edgeaddons.release.StoreOutcome> outcomes =
                    io.github.edgeaddons.release.StoreReleases.runAll(Collections.singletonList(release));
            assertEquals("Chrome Web Store: released (2.0.0 pending review)", outcomes.get(0).toString());
            assertEquals("2.0.0", sim.store().submitted().crxVersion());
        }
    }
}
