package io.github.edgeaddons.maven;

import static io.github.edgeaddons.maven.MojoFixtures.jarArtifact;
import static io.github.edgeaddons.maven.MojoFixtures.project;
import static io.github.edgeaddons.maven.MojoFixtures.validZip;
import static io.github.edgeaddons.maven.MojoFixtures.zipArtifact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.config.ConfigException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the zip to ship, on plain {@link MavenProject}s with real files. */
class ArtifactLocatorTest {
    @TempDir
    Path dir;

    @Test
    void explicitFileWinsOverAttachedZips() throws Exception {
        Path explicit = validZip(dir.resolve("explicit.zip"));
        MavenProject p = project("ext", null, zipArtifact("ext", "edge", validZip(dir.resolve("ext-edge.zip"))));

        assertEquals(explicit.toFile(), ArtifactLocator.locate(p, explicit.toFile(), "edge"));
    }

    @Test
    void anEdgeExtensionProjectShipsItsMainArtifactUnlessAClassifierPicksAnAttachedZip() throws Exception {
        Path main = validZip(dir.resolve("ext-1.0.0.zip"));
        Path other = validZip(dir.resolve("ext-1.0.0-sources.zip"));
        MavenProject p = project("ext", zipArtifact("ext", null, main), zipArtifact("ext", "sources", other));
        p.setPackaging("edge-extension");

        assertEquals(main.toFile(), ArtifactLocator.locate(p, null, null));
        assertEquals(other.toFile(), ArtifactLocator.locate(p, null, "sources"));
        p.setPackaging("pom");
        assertEquals(other.toFile(), ArtifactLocator.locate(p, null, null), "elsewhere the attached zip comes first");
    }

    @Test
    void theOneAttachedZipIsChosen() throws Exception {
        Path zip = validZip(dir.resolve("ext-1.0.0-edge.zip"));
        Path sources = Files.write(dir.resolve("ext-1.0.0-sources.jar"), new byte[] {1});
        MavenProject p = project("ext", jarArtifact("ext", Files.write(dir.resolve("ext.jar"), new byte[] {1})),
                jarArtifact("ext", sources), zipArtifact("ext", "edge", zip));

        assertEquals(zip.toFile(), ArtifactLocator.locate(p, null, null));
    }

    @Test
    void severalAttachedZipsWithoutClassifierFailListingEachOne() throws Exception {
        MavenProject p = project("ext", null,
                zipArtifact("ext", "chrome", validZip(dir.resolve("ext-chrome.zip"))),
                zipArtifact("ext", "edge", validZip(dir.resolve("ext-edge.zip"))));

        String message = assertThrows(ConfigException.class, () -> ArtifactLocator.locate(p, null, null)).getMessage();

        assertTrue(message.contains("Several zips are attached to ext"), message);
        assertTrue(message.contains("classifier 'chrome' -> ext-chrome.zip"), message);
        assertTrue(message.contains("classifier 'edge' -> ext-edge.zip"), message);
        assertTrue(message.contains("edge.classifier"), message);
        assertTrue(message.contains("edge.file"), message);
    }

    @Test
    void classifierPicksTheMatchingZip() throws Exception {
        Path edge = validZip(dir.resolve("ext-edge.zip"));
        MavenProject p = project("ext", null,
                zipArtifact("ext", "chrome", validZip(dir.resolve("ext-chrome.zip"))),
                zipArtifact("ext", "edge", edge),
                zipArtifact("ext", "firefox", validZip(dir.resolve("ext-firefox.zip"))));

        assertEquals(edge.toFile(), ArtifactLocator.locate(p, null, "edge"));
        assertEquals(edge.toFile(), ArtifactLocator.locate(p, null, " edge "), "surrounding blanks are ignored");
    }

    @Test
    void unknownClassifierFailsListingWhatWasFound() throws Exception {
        MavenProject p = project("ext", null,
                zipArtifact("ext", "chrome", validZip(dir.resolve("ext-chrome.zip"))),
                zipArtifact("ext", "edge", validZip(dir.resolve("ext-edge.zip"))));

        String message = assertThrows(ConfigException.class, () -> ArtifactLocator.locate(p, null, "edgee"))
                .getMessage();

        assertTrue(message.contains("edge.classifier='edgee' matches no attached zip of ext"), message);
        assertTrue(message.contains("classifier 'chrome' -> ext-chrome.zip"), message);
        assertTrue(message.contains("classifier 'edge' -> ext-edge.zip"), message);
    }

    @Test
    void unknownClassifierWithNothingAttachedSaysSo() throws Exception {
        MavenProject p = project("ext", null);

        String message = assertThrows(ConfigException.class, () -> ArtifactLocator.locate(p, null, "edge"))
                .getMessage();

        assertTrue(message.contains("edge.classifier='edge'"), message);
        assertTrue(message.contains("no zip is attached"), message);
    }

    @Test
    void mainArtifactThatIsAZipIsChosen() throws Exception {
        Path main = validZip(dir.resolve("ext-1.0.0.zip"));
        MavenProject p = project("ext", zipArtifact("ext", null, main));

        assertEquals(main.toFile(), ArtifactLocator.locate(p, null, null));
    }

    @Test
    void mainZipThatWasNotBuiltIsNotChosen() throws Exception {
        MavenProject p = project("ext", zipArtifact("ext", null, dir.resolve("never-built.zip")));

        String message = assertThrows(ConfigException.class, () -> ArtifactLocator.locate(p, null, null)).getMessage();

        assertTrue(message.contains("No extension zip found for ext"), message);
    }

    @Test
    void nothingToShipFailsNamingEdgeFileAndTheAssemblyPlugin() throws Exception {
        MavenProject p = project("ext", jarArtifact("ext", Files.write(dir.resolve("ext-1.0.0.jar"), new byte[] {1})),
                jarArtifact("ext", Files.write(dir.resolve("ext-1.0.0-sources.jar"), new byte[] {1})));

        String message = assertThrows(ConfigException.class, () -> ArtifactLocator.locate(p, null, null)).getMessage();

        assertTrue(message.contains("No extension zip found for ext"), message);
        assertTrue(message.contains("not a zip (ext-1.0.0.jar)"), message);
        assertTrue(message.contains("edge.file"), message);
        assertTrue(message.contains("maven-assembly-plugin"), message);
    }

    @Test
    void projectWithoutAnyBuiltArtifactSaysTheMainArtifactIsNotBuilt() throws Exception {
        MavenProject p = project("ext", jarArtifact("ext", null));

        String message = assertThrows(ConfigException.class, () -> ArtifactLocator.locate(p, null, null)).getMessage();

        assertTrue(message.contains("not built"), message);
        assertTrue(message.contains("edge.file"), message);
        assertTrue(message.contains("maven-assembly-plugin"), message);
    }

    @Test
    void explicitFileIsReturnedEvenWhenItDoesNotExistSoThePackageCheckCanNameIt() throws Exception {
        File missing = dir.resolve("typo.zip").toFile();

        assertEquals(missing, ArtifactLocator.locate(project("ext", null), missing, null));
    }
}
