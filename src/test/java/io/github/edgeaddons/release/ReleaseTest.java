package io.github.edgeaddons.release;

import io.github.edgeaddons.edge.EdgeHints;
import io.github.edgeaddons.core.Hints;

import static io.github.edgeaddons.edge.ClientTestSupport.apiKeySettings;
import static io.github.edgeaddons.edge.ClientTestSupport.oauthSettings;
import static io.github.edgeaddons.edge.ClientTestSupport.randomFile;
import static io.github.edgeaddons.edge.ClientTestSupport.routes;
import static io.github.edgeaddons.edge.ClientTestSupport.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.edge.ClientSettings;
import io.github.edgeaddons.edge.ClientTestSupport.RecordingReporter;
import io.github.edgeaddons.core.Credentials;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.core.Failure;
import io.github.edgeaddons.core.OperationKind;
import io.github.edgeaddons.core.OperationState;
import io.github.edgeaddons.core.OperationStatus;
import io.github.edgeaddons.sim.EdgeApiSimulator;
import io.github.edgeaddons.sim.Outcome;
import io.github.edgeaddons.sim.RecordedRequest;
import io.github.edgeaddons.sim.Route;
import io.github.edgeaddons.sim.Simulator;
import io.github.edgeaddons.sim.Vocabulary;
import io.github.edgeaddons.pkg.PackageInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;

/** {@link Release}'s upload, publish and await against the simulator, with the messages users read. */
class ReleaseTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    @Simulator
    private static EdgeApiSimulator sim;

    @TempDir
    Path tmp;

    private RecordingReporter reporter;

    @BeforeEach
    void setUp() {
        reporter = new RecordingReporter();
    }

    /** The settings of {@link #release()}, for the hint its failures carry. */
    private ClientSettings settings() {
        return apiKeySettings(sim).reporter(reporter).build();
    }

    /** The failure carries the hint chosen for its facts (the sentence itself is pinned in HintsTest). */
    private static void assertHint(StoreException e, String hint) {
        assertTrue(e.getMessage().contains(hint), "expected the hint \"" + hint + "\" in: " + e.getMessage());
    }

    private Release release() {
        return new Release(apiKeySettings(sim).reporter(reporter).timeout(TIMEOUT).build());
    }

    private PackageInfo pkg(int size) throws Exception {
        Path zip = randomFile(tmp, "ext-" + size + ".zip", size);
        return new PackageInfo(zip, Files.size(zip), "Sim extension", "1.2.3", 3, 4);
    }

    // ---- success --------------------------------------------------------------------------------------------

    @Test
    void uploadPublishAwaitSucceedAndNameTheSubmission() throws Exception {
        PackageInfo p = pkg(150_000);
        Release release = release();
        Release.UploadResult up = release.upload(p);
        assertEquals(OperationState.SUCCEEDED, up.status.state());
        String op = release.publish("Please test the options page.");
        OperationStatus done = release.await(op);
        assertEquals(OperationState.SUCCEEDED, done.state());

        assertEquals(Arrays.asList(Route.UPLOAD, Route.UPLOAD_STATUS, Route.UPLOAD_STATUS, Route.PUBLISH,
                Route.PUBLISH_STATUS, Route.PUBLISH_STATUS), routes(sim));
        RecordedRequest upload = sim.requests(Route.UPLOAD).get(0);
        assertEquals(p.size(), upload.bodySize());
        assertEquals(sha256(p.path()), upload.bodySha256());

        String submission = Release.submissionId(done.message());
        assertNotNull(submission, done.message());
        assertTrue(submission.matches("[0-9]{19}"), submission);
        assertTrue(reporter.infos.stream().anyMatch(i -> i.contains("submission " + submission)), reporter.infos.toString());
        assertTrue(reporter.infos.stream().anyMatch(i -> i.contains("1.2.3")), reporter.infos.toString());
    }

    @Test
    void legacyInReviewIsASuccess() throws Exception {
        sim.config().vocabulary(Vocabulary.LEGACY_2021);
        Release release = release();
        release.upload(pkg(1000));
        OperationStatus s = release.await(release.publish(""));
        assertEquals("IN-REVIEW", s.rawStatus());
    }

    @Test
    void submissionIdIsReadFromTheSuccessMessage() {
        assertEquals("1234-abcd", Release.submissionId("Successfully created submission with ID 1234-abcd"));
        assertNull(Release.submissionId(null));
        assertNull(Release.submissionId("Something else"));
    }

    // ---- Failed operations ----------------------------------------------------------------------------------

    @Test
    void uploadFailedWithErrorStrings() throws Exception {
        sim.config().uploadOutcome(Outcome.failed("PackageInvalid", "The package could not be processed.",
                "manifest.json: version is missing", "icons/128.png not found"));
        StoreException e = assertThrows(StoreException.class, () -> release().upload(pkg(1000)));
        assertOperationFailed(e, "PackageInvalid", "The package could not be processed.",
                "manifest.json: version is missing", "icons/128.png not found");
        assertHint(e, EdgeHints.forErrorCode("PackageInvalid", OperationKind.UPLOAD, settings()));
    }

    @Test
    void uploadFailedWithErrorObjects() throws Exception {
        sim.config().uploadOutcome(Outcome.failedWithErrorObjects("ModuleStateUnPublishable",
                "Submission can't be published.", "Invalid module : Properties", "Invalid module : Store listing"));
        StoreException e = assertThrows(StoreException.class, () -> release().upload(pkg(1000)));
        assertOperationFailed(e, "ModuleStateUnPublishable", "Submission can't be published.",
                "Invalid module : Properties", "Invalid module : Store listing");
        assertHint(e, EdgeHints.forErrorCode("ModuleStateUnPublishable", OperationKind.UPLOAD, settings()));
    }

    @Test
    void uploadFailedWithLegacyErrorObjectsCarryingIds() throws Exception {
        sim.config().vocabulary(Vocabulary.LEGACY_2021).uploadOutcome(Outcome.failed(null, "Manifest missing"));
        StoreException e = assertThrows(StoreException.class, () -> release().upload(pkg(1000)));
        assertEquals(StoreException.Kind.OPERATION_FAILED, e.kind());
        assertEquals(Failure.Verdict.FAILED, e.failure().verdict());
        assertEquals("FAILED", e.status().rawStatus());
        assertEquals(Arrays.asList("MANIFEST_FILE_MISSING: Manifest missing"), e.failure().errors());
    }

    @Test
    void uploadFailedWithIdAndMessageOnly() throws Exception {
        String msg = "An unexpected error occurred, please contact support Correlation ID: 8f1e Timestamp: 2025-01-01";
        sim.config().uploadOutcome(Outcome.failedIdAndMessageOnly(msg));
        StoreException e = assertThrows(StoreException.class, () -> release().upload(pkg(1000)));
        assertEquals(StoreException.Kind.OPERATION_FAILED, e.kind());
        assertEquals(sim.operations().get(0).id(), e.operationId());
        assertEquals(msg, e.failure().storeMessage());
        assertNull(e.failure().errorCode());
        assertHint(e, EdgeHints.forErrorCode(null, OperationKind.UPLOAD, settings()));
    }

    @Test
    void uploadGenericFailureExplainsTheLikelyCauses() throws Exception {
        sim.config().uploadOutcome(Outcome.genericFailure());
        StoreException e = assertThrows(StoreException.class, () -> release().upload(pkg(1000)));
        assertEquals(StoreException.Kind.OPERATION_FAILED, e.kind());
        assertEquals(Outcome.GENERIC_FAILURE_MESSAGE, e.failure().storeMessage());
        assertEquals(sim.operations().get(0).id(), e.failure().operationId());
        assertHint(e, EdgeHints.forErrorCode(null, OperationKind.UPLOAD, settings()));
    }

    /** A publish with nothing new: the store already has this release; not an error, whatever edge.inReview. */
    @ParameterizedTest
    @EnumSource(Release.InReview.class)
    void publishFailedNoModulesUpdatedIsAlreadyReleased(Release.InReview inReview) throws Exception {
        String msg = "Can't create new submission: no modules were updated since the last submission.";
        sim.config().publishOutcome(Outcome.failed("NoModulesUpdated", msg));
        Release release = release();
        String op = release.publish("n");
        OperationStatus s = release.await(op, inReview);
        assertEquals(OperationState.FAILED, s.state());
        assertEquals("NoModulesUpdated", s.errorCode());
        assertEquals(msg, s.message());
        assertTrue(reporter.warnings.isEmpty(), reporter.warnings.toString());
    }

    @Test
    void publishFailedInProgressSubmission() throws Exception {
        String msg = "Can't create new submission, request is not allowed because there is an in progress submission.";
        sim.config().publishOutcome(Outcome.failed("InProgressSubmission", msg));
        Release release = release();
        String op = release.publish("n");
        StoreException e = assertThrows(StoreException.class, () -> release.await(op));
        assertOperationFailed(e, "InProgressSubmission", msg);
        assertHint(e, EdgeHints.forErrorCode("InProgressSubmission", OperationKind.PUBLISH, settings()));
    }

    @Test
    void aReviewInProgressUnderSkipWarnsAndReturnsTheVerdict() throws Exception {
        sim.config().publishOutcome(Outcome.failed("InProgressSubmission", "in progress submission"));
        Release release = release();
        String op = release.publish("n");
        OperationStatus s = release.await(op, Release.InReview.SKIP);
        assertEquals(OperationState.FAILED, s.state());
        assertEquals("InProgressSubmission", s.errorCode());
        assertEquals(1, reporter.warnings.size(), reporter.warnings.toString());
        assertTrue(reporter.warnings.get(0).contains(settings().resume().publishDraft(EdgeApiSimulator.PRODUCT_ID)),
                reporter.warnings.toString());
    }

    @Test
    void skipLetsNoOtherFailurePass() throws Exception {
        sim.config().publishOutcome(Outcome.failed("SubmissionValidationError", "invalid"));
        Release release = release();
        String op = release.publish("n");
        StoreException e = assertThrows(StoreException.class, () -> release.await(op, Release.InReview.SKIP));
        assertEquals("SubmissionValidationError", e.failure().errorCode());
        assertTrue(reporter.warnings.isEmpty(), reporter.warnings.toString());
    }

    private static void assertOperationFailed(StoreException e, String errorCode, String message,
            String... errors) {
        assertEquals(StoreException.Kind.OPERATION_FAILED, e.kind());
        Failure f = e.failure();
        assertEquals(Failure.Verdict.FAILED, f.verdict());
        assertTrue(f.acceptedBefore(), f.toString());
        assertEquals(errorCode, f.errorCode());
        assertEquals(message, f.storeMessage());
        assertEquals(Arrays.asList(errors), f.errors());
        assertNotNull(e.operationId());
        // the store's own words reach the user
        String m = e.getMessage();
        assertTrue(m.contains("errorCode " + errorCode) && m.contains("message: " + message), m);
    }

    // ---- HTTP errors ----------------------------------------------------------------------------------------

    @Test
    void aRefusedApiKeyMentionsThe72DayExpiry() throws Exception {
        Release release = new Release(apiKeySettings(sim).reporter(reporter)
                .credentials(new Credentials(EdgeApiSimulator.CLIENT_ID, "expired-api-key-42")).timeout(TIMEOUT).build());
        StoreException e = assertThrows(StoreException.class, () -> release.upload(pkg(1000)));
        assertEquals(StoreException.Kind.HTTP, e.kind());
        assertEquals(401, e.httpStatus());
        assertEquals(Failure.Request.UPLOAD, e.failure().request());
        assertFalse(e.failure().keyHeadersNotTaken());
        assertHint(e, EdgeHints.unauthorized(settings(), false));
        assertTrue(e.getMessage().contains("'edge-test'"), "names the server: " + e.getMessage());
        assertFalse(e.getMessage().contains("expired-api-key-42"), e.getMessage());
        assertEquals(1, sim.requests().size(), "a 401 on an API key is not repeated");
    }

    @Test
    void anUnknownProductPointsAtThePartnerCenterGuid() throws Exception {
        String other = "11111111-2222-3333-4444-555555555555";
        Release release = new Release(apiKeySettings(sim).reporter(reporter).productId(other).timeout(TIMEOUT).build());
        StoreException e = assertThrows(StoreException.class, () -> release.upload(pkg(1000)));
        assertEquals(404, e.httpStatus());
        assertEquals(Failure.Request.UPLOAD, e.failure().request());
        assertFalse(e.failure().htmlBody());
        assertHint(e, EdgeHints.forHttpError(settings(), e.failure(), null));
        assertTrue(e.getMessage().contains("Product not found"), "the server's message: " + e.getMessage());
        assertEquals(1, sim.requests().size());
        assertTrue(sim.requests().get(0).path().contains(other));
    }

    @Test
    void anEmptyPackageIsRefusedWith400AndTheServersMessage() throws Exception {
        Path empty = tmp.resolve("empty.zip");
        Files.write(empty, new byte[0]);
        PackageInfo p = new PackageInfo(empty, 0, "x", "1.0", 3, 0);
        StoreException e = assertThrows(StoreException.class, () -> release().upload(p));
        assertEquals(400, e.httpStatus());
        assertEquals(Failure.Request.UPLOAD, e.failure().request());
        assertTrue(e.getMessage().contains("must contain the package zip"), "the server's message: " + e.getMessage());
        assertEquals(1, sim.requests(Route.UPLOAD).size(), "a 400 is not repeated");
        assertTrue(sim.operations().isEmpty());
    }

    @Test
    void aWrongClientSecretFailsTheUploadBeforeAnyApiRequest() throws Exception {
        ClientSettings s = oauthSettings(sim).reporter(reporter)
                .credentials(new Credentials(EdgeApiSimulator.CLIENT_ID, "bad-secret-7777")).timeout(TIMEOUT).build();
        StoreException e = assertThrows(StoreException.class, () -> new Release(s).upload(pkg(1000)));
        assertEquals(StoreException.Kind.AUTH, e.kind());
        assertFalse(e.getMessage().contains("bad-secret-7777"));
        assertEquals(Arrays.asList(Route.TOKEN), routes(sim));
    }

    @Test
    void awaitTimesOutNamingTheOperationToResume() throws Exception {
        sim.config().publishOutcome(Outcome.succeeded().afterPolls(1_000_000));
        Release release = new Release(apiKeySettings(sim).reporter(reporter).timeout(Duration.ofSeconds(1)).build());
        String op = release.publish("");
        StoreException e = assertThrows(StoreException.class, () -> release.await(op));
        assertEquals(StoreException.Kind.TIMEOUT, e.kind());
        assertEquals(op, e.operationId());
        assertTrue(e.failure().acceptedBefore());
        assertTrue(e.getMessage().contains(settings().resume().await(EdgeApiSimulator.PRODUCT_ID, op)), e.getMessage());
    }

    // ---- after acceptance, every failure says so ----------------------------------------------------------

    private void assertSaysAcceptedAndHowToResume(StoreException e, String kind, String op, String goal) {
        assertEquals(op, e.operationId());
        assertTrue(e.failure().acceptedBefore(), e.failure().toString());
        assertHint(e, Hints.afterAcceptance(e.failure(), OperationKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)),
                settings()));
        // the key phrase, end to end: the command as a user pastes it
        assertTrue(e.getMessage().contains("mvn edge-addons:" + goal + " -Dedge.productId="
                + EdgeApiSimulator.PRODUCT_ID + " -Dedge.operationId=" + op), e.getMessage());
    }

    /** A verdict after acceptance: its facts say so, and no advice to wait again, since that would repeat it. */
    private static void assertVerdictWithoutResume(StoreException e, String op, Failure.Verdict verdict) {
        assertEquals(op, e.operationId());
        assertEquals(verdict, e.failure().verdict());
        assertTrue(e.failure().acceptedBefore(), e.failure().toString());
        assertFalse(e.getMessage().contains("mvn edge-addons:await") || e.getMessage().contains("mvn edge-addons:status")
                || e.getMessage().contains("The store had accepted"), e.getMessage());
    }

    @Test
    void anUploadThatFailsAfterAcceptanceSaysWhatToFixNotToWait() throws Exception {
        sim.config().uploadOutcome(Outcome.genericFailure().afterPolls(0));
        StoreException e = assertThrows(StoreException.class, () -> release().upload(pkg(1000)));
        assertEquals(StoreException.Kind.OPERATION_FAILED, e.kind());
        assertVerdictWithoutResume(e, sim.operations().get(0).id(), Failure.Verdict.FAILED);
        assertHint(e, EdgeHints.forErrorCode(null, OperationKind.UPLOAD, settings()));
    }

    @Test
    void aPublishThatFailsAfterAcceptanceSaysWhatToDoNotToWait() throws Exception {
        sim.config().publishOutcome(Outcome.genericFailure());
        Release release = release();
        String op = release.publish("");
        StoreException e = assertThrows(StoreException.class, () -> release.await(op));
        assertVerdictWithoutResume(e, op, Failure.Verdict.FAILED);
        assertHint(e, EdgeHints.forErrorCode(null, OperationKind.PUBLISH, settings()));
    }

    @Test
    void aDefiniteErrorAnswerDuringTheWaitSaysTheOperationWasAccepted() throws Exception {
        Release release = release();
        String op = release.publish("");
        sim.config().failAlways(Route.PUBLISH_STATUS, 403);
        StoreException e = assertThrows(StoreException.class, () -> release.await(op));
        assertEquals(403, e.httpStatus());
        assertSaysAcceptedAndHowToResume(e, "publish", op, "await");
        assertEquals(1, e.getMessage().split("mvn edge-addons:await", -1).length - 1,
                "the command is printed once: " + e.getMessage());
    }

    @Test
    void anUploadTimeoutAfterAcceptanceSaysSoOnce() throws Exception {
        sim.config().uploadOutcome(Outcome.succeeded().afterPolls(1_000_000));
        Release release = new Release(apiKeySettings(sim).reporter(reporter).timeout(Duration.ofSeconds(1)).build());
        StoreException e = assertThrows(StoreException.class, () -> release.upload(pkg(1000)));
        assertEquals(StoreException.Kind.TIMEOUT, e.kind());
        String op = sim.operations().get(0).id();
        assertSaysAcceptedAndHowToResume(e, "upload", op, "status");
        assertEquals(1, e.getMessage().split("mvn edge-addons:status", -1).length - 1, e.getMessage());
    }

    @Test
    void aCancelledPublishSaysWhatItIsAndWhatToDo() throws Exception {
        Release release = release();
        String op = release.publish("");
        sim.config().fault(Route.PUBLISH_STATUS, io.github.edgeaddons.sim.Fault.unknownStatus("Cancelled"));
        StoreException e = assertThrows(StoreException.class, () -> release.await(op));
        assertEquals(Failure.Verdict.STOPPED, e.failure().verdict());
        assertEquals("Cancelled", e.status().rawStatus());
        assertHint(e, Hints.operationStopped(OperationKind.PUBLISH, settings()));
        assertVerdictWithoutResume(e, op, Failure.Verdict.STOPPED);
        assertEquals(1, sim.requests(Route.PUBLISH_STATUS).size());
    }

    @Test
    void thePlaceholderIdInAStatusBodyIsNotTheOneNamed() throws Exception {
        Release release = release();
        String op = release.publish("");
        sim.config().fault(Route.PUBLISH_STATUS, io.github.edgeaddons.sim.Fault.status(200).body("application/json",
                "{\"id\":\"{operationID}\",\"status\":\"Failed\",\"message\":\"Generic\",\"errorCode\":null}"));
        StoreException e = assertThrows(StoreException.class, () -> release.await(op));
        assertTrue(e.getMessage().contains("(operation " + op + ", status Failed"), e.getMessage());
        assertFalse(e.getMessage().contains("{operationID}"), e.getMessage());
        assertEquals(op, e.operationId());
    }

    @Test
    void aSucceededStatusIsNamedByTheIdAskedAboutNotThePlaceholderInItsBody() throws Exception {
        Release release = release();
        String op = release.publish("");
        sim.config().fault(Route.PUBLISH_STATUS, io.github.edgeaddons.sim.Fault.status(200).body("application/json",
                "{\"id\":\"{operationID}\",\"status\":\"Succeeded\",\"message\":\"Successfully created"
                        + " submission with ID 1152921505701822265\",\"errorCode\":null}"));
        OperationStatus s = release.await(op);
        assertEquals(op, s.operationId());
        assertEquals("1152921505701822265", Release.submissionId(s.message()));
    }

    @Test
    void aPublishPostCutOffByTheTimeoutMayHaveReachedTheStore() throws Exception {
        sim.config().fault(Route.PUBLISH, io.github.edgeaddons.sim.Fault.delay(Duration.ofSeconds(3)));
        Release release = new Release(apiKeySettings(sim).reporter(reporter).timeout(Duration.ofSeconds(1)).build());
        StoreException e = assertThrows(StoreException.class, () -> release.publish("notes"));
        assertEquals(StoreException.Kind.TIMEOUT, e.kind());
        assertEquals(Failure.Request.PUBLISH, e.failure().request());
        assertTrue(e.failure().mayHaveReachedStore());
        assertHint(e, Hints.publishMayHaveReachedTheStore(settings()));
        assertEquals(1, sim.requests(Route.PUBLISH).size(), "not repeated");
    }

    // ---- a publish failure after this build's upload succeeded (fault campaign, finding 2) -------------------

    private static final String PUBLISH_DRAFT = "mvn edge-addons:publish -Dedge.productId=" + EdgeApiSimulator.PRODUCT_ID
            + " -Dedge.requireUpload=false";

    /** Uploads (Succeeded), then lets {@code fault} set up the store, then publishes: the failure. */
    private StoreException publishFailureAfterUpload(Release release, Runnable fault) throws Exception {
        Release.UploadResult up = release.upload(pkg(1000));
        fault.run();
        StoreException e = assertThrows(StoreException.class, () -> release.publish("notes", up.operationId));
        String m = e.getMessage();
        assertHint(e, Hints.afterUpload(e.failure(), up.operationId, settings()));
        assertEquals(1, m.split(java.util.regex.Pattern.quote(PUBLISH_DRAFT), -1).length - 1, "printed once: " + m);
        return e;
    }

    private static void assertCommandOnItsOwnLine(StoreException e) {
        assertTrue(Arrays.asList(e.getMessage().split("\\R")).contains("  " + PUBLISH_DRAFT), e.getMessage());
    }

    @Test
    void anHtml404PageAnsweringThePublishAfterTheUploadPrintsThePublishCommand() throws Exception {
        StoreException e = publishFailureAfterUpload(release(),
                () -> sim.config().fault(Route.PUBLISH, io.github.edgeaddons.sim.Fault.html404()));
        assertEquals(404, e.httpStatus());
        assertCommandOnItsOwnLine(e);
    }

    @Test
    void aThrottledPublishAfterTheUploadPrintsThePublishCommand() throws Exception {
        StoreException e = publishFailureAfterUpload(release(), () -> sim.config().failAlways(Route.PUBLISH, 503));
        assertTrue(e.getMessage().contains("HTTP 503") && e.getMessage().contains("attempts"), e.getMessage());
        assertCommandOnItsOwnLine(e);
        sim.config().clearFaults();
        e = publishFailureAfterUpload(release(), () -> sim.config().failAlways(Route.PUBLISH, 429));
        assertCommandOnItsOwnLine(e);
    }

    @Test
    void aTokenEndpointThrottlingThePublishAfterTheUploadPrintsThePublishCommand() throws Exception {
        Release release = new Release(oauthSettings(sim).reporter(reporter).timeout(TIMEOUT).build());
        StoreException e = publishFailureAfterUpload(release, () -> sim.config().failAlways(Route.TOKEN, 429));
        assertTrue(e.fromTokenEndpoint());
        assertEquals(429, e.httpStatus());
        assertCommandOnItsOwnLine(e);
        assertEquals(0, sim.requests(Route.PUBLISH).size());
    }

    @Test
    void aPublishThatMayHaveReachedTheStoreAfterTheUploadPrintsTheCommandOnce() throws Exception {
        StoreException e = publishFailureAfterUpload(release(), () -> sim.config().failAlways(Route.PUBLISH, 500));
        assertTrue(e.failure().mayHaveReachedStore());
        assertEquals(500, e.httpStatus());
        assertEquals(1, sim.requests(Route.PUBLISH).size(), "not repeated");
    }

    @Test
    void aPublishFailureWithoutAnUploadInTheBuildClaimsNoDraft() throws Exception {
        sim.config().fault(Route.PUBLISH, io.github.edgeaddons.sim.Fault.html404());
        StoreException e = assertThrows(StoreException.class, () -> release().publish("notes", null));
        assertFalse(e.getMessage().contains("upload succeeded"), e.getMessage());
        assertFalse(e.getMessage().contains(PUBLISH_DRAFT), e.getMessage());
    }
}
