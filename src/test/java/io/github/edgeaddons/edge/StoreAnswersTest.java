package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.Hints;

import io.github.edgeaddons.core.Credentials;
import io.github.edgeaddons.core.Failure;
import io.github.edgeaddons.core.OperationKind;
import io.github.edgeaddons.core.OperationState;
import io.github.edgeaddons.core.OperationStatus;

import io.github.edgeaddons.core.StoreException;

import static io.github.edgeaddons.edge.ClientTestSupport.apiKeyClient;
import static io.github.edgeaddons.edge.ClientTestSupport.apiKeySettings;
import static io.github.edgeaddons.edge.ClientTestSupport.assertHint;
import static io.github.edgeaddons.edge.ClientTestSupport.oauthClient;
import static io.github.edgeaddons.edge.ClientTestSupport.oauthSettings;
import static io.github.edgeaddons.edge.ClientTestSupport.randomFile;
import static io.github.edgeaddons.edge.ClientTestSupport.routes;
import static io.github.edgeaddons.edge.ClientTestSupport.seconds;
import static io.github.edgeaddons.edge.ClientTestSupport.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.edge.ClientTestSupport.RecordingReporter;
import io.github.edgeaddons.sim.EdgeApiSimulator;
import io.github.edgeaddons.sim.Fault;
import io.github.edgeaddons.sim.Outcome;
import io.github.edgeaddons.sim.Route;
import io.github.edgeaddons.sim.Simulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's answers as the live service gives them (docs/EDGE-API.md, "Learned from the live service"),
 * played by the simulator over real HTTP: each failure's message says what came back and the hint fits
 * the answer, the request and the auth mode.
 */
class StoreAnswersTest {
    private static final String HTML_404 = "<!DOCTYPE html><html><head><title>404 Web Site not found</title></head>"
            + "<body><h1>404 Web Site not found.</h1></body></html>";

    @Simulator
    private static EdgeApiSimulator sim;

    @TempDir
    Path tmp;

    private RecordingReporter reporter;

    @BeforeEach
    void setUp() {
        reporter = new RecordingReporter();
    }

    private Path zip() throws Exception {
        return randomFile(tmp, "ext.zip", 10_000);
    }

    private StoreException upload(EdgeAddonsClient c) throws Exception {
        Path zip = zip();
        try (EdgeAddonsClient client = c) {
            return assertThrows(StoreException.class, () -> client.startUpload(zip, Files.size(zip), seconds(10)));
        }
    }

    private StoreException publish(EdgeAddonsClient c, String notes) throws Exception {
        try (EdgeAddonsClient client = c) {
            return assertThrows(StoreException.class, () -> client.startPublish(notes, seconds(10)));
        }
    }

    // ---- API v1 retired ----------------------------------------------------------------------------------

    @Test
    void goneUnderV1SaysTheApiVersionIsRetiredAndHowToSwitch() throws Exception {
        sim.config().v1Retired(true);
        StoreException e = upload(oauthClient(sim, reporter));

        assertEquals(Arrays.asList(Route.TOKEN, Route.UPLOAD), routes(sim), "the token still comes; a 410 is final");
        assertEquals(Collections.singletonList(200), statuses(sim, Route.TOKEN));
        assertEquals(410, e.httpStatus());
        assertTrue(e.isUserActionable());
        assertEquals(Failure.Request.UPLOAD, e.failure().request());
        String m = e.getMessage();
        assertTrue(m.startsWith("The store answered HTTP 410 Gone to the upload of ext.zip."), m);
        assertHint(e, EdgeHints.gone(oauthSettings(sim).build()));
        assertFalse(m.contains("HTTP 410  "), m);
    }

    @Test
    void goneOnAStatusRequestSaysTheSame() throws Exception {
        sim.config().fault(Route.PUBLISH_STATUS, Fault.status(410));
        try (EdgeAddonsClient client = oauthClient(sim, reporter)) {
            StoreException e = assertThrows(StoreException.class,
                    () -> client.status(OperationKind.PUBLISH, "0b2c4d6e-0000-4000-8000-000000000001", seconds(10)));
            assertEquals(410, e.httpStatus());
            assertEquals(Failure.Request.PUBLISH_STATUS, e.failure().request());
            assertHint(e, EdgeHints.gone(oauthSettings(sim).build()));
        }
    }

    @Test
    void reasonPhrasesComeFromHttpClientsCatalogue() throws Exception {
        sim.config().fault(Route.UPLOAD, Fault.status(422));
        StoreException known = upload(apiKeyClient(sim, reporter));
        assertTrue(known.getMessage().startsWith("The store answered HTTP 422 Unprocessable Content to the upload"),
                known.getMessage());
        sim.config().fault(Route.UPLOAD, Fault.status(499));
        StoreException unknown = upload(apiKeyClient(sim, reporter));
        // a status the catalogue does not name: no reason, and no double space where it would be
        assertTrue(unknown.getMessage().startsWith("The store answered HTTP 499 to the upload"), unknown.getMessage());
    }

    // ---- 401 by auth mode and body ----------------------------------------------------------------------

    @Test
    void apiKey401WithTheJwtFallbackBodyPointsAtTheHeadersNotTheExpiry() throws Exception {
        sim.config().fault(Route.UPLOAD, Fault.status(401).body("application/json", EdgeApiSimulator.INVALID_AZURE_AD_JWT));
        StoreException e = upload(apiKeyClient(sim, reporter));
        assertEquals(401, e.httpStatus());
        assertTrue(e.failure().keyHeadersNotTaken(), e.failure().toString());
        assertEquals("Invalid Azure AD JWT", e.failure().storeMessage());
        assertHint(e, EdgeHints.unauthorized(apiKeySettings(sim).build(), true));
    }

    @Test
    void apiKey401WithAnEmptyBodyIsTheKeyExpiry() throws Exception {
        sim.config().apiKey("rotated-away");
        StoreException e = upload(apiKeyClient(sim, reporter));
        assertEquals(401, e.httpStatus());
        assertFalse(e.failure().keyHeadersNotTaken());
        assertHint(e, EdgeHints.unauthorized(apiKeySettings(sim).build(), false));
    }

    @Test
    void v1Unauthorized401NeverGivesTheApiKeyAdvice() throws Exception {
        // two refusals: the first answer and the one after the token was fetched again
        sim.config().fault(Route.UPLOAD, Fault.status(401).body("application/json", EdgeApiSimulator.INVALID_JWT))
                .fault(Route.UPLOAD, Fault.status(401).body("application/json", EdgeApiSimulator.INVALID_JWT));
        StoreException e = upload(oauthClient(sim, reporter));
        assertEquals(401, e.httpStatus());
        assertEquals("Invalid JWT.", e.failure().storeMessage());
        assertHint(e, EdgeHints.unauthorized(oauthSettings(sim).build(), false));
        assertEquals(2, sim.requests(Route.TOKEN).size(), "one token, and one more after the first 401");
    }

    @Test
    void theCredentialCheckChoosesItsHintFromTheRefusal() throws Exception {
        try (EdgeAddonsClient client = apiKeyClient(sim, reporter)) {
            assertEquals(null, client.credentialsRefusal(seconds(10)), "good credentials: the probe answers 404");
            sim.config().fault(Route.PUBLISH_STATUS,
                    Fault.status(401).body("application/json", EdgeApiSimulator.INVALID_AZURE_AD_JWT));
            EdgeAddonsClient.Refusal headers = client.credentialsCheck(seconds(10));
            assertTrue(headers.failure.keyHeadersNotTaken());
            assertEquals(Failure.Request.CREDENTIAL_CHECK, headers.failure.request());
            assertEquals(EdgeHints.unauthorized(apiKeySettings(sim).build(), true), headers.hint);
            sim.config().apiKey("rotated-away");
            EdgeAddonsClient.Refusal expiry = client.credentialsCheck(seconds(10));
            assertFalse(expiry.failure.keyHeadersNotTaken());
            assertEquals(EdgeHints.unauthorized(apiKeySettings(sim).build(), false), expiry.hint);
        }
    }

    // ---- 404: the front door or the ids -----------------------------------------------------------------

    @Test
    void html404IsServerTroubleNotTheProductId() throws Exception {
        sim.config().fault(Route.PUBLISH, Fault.status(404).body("text/html", HTML_404));
        StoreException e = publish(apiKeyClient(sim, reporter), "notes");
        assertTrue(e.failure().htmlBody());
        assertEquals(Failure.Request.PUBLISH, e.failure().request());
        assertTrue(e.getMessage().contains("(an HTML page: 404 Web Site not found)"), e.getMessage());
        assertHint(e, EdgeHints.forHttpError(apiKeySettings(sim).build(), e.failure(), null));
    }

    @Test
    void json404IsTheProductId() throws Exception {
        sim.config().products("11111111-2222-3333-4444-555555555555");
        StoreException e = upload(apiKeyClient(sim, reporter));
        assertEquals(404, e.httpStatus());
        assertFalse(e.failure().htmlBody());
        assertEquals("Product not found", e.failure().storeMessage());
        assertHint(e, EdgeHints.forHttpError(apiKeySettings(sim).build(), e.failure(), null));
    }

    @Test
    void html404OnAStatusRequestIsNotAnUnknownOperation() throws Exception {
        sim.config().fault(Route.UPLOAD_STATUS, Fault.status(404).body("text/html", HTML_404));
        try (EdgeAddonsClient client = apiKeyClient(sim, reporter)) {
            StoreException e = assertThrows(StoreException.class,
                    () -> client.status(OperationKind.UPLOAD, "0b2c4d6e-0000-4000-8000-000000000002", seconds(10)));
            assertFalse(e.failure().unknownOperation(), e.getMessage());
            assertTrue(e.failure().htmlBody(), e.failure().toString());
            assertEquals(Failure.Request.UPLOAD_STATUS, e.failure().request());
        }
        try (EdgeAddonsClient client = apiKeyClient(sim, reporter)) {
            StoreException e = assertThrows(StoreException.class,
                    () -> client.status(OperationKind.UPLOAD, "0b2c4d6e-0000-4000-8000-000000000002", seconds(10)));
            assertTrue(e.failure().unknownOperation(), e.getMessage());
            assertEquals("0b2c4d6e-0000-4000-8000-000000000002", e.failure().operationId());
        }
    }

    // ---- 400: notes or package ----------------------------------------------------------------------------

    @Test
    void publish400IsAboutTheNotesBodyAndSaysWhatWasSent() throws Exception {
        sim.config().fault(Route.PUBLISH, Fault.status(400));
        String notes = "Release notes ✓";
        StoreException e = publish(apiKeyClient(sim, reporter), notes);
        int bytes = notes.getBytes(StandardCharsets.UTF_8).length;
        assertEquals(Failure.Request.PUBLISH, e.failure().request());
        assertEquals(400, e.httpStatus());
        assertHint(e, EdgeHints.forHttpError(apiKeySettings(sim).build(), e.failure(),
                bytes + " bytes, text/plain; charset=UTF-8"));
    }

    @Test
    void upload400IsAboutThePackage() throws Exception {
        sim.config().fault(Route.UPLOAD, Fault.status(400));
        StoreException e = upload(apiKeyClient(sim, reporter));
        assertEquals(Failure.Request.UPLOAD, e.failure().request());
        assertEquals(400, e.httpStatus());
        assertHint(e, EdgeHints.forHttpError(apiKeySettings(sim).build(), e.failure(), "10000 bytes, application/zip"));
    }

    // ---- 5xx --------------------------------------------------------------------------------------------

    @Test
    void serverErrorsSayOutagesLastAndTheDraftIsKept() throws Exception {
        sim.config().failAlways(Route.UPLOAD, 500);
        StoreException e = upload(apiKeyClient(sim, reporter));
        assertEquals(500, e.httpStatus());
        assertFalse(e.failure().mayHaveReachedStore(), "an upload may be repeated");
        assertTrue(e.getMessage().startsWith("The store answered HTTP 500 Internal Server Error"), e.getMessage());
        assertHint(e, EdgeHints.forHttpError(apiKeySettings(sim).build(), e.failure(), null));
    }

    // ---- the token endpoint ------------------------------------------------------------------------------

    @Test
    void tokenRefusalIsOneLineWithItsAadstsCode() throws Exception {
        EdgeAddonsClient client = new EdgeAddonsClient(oauthSettings(sim)
                .credentials(new Credentials(EdgeApiSimulator.CLIENT_ID, "wrong-secret")).reporter(reporter).build());
        StoreException e = upload(client);
        String m = e.getMessage();
        assertEquals(StoreException.Kind.AUTH, e.kind());
        assertFalse(m.contains("\n") || m.contains("\r"), m);
        assertTrue(m.contains("(HTTP 401, invalid_client: AADSTS7000215: Invalid client secret provided"), m);
        assertFalse(m.contains("Trace ID"), m);
        assertFalse(m.contains("wrong-secret"), m);
        assertTrue(e.fromTokenEndpoint());
        assertEquals(401, e.httpStatus());
        assertHint(e, EdgeHints.tokenRefused(oauthSettings(sim).build()));
        assertEquals(Collections.singletonList(Route.TOKEN), routes(sim));
    }

    @Test
    void aThrottledOrFailingTokenEndpointIsNotCalledARefusalOfTheCredentials() throws Exception {
        sim.config().failAlways(Route.TOKEN, 429);
        StoreException e = upload(oauthClient(sim, reporter));
        String m = e.getMessage();
        assertEquals(429, e.httpStatus());
        assertFalse(e.isUserActionable(), "throttling is not the user's to fix");
        assertEquals(StoreException.Kind.HTTP, e.kind(), "not AUTH: no refusal of the credentials");
        assertTrue(e.fromTokenEndpoint());
        assertTrue(m.contains("answered HTTP 429 Too Many Requests (after 4 attempts)"), m);
        assertHint(e, Hints.tokenUnavailable(429));

        sim.config().clearFaults().failAlways(Route.TOKEN, 502);
        e = upload(oauthClient(sim, reporter));
        assertEquals(StoreException.Kind.HTTP, e.kind());
        assertEquals(502, e.httpStatus());
        assertHint(e, Hints.tokenUnavailable(502));
    }

    @Test
    void aForbiddenTokenRequestIsWordedAsWhatItIsNotAsARefusalOfTheCredentials() throws Exception {
        sim.config().failAlways(Route.TOKEN, 403);
        StoreException e = upload(oauthClient(sim, reporter));
        assertTrue(e.fromTokenEndpoint());
        assertEquals(403, e.httpStatus());
        assertEquals(StoreException.Kind.AUTH, e.kind(), "still the user's to fix, and it ends a wait");
        assertTrue(e.getMessage().contains("answered HTTP 403 Forbidden to the token request."), e.getMessage());
        assertFalse(e.getMessage().contains("refused the client credentials"), e.getMessage());
        assertHint(e, EdgeHints.tokenForbidden(oauthSettings(sim).build()));
        assertEquals(1, sim.requests(Route.TOKEN).size(), "a 403 is not repeated");
    }

    @Test
    void aTokenAnswerThatIsNotJsonSaysSo() throws Exception {
        sim.config().fault(Route.TOKEN, Fault.status(200).body("text/html", "<html><title>Sign in</title></html>"));
        StoreException e = upload(oauthClient(sim, reporter));
        String m = e.getMessage();
        assertEquals(StoreException.Kind.MALFORMED, e.kind());
        assertTrue(m.contains("answered HTTP 200 with something that is not JSON (an HTML page)"), m);
        assertTrue(e.failure().htmlBody());
        assertTrue(e.fromTokenEndpoint());
        assertHint(e, EdgeHints.tokenUrlWrong(oauthSettings(sim).build()));
    }

    @Test
    void aJsonTokenAnswerWithoutAToken() throws Exception {
        sim.config().fault(Route.TOKEN, Fault.status(200).body("application/json", "{\"token_type\":\"Bearer\"}"));
        String m = upload(oauthClient(sim, reporter)).getMessage();
        assertTrue(m.contains("with JSON that holds no access_token"), m);
    }

    // ---- live messages -----------------------------------------------------------------------------------

    @Test
    void uploadSuccessWithoutAFileNameAndNineteenDigitSubmissionIds() throws Exception {
        sim.config().uploadOutcome(Outcome.succeeded().message(EdgeApiSimulator.UPLOAD_SUCCESS_MESSAGE_WITHOUT_FILE))
                .publishOutcome(Outcome.succeeded().message("Successfully created submission with ID 1152921505701822265"));
        Path zip = zip();
        try (EdgeAddonsClient client = apiKeyClient(sim, reporter)) {
            OperationStatus up = client.await(OperationKind.UPLOAD, client.startUpload(zip, Files.size(zip), seconds(10)),
                    seconds(10));
            assertEquals(OperationState.SUCCEEDED, up.state());
            assertEquals("Successfully updated package", up.message());
            OperationStatus pub = client.await(OperationKind.PUBLISH, client.startPublish("n", seconds(10)), seconds(10));
            assertEquals(OperationState.SUCCEEDED, pub.state());
            assertEquals("1152921505701822265", io.github.edgeaddons.release.Release.submissionId(pub.message()));
        }
    }
}
