package io.github.edgeaddons.maven;

import static io.github.edgeaddons.maven.MojoFixtures.API_KEY;
import static io.github.edgeaddons.maven.MojoFixtures.CLIENT_ID;
import static io.github.edgeaddons.maven.MojoFixtures.PRODUCT_ID;
import static io.github.edgeaddons.maven.MojoFixtures.captureLog;
import static io.github.edgeaddons.maven.MojoFixtures.server;
import static io.github.edgeaddons.maven.MojoFixtures.settingsWith;
import static io.github.edgeaddons.maven.MojoFixtures.validZip;
import static io.github.edgeaddons.maven.MojoFixtures.zip;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.maven.MojoFixtures.CapturingLog;
import java.nio.file.Path;
import java.util.Collections;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upload goal as Maven configures it (maven-plugin-testing-harness, constructor injection of the
 * {@code SettingsDecrypter}): defaults, configuration, skip, and every bad input failing before any request.
 * Nothing here touches the network: failures happen first, successes are dry runs.
 */
@MojoTest
class UploadMojoTest {
    private static final String DEFAULTS_POM = "classpath:/unit/defaults/pom.xml";
    private static final String CONFIGURED_POM = "classpath:/unit/configured/pom.xml";
    private static final String UPLOAD_URL = "https://api.addons.microsoftedge.microsoft.com/v1/products/"
            + PRODUCT_ID + "/submissions/draft/package";

    @TempDir
    Path dir;

    private static Settings apiKeySettings() {
        return settingsWith(server("edge-addons", CLIENT_ID, API_KEY));
    }

    /** Sets what a real build would give the mojo: settings.xml, an explicit zip, and a log we can read. */
    private CapturingLog prepare(UploadMojo mojo, Settings settings, Path file) throws Exception {
        setVariableValueToObject(mojo, "settings", settings);
        // a real project whose version matches the test zips' manifest (the harness stub's version is "0")
        setVariableValueToObject(mojo, "project", MojoFixtures.project("defaults-extension", null));
        if (file != null) {
            setVariableValueToObject(mojo, "file", file.toFile());
        }
        return captureLog(mojo);
    }

    private static String failure(UploadMojo mojo) {
        return assertThrows(MojoFailureException.class, mojo::execute).getMessage();
    }

    // ---- parameters -----------------------------------------------------------------------------------

    @Test
    @InjectMojo(goal = "upload", pom = DEFAULTS_POM)
    void unconfiguredMojoGetsTheDocumentedDefaults(UploadMojo mojo) {
        assertNotNull(mojo.decrypter, "the SettingsDecrypter is injected through the constructor");
        assertEquals("edge-addons", mojo.serverId);
        assertEquals("https://api.addons.microsoftedge.microsoft.com", mojo.apiBaseUrl);
        assertEquals("10m", mojo.timeout);
        assertEquals("https://api.addons.microsoftedge.microsoft.com/.default", mojo.scope);
        assertFalse(mojo.skip);
        assertFalse(mojo.dryRun);
        assertNull(mojo.productId);
        assertNull(mojo.authMode, "authMode is decided from the token URL when unset");
        assertNull(mojo.pollInterval, "unset pollInterval means the adaptive policy");
        assertNull(mojo.file);
        assertNull(mojo.classifier);
    }

    @Test
    @InjectMojo(goal = "upload", pom = CONFIGURED_POM)
    void configuredValuesAreInjected(UploadMojo mojo) {
        assertEquals(PRODUCT_ID, mojo.productId);
        assertEquals("my-edge-server", mojo.serverId);
        assertEquals("https://edge.example.com/api", mojo.apiBaseUrl);
        assertEquals("PT2M", mojo.timeout);
        assertEquals("5s", mojo.pollInterval);
        assertEquals("clientCredentials", mojo.authMode);
        assertEquals("https://login.example.com/tenant/oauth2/v2.0/token", mojo.tokenUrl);
        assertEquals("https://example.com/.default", mojo.scope);
        assertEquals("edge", mojo.classifier);
        assertTrue(mojo.dryRun);
    }

    @Test
    @InjectMojo(goal = "upload", pom = CONFIGURED_POM)
    @MojoParameter(name = "timeout", value = "30s")
    @MojoParameter(name = "serverId", value = "other-server")
    void mojoParametersOverrideThePom(UploadMojo mojo) {
        assertEquals("30s", mojo.timeout);
        assertEquals("other-server", mojo.serverId);
        assertEquals(PRODUCT_ID, mojo.productId, "what is not overridden keeps the POM's value");
    }

    // ---- skip ---------------------------------------------------------------------------------------------

    @Test
    @InjectMojo(goal = "upload", pom = DEFAULTS_POM)
    @MojoParameter(name = "skip", value = "true")
    void skipReturnsBeforeLookingAtAnything(UploadMojo mojo) throws Exception {
        // no productId, no settings at all, no project artifact, no file
        setVariableValueToObject(mojo, "settings", null);
        setVariableValueToObject(mojo, "project", null);
        CapturingLog log = captureLog(mojo);

        mojo.execute();

        log.assertContains("edge.skip");
        assertEquals(1, log.lines.size(), "skip logs one line and does nothing else: " + log.lines);
    }

    // ---- bad input fails before any request -----------------------------------------------------------------

    @Test
    @InjectMojo(goal = "upload", pom = DEFAULTS_POM)
    void missingProductIdFails(UploadMojo mojo) throws Exception {
        prepare(mojo, apiKeySettings(), validZip(dir.resolve("ext.zip")));
        String message = failure(mojo);
        assertTrue(message.contains("edge.productId is not set"), message);
    }

    @Test
    @InjectMojo(goal = "upload", pom = DEFAULTS_POM)
    @MojoParameter(name = "productId", value = "my-extension")
    void productIdThatIsNotAGuidFails(UploadMojo mojo) throws Exception {
        prepare(mojo, apiKeySettings(), validZip(dir.resolve("ext.zip")));
        String message = failure(mojo);
        assertTrue(message.contains("edge.productId='my-extension'"), message);
        assertTrue(message.contains("not a GUID"), message);
    }

    @Test
    @InjectMojo(goal = "upload", pom = DEFAULTS_POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "timeout", value = "soon")
    void unparseableTimeoutFails(UploadMojo mojo) throws Exception {
        prepare(mojo, apiKeySettings(), validZip(dir.resolve("ext.zip")));
        String message = failure(mojo);
        assertTrue(message.contains("edge.timeout='soon'"), message);
    }

    @Test
    @InjectMojo(goal = "upload", pom = DEFAULTS_POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "pollInterval", value = "-1s")
    void negativePollIntervalFails(UploadMojo mojo) throws Exception {
        prepare(mojo, apiKeySettings(), validZip(dir.resolve("ext.zip")));
        String message = failure(mojo);
        assertTrue(message.contains("edge.pollInterval='-1s'"), message);
    }

    @Test
    @InjectMojo(goal = "upload", pom = DEFAULTS_POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "apiBaseUrl", value = "http://example.com")
    void plainHttpToARemoteHostIsRefused(UploadMojo mojo) throws Exception {
        prepare(mojo, apiKeySettings(), validZip(dir.resolve("ext.zip")));
        String message = failure(mojo);
        assertTrue(message.contains("edge.apiBaseUrl='http://example.com'"), message);
        assertTrue(message.contains("plain http://"), message);
    }

    @Test
    @InjectMojo(goal = "upload", pom = DEFAULTS_POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "authMode", value = "bogus")
    void unknownAuthModeFails(UploadMojo mojo) throws Exception {
        prepare(mojo, apiKeySettings(), validZip(dir.resolve("ext.zip")));
        String message = failure(mojo);
        assertTrue(message.contains("edge.authMode='bogus'"), message);
        assertTrue(message.contains("apiKey") && message.contains("clientCredentials"), message);
    }

    @Test
    @InjectMojo(goal = "upload", pom = DEFAULTS_POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "serverId", value = "edge-prod")
    void missingSettingsServerFails(UploadMojo mojo) throws Exception {
        prepare(mojo, settingsWith(server("some-other-server", "u", "p")), validZip(dir.resolve("ext.zip")));
        String message = failure(mojo);
        assertTrue(message.contains("'edge-prod'"), message);
        assertTrue(message.contains("settings.xml"), message);
        assertTrue(message.contains("edge.serverId"), message);
        assertTrue(message.contains("some-other-server"), "names the servers that are there: " + message);
    }

    @Test
    @InjectMojo(goal = "upload", pom = DEFAULTS_POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    void serverWithoutPasswordFails(UploadMojo mojo) throws Exception {
        prepare(mojo, settingsWith(server("edge-addons", CLIENT_ID, null)), validZip(dir.resolve("ext.zip")));
        String message = failure(mojo);
        assertTrue(message.contains("'edge-addons'"), message);
        assertTrue(message.contains("no <password>"), message);
    }

    @Test
    @InjectMojo(goal = "upload", pom = DEFAULTS_POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    void missingExplicitFileFails(UploadMojo mojo) throws Exception {
        Path missing = dir.resolve("not-built.zip");
        prepare(mojo, apiKeySettings(), missing);
        String message = failure(mojo);
        assertTrue(message.contains(missing.toString()), message);
        assertTrue(message.contains("does not exist"), message);
        assertTrue(message.contains("edge.file"), message);
    }

    @Test
    @InjectMojo(goal = "upload", pom = DEFAULTS_POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    void zipWithoutManifestAtTheRootFails(UploadMojo mojo) throws Exception {
        // the manifest is one folder down, as when a directory is zipped instead of its contents
        Path wrong = zip(dir.resolve("nested.zip"), "dist/manifest.json", MojoFixtures.VALID_MANIFEST);
        prepare(mojo, apiKeySettings(), wrong);
        String message = failure(mojo);
        assertTrue(message.contains("manifest.json"), message);
        assertTrue(message.contains(wrong.toString()), message);
    }

    // ---- credentials: dry runs, which send nothing -----------------------------------------------------------

    @Test
    @InjectMojo(goal = "upload", pom = DEFAULTS_POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    void dryRunWithApiKeyLogsTheRequestAndNoSecret(UploadMojo mojo) throws Exception {
        Path zip = validZip(dir.resolve("ext.zip"));
        CapturingLog log = prepare(mojo, apiKeySettings(), zip);

        mojo.execute();

        log.assertContains("POST " + UPLOAD_URL);
        log.assertContains("Authorization: ApiKey ****");
        log.assertContains(zip.toString());
        log.assertContains("GET " + UPLOAD_URL + "/operations/{operationId}");
        log.assertNotContains(API_KEY);
        log.assertNotContains("token"); // API v1.1 needs no token request
        assertEquals("dry-run", BuildState.succeededUpload(mojo.project),
                "a dry-run upload lets a dry-run publish follow in the same build");
    }

    @Test
    @InjectMojo(goal = "upload", pom = DEFAULTS_POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    void dryRunWithTokenUrlInTheServerUsesOAuth(UploadMojo mojo) throws Exception {
        String secret = "client-Secret~v1~8Qz";
        Server server = server("edge-addons", CLIENT_ID, secret);
        server.setConfiguration(MojoFixtures.tokenUrlConfiguration(
                "https://login.microsoftonline.com/t/oauth2/v2.0/token"));
        CapturingLog log = prepare(mojo, settingsWith(server), validZip(dir.resolve("ext.zip")));

        mojo.execute();

        log.assertContains("POST https://login.microsoftonline.com/t/oauth2/v2.0/token");
        log.assertContains("client_secret=****");
        log.assertContains("POST " + UPLOAD_URL);
        log.assertContains("Authorization: Bearer ****");
        log.assertNotContains("ApiKey");
        log.assertNotContains(secret);
    }

    @Test
    @InjectMojo(goal = "upload", pom = DEFAULTS_POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    void encryptedPasswordIsDecryptedAndNeverLogged(UploadMojo mojo) throws Exception {
        String plain = "encrypted-API-key-9fK2";
        Path security = dir.resolve("settings-security.xml");
        String encrypted = EncryptedSettings.write(security, "m4ster-Passw0rd", plain);
        Settings settings = settingsWith(server("edge-addons", CLIENT_ID, encrypted));
        CapturingLog log = prepare(mojo, settings, validZip(dir.resolve("ext.zip")));

        try (EncryptedSettings.Property ignored = EncryptedSettings.settingsSecurity(security)) {
            // the decrypter the harness injected decrypts with this master password...
            assertEquals(plain, SettingsCredentials.resolve(settings, "edge-addons", mojo.decrypter, Collections.emptyMap(), false).secret());

            mojo.execute();
        }

        // ...and the dry run that used it shows neither form of the secret
        log.assertContains("POST " + UPLOAD_URL);
        log.assertContains("Authorization: ApiKey ****");
        log.assertNotContains(plain);
        log.assertNotContains(encrypted);
        log.assertNotContains("decrypt");
        assertTrue(encrypted.startsWith("{") && encrypted.endsWith("}"), encrypted);
    }

    @Test
    @InjectMojo(goal = "upload", pom = DEFAULTS_POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    void encryptedPasswordWithoutMasterPasswordFailsNamingSettingsSecurity(UploadMojo mojo) throws Exception {
        Path security = dir.resolve("settings-security.xml");
        String encrypted = EncryptedSettings.write(security, "m4ster-Passw0rd", "whatever-key-123");
        Settings settings = settingsWith(server("edge-addons", CLIENT_ID, encrypted));
        CapturingLog log = prepare(mojo, settings, validZip(dir.resolve("ext.zip")));

        String message;
        try (EncryptedSettings.Property ignored =
                EncryptedSettings.settingsSecurity(dir.resolve("no-such-settings-security.xml"))) {
            message = failure(mojo);
        }

        assertTrue(message.contains("Could not decrypt the <password> of <server> 'edge-addons'"), message);
        assertTrue(message.contains("no-such-settings-security.xml"), "names the file it looked for: " + message);
        assertFalse(message.contains(encrypted), message);
        log.assertNotContains("POST");
    }

    @Test
    @InjectMojo(goal = "upload", pom = DEFAULTS_POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    void unsetEnvironmentVariableInSettingsFails(UploadMojo mojo) throws Exception {
        prepare(mojo, settingsWith(server("edge-addons", CLIENT_ID, "${env.EDGE_API_KEY}")),
                validZip(dir.resolve("ext.zip")));
        String message = failure(mojo);
        assertTrue(message.contains("environment variable EDGE_API_KEY") && message.contains("<password>"), message);
        assertFalse(message.contains("decrypt"), message);
    }

    @Test
    @InjectMojo(goal = "validate", pom = DEFAULTS_POM)
    void validateChecksThePackageWithoutCredentials(ValidateMojo mojo) throws Exception {
        Path zip = validZip(dir.resolve("ext.zip"));
        setVariableValueToObject(mojo, "file", zip.toFile()); // validate has no settings field: no credentials
        setVariableValueToObject(mojo, "project", MojoFixtures.project("defaults-extension", null));
        CapturingLog log = captureLog(mojo);

        mojo.execute();

        log.assertContains("ext.zip is valid: x version 1.0.0, manifest_version 3");
    }
}
