package io.github.edgeaddons.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.sim.EdgeApiSimulator;
import io.github.edgeaddons.sim.Simulator;
import io.github.edgeaddons.sim.SimulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The CI step summary goes to the file that the goal's environment names in GITHUB_STEP_SUMMARY, and only then. */
@MojoTest
@ExtendWith(SimulatorExtension.class)
class StepSummaryMojoTest {
    private static final String POM = "classpath:/unit/defaults/pom.xml";
    @Simulator
    private static EdgeApiSimulator sim;

    @TempDir
    Path dir;

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    void theSummaryFileComesFromTheGoalsEnvironment(UploadMojo mojo) throws Exception {
        MojoFixtures.againstSimulator(mojo, sim, dir);
        setVariableValueToObject(mojo, "file", MojoFixtures.validZip(dir.resolve("ext.zip")).toFile());
        Path summary = dir.resolve("summary.md");
        mojo.environment = Collections.singletonMap("GITHUB_STEP_SUMMARY", summary.toString());

        mojo.execute();

        String md = new String(Files.readAllBytes(summary), StandardCharsets.UTF_8);
        assertTrue(md.contains("| upload |"), md);
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    void noVariableNoSummary(UploadMojo mojo) throws Exception {
        MojoFixtures.againstSimulator(mojo, sim, dir);
        setVariableValueToObject(mojo, "file", MojoFixtures.validZip(dir.resolve("ext.zip")).toFile());
        mojo.environment = Collections.emptyMap();

        mojo.execute();

        assertTrue(Files.isRegularFile(dir.resolve("target/edge-addons/result.json")));
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".md")));
        }
    }
}
