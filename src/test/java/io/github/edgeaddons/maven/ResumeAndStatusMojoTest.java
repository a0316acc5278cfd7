package io.github.edgeaddons.maven;

import static io.github.edgeaddons.maven.MojoFixtures.againstSimulator;
import static io.github.edgeaddons.maven.MojoFixtures.server;
import static io.github.edgeaddons.maven.MojoFixtures.settingsWith;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.edge.ClientSettings;
import io.github.edgeaddons.core.Credentials;
import io.github.edgeaddons.core.Deadline;
import io.github.edgeaddons.edge.EdgeAddonsClient;
import io.github.edgeaddons.maven.MojoFixtures.CapturingLog;
import io.github.edgeaddons.sim.EdgeApiSimulator;
import io.github.edgeaddons.sim.Outcome;
import io.github.edgeaddons.sim.Route;
import io.github.edgeaddons.sim.Simulator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import io.github.edgeaddons.core.StoreException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A timed-out release resumed in a later build: {@code await -Dedge.operationId=...} and {@code status}
 * against the simulator over real HTTP, as Maven configures the mojos.
 */
@MojoTest
class ResumeAndStatusMojoTest {
    private static final String POM = "classpath:/unit/defaults/pom.xml";
    @Simulator
    private static EdgeApiSimulator sim;

    @TempDir
    Path dir;

    /** An operation started by an earlier build. */
    private static String earlierPublish() throws Exception {
        ClientSettings s = ClientSettings.builder().resume(MavenVocabulary.commands())
                .apiBaseUrl(URI.create(sim.baseUrl()))
                .productId(EdgeApiSimulator.PRODUCT_ID)
                .credentials(new Credentials(EdgeApiSimulator.CLIENT_ID, EdgeApiSimulator.API_KEY))
                .build();
        try (EdgeAddonsClient c = new EdgeAddonsClient(s)) {
            return c.startPublish("earlier build", Deadline.after(Duration.ofSeconds(10), Clock.systemUTC()));
        }
    }

    @Test
    @InjectMojo(goal = "await", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "pollInterval", value = "50ms")
    void awaitResumesAnOperationOfAnEarlierBuild(AwaitMojo mojo) throws Exception {
        sim.config().publishOutcome(Outcome.succeeded().afterPolls(2));
        String op = earlierPublish();
        int before = sim.requests().size();
        setVariableValueToObject(mojo, "operationId", op);
        CapturingLog log = againstSimulator(mojo, sim, dir);

        mojo.execute();

        assertEquals(3, sim.requests(Route.PUBLISH_STATUS).size(), "two InProgress answers, then Succeeded");
        assertEquals(before + 3, sim.requests().size(), "await sends only status requests: no publish, no upload");
        log.assertContains("Waiting for publish operation " + op);
        log.assertContains("Submission accepted: submission ");
        String result = new String(Files.readAllBytes(dir.resolve("target/edge-addons/result.json")),
                StandardCharsets.UTF_8);
        assertTrue(result.contains("\"status\": \"Succeeded\""), result);
        assertTrue(result.contains("\"publishOperationId\": \"" + op + "\""), result);
    }

    @Test
    @InjectMojo(goal = "await", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "operationId", value = "0b2c4d6e-0000-4000-8000-000000000000")
    void awaitOfAnUnknownOperationSaysSo(AwaitMojo mojo) throws Exception {
        againstSimulator(mojo, sim, dir);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        io.github.edgeaddons.core.Failure f = ((StoreException) e.getCause()).failure();
        assertTrue(f.unknownOperation(), f.toString());
        assertEquals(io.github.edgeaddons.core.Failure.Request.PUBLISH_STATUS, f.request());
        assertEquals("0b2c4d6e-0000-4000-8000-000000000000", f.operationId());
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    void statusReportsAPublishOperation(StatusMojo mojo) throws Exception {
        sim.config().publishOutcome(Outcome.failed("InProgressSubmission", "Another submission is in progress.").afterPolls(0));
        String op = earlierPublish();
        setVariableValueToObject(mojo, "operationId", op);
        CapturingLog log = againstSimulator(mojo, sim, dir);

        mojo.execute();

        log.assertContains("Publish operation " + op + ": Failed");
        log.assertContains("errorCode: InProgressSubmission");
        log.assertContains("message: Another submission is in progress.");
        assertEquals(1, sim.requests(Route.PUBLISH_STATUS).size());
        assertEquals(0, sim.requests(Route.UPLOAD_STATUS).size());
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    void statusFallsBackToTheUploadOperation(StatusMojo mojo) throws Exception {
        ClientSettings s = ClientSettings.builder().resume(MavenVocabulary.commands())
                .apiBaseUrl(URI.create(sim.baseUrl()))
                .productId(EdgeApiSimulator.PRODUCT_ID)
                .credentials(new Credentials(EdgeApiSimulator.CLIENT_ID, EdgeApiSimulator.API_KEY))
                .build();
        Path zip = MojoFixtures.validZip(dir.resolve("ext.zip"));
        String op;
        try (EdgeAddonsClient c = new EdgeAddonsClient(s)) {
            op = c.startUpload(zip, Files.size(zip), Deadline.after(Duration.ofSeconds(10), Clock.systemUTC()));
        }
        setVariableValueToObject(mojo, "operationId", op);
        CapturingLog log = againstSimulator(mojo, sim, dir);

        mojo.execute();

        log.assertContains("Upload operation " + op + ": ");
        assertEquals(1, sim.requests(Route.PUBLISH_STATUS).size(), "asked the publish endpoint first (404)");
        assertEquals(1, sim.requests(Route.UPLOAD_STATUS).size());
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    void statusWithoutAnOperationListsTheProducts(StatusMojo mojo) throws Exception {
        CapturingLog log = againstSimulator(mojo, sim, dir);
        mojo.execute();
        log.assertContains("Products (1):");
        log.assertContains(EdgeApiSimulator.PRODUCT_ID);
        assertEquals(1, sim.requests(Route.PRODUCTS).size());
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    @MojoParameter(name = "checkCredentials", value = "true")
    void dryRunChecksTheCredentialsWithoutSideEffects(UploadMojo mojo) throws Exception {
        CapturingLog log = againstSimulator(mojo, sim, dir);
        setVariableValueToObject(mojo, "file", MojoFixtures.validZip(dir.resolve("ext.zip")).toFile());

        mojo.execute();

        assertEquals(1, sim.requests().size(), "one side-effect-free GET, nothing uploaded: " + sim.requests());
        assertEquals(Route.PUBLISH_STATUS, sim.requests().get(0).route());
        assertTrue(sim.requests().get(0).path().startsWith("/v1/products/00000000-0000-0000-0000-000000000000/"));
        assertTrue(sim.operations().isEmpty(), "no operation was started");
        log.assertContains("The store accepted the credentials of <server> 'edge-addons' in settings.xml.");
        log.assertContains("[dry run] POST " + sim.baseUrl() + "/v1/products/" + EdgeApiSimulator.PRODUCT_ID);
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    @MojoParameter(name = "checkCredentials", value = "true")
    void dryRunCredentialCheckExplainsAnExpiredKey(UploadMojo mojo) throws Exception {
        againstSimulator(mojo, sim, dir);
        setVariableValueToObject(mojo, "settings",
                settingsWith(server("edge-addons", EdgeApiSimulator.CLIENT_ID, "an-expired-key")));
        setVariableValueToObject(mojo, "file", MojoFixtures.validZip(dir.resolve("ext.zip")).toFile());

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        io.github.edgeaddons.core.Failure f = ((StoreException) e.getCause()).failure();
        assertEquals(io.github.edgeaddons.core.Failure.Request.CREDENTIAL_CHECK, f.request());
        assertEquals(401, f.httpStatus());
        assertFalse(f.keyHeadersNotTaken(), "an expired key, not the headers");
        assertTrue(e.getMessage().contains("refused the credentials of <server> 'edge-addons' in settings.xml"
                + " (HTTP 401 Unauthorized)"), e.getMessage());
        assertFalse(e.getMessage().contains("an-expired-key"), e.getMessage());
        assertEquals(1, sim.requests().size(), "the 401 is not retried");
    }

    @Test
    @InjectMojo(goal = "publish", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "requireUpload", value = "false")
    void aBarePublishSaysTheVerdictIsNotKnownAndPrintsTheAwaitCommand(PublishMojo mojo) throws Exception {
        CapturingLog log = againstSimulator(mojo, sim, dir);
        mojo.execute();
        String op = sim.operations().get(0).id();
        log.assertContains("The store has not said yet whether it created the submission");
        log.assertContains(":await -Dedge.productId=" + EdgeApiSimulator.PRODUCT_ID + " -Dedge.operationId=" + op);
    }

    @Test
    @InjectMojo(goal = "publish", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    void aPublishFailingAfterThisBuildsUploadPrintsTheCommandThatPublishesTheDraft(PublishMojo mojo)
            throws Exception {
        againstSimulator(mojo, sim, dir);
        BuildState.uploadSucceeded(mojo.project, "9f1c3a5e-0000-4000-8000-00000000abcd");
        sim.config().fault(Route.PUBLISH, io.github.edgeaddons.sim.Fault.html404());

        Exception e = assertThrows(Exception.class, mojo::execute);

        String m = e.getMessage();
        assertTrue(m.contains("upload succeeded (operation 9f1c3a5e-0000-4000-8000-00000000abcd)"), m);
        // on a line of its own, built from this build (here: full coordinates, -f, the simulator's URL)
        assertTrue(java.util.Arrays.stream(m.split("\\R")).anyMatch(l -> l.startsWith("  mvn ")
                && l.contains(":publish -Dedge.productId=" + EdgeApiSimulator.PRODUCT_ID + " -Dedge.requireUpload=false")
                && l.contains("-Dedge.apiBaseUrl=" + sim.baseUrl())), m);
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    @MojoParameter(name = "checkCredentials", value = "true")
    void dryRunCredentialCheckSaysTheStatusTheStoreAnswered(UploadMojo mojo) throws Exception {
        againstSimulator(mojo, sim, dir);
        setVariableValueToObject(mojo, "file", MojoFixtures.validZip(dir.resolve("ext.zip")).toFile());
        sim.config().fault(Route.PUBLISH_STATUS, io.github.edgeaddons.sim.Fault.status(403));

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        io.github.edgeaddons.core.Failure f = ((StoreException) e.getCause()).failure();
        assertEquals(io.github.edgeaddons.core.Failure.Request.CREDENTIAL_CHECK, f.request());
        assertEquals(403, f.httpStatus());
        assertEquals(StoreException.Kind.AUTH, f.kind());
        assertTrue(e.getMessage().contains("(HTTP 403 Forbidden)"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    @MojoParameter(name = "checkCredentials", value = "true")
    void anExpiredKeyFromTheEnvironmentIsAdvisedWhereItCameFrom(UploadMojo mojo) throws Exception {
        againstSimulator(mojo, sim, dir);
        setVariableValueToObject(mojo, "settings", settingsWith());
        mojo.environment = java.util.Map.of("EDGE_CLIENT_ID", EdgeApiSimulator.CLIENT_ID, "EDGE_API_KEY", "expired-key");
        setVariableValueToObject(mojo, "file", MojoFixtures.validZip(dir.resolve("ext.zip")).toFile());

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        String m = e.getMessage();
        assertTrue(m.contains("refused the credentials of the environment variables EDGE_CLIENT_ID and EDGE_API_KEY"
                + " (HTTP 401 Unauthorized)"), m);
        assertTrue(m.contains("update the API key in the environment variable EDGE_API_KEY"), m);
        assertFalse(m.contains("settings.xml") || m.contains("<server>") || m.contains("expired-key"), m);
    }
}
