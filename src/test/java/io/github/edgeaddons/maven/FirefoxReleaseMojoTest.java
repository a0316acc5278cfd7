package io.github.edgeaddons.maven;

import static io.github.edgeaddons.maven.MojoFixtures.captureLog;
import static io.github.edgeaddons.maven.MojoFixtures.project;
import static io.github.edgeaddons.maven.MojoFixtures.zip;
import static io.github.edgeaddons.maven.MojoFixtures.zipArtifact;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.sim.Simulator;
import io.github.edgeaddons.sim.firefox.AmoSimulator;
import io.github.edgeaddons.sim.firefox.FirefoxRoute;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code firefox-release} and the Firefox part of {@code status}, as Maven configures the mojos, against AMO's simulator. */
@MojoTest
class FirefoxReleaseMojoTest {
    private static final String POM = "classpath:/unit/defaults/pom.xml";
    private static final String MANIFEST = "{\"manifest_version\":3,\"name\":\"x\",\"version\":\"1.0.0\","
            + "\"background\":{\"scripts\":[\"background.js\"]},"
            + "\"browser_specific_settings\":{\"gecko\":{\"id\":\"sim-addon@example.com\",\"strict_min_version\":\"128.0\","
            + "\"data_collection_permissions\":{\"required\":[\"none\"]}}}}";

    @Simulator
    private static AmoSimulator sim;

    @TempDir
    Path dir;

    private MojoFixtures.CapturingLog prepare(AbstractStoresMojo mojo) throws Exception {
        Path firefox = zip(dir.resolve("target/ext-1.0.0-firefox.zip"), "manifest.json", MANIFEST, "background.js",
                "console.log('x');");
        Path sources = zip(dir.resolve("target/ext-1.0.0-firefox-sources.zip"), "src/a.ts", "let a = 1;");
        MavenProject project = project("ext", zipArtifact("ext", null, zip(dir.resolve("target/ext-1.0.0.zip"),
                "manifest.json", MojoFixtures.VALID_MANIFEST)), zipArtifact("ext", "firefox", firefox),
                zipArtifact("ext", "firefox-sources", sources));
        project.setFile(dir.resolve("pom.xml").toFile());
        project.getBuild().setDirectory(dir.resolve("target").toString());
        project.getBuild().setFinalName("ext-1.0.0");
        setVariableValueToObject(mojo, "project", project);
        setVariableValueToObject(mojo, "settings", new Settings());
        setVariableValueToObject(mojo, "firefoxApiBaseUrl", sim.apiBaseUrl());
        Map<String, String> env = new HashMap<>();
        env.put("FIREFOX_JWT_ISSUER", AmoSimulator.JWT_ISSUER);
        env.put("FIREFOX_JWT_SECRET", AmoSimulator.JWT_SECRET);
        setVariableValueToObject(mojo, "environment", env);
        return captureLog(mojo);
    }

    @Test
    @InjectMojo(goal = "firefox-release", pom = POM)
    @MojoParameter(name = "firefoxAddonId", value = AmoSimulator.EMAIL_ADDON_GUID)
    @MojoParameter(name = "firefoxReleaseNotes", value = "First.")
    @MojoParameter(name = "firefoxLicense", value = "MIT")
    void theFirefoxZipAndItsSourcesAreReleasedAndTheStepsRecorded(FirefoxReleaseMojo mojo) throws Exception {
        MojoFixtures.CapturingLog log = prepare(mojo);

        mojo.execute();

        assertEquals("ext-1.0.0-firefox.zip", sim.store().uploads().get(0).fileName());
        assertEquals("ext-1.0.0-firefox-sources.zip", sim.store().versions(AmoSimulator.EMAIL_ADDON_GUID).get(0)
                .sourceName());
        assertTrue(log.text().contains("Firefox Add-ons: released (1.0.0 listed, awaiting review)"), log.text());
        String result = new String(Files.readAllBytes(dir.resolve("target/edge-addons/result.json")),
                StandardCharsets.UTF_8);
        assertTrue(result.contains("\"firefox-upload\"") && result.contains("\"firefox-sources\""), result);
        assertTrue(result.contains("\"store\": \"firefox\"") || result.contains("\"store\":\"firefox\""), result);
        assertFalse(result.contains(AmoSimulator.JWT_SECRET));
    }

    @Test
    @InjectMojo(goal = "firefox-release", pom = POM)
    void withoutAnAddonIdItFailsNamingTheSetting(FirefoxReleaseMojo mojo) throws Exception {
        prepare(mojo);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("firefox.addonId is not set"), e.getMessage());
        assertTrue(sim.requests().isEmpty());
    }

    @Test
    @InjectMojo(goal = "firefox-release", pom = POM)
    @MojoParameter(name = "firefoxAddonId", value = AmoSimulator.EMAIL_ADDON_GUID)
    @MojoParameter(name = "dryRun", value = "true")
    void aDryRunSendsNothingAndPrintsEachRequestRedacted(FirefoxReleaseMojo mojo) throws Exception {
        MojoFixtures.CapturingLog log = prepare(mojo);
        mojo.execute();
        assertTrue(sim.requests().isEmpty());
        assertTrue(log.text().contains("[dry run] POST " + sim.apiBaseUrl() + "/api/v5/addons/upload/"), log.text());
        assertTrue(log.text().contains("[dry run]     Authorization: JWT ****"), log.text());
        assertFalse(log.text().contains(AmoSimulator.JWT_SECRET));
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    @MojoParameter(name = "firefoxAddonId", value = AmoSimulator.ADDON_GUID)
    void statusReadsTheAddon(StatusMojo mojo) throws Exception {
        MojoFixtures.CapturingLog log = prepare(mojo);
        mojo.execute();
        assertTrue(log.text().contains("Firefox Add-ons: add-on sim-addon (" + AmoSimulator.ADDON_GUID
                + "), status public, current version 1.0.0 (file public)."), log.text());
        assertEquals(1, sim.requests().size());
        assertEquals(FirefoxRoute.ADDON.name(), sim.requests().get(0).routeName());
    }

    @Test
    @InjectMojo(goal = "firefox-release", pom = POM)
    @MojoParameter(name = "firefoxAddonId", value = AmoSimulator.EMAIL_ADDON_GUID)
    void offlineItFailsBeforeAnyRequest(FirefoxReleaseMojo mojo) throws Exception {
        prepare(mojo);
        Settings offline = new Settings();
        offline.setOffline(true);
        setVariableValueToObject(mojo, "settings", offline);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("Cannot run firefox-release while Maven is offline."), e.getMessage());
        assertTrue(sim.requests().isEmpty());
    }

    @Test
    @InjectMojo(goal = "firefox-release", pom = POM)
    @MojoParameter(name = "firefoxAddonId", value = AmoSimulator.EMAIL_ADDON_GUID)
    @MojoParameter(name = "dryRun", value = "true")
    void offlineAPlainDryRunStillWorks(FirefoxReleaseMojo mojo) throws Exception {
        MojoFixtures.CapturingLog log = prepare(mojo);
        Settings offline = new Settings();
        offline.setOffline(true);
        setVariableValueToObject(mojo, "settings", offline);
        mojo.execute();
        assertTrue(log.text().contains("Firefox Add-ons: dry run"), log.text());
        assertTrue(sim.requests().isEmpty());
    }

    @Test
    @InjectMojo(goal = "firefox-release", pom = POM)
    @MojoParameter(name = "firefoxAddonId", value = AmoSimulator.EMAIL_ADDON_GUID)
    @MojoParameter(name = "firefoxTimeout", value = "1s")
    void aTimeoutNamesFirefoxsOwnSetting(FirefoxReleaseMojo mojo) throws Exception {
        prepare(mojo);
        // validation that never ends within the second given
        sim.store().processingPolls(100_000);
        org.apache.maven.plugin.AbstractMojoExecutionException e = assertThrows(
                org.apache.maven.plugin.AbstractMojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("firefox.timeout"), e.getMessage());
        assertFalse(e.getMessage().contains("edge.timeout"), e.getMessage());
    }
}
