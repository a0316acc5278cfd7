package io.github.edgeaddons.maven;

import static io.github.edgeaddons.maven.MojoFixtures.captureLog;
import static io.github.edgeaddons.maven.MojoFixtures.server;
import static io.github.edgeaddons.maven.MojoFixtures.settingsWith;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.maven.MojoFixtures.CapturingLog;
import io.github.edgeaddons.sim.EdgeApiSimulator;
import io.github.edgeaddons.sim.Route;
import io.github.edgeaddons.sim.Simulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What fails, or is said, before any request: Maven offline, publish's missing notes file seen by upload,
 * and the once-per-build warning that API v1 is retired. The simulator counts the requests (none).
 */
@MojoTest
class EarlyChecksMojoTest {
    private static final String POM = "classpath:/unit/defaults/pom.xml";
    @Simulator
    private static EdgeApiSimulator sim;

    @TempDir
    Path dir;

    /** A build of its own: a real session whose repository session keeps the build-wide data. */
    private static MavenSession newBuild(String... goals) {
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setGoals(Arrays.asList(goals));
        @SuppressWarnings("deprecation")
        MavenSession session = new MavenSession(null, new DefaultRepositorySystemSession(), request,
                new DefaultMavenExecutionResult());
        return session;
    }

    private CapturingLog prepare(AbstractEdgeMojo mojo, boolean offline, MavenSession session) throws Exception {
        Settings settings = settingsWith(server("edge-addons", EdgeApiSimulator.CLIENT_ID, EdgeApiSimulator.API_KEY));
        settings.setOffline(offline);
        if (mojo instanceof AbstractNetworkMojo) {
            setVariableValueToObject(mojo, "settings", settings);
            setVariableValueToObject(mojo, "apiBaseUrl", sim.baseUrl());
        }
        MavenProject project = MojoFixtures.project("ext", null);
        project.setFile(dir.resolve("pom.xml").toFile());
        project.getBuild().setDirectory(dir.resolve("target").toString());
        setVariableValueToObject(mojo, "project", project);
        if (session != null) {
            setVariableValueToObject(mojo, "session", session);
        }
        if (mojo instanceof AbstractPackageMojo || mojo instanceof UploadMojo) {
            setVariableValueToObject(mojo, "file", MojoFixtures.validZip(dir.resolve("ext.zip")).toFile());
        }
        return captureLog(mojo);
    }

    private static void assertOfflineFailure(AbstractEdgeMojo mojo, String goal) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("Cannot run " + goal + " while Maven is offline."), e.getMessage());
        assertTrue(e.getMessage().contains("run the build without -o"), e.getMessage());
        assertEquals(Collections.emptyList(), sim.requests(), "no request under -o");
    }

    // ---- offline ----------------------------------------------------------------------------------------

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    void uploadFailsOfflineBeforeAnyRequest(UploadMojo mojo) throws Exception {
        prepare(mojo, true, null);
        assertOfflineFailure(mojo, "upload");
    }

    @Test
    @InjectMojo(goal = "publish", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "requireUpload", value = "false")
    void publishFailsOfflineBeforeAnyRequest(PublishMojo mojo) throws Exception {
        prepare(mojo, true, null);
        assertOfflineFailure(mojo, "publish");
    }

    @Test
    @InjectMojo(goal = "await", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "operationId", value = "0b2c4d6e-0000-4000-8000-000000000000")
    void awaitFailsOfflineBeforeAnyRequest(AwaitMojo mojo) throws Exception {
        prepare(mojo, true, null);
        assertOfflineFailure(mojo, "await");
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "operationId", value = "0b2c4d6e-0000-4000-8000-000000000000")
    void statusFailsOfflineBeforeAnyRequest(StatusMojo mojo) throws Exception {
        prepare(mojo, true, null);
        assertOfflineFailure(mojo, "status");
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    @MojoParameter(name = "checkCredentials", value = "true")
    void aDryRunThatChecksCredentialsFailsOffline(UploadMojo mojo) throws Exception {
        prepare(mojo, true, null);
        assertOfflineFailure(mojo, "upload");
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    void aPlainDryRunWorksOffline(UploadMojo mojo) throws Exception {
        CapturingLog log = prepare(mojo, true, null);
        mojo.execute();
        log.assertContains("[dry run] POST " + sim.baseUrl() + "/v1/products/");
        assertEquals(Collections.emptyList(), sim.requests());
    }

    @Test
    @InjectMojo(goal = "validate", pom = POM)
    void validateWorksOffline(ValidateMojo mojo) throws Exception {
        MavenSession offline = newBuild("verify");
        offline.getRequest().setOffline(true); // validate reads no settings.xml: -o is all it can see
        assertTrue(offline.isOffline());
        CapturingLog log = prepare(mojo, true, offline);
        mojo.execute();
        log.assertContains("is valid");
    }

    // ---- the notes file of a publish that follows ------------------------------------------------------

    /** The project binds upload and publish in one execution whose notesFile is {@code notesFile}. */
    private static void bindReleaseExecution(MavenProject project, String notesFile) {
        Plugin plugin = new Plugin();
        plugin.setGroupId("io.github.edgeaddons");
        plugin.setArtifactId("edge-addons-maven-plugin");
        PluginExecution execution = new PluginExecution();
        execution.setId("publish-to-edge");
        execution.setGoals(Arrays.asList("upload", "publish", "await"));
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom notes = new Xpp3Dom("notesFile");
        notes.setValue(notesFile);
        configuration.addChild(notes);
        execution.setConfiguration(configuration);
        plugin.addExecution(execution);
        project.getBuild().addPlugin(plugin);
    }

    private static MojoExecution execution(MojoExecution.Source source, String phase) {
        MojoDescriptor descriptor = new MojoDescriptor();
        descriptor.setGoal("upload");
        MojoExecution e = new MojoExecution(descriptor, "publish-to-edge", source);
        e.setLifecyclePhase(phase);
        return e;
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    void aMissingNotesFileOfTheFollowingPublishFailsUploadBeforeTheZipIsSent(UploadMojo mojo) throws Exception {
        prepare(mojo, false, newBuild("deploy"));
        bindReleaseExecution(mojo.project, "src/edge/notes.txt");
        setVariableValueToObject(mojo, "mojoExecution", execution(MojoExecution.Source.LIFECYCLE, "deploy"));

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().startsWith("edge.notesFile " + dir.resolve("src/edge/notes.txt") + " does not exist"),
                e.getMessage());
        assertTrue(e.getMessage().contains("publish follows in this build"), e.getMessage());
        assertEquals(Collections.emptyList(), sim.requests(Route.UPLOAD), "the draft is not replaced");
        assertEquals(Collections.emptyList(), sim.requests());
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    void aNotesFileNamedOnTheCommandLineWithPublishIsCheckedToo(UploadMojo mojo) throws Exception {
        MavenSession session = newBuild("edge-addons:upload", "edge-addons:publish");
        session.getUserProperties().setProperty("edge.notesFile", dir.resolve("missing.txt").toString());
        prepare(mojo, false, session);
        setVariableValueToObject(mojo, "mojoExecution", execution(MojoExecution.Source.CLI, null));

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().contains("missing.txt does not exist"), e.getMessage());
        assertEquals(Collections.emptyList(), sim.requests());
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "pollInterval", value = "20ms")
    void uploadAloneDoesNotReadPublishsNotes(UploadMojo mojo) throws Exception {
        // mvn edge-addons:upload in a project that binds publish: no publish follows in this build
        prepare(mojo, false, newBuild("edge-addons:upload"));
        bindReleaseExecution(mojo.project, "src/edge/notes.txt");
        setVariableValueToObject(mojo, "mojoExecution", execution(MojoExecution.Source.CLI, null));

        mojo.execute();

        assertEquals(1, sim.requests(Route.UPLOAD).size());
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "pollInterval", value = "20ms")
    void aReadableNotesFileLetsTheUploadGo(UploadMojo mojo) throws Exception {
        Path notes = dir.resolve("src/edge/notes.txt");
        Files.createDirectories(notes.getParent());
        Files.write(notes, "Release notes".getBytes(StandardCharsets.UTF_8));
        prepare(mojo, false, newBuild("deploy"));
        bindReleaseExecution(mojo.project, "src/edge/notes.txt");
        setVariableValueToObject(mojo, "mojoExecution", execution(MojoExecution.Source.LIFECYCLE, "deploy"));

        mojo.execute();

        assertEquals(1, sim.requests(Route.UPLOAD).size());
    }

    // ---- API v1 is retired: one warning per build --------------------------------------------------------

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    void clientCredentialsWarnsOncePerBuild(UploadMojo mojo) throws Exception {
        MavenSession build = newBuild("deploy");
        CapturingLog log = prepare(mojo, false, build);
        setVariableValueToObject(mojo, "authMode", "clientCredentials");
        setVariableValueToObject(mojo, "tokenUrl", sim.tokenUrl());

        mojo.execute(); // this module
        mojo.execute(); // the next goal or module of the same build
        assertEquals(1, warnings(log, "API v1"), log.text());
        assertTrue(log.text().contains("Switch to an API key"), log.text());

        setVariableValueToObject(mojo, "session", newBuild("deploy"));
        mojo.execute(); // a new build warns again
        assertEquals(2, warnings(log, "API v1"), log.text());
        assertEquals(Collections.emptyList(), sim.requests(), "a dry run sends nothing");
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    void anApiKeyBuildIsNotWarned(UploadMojo mojo) throws Exception {
        CapturingLog log = prepare(mojo, false, newBuild("deploy"));
        mojo.execute();
        assertEquals(0, warnings(log, "API v1"), log.text());
    }

    private static long warnings(CapturingLog log, String about) {
        List<String> lines = log.lines;
        return lines.stream().filter(l -> l.startsWith("[WARN]") && l.contains(about)).count();
    }
}
