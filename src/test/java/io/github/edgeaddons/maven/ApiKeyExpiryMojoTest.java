package io.github.edgeaddons.maven;

import static io.github.edgeaddons.maven.MojoFixtures.captureLog;
import static io.github.edgeaddons.maven.MojoFixtures.server;
import static io.github.edgeaddons.maven.MojoFixtures.settingsWith;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.core.CredentialsSource;
import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.maven.MojoFixtures.CapturingLog;
import io.github.edgeaddons.sim.EdgeApiSimulator;
import io.github.edgeaddons.sim.Route;
import io.github.edgeaddons.sim.Simulator;
import io.github.edgeaddons.sim.SimulatorExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
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
 * {@code edge.apiKeyExpires} with a fixed clock (today is 2026-12-04): an expired key fails before any request,
 * a key that expires within 14 days is warned about once per build and works, a later date says nothing, and
 * the date is not looked at under API v1. The simulator counts the requests.
 */
@MojoTest
@ExtendWith(SimulatorExtension.class)
class ApiKeyExpiryMojoTest {
    private static final String POM = "classpath:/unit/defaults/pom.xml";
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);

    @Simulator
    private static EdgeApiSimulator sim;

    @TempDir
    Path dir;

    @SuppressWarnings("deprecation")
    private static MavenSession newBuild() {
        return new MavenSession(null, new DefaultRepositorySystemSession(), new DefaultMavenExecutionRequest(),
                new DefaultMavenExecutionResult());
    }

    private CapturingLog prepare(AbstractNetworkMojo mojo, String expires, MavenSession build) throws Exception {
        setVariableValueToObject(mojo, "settings",
                settingsWith(server("edge-addons", EdgeApiSimulator.CLIENT_ID, EdgeApiSimulator.API_KEY)));
        setVariableValueToObject(mojo, "apiBaseUrl", sim.baseUrl());
        setVariableValueToObject(mojo, "apiKeyExpires", expires);
        MavenProject project = MojoFixtures.project("ext", null);
        project.setFile(dir.resolve("pom.xml").toFile());
        project.getBuild().setDirectory(dir.resolve("target").toString());
        setVariableValueToObject(mojo, "project", project);
        setVariableValueToObject(mojo, "session", build);
        if (mojo instanceof UploadMojo) {
            setVariableValueToObject(mojo, "file", MojoFixtures.validZip(dir.resolve("ext.zip")).toFile());
        }
        mojo.clock = TODAY;
        return captureLog(mojo);
    }

    private static long warnings(CapturingLog log) {
        return log.lines.stream().filter(l -> l.startsWith("[WARN]") && l.contains("edge.apiKeyExpires")).count();
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    void anExpiredKeyFailsBeforeAnyRequest(UploadMojo mojo) throws Exception {
        prepare(mojo, "2026-12-03", newBuild());

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertInstanceOf(ConfigException.class, e.getCause());
        assertEquals(ApiKeyExpiry.expired(LocalDate.parse("2026-12-03"), CredentialsSource.server("edge-addons")),
                e.getMessage());
        assertEquals(Collections.emptyList(), sim.requests());
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "operationId", value = "0b2c4d6e-0000-4000-8000-000000000000")
    void anExpiredKeyFailsStatusToo(StatusMojo mojo) throws Exception {
        prepare(mojo, "2026-10-01", newBuild());
        assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(Collections.emptyList(), sim.requests());
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "pollInterval", value = "20ms")
    void aKeyExpiringWithinTwoWeeksWarnsOncePerBuildAndWorks(UploadMojo mojo) throws Exception {
        MavenSession build = newBuild();
        CapturingLog log = prepare(mojo, "2026-12-18", build);

        mojo.execute();
        mojo.execute(); // the next goal or module of the same build

        assertEquals(1, warnings(log), log.text());
        log.assertContains("[WARN] " + ApiKeyExpiry.expiring(LocalDate.parse("2026-12-18"), 14,
                CredentialsSource.server("edge-addons")));
        assertEquals(2, sim.requests(Route.UPLOAD).size());

        setVariableValueToObject(mojo, "session", newBuild());
        mojo.execute(); // a new build warns again
        assertEquals(2, warnings(log), log.text());
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    void theLastDayWarnsAndALaterDateSaysNothing(UploadMojo mojo) throws Exception {
        CapturingLog log = prepare(mojo, "2026-12-04", newBuild());
        mojo.execute();
        assertEquals(1, warnings(log), log.text());
        log.assertContains("(edge.apiKeyExpires), today.");

        CapturingLog later = prepare(mojo, "2026-12-19", newBuild());
        mojo.execute();
        assertEquals(0, warnings(later), later.text());
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    void theKeyFromTheEnvironmentIsNamedAsSuch(UploadMojo mojo) throws Exception {
        prepare(mojo, "2026-12-01", newBuild());
        setVariableValueToObject(mojo, "settings", settingsWith());
        Map<String, String> env = new HashMap<>();
        env.put("EDGE_CLIENT_ID", EdgeApiSimulator.CLIENT_ID);
        env.put("EDGE_API_KEY", EdgeApiSimulator.API_KEY);
        mojo.environment = env;

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().contains("put it in the environment variable EDGE_API_KEY"), e.getMessage());
        assertEquals(Collections.emptyList(), sim.requests());
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    void apiV1HasNoKeyToExpire(UploadMojo mojo) throws Exception {
        CapturingLog log = prepare(mojo, "2026-01-01", newBuild());
        setVariableValueToObject(mojo, "authMode", "clientCredentials");
        setVariableValueToObject(mojo, "tokenUrl", sim.tokenUrl());

        mojo.execute();

        assertEquals(0, warnings(log), log.text());
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    void aDateThatIsNotOneIsRefusedNamingTheSetting(UploadMojo mojo) throws Exception {
        prepare(mojo, "31.03.2026", newBuild());

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().startsWith("edge.apiKeyExpires='31.03.2026' is not a date"), e.getMessage());
        assertEquals(Collections.emptyList(), sim.requests());
    }
}
