package io.github.edgeaddons.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated plugin.xml against the user contract (README's Goals and Parameters): goal prefix, each goal's phase,
 * and for each parameter its user property and default.
 */
class PluginDescriptorTest {
    private static PluginDescriptor plugin;

    @BeforeAll
    static void readDescriptor() throws Exception {
        try (InputStream in = PluginDescriptorTest.class.getResourceAsStream("/META-INF/maven/plugin.xml");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            plugin = new PluginDescriptorBuilder().build(reader);
        }
    }

    private static MojoDescriptor goal(String name) {
        MojoDescriptor d = plugin.getMojo(name);
        assertNotNull(d, "goal " + name);
        return d;
    }

    /** Checks {@code <param implementation=... default-value=...>${property}</param>} in the goal's configuration. */
    private static void assertParameter(String goal, String param, String property, String defaultValue) {
        PlexusConfiguration c = goal(goal).getMojoConfiguration().getChild(param, false);
        assertNotNull(c, goal + " has parameter " + param);
        assertEquals("${" + property + "}", c.getValue(null), goal + "." + param + " property");
        assertEquals(defaultValue, c.getAttribute("default-value", null), goal + "." + param + " default");
    }

    @Test
    void coordinatesAndPhases() {
        assertEquals("edge-addons", plugin.getGoalPrefix());
        assertEquals("deploy", goal("upload").getPhase());
        assertEquals("deploy", goal("publish").getPhase());
        assertEquals("deploy", goal("await").getPhase());
        assertEquals("verify", goal("validate").getPhase());
        assertNull(goal("status").getPhase());
        assertNotNull(plugin.getMojo("help"));
    }

    @Test
    void sharedParametersOfTheNetworkGoals() {
        List<String> goals = Arrays.asList("upload", "publish", "await", "status");
        for (String g : goals) {
            assertParameter(g, "productId", "edge.productId", null);
            assertParameter(g, "serverId", "edge.serverId", "edge-addons");
            assertParameter(g, "apiBaseUrl", "edge.apiBaseUrl", "https://api.addons.microsoftedge.microsoft.com");
            assertParameter(g, "authMode", "edge.authMode", null);
            assertParameter(g, "tokenUrl", "edge.tokenUrl", null);
            assertParameter(g, "scope", "edge.scope", "https://api.addons.microsoftedge.microsoft.com/.default");
            assertParameter(g, "pollInterval", "edge.pollInterval", null);
            assertParameter(g, "timeout", "edge.timeout", "10m");
            assertParameter(g, "dryRun", "edge.dryRun", "false");
            assertParameter(g, "apiKeyExpires", "edge.apiKeyExpires", null);
            assertParameter(g, "skip", "edge.skip", "false");
        }
    }

    /** The local goals get only what they use: no product, endpoint, credentials or timing. */
    @Test
    void localGoalsHaveNoNetworkParameters() {
        for (String g : Arrays.asList("validate", "package")) {
            assertParameter(g, "skip", "edge.skip", "false");
            for (String network : new String[] {"productId", "serverId", "apiBaseUrl", "authMode", "tokenUrl", "scope",
                    "pollInterval", "timeout", "dryRun", "checkCredentials", "apiKeyExpires"}) {
                assertNull(goal(g).getMojoConfiguration().getChild(network, false), g + " has no " + network);
            }
        }
        assertParameter("validate", "checkVersion", "edge.checkVersion", "true");
        assertParameter("package", "extensionDirectory", "edge.extensionDirectory", "${project.basedir}/src/main/extension");
        assertParameter("package", "firefoxManifestOverlay", "firefox.manifestOverlay", null);
        assertParameter("package", "firefoxSources", "firefox.sources", null);
        assertParameter("package", "firefoxSourcesIncludes", "firefox.sourcesIncludes", null);
        assertParameter("package", "firefoxSourcesExcludes", "firefox.sourcesExcludes", null);
        assertEquals("package", goal("package").getPhase());
    }

    @Test
    void goalSpecificParameters() {
        for (String g : Arrays.asList("upload", "validate")) {
            assertParameter(g, "file", "edge.file", null);
            assertParameter(g, "classifier", "edge.classifier", null);
        }
        assertParameter("publish", "notes", "edge.notes", null);
        assertParameter("publish", "notesFile", "edge.notesFile", null);
        assertParameter("publish", "requireUpload", "edge.requireUpload", "true");
        assertParameter("await", "operationId", "edge.operationId", null);
        assertParameter("status", "operationId", "edge.operationId", null);
    }

    @Test
    void theGoalsThatCheckThePackageTakeIgnoredChecksAndNoOtherDoes() {
        for (String g : Arrays.asList("validate", "upload", "package")) {
            assertParameter(g, "ignoredChecks", "edge.ignoredChecks", null);
        }
        for (String g : Arrays.asList("publish", "await", "status")) {
            assertNull(goal(g).getMojoConfiguration().getChild("ignoredChecks", false), g + " checks no package");
        }
    }

    /** The Chrome Web Store's goals and parameters (PLUGIN-SPEC "More stores"), in every goal that releases or reads it. */
    @Test
    void chromeGoalsAndParameters() {
        assertEquals("deploy", goal("chrome-release").getPhase());
        assertNull(goal("chrome-rollout").getPhase());
        for (String g : Arrays.asList("chrome-release", "chrome-rollout", "status", "upload")) {
            assertParameter(g, "chromeItemId", "chrome.itemId", null);
            assertParameter(g, "chromePublisherId", "chrome.publisherId", null);
            assertParameter(g, "chromeServerId", "chrome.serverId", "chrome-webstore");
            assertParameter(g, "chromeApiBaseUrl", "chrome.apiBaseUrl", "https://chromewebstore.googleapis.com");
            assertParameter(g, "chromeTokenUrl", "chrome.tokenUrl", "https://oauth2.googleapis.com/token");
            assertParameter(g, "chromePublishType", "chrome.publishType", "default");
            assertParameter(g, "chromeDeployPercentage", "chrome.deployPercentage", null);
            assertParameter(g, "chromeInReview", "chrome.inReview", "fail");
            assertParameter(g, "chromeAwaitReview", "chrome.awaitReview", "false");
            assertParameter(g, "chromeReviewTimeout", "chrome.reviewTimeout", "PT1H");
            assertParameter(g, "chromeTimeout", "chrome.timeout", null);
            assertParameter(g, "chromeFile", "chrome.file", null);
            assertParameter(g, "chromeClassifier", "chrome.classifier", null);
            assertParameter(g, "timeout", "edge.timeout", "10m");
            assertParameter(g, "dryRun", "edge.dryRun", "false");
        }
    }
}
