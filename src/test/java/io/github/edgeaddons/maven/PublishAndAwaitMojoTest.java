package io.github.edgeaddons.maven;

import static io.github.edgeaddons.maven.MojoFixtures.API_KEY;
import static io.github.edgeaddons.maven.MojoFixtures.CLIENT_ID;
import static io.github.edgeaddons.maven.MojoFixtures.PRODUCT_ID;
import static io.github.edgeaddons.maven.MojoFixtures.captureLog;
import static io.github.edgeaddons.maven.MojoFixtures.server;
import static io.github.edgeaddons.maven.MojoFixtures.settingsWith;
import static io.github.edgeaddons.maven.MojoFixtures.validZip;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.maven.MojoFixtures.CapturingLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** publish and await: what they require from earlier goals of the build, and their dry runs. No network. */
@MojoTest
class PublishAndAwaitMojoTest {
    private static final String POM = "classpath:/unit/defaults/pom.xml";
    private static final String PUBLISH_URL =
            "https://api.addons.microsoftedge.microsoft.com/v1/products/" + PRODUCT_ID + "/submissions";

    @TempDir
    Path dir;

    private static Settings apiKeySettings() {
        return settingsWith(server("edge-addons", CLIENT_ID, API_KEY));
    }

    @Test
    @InjectMojo(goal = "publish", pom = POM)
    void requireUploadDefaultsToTrue(PublishMojo mojo) {
        assertTrue(mojo.requireUpload);
        assertNull(mojo.notes);
        assertNull(mojo.notesFile);
    }

    @Test
    @InjectMojo(goal = "publish", pom = POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    void publishWithoutUploadInTheSameBuildFails(PublishMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "settings", apiKeySettings());
        CapturingLog log = captureLog(mojo);

        String message = assertThrows(MojoFailureException.class, mojo::execute).getMessage();

        assertTrue(message.contains("edge.requireUpload=false"), message);
        assertTrue(message.contains("upload, publish, await"), message);
        log.assertNotContains("POST");
    }

    @Test
    @InjectMojo(goal = "publish", pom = POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    @MojoParameter(name = "requireUpload", value = "false")
    @MojoParameter(name = "notes", value = "Fixes the popup. Test account: none needed.")
    void publishWithoutRequiringUploadDryRunLogsThePublishRequest(PublishMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "settings", apiKeySettings());
        CapturingLog log = captureLog(mojo);

        mojo.execute();

        log.assertContains("POST " + PUBLISH_URL);
        log.assertContains("Authorization: ApiKey ****");
        log.assertContains("Content-Type: text/plain; charset=UTF-8; body: "
                + "Fixes the popup. Test account: none needed.".getBytes(StandardCharsets.UTF_8).length + " bytes");
        log.assertNotContains(API_KEY);
        assertEquals("{operationId}", BuildState.publishOperation(mojo.project), "await can follow in the build");
    }

    @Test
    void uploadThenPublishThenAwaitInOneBuild(
            @InjectMojo(goal = "upload", pom = POM) @MojoParameter(name = "productId", value = PRODUCT_ID)
                    @MojoParameter(name = "dryRun", value = "true") UploadMojo upload,
            @InjectMojo(goal = "publish", pom = POM) @MojoParameter(name = "productId", value = PRODUCT_ID)
                    @MojoParameter(name = "dryRun", value = "true") PublishMojo publish,
            @InjectMojo(goal = "await", pom = POM) @MojoParameter(name = "productId", value = PRODUCT_ID)
                    @MojoParameter(name = "dryRun", value = "true") AwaitMojo await)
            throws Exception {
        assertSame(upload.project, publish.project, "the goals share the build's project");
        assertSame(upload.project, await.project);
        CapturingLog log = new CapturingLog();
        // one real project for the three goals, its version matching the zip's manifest
        org.apache.maven.project.MavenProject project = MojoFixtures.project("ext", null);
        for (AbstractEdgeMojo mojo : new AbstractEdgeMojo[] {upload, publish, await}) {
            setVariableValueToObject(mojo, "project", project);
            setVariableValueToObject(mojo, "settings", apiKeySettings());
            mojo.setLog(log);
        }
        setVariableValueToObject(upload, "file", validZip(dir.resolve("ext.zip")).toFile());

        upload.execute();
        publish.execute(); // requireUpload is satisfied by the upload above
        await.execute(); // follows the (dry-run) publish operation of this build

        log.assertContains("POST " + PUBLISH_URL + "/draft/package");
        log.assertContains("POST " + PUBLISH_URL);
        log.assertContains("GET " + PUBLISH_URL + "/operations/{operationId}");
        log.assertNotContains(API_KEY);
    }

    @Test
    @InjectMojo(goal = "publish", pom = POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    @MojoParameter(name = "requireUpload", value = "false")
    void missingNotesFileFailsNamingEdgeNotesFile(PublishMojo mojo) throws Exception {
        Path missing = dir.resolve("release-notes.txt");
        setVariableValueToObject(mojo, "notesFile", missing.toFile());
        setVariableValueToObject(mojo, "settings", apiKeySettings());
        CapturingLog log = captureLog(mojo);

        String message = assertThrows(MojoFailureException.class, mojo::execute).getMessage();

        assertTrue(message.contains("edge.notesFile " + missing), message);
        assertTrue(message.contains("does not exist"), message);
        log.assertNotContains("POST");
    }

    @Test
    @InjectMojo(goal = "publish", pom = POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    @MojoParameter(name = "requireUpload", value = "false")
    @MojoParameter(name = "notes", value = "ignored, the file wins")
    void notesFileWinsOverNotes(PublishMojo mojo) throws Exception {
        byte[] notes = "Änderungen:\n - schneller\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("notes.txt"), notes);
        setVariableValueToObject(mojo, "notesFile", file.toFile());
        setVariableValueToObject(mojo, "settings", apiKeySettings());
        CapturingLog log = captureLog(mojo);

        mojo.execute();

        log.assertContains("body: " + notes.length + " bytes of certification notes");
    }

    @Test
    @InjectMojo(goal = "await", pom = POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    void awaitWithoutOperationIdFailsNamingEdgeOperationId(AwaitMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "settings", apiKeySettings());
        CapturingLog log = captureLog(mojo);

        String message = assertThrows(MojoFailureException.class, mojo::execute).getMessage();

        assertTrue(message.contains("-Dedge.operationId="), message);
        assertTrue(message.contains("run publish before it"), message);
        log.assertNotContains("GET");
    }

    @Test
    @InjectMojo(goal = "await", pom = POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    @MojoParameter(name = "operationId", value = "7f1c2d3e-aaaa-bbbb-cccc-0123456789ab")
    void awaitDryRunWithOperationIdLogsTheStatusRequest(AwaitMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "settings", apiKeySettings());
        CapturingLog log = captureLog(mojo);

        mojo.execute();

        log.assertContains("GET " + PUBLISH_URL + "/operations/7f1c2d3e-aaaa-bbbb-cccc-0123456789ab");
        log.assertContains("Authorization: ApiKey ****");
        log.assertNotContains(API_KEY);
    }

    @Test
    @InjectMojo(goal = "await", pom = POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "operationId", value = "../../products")
    void awaitRefusesAnOperationIdThatIsNotAnId(AwaitMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "settings", apiKeySettings());

        String message = assertThrows(MojoFailureException.class, mojo::execute).getMessage();

        assertTrue(message.contains("edge.operationId='../../products'"), message);
        assertFalse(message.contains(API_KEY), message);
    }
}
