package io.github.edgeaddons.chrome;

import static io.github.edgeaddons.chrome.ChromeTestSupport.deadline;
import static io.github.edgeaddons.chrome.ChromeTestSupport.refreshToken;
import static io.github.edgeaddons.chrome.ChromeTestSupport.settings;
import static io.github.edgeaddons.chrome.ChromeTestSupport.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.chrome.ChromeWebStoreClient.PublishResult;
import io.github.edgeaddons.chrome.ChromeWebStoreClient.PublishType;
import io.github.edgeaddons.chrome.ChromeWebStoreClient.UploadResult;
import io.github.edgeaddons.core.Deadline;
import io.github.edgeaddons.core.Failure;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.edge.ClientTestSupport.RecordingReporter;
import io.github.edgeaddons.sim.Fault;
import io.github.edgeaddons.sim.RecordedRequest;
import io.github.edgeaddons.sim.Simulator;
import io.github.edgeaddons.sim.chrome.ChromeRoute;
import io.github.edgeaddons.sim.chrome.ChromeStore;
import io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator;
import io.github.edgeaddons.sim.chrome.GoogleErrors;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ChromeWebStoreClient} against the Chrome Web Store simulator over real HTTP on 127.0.0.1. */
class ChromeWebStoreClientTest {
    @Simulator
    private static ChromeWebStoreSimulator sim;

    @TempDir
    Path dir;

    private ChromeWebStoreClient client() {
        return new ChromeWebStoreClient(settings(sim, refreshToken()).build());
    }

    @Test
    void uploadSendsTheRawZipAndReadsTheVersion() throws Exception {
        Path zip = zip(dir, "1.2.3");
        try (ChromeWebStoreClient client = client()) {
            UploadResult r = client.upload(zip, deadline());
            assertEquals("SUCCEEDED", r.uploadState);
            assertEquals("1.2.3", r.crxVersion);
        }
        RecordedRequest up = sim.requests(ChromeRoute.UPLOAD).get(0);
        assertEquals("/upload/v2/publishers/" + ChromeWebStoreSimulator.PUBLISHER_ID + "/items/"
                + ChromeWebStoreSimulator.ITEM_ID + ":upload", up.path());
        assertEquals(Files.size(zip), up.bodySize());
        assertEquals("application/zip", up.header("Content-Type"));
        assertEquals("1.2.3", sim.store().draftVersion());
    }

    @Test
    void uploadInProgressIsFollowedUntilItSucceeds() throws Exception {
        sim.store().processingPolls(2);
        RecordingReporter log = new RecordingReporter();
        try (ChromeWebStoreClient client = new ChromeWebStoreClient(settings(sim, refreshToken()).reporter(log).build())) {
            UploadResult r = client.upload(zip(dir, "1.2.3"), deadline());
            assertEquals("SUCCEEDED", r.uploadState);
        }
        assertEquals(3, sim.requests(ChromeRoute.FETCH_STATUS).size(), "two IN_PROGRESS answers, then SUCCEEDED");
        assertEquals("1.2.3", sim.store().draftVersion());
    }

    @Test
    void uploadInProgressInTheProseWordIsFollowedToo() throws Exception {
        sim.store().processingPolls(1).inProgressWord(ChromeStore.UPLOAD_IN_PROGRESS);
        try (ChromeWebStoreClient client = client()) {
            assertEquals("SUCCEEDED", client.upload(zip(dir, "1.2.3"), deadline()).uploadState);
        }
        assertEquals(2, sim.requests(ChromeRoute.FETCH_STATUS).size());
    }

    @Test
    void asyncUploadFailureIsAVerdict() throws Exception {
        sim.store().processingPolls(1).asyncUploadFails(true);
        try (ChromeWebStoreClient client = client()) {
            StoreException e = assertThrows(StoreException.class, () -> client.upload(zip(dir, "1.2.3"), deadline()));
            assertEquals(StoreException.Kind.OPERATION_FAILED, e.kind());
            assertEquals(Failure.Verdict.FAILED, e.failure().verdict());
            assertEquals("FAILED", e.failure().errorCode());
        }
    }

    @Test
    void uploadStillProcessingAtTheDeadlineSaysTheStoreHasIt() throws Exception {
        sim.store().processingPolls(1000);
        try (ChromeWebStoreClient client = client()) {
            StoreException e = assertThrows(StoreException.class, () -> client.upload(zip(dir, "1.2.3"),
                    Deadline.after(Duration.ofSeconds(3), Clock.systemUTC())));
            assertEquals(StoreException.Kind.TIMEOUT, e.kind());
            assertTrue(e.failure().acceptedBefore());
            assertFalse(e.failure().hasVerdict());
        }
        assertEquals(1, sim.requests(ChromeRoute.UPLOAD).size(), "the upload is not sent again");
    }

    @Test
    void invalidPackageCarriesThePkgReasonAsFacts() throws Exception {
        try (ChromeWebStoreClient client = client()) {
            StoreException e = assertThrows(StoreException.class, () -> client.upload(zip(dir, "0.0.0"), deadline()));
            assertEquals(StoreException.Kind.HTTP, e.kind());
            assertEquals(Failure.Request.UPLOAD, e.failure().request());
            assertEquals(400, e.httpStatus());
            assertEquals("INVALID_PACKAGE", e.failure().errorCode());
            assertEquals(GoogleErrors.INVALID_PACKAGE_MESSAGE, e.failure().storeMessage());
            List<String> errors = e.failure().errors();
            assertEquals(1, errors.size());
            assertTrue(errors.get(0).startsWith(ChromeStore.PKG_MANIFEST_PARSE_ERROR + ": "), errors.get(0));
            assertFalse(errors.get(0).contains("<"), "HTML stripped: " + errors.get(0));
            assertFalse(errors.get(0).contains("\n"));
            assertTrue(e.getMessage().endsWith(ChromeHints.invalidPackage()));
        }
        assertEquals(1, sim.requests(ChromeRoute.UPLOAD).size(), "a verdict is not repeated");
    }

    @Test
    void versionNotAboveThePublishedOneIsRefused() throws Exception {
        try (ChromeWebStoreClient client = client()) {
            StoreException e = assertThrows(StoreException.class, () -> client.upload(zip(dir, "1.0.0"), deadline()));
            assertTrue(e.failure().errors().get(0).startsWith(ChromeStore.PKG_INVALID_VERSION_NUMBER + ": "));
        }
    }

    @Test
    void inReviewRefusalIsFailedPrecondition() throws Exception {
        sim.store().inReview("1.1.0");
        try (ChromeWebStoreClient client = client()) {
            StoreException e = assertThrows(StoreException.class, () -> client.upload(zip(dir, "1.2.3"), deadline()));
            assertEquals(400, e.httpStatus());
            assertEquals("FAILED_PRECONDITION", e.failure().errorCode());
            assertEquals(GoogleErrors.IN_REVIEW_MESSAGE, e.failure().storeMessage());
            assertTrue(e.getMessage().endsWith(ChromeHints.notEditableNow(
                    settings(sim, refreshToken()).build())));
            ChromeWebStoreClient.ItemStatus s = client.fetchStatus(deadline());
            assertEquals("PENDING_REVIEW", s.submitted.state);
            assertEquals("1.1.0", s.submitted.crxVersion);
            client.cancelSubmission(deadline());
            assertEquals("CANCELLED", client.fetchStatus(deadline()).submitted.state);
            assertEquals("SUCCEEDED", client.upload(zip(dir, "1.2.3"), deadline()).uploadState);
        }
    }

    @Test
    void stagedPublishWithAPercentageSendsThatBody() throws Exception {
        try (ChromeWebStoreClient client = client()) {
            client.upload(zip(dir, "1.2.3"), deadline());
            PublishResult r = client.publish(PublishType.STAGED_PUBLISH, 10, deadline());
            assertEquals("PENDING_REVIEW", r.state);
            assertTrue(r.warnings.isEmpty());
        }
        RecordedRequest p = sim.requests(ChromeRoute.PUBLISH).get(0);
        assertEquals("{\"publishType\":\"STAGED_PUBLISH\",\"deployInfos\":[{\"deployPercentage\":10}]}", p.bodyText());
        assertTrue(p.header("Content-Type").startsWith("application/json"));
        assertEquals(10, sim.store().submitted().deployPercentage());
        assertTrue(sim.store().submitted().staged());
    }

    @Test
    void publishWithNothingSetSendsAnEmptyObject() throws Exception {
        sim.store().publishWarning("MANIFEST_WARNING", "A <b>warning</b>");
        try (ChromeWebStoreClient client = client()) {
            client.upload(zip(dir, "1.2.3"), deadline());
            PublishResult r = client.publish(null, null, deadline());
            assertEquals(List.of("MANIFEST_WARNING: A warning"), r.warnings);
        }
        assertEquals("{}", sim.requests(ChromeRoute.PUBLISH).get(0).bodyText());
    }

    @Test
    void publishAnsweredWith500IsNotRepeatedAndMayHaveReachedTheStore() throws Exception {
        sim.fault(ChromeRoute.PUBLISH, GoogleErrors.internal());
        try (ChromeWebStoreClient client = client()) {
            client.upload(zip(dir, "1.2.3"), deadline());
            StoreException e = assertThrows(StoreException.class,
                    () -> client.publish(PublishType.DEFAULT_PUBLISH, null, deadline()));
            assertEquals(500, e.httpStatus());
            assertTrue(e.failure().mayHaveReachedStore());
            assertEquals("INTERNAL", e.failure().errorCode());
        }
        assertEquals(1, sim.requests(ChromeRoute.PUBLISH).size(), "never repeated blindly");
    }

    @Test
    void publishWhoseConnectionDropsIsNotRepeatedAndSaysWhatToCheck() throws Exception {
        sim.fault(ChromeRoute.PUBLISH, Fault.closeConnection());
        ChromeSettings s = settings(sim, refreshToken()).build();
        try (ChromeWebStoreClient client = new ChromeWebStoreClient(s)) {
            client.upload(zip(dir, "1.2.3"), deadline());
            StoreException e = assertThrows(StoreException.class, () -> client.publish(null, null, deadline()));
            assertEquals(StoreException.Kind.NETWORK, e.kind());
            assertTrue(e.failure().mayHaveReachedStore());
            assertTrue(e.getMessage().endsWith(ChromeHints.publishMayHaveReachedTheStore(s)), e.getMessage());
        }
        assertEquals(1, sim.requests(ChromeRoute.PUBLISH).size(), "never repeated blindly");
    }

    @Test
    void publishThrottledIsRepeatedSinceTheStoreDidNotActOnIt() throws Exception {
        sim.fault(ChromeRoute.PUBLISH, GoogleErrors.throttled("0"));
        try (ChromeWebStoreClient client = client()) {
            client.upload(zip(dir, "1.2.3"), deadline());
            assertEquals("PENDING_REVIEW", client.publish(null, null, deadline()).state);
        }
        assertEquals(2, sim.requests(ChromeRoute.PUBLISH).size());
    }

    @Test
    void throttlingAndServerErrorsAreSurvivedWithinTheDeadline() throws Exception {
        sim.fault(ChromeRoute.UPLOAD, GoogleErrors.throttled("0")).fault(ChromeRoute.UPLOAD, GoogleErrors.unavailable())
                .fault(ChromeRoute.FETCH_STATUS, GoogleErrors.internal());
        sim.store().processingPolls(1);
        Deadline deadline = deadline();
        try (ChromeWebStoreClient client = client()) {
            assertEquals("SUCCEEDED", client.upload(zip(dir, "1.2.3"), deadline).uploadState);
        }
        assertFalse(deadline.passed());
        assertEquals(3, sim.requests(ChromeRoute.UPLOAD).size());
        assertEquals(1, sim.store().packagesTaken());
    }

    @Test
    void rolloutIsRaised() throws Exception {
        sim.store().published("1.0.0", 10);
        try (ChromeWebStoreClient client = client()) {
            client.setPublishedDeployPercentage(50, deadline());
            assertEquals(50, client.fetchStatus(deadline()).published.deployPercentage);
        }
        assertEquals("{\"deployPercentage\":50}", sim.requests(ChromeRoute.SET_DEPLOY_PERCENTAGE).get(0).bodyText());
    }

    @Test
    void permissionDeniedForAnotherPublisher() throws Exception {
        ChromeSettings s = settings(sim, refreshToken()).publisherId("someone-else").build();
        try (ChromeWebStoreClient client = new ChromeWebStoreClient(s)) {
            StoreException e = assertThrows(StoreException.class, () -> client.fetchStatus(deadline()));
            assertEquals(403, e.httpStatus());
            assertEquals("PERMISSION_DENIED", e.failure().errorCode());
            assertTrue(e.getMessage().endsWith(ChromeHints.permissionDenied(s)));
        }
    }

    @Test
    void unknownItemIsNotFound() throws Exception {
        ChromeSettings s = settings(sim, refreshToken()).itemId("pppppppppppppppppppppppppppppppp").build();
        try (ChromeWebStoreClient client = new ChromeWebStoreClient(s)) {
            StoreException e = assertThrows(StoreException.class, () -> client.fetchStatus(deadline()));
            assertEquals(404, e.httpStatus());
            assertFalse(e.failure().htmlBody());
            assertEquals("NOT_FOUND", e.failure().errorCode());
            assertTrue(e.getMessage().endsWith(ChromeHints.itemNotFound(s)));
        }
    }

    @Test
    void wrongApiRootGetsAnHtmlPage() throws Exception {
        ChromeSettings s = settings(sim, refreshToken()).apiBaseUrl(URI.create(sim.apiBaseUrl() + "/wrong")).build();
        try (ChromeWebStoreClient client = new ChromeWebStoreClient(s)) {
            StoreException e = assertThrows(StoreException.class, () -> client.fetchStatus(deadline()));
            assertEquals(404, e.httpStatus());
            assertTrue(e.failure().htmlBody());
            assertTrue(e.getMessage().endsWith(ChromeHints.notTheApi()));
        }
        assertEquals(1, sim.requests(ChromeRoute.UNKNOWN).size());
    }

    @Test
    void noSecretInAnyMessage() throws Exception {
        sim.fault(ChromeRoute.PUBLISH, GoogleErrors.internal());
        RecordingReporter log = new RecordingReporter();
        StringBuilder seen = new StringBuilder();
        try (ChromeWebStoreClient client = new ChromeWebStoreClient(settings(sim, refreshToken()).reporter(log).build())) {
            seen.append(assertThrows(StoreException.class, () -> client.upload(zip(dir, "0.0.0"), deadline()))
                    .getMessage());
            client.upload(zip(dir, "1.2.3"), deadline());
            seen.append(assertThrows(StoreException.class, () -> client.publish(null, null, deadline())).getMessage());
            seen.append(client.describeAuthHeaders());
        }
        seen.append(log.text());
        String text = seen.toString();
        for (String secret : new String[] {ChromeWebStoreSimulator.CLIENT_SECRET, ChromeWebStoreSimulator.REFRESH_TOKEN,
            "ya29"}) {
            assertFalse(text.contains(secret), () -> "a secret in: " + text);
        }
    }
}
