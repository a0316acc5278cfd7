package io.github.edgeaddons.maven;

import static io.github.edgeaddons.maven.MojoFixtures.againstSimulator;
import static io.github.edgeaddons.maven.MojoFixtures.captureLog;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.maven.MojoFixtures.CapturingLog;
import io.github.edgeaddons.pkg.InvalidPackageException;
import io.github.edgeaddons.pkg.checks.Rule;
import io.github.edgeaddons.sim.EdgeApiSimulator;
import io.github.edgeaddons.sim.Simulator;
import io.github.edgeaddons.sim.SimulatorExtension;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package rules in the goals: upload fails on an error before any request, with every finding; warnings
 * are logged and the build goes on; ignoredChecks silences a rule and the build says so; an unknown code is a
 * configuration error naming the parameter.
 */
@MojoTest
@ExtendWith(SimulatorExtension.class)
class PackageChecksMojoTest {
    private static final String POM = "classpath:/unit/defaults/pom.xml";
    /** A popup that is not in the zip (an error) and a "key" (an Edge warning), each on its own line. */
    private static final String MANIFEST = "{\n\"manifest_version\": 3,\n\"name\": \"x\",\n\"version\": \"1.0.0\",\n"
            + "\"action\": {\"default_popup\": \"popup.html\"},\n\"key\": \"abc\"\n}";

    @Simulator
    private static EdgeApiSimulator sim;

    @TempDir
    Path dir;

    private Path zip(String manifest) throws Exception {
        return MojoFixtures.zip(dir.resolve("ext.zip"), "manifest.json", manifest, "background.js", "x");
    }

    @SuppressWarnings("deprecation")
    private static MavenSession newBuild() {
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setGoals(Arrays.asList("verify"));
        return new MavenSession(null, new DefaultRepositorySystemSession(), request, new DefaultMavenExecutionResult());
    }

    private CapturingLog validate(ValidateMojo mojo, MavenSession session) throws Exception {
        MavenProject project = MojoFixtures.project("ext", null);
        project.setFile(dir.resolve("pom.xml").toFile());
        setVariableValueToObject(mojo, "project", project);
        setVariableValueToObject(mojo, "session", session);
        return captureLog(mojo);
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    void uploadFailsBeforeAnyRequestWithEveryFinding(UploadMojo mojo) throws Exception {
        againstSimulator(mojo, sim, dir);
        setVariableValueToObject(mojo, "file", zip(MANIFEST).toFile());

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals(Collections.emptyList(), sim.requests(), "nothing sent");
        InvalidPackageException cause = (InvalidPackageException) e.getCause();
        assertEquals(EnumSet.of(Rule.MISSING_FILE, Rule.KEY_FIELD), cause.report().rules());
        assertEquals(5, cause.report().errors().get(0).line());
        assertTrue(e.getMessage().contains("manifest.json:5: error MISSING_FILE: \"action.default_popup\" names"
                + " \"popup.html\""), e.getMessage());
        assertTrue(e.getMessage().contains("manifest.json:6: warning KEY_FIELD"), e.getMessage());
        assertTrue(e.getMessage().contains("1 error, 1 warning."), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "ignoredChecks", value = "NO_SUCH_CHECK")
    void anUnknownCodeNamesTheParameter(UploadMojo mojo) throws Exception {
        againstSimulator(mojo, sim, dir);
        setVariableValueToObject(mojo, "file", zip(MANIFEST).toFile());
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("ignoredChecks (edge.ignoredChecks) names an unknown check: NO_SUCH_CHECK."),
                e.getMessage());
        assertEquals(Collections.emptyList(), sim.requests());
    }

    @Test
    @InjectMojo(goal = "validate", pom = POM)
    @MojoParameter(name = "ignoredChecks", value = "MISSING_FILE")
    void validateLogsWarningsAndSaysWhichRuleWasSilenced(ValidateMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "file", zip(MANIFEST).toFile());
        MavenSession build = newBuild();
        CapturingLog log = validate(mojo, build);

        mojo.execute();

        log.assertContains("[WARN] manifest.json:6: warning KEY_FIELD: \"key\" is set;");
        log.assertContains("[INFO] Check MISSING_FILE is silenced by ignoredChecks (edge.ignoredChecks) (1 finding not"
                + " reported).");
        log.assertContains("[INFO] Package checks of ext.zip (Edge Add-ons rules): 0 errors, 1 warning, 1 silenced.");
        log.assertContains("is valid");

        // the same zip checked again in this build (package, then validate): one line, not the warnings again
        CapturingLog again = captureLog(mojo);
        mojo.execute();
        again.assertContains("[INFO] Package checks of ext.zip (Edge Add-ons rules): 0 errors, 1 warning, 1 silenced, as reported above.");
        again.assertNotContains("KEY_FIELD");
    }
}
