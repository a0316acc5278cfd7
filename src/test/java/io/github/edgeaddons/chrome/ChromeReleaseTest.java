package io.github.edgeaddons.chrome;

import static io.github.edgeaddons.chrome.ChromeTestSupport.refreshToken;
import static io.github.edgeaddons.chrome.ChromeTestSupport.settings;
import static io.github.edgeaddons.chrome.ChromeTestSupport.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.core.ResumeCommands;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.edge.ClientTestSupport.RecordingReporter;
import io.github.edgeaddons.maven.MavenVocabulary;
import io.github.edgeaddons.release.StepResult;
import io.github.edgeaddons.release.StoreOutcome;
import io.github.edgeaddons.sim.Fault;
import io.github.edgeaddons.sim.RecordedRequest;
import io.github.edgeaddons.sim.Simulator;
import io.github.edgeaddons.sim.chrome.ChromeRoute;
import io.github.edgeaddons.sim.chrome.ChromeStore;
import io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ChromeRelease}'s flow against the Chrome Web Store simulator over real HTTP on 127.0.0.1. */
class ChromeReleaseTest {
    @Simulator
    private static ChromeWebStoreSimulator sim;

    @TempDir
    Path dir;

    private final RecordingReporter log = new RecordingReporter();
    private final List<StepResult> steps = Collections.synchronizedList(new ArrayList<>());

    private ChromeParameters.Builder parameters() {
        return ChromeParameters.builder().itemId(ChromeWebStoreSimulator.ITEM_ID)
                .publisherId(ChromeWebStoreSimulator.PUBLISHER_ID).apiBaseUrl(sim.apiBaseUrl())
                .tokenUrl(sim.tokenUrl()).timeout("60s");
    }

    private ChromeRelease release(ChromeParameters p, String version) throws Exception {
        ChromeSettings s = settings(sim, refreshToken()).reporter(log)
                .resume(new ResumeCommands(MavenVocabulary.INSTANCE, "edge-addons", Collections.emptyList()))
                .build();
        return ChromeRelease.of(p, s, zip(dir, version), version, steps::add);
    }

    private List<ChromeRoute> routes() {
        List<ChromeRoute> out = new ArrayList<>();
        for (RecordedRequest r : sim.requests()) {
            if (!ChromeRoute.TOKEN.name().equals(r.routeName())) {
                out.add(ChromeRoute.valueOf(r.routeName()));
            }
        }
        return out;
    }

    private List<String> stepNames() {
        List<String> out = new ArrayList<>();
        for (StepResult s : steps) {
            out.add(s.goal() + "=" + s.status());
        }
        return out;
    }

    @Test
    void releasesStatusUploadPublishAndReportsPendingReview() throws Exception {
        StoreOutcome o = release(parameters().build(), "1.1.0").run();
        assertEquals(StoreOutcome.Result.RELEASED, o.result(), o.toString());
        assertEquals(List.of(ChromeRoute.FETCH_STATUS, ChromeRoute.UPLOAD, ChromeRoute.PUBLISH), routes());
        assertEquals("PENDING_REVIEW", sim.store().submitted().state());
        assertEquals("1.1.0", sim.store().submitted().crxVersion());
        assertEquals("{}", sim.requests(ChromeRoute.PUBLISH).get(0).bodyText(), "the body carries only what is set");
        assertEquals(List.of("chrome-status=Succeeded", "chrome-upload=Succeeded", "chrome-publish=Succeeded"),
                stepNames());
        for (StepResult s : steps) {
            assertEquals("chrome", s.store());
        }
        assertTrue(log.infos.contains("Submitted version 1.1.0 of item " + ChromeWebStoreSimulator.ITEM_ID
                + " for review (publish): it is pending review."), log.text());
    }

    @Test
    void stagedPublishWithAPercentageSendsBoth() throws Exception {
        StoreOutcome o = release(parameters().publishType("staged").deployPercentage("10").build(), "1.1.0").run();
        assertEquals(StoreOutcome.Result.RELEASED, o.result(), o.toString());
        assertEquals("{\"publishType\":\"STAGED_PUBLISH\",\"deployInfos\":[{\"deployPercentage\":10}]}",
                sim.requests(ChromeRoute.PUBLISH).get(0).bodyText());
        assertTrue(sim.store().submitted().staged());
        assertEquals(10, sim.store().submitted().deployPercentage());
    }

    @Test
    void inReviewFailsByDefaultBeforeAnyUpload() throws Exception {
        sim.store().inReview("1.0.5");
        ChromeRelease r = release(parameters().build(), "1.1.0");
        StoreOutcome o = r.run();
        assertTrue(o.failed());
        assertEquals(List.of(ChromeRoute.FETCH_STATUS), routes(), "nothing uploaded");
        assertEquals("PENDING_REVIEW", ((StoreException) r.failure()).failure().errorCode());
        assertTrue(log.warnings.get(0).contains("chrome.inReview=skip"), log.text());
        assertEquals(List.of("chrome-status=Failed"), stepNames());
    }

    @Test
    void inReviewSkipSendsNothingAndWarns() throws Exception {
        sim.store().inReview("1.0.5");
        StoreOutcome o = release(parameters().inReview("skip").build(), "1.1.0").run();
        assertEquals(StoreOutcome.Result.SKIPPED, o.result());
        assertEquals("Chrome Web Store: skipped (a submission of 1.0.5 is pending review)", o.toString());
        assertEquals(List.of(ChromeRoute.FETCH_STATUS), routes());
        assertEquals(1, log.warnings.size(), log.text());
        assertEquals("1.0.5", sim.store().submitted().crxVersion());
    }

    @Test
    void inReviewCancelCancelsThenReleases() throws Exception {
        sim.store().inReview("1.0.5");
        StoreOutcome o = release(parameters().inReview("cancel").build(), "1.1.0").run();
        assertEquals(StoreOutcome.Result.RELEASED, o.result(), log.text());
        assertEquals(List.of(ChromeRoute.FETCH_STATUS, ChromeRoute.CANCEL_SUBMISSION, ChromeRoute.UPLOAD,
                ChromeRoute.PUBLISH), routes());
        assertEquals("1.1.0", sim.store().submitted().crxVersion());
        assertEquals(List.of("chrome-status=Succeeded", "chrome-cancel=Succeeded", "chrome-upload=Succeeded",
                "chrome-publish=Succeeded"), stepNames());
    }

    @Test
    void takenDownFailsBeforeAnyUpload() throws Exception {
        sim.store().takenDown(true);
        ChromeRelease r = release(parameters().build(), "1.1.0");
        StoreOutcome o = r.run();
        assertTrue(o.failed());
        assertEquals(List.of(ChromeRoute.FETCH_STATUS), routes());
        assertEquals(ChromeHints.takenDown(settings(sim, refreshToken()).build()), r.failure().getMessage());
    }

    @Test
    void versionBelowThePublishedFailsBeforeAnyUpload() throws Exception {
        sim.store().publishedVersion("2.0.0");
        ChromeRelease r = release(parameters().build(), "1.1.0");
        assertThrows(StoreException.class, r::release);
        assertEquals(List.of(ChromeRoute.FETCH_STATUS), routes());
        assertEquals(0, sim.store().packagesTaken());
    }

    @Test
    void versionEqualToThePublishedIsAlreadyReleased() throws Exception {
        sim.store().publishedVersion("1.1.0");
        StoreOutcome o = release(parameters().build(), "1.1.0").run();
        assertEquals(StoreOutcome.Result.ALREADY_RELEASED, o.result());
        assertEquals("Chrome Web Store: already released (version 1.1.0 is published (PUBLISHED, 100%))",
                o.toString());
        assertEquals(List.of(ChromeRoute.FETCH_STATUS), routes());
    }

    @Test
    void publishWarningsArePrinted() throws Exception {
        sim.store().publishWarning("MINOR_POLICY", "The description is <b>long</b>.");
        StoreOutcome o = release(parameters().build(), "1.1.0").run();
        assertEquals(StoreOutcome.Result.RELEASED, o.result());
        assertEquals(1, log.warnings.size(), log.text());
        assertTrue(log.warnings.get(0).startsWith("The Chrome Web Store warns about version 1.1.0: MINOR_POLICY: "),
                log.warnings.get(0));
        assertFalse(log.warnings.get(0).contains("<b>"), "HTML stripped");
    }

    @Test
    void uploadInProgressIsFollowedThroughA5xx() throws Exception {
        sim.store().processingPolls(2);
        // the release's own fetchStatus passes; the wait's first status request meets 503 beyond its retries
        sim.fault(ChromeRoute.FETCH_STATUS, Fault.delay(Duration.ZERO)); // the release's first fetchStatus
        for (int i = 0; i < 5; i++) {
            sim.fault(ChromeRoute.FETCH_STATUS, Fault.status(503));
        }
        StoreOutcome o = release(parameters().build(), "1.1.0").run();
        assertEquals(StoreOutcome.Result.RELEASED, o.result(), log.text());
        assertEquals(1, sim.requests(ChromeRoute.UPLOAD).size());
        assertTrue(log.text().contains("waiting goes on"), log.text());
        assertEquals("1.1.0", sim.store().submitted().crxVersion());
    }

    @Test
    void aPublishThatMayHaveReachedTheStoreIsNotRepeatedAndNamesTheStatusCommand() throws Exception {
        sim.fault(ChromeRoute.PUBLISH, Fault.closeConnection());
        ChromeRelease r = release(parameters().build(), "1.1.0");
        StoreOutcome o = r.run();
        assertTrue(o.failed());
        assertEquals(1, sim.requests(ChromeRoute.PUBLISH).size(), "never repeated blindly");
        String m = r.failure().getMessage();
        assertTrue(m.contains("mvn edge-addons:status -Dchrome.itemId=" + ChromeWebStoreSimulator.ITEM_ID
                + " -Dchrome.publisherId=" + ChromeWebStoreSimulator.PUBLISHER_ID), m);
        assertTrue(((StoreException) r.failure()).failure().mayHaveReachedStore());
    }

    @Test
    void dryRunSendsNothingAndRedacts() throws Exception {
        StoreOutcome o = release(parameters().dryRun(true).deployPercentage("5").build(), "1.1.0").run();
        assertEquals(StoreOutcome.Result.DRY_RUN, o.result());
        assertTrue(sim.requests().isEmpty(), "nothing sent: " + sim.requests());
        String text = log.text();
        assertTrue(text.contains("[dry run] POST " + sim.apiBaseUrl() + "/upload/v2/publishers/"), text);
        assertTrue(text.contains("{\"deployInfos\":[{\"deployPercentage\":5}]}"), text);
        assertFalse(text.contains(ChromeWebStoreSimulator.CLIENT_SECRET), text);
        assertFalse(text.contains(ChromeWebStoreSimulator.REFRESH_TOKEN), text);
    }

    @Test
    void dryRunWithCheckCredentialsOnlyReadsTheStatus() throws Exception {
        StoreOutcome o = release(parameters().dryRun(true).checkCredentials(true).build(), "1.1.0").run();
        assertEquals(StoreOutcome.Result.DRY_RUN, o.result(), log.text());
        assertEquals(List.of(ChromeRoute.FETCH_STATUS), routes());
        assertEquals(0, sim.store().packagesTaken());
    }

    @Test
    void awaitReviewWaitsForTheVerdict() throws Exception {
        sim.store().reviewPolls(2);
        StoreOutcome o = release(parameters().awaitReview(true).reviewTimeout("60s").build(), "1.1.0").run();
        assertEquals(StoreOutcome.Result.RELEASED, o.result(), log.text());
        assertEquals("Chrome Web Store: released (1.1.0 in state PUBLISHED)", o.toString());
        assertTrue(stepNames().contains("chrome-review=Succeeded"), stepNames().toString());
    }

    @Test
    void awaitReviewEndsAtTheReviewTimeoutWithTheSubmissionStanding() throws Exception {
        ChromeRelease r = release(parameters().awaitReview(true).reviewTimeout("1s").build(), "1.1.0");
        StoreOutcome o = r.run();
        assertTrue(o.failed());
        StoreException e = (StoreException) r.failure();
        assertEquals(StoreException.Kind.TIMEOUT, e.kind());
        assertTrue(e.failure().acceptedBefore());
        assertEquals("PENDING_REVIEW", sim.store().submitted().state(), "the submission stands");
        assertEquals(1, sim.requests(ChromeRoute.PUBLISH).size());
        assertTrue(stepNames().contains("chrome-review=TimedOut"), stepNames().toString());
    }

    @Test
    void awaitReviewReportsARejection() throws Exception {
        Thread reviewer = new Thread(() -> {
            for (int i = 0; i < 3000; i++) {
                ChromeStore.Revision s = sim.store().submitted();
                if (s != null && "PENDING_REVIEW".equals(s.state())) {
                    sim.store().reject();
                    return;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        reviewer.start();
        ChromeRelease r = release(parameters().awaitReview(true).reviewTimeout("60s").build(), "1.1.0");
        StoreOutcome o = r.run();
        reviewer.join();
        assertTrue(o.failed(), o.toString());
        assertEquals("REJECTED", ((StoreException) r.failure()).failure().errorCode());
        assertTrue(stepNames().contains("chrome-review=Failed"), stepNames().toString());
    }

    @Test
    void tokenIsRenewedDuringALongUploadWait() throws Exception {
        sim.store().processingPolls(6).tokenLifetime(Duration.ofMillis(1500));
        ChromeSettings s = settings(sim, refreshToken()).reporter(log)
                .pollPolicy(io.github.edgeaddons.core.PollPolicy.fixed(Duration.ofMillis(400))).build();
        StoreOutcome o = ChromeRelease.of(parameters().build(), s, zip(dir, "1.1.0"), "1.1.0", steps::add).run();
        assertEquals(StoreOutcome.Result.RELEASED, o.result(), log.text());
        assertTrue(sim.store().grants().size() >= 2, "renewed: " + sim.store().grants());
    }

    @Test
    void rolloutRaisesThePublishedPercentage() throws Exception {
        sim.store().published("1.0.0", 10);
        ChromeSettings s = settings(sim, refreshToken()).reporter(log).build();
        new ChromeItem(parameters().deployPercentage("50").buildForRollout(), s).rollout();
        assertEquals(50, sim.store().published().deployPercentage());
        StoreException e = assertThrows(StoreException.class,
                () -> new ChromeItem(parameters().deployPercentage("40").buildForRollout(), s).rollout());
        assertEquals(ChromeHints.rolloutNotHigher(s, 50, 40), e.getMessage());
    }

    @Test
    void statusPrintsBothRevisions() throws Exception {
        sim.store().published("1.0.0", 20).inReview("1.1.0");
        ChromeSettings s = settings(sim, refreshToken()).reporter(log).build();
        String line = new ChromeItem(parameters().build(), s).status();
        assertEquals("Chrome Web Store item " + ChromeWebStoreSimulator.ITEM_ID + ": published 1.0.0 (PUBLISHED, 20%),"
                + " submitted 1.1.0 (PENDING_REVIEW, 100%).", line);
    }
}
