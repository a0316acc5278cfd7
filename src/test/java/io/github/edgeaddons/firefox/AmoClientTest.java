package io.github.edgeaddons.firefox;

import static io.github.edgeaddons.firefox.FirefoxTestSupport.deadline;
import static io.github.edgeaddons.firefox.FirefoxTestSupport.settings;
import static io.github.edgeaddons.firefox.FirefoxTestSupport.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.core.Deadline;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.edge.ClientTestSupport.RecordingReporter;
import io.github.edgeaddons.sim.Fault;
import io.github.edgeaddons.sim.RecordedRequest;
import io.github.edgeaddons.sim.Simulator;
import io.github.edgeaddons.sim.firefox.AmoErrors;
import io.github.edgeaddons.sim.firefox.AmoSimulator;
import io.github.edgeaddons.sim.firefox.FirefoxRoute;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AmoClient} against the AMO simulator over real HTTP on 127.0.0.1: AMO's quirks and faults. */
class AmoClientTest {
    @Simulator
    private static AmoSimulator sim;

    @TempDir
    Path dir;

    private final RecordingReporter reporter = new RecordingReporter();
    private final List<Duration> slept = new CopyOnWriteArrayList<>();

    private AmoClient client(FirefoxSettings.Builder b) {
        return new AmoClient(b.reporter(reporter).sleeper(slept::add).build());
    }

    private AmoClient client() {
        return client(settings(sim));
    }

    @Test
    void theAddonIsReadByItsBracedGuidPercentEncodedWithATrailingSlash() throws Exception {
        try (AmoClient c = client()) {
            AmoClient.Addon a = c.addon(deadline());
            assertEquals(AmoSimulator.ADDON_GUID, a.guid);
            assertEquals(AmoSimulator.ADDON_SLUG, a.slug);
            assertEquals("public", a.status);
            assertEquals("1.0.0", a.currentVersion.number);
            assertTrue(a.currentVersion.hasLicense);
        }
        RecordedRequest r = sim.requests().get(0);
        assertEquals("/api/v5/addons/addon/%7B5f3a9c2e-7b1d-4e8a-9c6f-0d2b4a6e8c10%7D/", r.path());
        assertTrue(r.header("Authorization").startsWith("JWT "));
    }

    @Test
    void anEmailLikeIdAndASlugAreSentAsTheyAre() throws Exception {
        try (AmoClient c = client(settings(sim).addonId(AmoSimulator.EMAIL_ADDON_GUID))) {
            assertEquals(AmoSimulator.EMAIL_ADDON_SLUG, c.addon(deadline()).slug);
        }
        try (AmoClient c = client(settings(sim).addonId(AmoSimulator.ADDON_SLUG))) {
            assertEquals(AmoSimulator.ADDON_GUID, c.addon(deadline()).guid);
        }
        assertEquals("/api/v5/addons/addon/sim-addon@example.com/", sim.requests().get(0).path());
    }

    @Test
    void anIdAmoDoesNotKnowIs404WithTheIdForms() throws Exception {
        try (AmoClient c = client(settings(sim).addonId("{sim-addon}"))) {
            StoreException e = assertThrows(StoreException.class, () -> c.addon(deadline()));
            assertEquals(404, e.httpStatus());
            assertEquals("Not found.", e.failure().storeMessage());
            assertTrue(e.getMessage().endsWith(FirefoxHints.addonNotFound("{sim-addon}")), e.getMessage());
        }
    }

    @Test
    void anotherUsersAddonCannotGetAVersion() throws Exception {
        try (AmoClient c = client(settings(sim).addonId(AmoSimulator.FOREIGN_ADDON_GUID))) {
            StoreException e = assertThrows(StoreException.class,
                    () -> c.createVersion("0123", new AmoClient.VersionFields(), deadline()));
            assertEquals(403, e.httpStatus());
            assertTrue(e.getMessage().endsWith(FirefoxHints.notAuthor(AmoSimulator.FOREIGN_ADDON_GUID)));
        }
    }

    @Test
    void aClockAheadOfAmosIsReportedAsTheClockNotAsBadCredentials() throws Exception {
        // AMO's clock a minute behind this machine's: the token's iat is in AMO's future
        sim.clock(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-60)));
        try (AmoClient c = client()) {
            StoreException e = assertThrows(StoreException.class, () -> c.addon(deadline()));
            assertEquals(401, e.httpStatus());
            assertEquals(StoreException.Kind.AUTH, e.kind());
            assertTrue(e.getMessage().endsWith(FirefoxHints.clockAhead()), e.getMessage());
        }
    }

    @Test
    void aClockFarBehindAmosIsReportedAsTheClock() throws Exception {
        sim.clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)));
        try (AmoClient c = client()) {
            StoreException e = assertThrows(StoreException.class, () -> c.addon(deadline()));
            assertTrue(e.getMessage().endsWith(FirefoxHints.clockBehind()), e.getMessage());
        }
    }

    @Test
    void aWrongSecretOrIssuerIsNamed() throws Exception {
        try (AmoClient c = client(settings(sim).credentials(AmoSimulator.JWT_ISSUER, "not-the-secret")
                .credentialsSource("SOURCE"))) {
            StoreException e = assertThrows(StoreException.class, () -> c.addon(deadline()));
            assertTrue(e.getMessage().endsWith(FirefoxHints.badSignature("SOURCE")), e.getMessage());
        }
        try (AmoClient c = client(settings(sim).credentials("user:1:2", AmoSimulator.JWT_SECRET)
                .credentialsSource("SOURCE"))) {
            StoreException e = assertThrows(StoreException.class, () -> c.addon(deadline()));
            assertTrue(e.getMessage().endsWith(FirefoxHints.unknownKey("SOURCE")), e.getMessage());
        }
    }

    @Test
    void theUploadIsMultipartWithAFileNameAndTheChannelAndItsValidationIsAwaited() throws Exception {
        sim.store().processingPolls(3);
        try (AmoClient c = client()) {
            AmoClient.Upload u = c.upload(zip(dir, "1.2.0"), "unlisted", deadline());
            assertFalse(u.processed);
            u = c.awaitValidation(u, deadline());
            assertTrue(u.processed);
            assertTrue(u.valid);
            assertEquals("1.2.0", u.version);
        }
        assertEquals("ext-1.2.0-firefox.zip", sim.store().uploads().get(0).fileName());
        assertEquals("unlisted", sim.store().uploads().get(0).channel());
        String type = sim.requests(FirefoxRoute.UPLOAD).get(0).header("Content-Type");
        assertTrue(type.startsWith("multipart/form-data;") && type.contains("boundary="), type);
        assertEquals(4, sim.requests(FirefoxRoute.UPLOAD_STATUS).size());
    }

    @Test
    void aVersionCannotBeCreatedFromAnUploadNotYetValidatedAndSaysWhichField() throws Exception {
        sim.store().processingPolls(5);
        try (AmoClient c = client()) {
            AmoClient.Upload u = c.upload(zip(dir, "1.2.1"), "listed", deadline());
            StoreException e = assertThrows(StoreException.class,
                    () -> c.createVersion(u.uuid, new AmoClient.VersionFields(), deadline()));
            assertEquals(400, e.httpStatus());
            assertEquals("upload", e.failure().errorCode());
            assertEquals(List.of("upload: " + AmoErrors.UPLOAD_NOT_VALID), e.failure().errors());
            assertFalse(e.failure().mayHaveReachedStore());
        }
    }

    @Test
    void aVersionIsLookedUpByNumberAndAnAbsentOneIsNull() throws Exception {
        try (AmoClient c = client()) {
            AmoClient.Version v = c.version("1.0.0", deadline());
            assertNotNull(v);
            assertEquals("public", v.fileStatus);
            assertNull(c.version("9.9.9", deadline()));
        }
        assertEquals("/api/v5/addons/addon/%7B5f3a9c2e-7b1d-4e8a-9c6f-0d2b4a6e8c10%7D/versions/v1.0.0/",
                sim.requests().get(0).path());
    }

    @Test
    void aThrottleThatFitsInTheTimeoutIsWaitedOutAsAmoAsks() throws Exception {
        // more 429s than the transport's attempts: the client then waits what AMO says, and sends again
        sim.store().throttle(5, 7, false);
        try (AmoClient c = client()) {
            assertEquals(AmoSimulator.ADDON_SLUG, c.addon(deadline()).slug);
        }
        assertTrue(slept.contains(Duration.ofSeconds(7)), slept.toString());
        assertTrue(reporter.warnings.contains(FirefoxHints.waitingForThrottle(Duration.ofSeconds(7))), reporter.text());
    }

    @Test
    void aThrottleLongerThanTheTimeoutIsReportedWithTheWait() throws Exception {
        sim.store().throttle(10, 26175, false);
        try (AmoClient c = client()) {
            StoreException e = assertThrows(StoreException.class, () -> c.addon(deadline()));
            assertEquals(429, e.httpStatus());
            assertTrue(e.getMessage().contains("Request was throttled. Expected available in 26175 seconds"));
            assertTrue(e.getMessage().endsWith(FirefoxHints.throttled(Duration.ofSeconds(26175))), e.getMessage());
        }
        assertFalse(slept.contains(Duration.ofSeconds(26175)));
    }

    @Test
    void serverErrorsAndHtmlPagesDuringTheValidationWaitAreSurvived() throws Exception {
        sim.fault(FirefoxRoute.UPLOAD_STATUS, AmoErrors.serverError());
        sim.fault(FirefoxRoute.UPLOAD_STATUS, AmoErrors.maintenance());
        sim.fault(FirefoxRoute.UPLOAD_STATUS, Fault.status(502));
        try (AmoClient c = client()) {
            AmoClient.Upload u = c.awaitValidation(c.upload(zip(dir, "1.2.2"), "listed", deadline()), deadline());
            assertTrue(u.valid);
        }
    }

    @Test
    void aServerErrorThatLastsIsReportedAsAmosTrouble() throws Exception {
        for (int i = 0; i < 6; i++) {
            sim.fault(FirefoxRoute.ADDON, AmoErrors.serverError());
        }
        try (AmoClient c = client()) {
            StoreException e = assertThrows(StoreException.class, () -> c.addon(deadline()));
            assertEquals(500, e.httpStatus());
            assertTrue(e.failure().htmlBody());
            assertTrue(e.getMessage().endsWith(FirefoxHints.serverTrouble()), e.getMessage());
        }
    }

    @Test
    void anHtmlPageInsteadOfTheApiSaysToCheckTheRoot() throws Exception {
        sim.fault(FirefoxRoute.ADDON, AmoErrors.notFoundHtml());
        try (AmoClient c = client()) {
            StoreException e = assertThrows(StoreException.class, () -> c.addon(deadline()));
            assertTrue(e.getMessage().endsWith(FirefoxHints.notTheApi()), e.getMessage());
        }
    }

    @Test
    void a415IsExplained() throws Exception {
        sim.fault(FirefoxRoute.UPLOAD, Fault.status(415).body("application/json",
                "{\"detail\":\"Unsupported media type \\\"text/plain;charset=UTF-8\\\" in request.\"}"));
        try (AmoClient c = client()) {
            StoreException e = assertThrows(StoreException.class, () -> c.upload(zip(dir, "1.2.3"), "listed",
                    deadline()));
            assertEquals(415, e.httpStatus());
            assertTrue(e.getMessage().endsWith(FirefoxHints.unsupportedMediaType()), e.getMessage());
        }
    }

    @Test
    void aVersionCreationThatMayHaveReachedAmoIsSentOnce() throws Exception {
        try (AmoClient c = client()) {
            AmoClient.Upload u = c.awaitValidation(c.upload(zip(dir, "1.2.4"), "listed", deadline()), deadline());
            sim.fault(FirefoxRoute.CREATE_VERSION, Fault.closeConnection());
            StoreException e = assertThrows(StoreException.class,
                    () -> c.createVersion(u.uuid, new AmoClient.VersionFields(), deadline()));
            assertTrue(e.failure().mayHaveReachedStore(), e.failure().toString());
            assertEquals("AMO's answer to the request creating the version of add-on " + AmoSimulator.ADDON_GUID
                    + " was lost (the server closed the connection without an answer).", e.getMessage());
        }
        assertEquals(1, sim.requests(FirefoxRoute.CREATE_VERSION).size());
    }

    @Test
    void aVersionCreationThrottledIsSentAgainBecauseAmoDidNotActOnIt() throws Exception {
        try (AmoClient c = client()) {
            AmoClient.Upload u = c.awaitValidation(c.upload(zip(dir, "1.2.5"), "listed", deadline()), deadline());
            sim.fault(FirefoxRoute.CREATE_VERSION, AmoErrors.throttled(1, true));
            AmoClient.Version v = c.createVersion(u.uuid, new AmoClient.VersionFields(), deadline());
            assertEquals("1.2.5", v.number);
        }
        assertEquals(2, sim.requests(FirefoxRoute.CREATE_VERSION).size());
    }

    @Test
    void theDeadlineBoundsTheValidationWait() throws Exception {
        sim.store().processingPolls(1000);
        try (AmoClient c = new AmoClient(settings(sim).build())) {
            AmoClient.Upload u = c.upload(zip(dir, "1.2.6"), "listed", deadline());
            StoreException e = assertThrows(StoreException.class,
                    () -> c.awaitValidation(u, Deadline.after(Duration.ofMillis(400), Clock.systemUTC())));
            assertEquals(StoreException.Kind.TIMEOUT, e.kind());
            assertEquals(FirefoxHints.stillValidating(u.uuid), e.getMessage());
        }
    }

    @Test
    void pathsEndInASlashAndIdsAreOneSegment() throws Exception {
        try (AmoClient c = client()) {
            assertTrue(c.api("addons/upload").toString().endsWith("/api/v5/addons/upload/"));
            assertEquals("%7Ba-b%7D", AmoClient.segment("{a-b}"));
            assertEquals("name@example.com", AmoClient.segment("name@example.com"));
            assertTrue(c.versionUrl("1.2.3").toString().endsWith("/versions/v1.2.3/"));
            assertTrue(c.versionUrl("105").toString().endsWith("/versions/105/"));
        }
    }

    @Test
    void theSignedFileIsCheckedAgainstAmosHash() throws Exception {
        try (AmoClient c = client()) {
            AmoClient.Version v = c.version("1.0.0", deadline());
            Path ok = c.download(v.fileUrl, v.fileHash, dir.resolve("ok.xpi"), deadline());
            assertTrue(java.nio.file.Files.size(ok) > 0);
            Path target = dir.resolve("bad.xpi");
            StoreException e = assertThrows(StoreException.class, () -> c.download(v.fileUrl,
                    "sha256:0000000000000000000000000000000000000000000000000000000000000000", target, deadline()));
            assertEquals(StoreException.Kind.MALFORMED, e.kind());
            assertFalse(java.nio.file.Files.exists(target));
        }
        // the file URL is on the API's host: the JWT went with it
        assertTrue(sim.requests(FirefoxRoute.DOWNLOAD).get(0).header("Authorization").startsWith("JWT "));
    }
}
