package io.github.edgeaddons.release;

import io.github.edgeaddons.edge.EdgeHints;
import io.github.edgeaddons.core.Hints;

import static io.github.edgeaddons.edge.ClientTestSupport.apiKeySettings;
import static io.github.edgeaddons.edge.ClientTestSupport.randomFile;
import static io.github.edgeaddons.edge.ClientTestSupport.routes;
import static io.github.edgeaddons.edge.ClientTestSupport.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.edge.ClientTestSupport.RecordingReporter;
import io.github.edgeaddons.edge.EdgeAddonsClient;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.core.Failure;
import io.github.edgeaddons.core.OperationKind;
import io.github.edgeaddons.sim.EdgeApiSimulator;
import io.github.edgeaddons.sim.Fault;
import io.github.edgeaddons.sim.Outcome;
import io.github.edgeaddons.sim.Route;
import io.github.edgeaddons.sim.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Status}: one look at an operation of either kind, against the simulator. */
class StatusTest {
    private static final String UNKNOWN = "0b2c4d6e-0000-4000-8000-00000000abcd";
    @Simulator
    private static EdgeApiSimulator sim;

    @TempDir
    Path tmp;

    private RecordingReporter reporter;

    @BeforeEach
    void setUp() {
        reporter = new RecordingReporter();
    }

    private Status status() {
        return new Status(apiKeySettings(sim).reporter(reporter).timeout(Duration.ofSeconds(10)).build());
    }

    @Test
    void anOperationNeitherEndpointKnowsReportsBothLookups() {
        StoreException e = assertThrows(StoreException.class, () -> status().operation(UNKNOWN));
        String m = e.getMessage();
        // the cause once: one line, then what to check
        assertEquals("Neither the publish nor the upload endpoint knows operation " + UNKNOWN + " of product "
                + EdgeApiSimulator.PRODUCT_ID + " (both answered HTTP 404; the store: Operation not found).",
                m.split("\\R")[0]);
        assertEquals(2, m.split("\\R").length, m);
        assertEquals(1, m.split(UNKNOWN, -1).length - 1, "the id once: " + m);
        assertTrue(m.contains(EdgeHints.unknownToBothEndpoints(apiKeySettings(sim).build())), m);
        assertTrue(e.failure().unknownOperation(), e.failure().toString());
        assertEquals(Failure.Request.UPLOAD_STATUS, e.failure().request());
        assertEquals(404, e.httpStatus());
        assertTrue(e.isUserActionable());
        assertEquals(Arrays.asList(Route.PUBLISH_STATUS, Route.UPLOAD_STATUS), routes(sim));
    }

    @Test
    void anUploadOperationIsFoundOnTheSecondLookup() throws Exception {
        sim.config().uploadOutcome(Outcome.succeeded().afterPolls(0)
                .message(EdgeApiSimulator.UPLOAD_SUCCESS_MESSAGE_WITHOUT_FILE));
        Path zip = randomFile(tmp, "ext.zip", 2_000);
        String op;
        try (EdgeAddonsClient c = new EdgeAddonsClient(apiKeySettings(sim).build())) {
            op = c.startUpload(zip, Files.size(zip), seconds(10));
        }
        Status.Report r = status().operation(op);
        assertEquals(OperationKind.UPLOAD, r.kind);
        assertEquals("Succeeded", r.status.rawStatus());
        assertTrue(reporter.infos.contains("Upload operation " + op + ": Succeeded"), reporter.infos.toString());
        assertTrue(reporter.infos.contains("  message: Successfully updated package"), reporter.infos.toString());
        // what comes next: the draft holds it, and the command that publishes it
        assertTrue(reporter.infos.contains(Hints.uploadInDraft(apiKeySettings(sim).build())), reporter.infos.toString());
    }

    @Test
    void theProductsArePrintedAsATable() throws Exception {
        String json = status().products();
        assertTrue(json.startsWith("["), json);
        assertEquals("Products (1):", reporter.infos.get(0));
        assertTrue(reporter.infos.get(1).matches("\\s+id\\s+status\\s+last updated\\s+name"), reporter.infos.get(1));
        assertTrue(reporter.infos.get(2).matches("\\s+" + EdgeApiSimulator.PRODUCT_ID
                + "\\s+Published\\s+\\S+\\s+Simulated extension 1"), reporter.infos.get(2));
        assertEquals(3, reporter.infos.size(), reporter.infos.toString());
    }

    @Test
    void aProductListOfAnotherShapeIsPrintedAsAnswered() {
        assertEquals(null, Status.productTable("{\"value\":[]}"));
        assertEquals(null, Status.productTable("not json"));
        assertEquals(Arrays.asList("Products (0):", "  id  status  last updated  name"), Status.productTable("[]"));
    }

    @Test
    void anHtml404PageIsNotTakenForAnUnknownOperation() {
        sim.config().fault(Route.PUBLISH_STATUS, Fault.status(404).body("text/html",
                "<html><head><title>404 Web Site not found</title></head></html>"));
        StoreException e = assertThrows(StoreException.class, () -> status().operation(UNKNOWN));
        assertTrue(e.failure().htmlBody());
        assertFalse(e.failure().unknownOperation());
        assertEquals(Failure.Request.PUBLISH_STATUS, e.failure().request());
        assertFalse(e.getMessage().startsWith("Neither"), e.getMessage());
        assertEquals(Collections.singletonList(Route.PUBLISH_STATUS), routes(sim), "no second lookup");
    }

    @Test
    void anOperationIsNamedByTheIdAskedAboutNotThePlaceholderInTheBody() throws Exception {
        sim.config().fault(Route.PUBLISH_STATUS, Fault.status(200).body("application/json",
                "{\"id\":\"{operationID}\",\"status\":\"InProgress\",\"message\":null,\"errorCode\":null}"));
        Status.Report r = status().operation(UNKNOWN);
        assertEquals(UNKNOWN, r.status.operationId(), "result.json records the id asked about");
        assertFalse(reporter.text().contains("{operationID}"), reporter.text());
    }
}
