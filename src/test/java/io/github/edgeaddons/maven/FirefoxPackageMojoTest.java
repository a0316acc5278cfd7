package io.github.edgeaddons.maven;

import static io.github.edgeaddons.maven.MojoFixtures.captureLog;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.pkg.InvalidPackageException;
import io.github.edgeaddons.pkg.checks.Rule;
import io.github.edgeaddons.pkg.checks.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package goal's Firefox parts as Maven runs them: the overlay turns the Firefox zip on, {@code none} turns it
 * off (and with it Firefox-only errors), a named overlay or sources file must exist, a given sources file is
 * attached as it is.
 */
@MojoTest
class FirefoxPackageMojoTest {
    private static final String POM = "classpath:/unit/defaults/pom.xml";
    private static final String MANIFEST = "{\"manifest_version\": 3, \"name\": \"x\", \"version\": \"0.0.0\","
            + " \"background\": {\"service_worker\": \"bg.js\"}}";
    /** No gecko id: an error for Firefox only. */
    private static final String OVERLAY = "{\"background\": {\"service_worker\": null, \"scripts\": [\"bg.js\"]}}";

    @TempDir
    Path dir;

    private MavenProject prepare(PackageMojo mojo) throws Exception {
        write(dir.resolve("src/main/extension/manifest.json"), MANIFEST);
        write(dir.resolve("src/main/extension/bg.js"), "1");
        write(dir.resolve("src/main/extension/manifest.firefox.json"), OVERLAY);
        MavenProject project = MojoFixtures.project("ext", MojoFixtures.jarArtifact("ext", dir.resolve("target/ext-1.0.0.jar")));
        project.setFile(dir.resolve("pom.xml").toFile());
        project.setPackaging("jar");
        setVariableValueToObject(mojo, "project", project);
        setVariableValueToObject(mojo, "extensionDirectory", dir.resolve("src/main/extension").toFile());
        setVariableValueToObject(mojo, "outputDirectory", dir.resolve("target").toFile());
        setVariableValueToObject(mojo, "finalName", "ext-1.0.0");
        captureLog(mojo);
        return project;
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.write(p, text.getBytes(UTF_8));
    }

    private static List<String> attached(MavenProject project) {
        List<String> list = new ArrayList<>();
        for (Artifact a : project.getAttachedArtifacts()) {
            list.add(a.getType() + ":" + a.getClassifier() + ":" + a.getFile().getName());
        }
        return list;
    }

    @Test
    @InjectMojo(goal = "package", pom = POM)
    void theOverlayMakesAFirefoxZipWhoseFirefoxOnlyErrorFailsTheBuild(PackageMojo mojo) throws Exception {
        MavenProject project = prepare(mojo);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        InvalidPackageException cause = (InvalidPackageException) e.getCause();
        assertEquals(Store.FIREFOX, cause.report().store());
        assertTrue(cause.report().rules().contains(Rule.GECKO_ID_MISSING));
        assertEquals(Arrays.asList("zip:null:ext-1.0.0.zip", "zip:firefox:ext-1.0.0-firefox.zip"), attached(project));
    }

    @Test
    @InjectMojo(goal = "package", pom = POM)
    @MojoParameter(name = "firefoxManifestOverlay", value = "none")
    void noneMakesNoFirefoxZipAndTheOverlayStaysOutOfTheMainZip(PackageMojo mojo) throws Exception {
        MavenProject project = prepare(mojo);
        mojo.execute();
        assertEquals(Collections.singletonList("zip:null:ext-1.0.0.zip"), attached(project));
        assertFalse(Files.exists(dir.resolve("target/ext-1.0.0-firefox.zip")));
        try (ZipFile z = new ZipFile(dir.resolve("target/ext-1.0.0.zip").toFile())) {
            assertEquals(null, z.getEntry("manifest.firefox.json"));
            assertTrue(z.getEntry("bg.js") != null);
        }
    }

    @Test
    @InjectMojo(goal = "package", pom = POM)
    @MojoParameter(name = "firefoxManifestOverlay", value = "firefox/missing.json")
    void aNamedOverlayMustExistBeforeAnythingIsWritten(PackageMojo mojo) throws Exception {
        MavenProject project = prepare(mojo);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getCause() instanceof ConfigException, String.valueOf(e.getCause()));
        assertFalse(Files.exists(dir.resolve("target/ext-1.0.0.zip")));
        assertEquals(Collections.emptyList(), attached(project));
    }

    @Test
    @InjectMojo(goal = "package", pom = POM)
    @MojoParameter(name = "firefoxManifestOverlay", value = "none")
    @MojoParameter(name = "firefoxSources", value = "dist/sources.zip")
    void aGivenSourcesFileIsAttachedAsItIs(PackageMojo mojo) throws Exception {
        MavenProject project = prepare(mojo);
        write(dir.resolve("dist/sources.zip"), "PK");
        mojo.execute();
        assertEquals(Arrays.asList("zip:null:ext-1.0.0.zip", "zip:firefox-sources:sources.zip"), attached(project));
        assertFalse(Files.exists(dir.resolve("target/ext-1.0.0-firefox-sources.zip")));
    }

    @Test
    @InjectMojo(goal = "package", pom = POM)
    @MojoParameter(name = "firefoxManifestOverlay", value = "none")
    @MojoParameter(name = "firefoxSources", value = "dist/missing.zip")
    void aGivenSourcesFileMustExist(PackageMojo mojo) throws Exception {
        prepare(mojo);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getCause() instanceof ConfigException, String.valueOf(e.getCause()));
    }
}
