package io.github.edgeaddons.maven;

import static io.github.edgeaddons.maven.MojoFixtures.API_KEY;
import static io.github.edgeaddons.maven.MojoFixtures.CLIENT_ID;
import static io.github.edgeaddons.maven.MojoFixtures.PRODUCT_ID;
import static io.github.edgeaddons.maven.MojoFixtures.captureLog;
import static io.github.edgeaddons.maven.MojoFixtures.jarArtifact;
import static io.github.edgeaddons.maven.MojoFixtures.project;
import static io.github.edgeaddons.maven.MojoFixtures.server;
import static io.github.edgeaddons.maven.MojoFixtures.settingsWith;
import static io.github.edgeaddons.maven.MojoFixtures.validZip;
import static io.github.edgeaddons.maven.MojoFixtures.zip;
import static io.github.edgeaddons.maven.MojoFixtures.zipArtifact;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.maven.MojoFixtures.CapturingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The artifact lookup as the upload goal uses it: which zip a dry run would send (the log names its path),
 * or why it cannot pick one. A dry run sends nothing.
 */
@MojoTest
class UploadArtifactLookupTest {
    private static final String POM = "classpath:/unit/defaults/pom.xml";

    @TempDir
    Path dir;

    private CapturingLog prepare(UploadMojo mojo, MavenProject project) throws Exception {
        setVariableValueToObject(mojo, "project", project);
        setVariableValueToObject(mojo, "settings", settingsWith(server("edge-addons", CLIENT_ID, API_KEY)));
        return captureLog(mojo);
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    void explicitFileWinsOverTheAttachedZip(UploadMojo mojo) throws Exception {
        Path explicit = validZip(dir.resolve("explicit.zip"));
        Path attached = validZip(dir.resolve("ext-edge.zip"));
        CapturingLog log = prepare(mojo, project("ext", null, zipArtifact("ext", "edge", attached)));
        setVariableValueToObject(mojo, "file", explicit.toFile());

        mojo.execute();

        log.assertContains("body: " + explicit);
        log.assertNotContains(attached.toString());
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    void theOneAttachedZipIsUploaded(UploadMojo mojo) throws Exception {
        Path zip = validZip(dir.resolve("ext-1.0.0-edge.zip"));
        Path jar = Files.write(dir.resolve("ext-1.0.0.jar"), new byte[] {1});
        CapturingLog log = prepare(mojo, project("ext", jarArtifact("ext", jar), zipArtifact("ext", "edge", zip)));

        mojo.execute();

        log.assertContains("body: " + zip);
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    void severalAttachedZipsWithoutClassifierFailBeforeAnyRequest(UploadMojo mojo) throws Exception {
        CapturingLog log = prepare(mojo, project("ext", null,
                zipArtifact("ext", "chrome", validZip(dir.resolve("ext-chrome.zip"))),
                zipArtifact("ext", "edge", validZip(dir.resolve("ext-edge.zip")))));

        String message = assertThrows(MojoFailureException.class, mojo::execute).getMessage();

        assertTrue(message.contains("classifier 'chrome'") && message.contains("classifier 'edge'"), message);
        assertTrue(message.contains("edge.classifier"), message);
        log.assertNotContains("POST");
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    @MojoParameter(name = "classifier", value = "edge")
    void classifierPicksTheZipToUpload(UploadMojo mojo) throws Exception {
        Path chrome = validZip(dir.resolve("ext-chrome.zip"));
        Path edge = validZip(dir.resolve("ext-edge.zip"));
        CapturingLog log = prepare(mojo, project("ext", null,
                zipArtifact("ext", "chrome", chrome), zipArtifact("ext", "edge", edge)));

        mojo.execute();

        log.assertContains("body: " + edge);
        log.assertNotContains(chrome.toString());
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    @MojoParameter(name = "classifier", value = "edgee")
    void unknownClassifierFailsListingWhatWasFound(UploadMojo mojo) throws Exception {
        prepare(mojo, project("ext", null, zipArtifact("ext", "edge", validZip(dir.resolve("ext-edge.zip")))));

        String message = assertThrows(MojoFailureException.class, mojo::execute).getMessage();

        assertTrue(message.contains("edge.classifier='edgee'"), message);
        assertTrue(message.contains("classifier 'edge' -> ext-edge.zip"), message);
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    void mainArtifactThatIsAZipIsUploaded(UploadMojo mojo) throws Exception {
        Path main = validZip(dir.resolve("ext-1.0.0.zip"));
        CapturingLog log = prepare(mojo, project("ext", zipArtifact("ext", null, main)));

        mojo.execute();

        log.assertContains("body: " + main);
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    void nothingToUploadFailsNamingEdgeFileAndTheAssemblyPlugin(UploadMojo mojo) throws Exception {
        CapturingLog log = prepare(mojo,
                project("ext", jarArtifact("ext", Files.write(dir.resolve("ext-1.0.0.jar"), new byte[] {1}))));

        String message = assertThrows(MojoFailureException.class, mojo::execute).getMessage();

        assertTrue(message.contains("No extension zip found for ext"), message);
        assertTrue(message.contains("edge.file"), message);
        assertTrue(message.contains("maven-assembly-plugin"), message);
        log.assertNotContains("POST");
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    void theLocatedZipIsStillChecked(UploadMojo mojo) throws Exception {
        Path noManifest = zip(dir.resolve("ext-edge.zip"), "readme.txt", "hello");
        CapturingLog log = prepare(mojo, project("ext", null, zipArtifact("ext", "edge", noManifest)));

        String message = assertThrows(MojoFailureException.class, mojo::execute).getMessage();

        assertTrue(message.contains("manifest.json"), message);
        assertTrue(message.contains(noManifest.toString()), message);
        log.assertNotContains("POST");
    }
}
