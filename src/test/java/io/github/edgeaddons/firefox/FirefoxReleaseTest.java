package io.github.edgeaddons.firefox;

import static io.github.edgeaddons.firefox.FirefoxTestSupport.settings;
import static io.github.edgeaddons.firefox.FirefoxTestSupport.sources;
import static io.github.edgeaddons.firefox.FirefoxTestSupport.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.edge.ClientTestSupport.RecordingReporter;
import io.github.edgeaddons.release.StepResult;
import io.github.edgeaddons.release.StoreOutcome;
import io.github.edgeaddons.sim.Fault;
import io.github.edgeaddons.sim.Simulator;
import io.github.edgeaddons.sim.firefox.AmoSimulator;
import io.github.edgeaddons.sim.firefox.AmoStore;
import io.github.edgeaddons.sim.firefox.FirefoxRoute;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FirefoxRelease} against the AMO simulator over real HTTP on 127.0.0.1. */
class FirefoxReleaseTest {
    @Simulator
    private static AmoSimulator sim;

    @TempDir
    Path dir;

    private final RecordingReporter reporter = new RecordingReporter();
    private final List<StepResult> steps = new ArrayList<>();
    private final List<Path> signed = new ArrayList<>();

    private FirefoxRelease release(FirefoxRelease.Plan plan) {
        return release(settings(sim).reporter(reporter).build(), plan);
    }

    private FirefoxRelease release(FirefoxSettings s, FirefoxRelease.Plan plan) {
        return new FirefoxRelease(s, plan, steps::add, signed::add);
    }

    private FirefoxRelease.Plan plan(String version) throws Exception {
        return new FirefoxRelease.Plan().zip(zip(dir, version), version).signedFile(dir.resolve("signed.xpi"));
    }

    private List<String> stepNames() {
        List<String> names = new ArrayList<>();
        for (StepResult s : steps) {
            names.add(s.goal() + "=" + s.status());
        }
        return names;
    }

    @Test
    void aListedReleaseCreatesTheVersionWithNotesAndSourcesAndReportsTheReviewState() throws Exception {
        FirefoxRelease.Plan plan = plan("1.1.0").sources(sources(dir)).fields(new AmoClient.VersionFields()
                .approvalNotes("Build with npm run build.").releaseNotes(Collections.singletonMap("en-US", "Fixes.")));
        StoreOutcome o = release(plan).run();

        assertEquals(StoreOutcome.Result.RELEASED, o.result(), reporter.text());
        assertEquals("1.1.0 listed, awaiting review", o.detail());
        AmoStore.Version v = sim.store().versions().get(sim.store().versions().size() - 1);
        assertEquals("1.1.0", v.number());
        assertEquals("listed", v.channel());
        assertEquals("Build with npm run build.", v.approvalNotes());
        assertEquals("Fixes.", v.releaseNotes().get("en-US"));
        assertEquals("ext-firefox-sources.zip", v.sourceName());
        assertEquals(List.of("firefox-upload=Succeeded", "firefox-version=Succeeded", "firefox-sources=Succeeded"),
                stepNames());
        assertTrue(signed.isEmpty());
        // every path ended in a slash, and the UUID guid kept its braces, percent-encoded
        sim.requests().forEach(r -> assertTrue(r.path().endsWith("/"), r.path()));
        assertTrue(sim.requests(FirefoxRoute.CREATE_VERSION).get(0).path().contains("%7B5f3a9c2e"));
        assertEquals("listed", sim.store().uploads().get(0).channel());
        assertTrue(sim.store().uploads().get(0).fileName().endsWith(".zip"));
    }

    @Test
    void anInvalidPackageFailsWithTheValidatorsMessagesAndCreatesNothing() throws Exception {
        sim.store().invalidPackageOnNextUpload();
        int before = sim.store().versions().size();
        StoreException e = assertThrows(StoreException.class, () -> release(plan("1.1.0")).release());

        assertTrue(e.getMessage().contains("error: background.js line 12: "), e.getMessage());
        assertTrue(e.getMessage().contains("error: manifest.json line 14: "), e.getMessage());
        assertTrue(e.failure().hasVerdict());
        assertEquals(2, e.failure().errors().size());
        assertEquals(before, sim.store().versions().size());
        assertTrue(sim.requests(FirefoxRoute.CREATE_VERSION).isEmpty());
        assertEquals(List.of("firefox-upload=Failed"), stepNames());
    }

    @Test
    void aVersionAmoAlreadyHasIsAlreadyReleasedInAmosWords() throws Exception {
        StoreOutcome o = release(plan("1.0.0")).run();

        assertEquals(StoreOutcome.Result.ALREADY_RELEASED, o.result(), reporter.text());
        assertEquals("Version 1.0.0 already exists.", o.detail());
        assertFalse(o.failed());
        assertEquals(1, sim.requests(FirefoxRoute.CREATE_VERSION).size());
    }

    @Test
    void anUnlistedReleaseWaitsForSigningAndDownloadsTheSignedFile() throws Exception {
        sim.store().signingPolls(2);
        StoreOutcome o = release(plan("1.2.0").channel("unlisted")).run();

        assertEquals(StoreOutcome.Result.RELEASED, o.result(), reporter.text());
        assertEquals(1, signed.size());
        Path xpi = signed.get(0);
        assertEquals(dir.resolve("signed.xpi"), xpi);
        try (ZipFile z = new ZipFile(xpi.toFile())) {
            assertNotNull(z.getEntry("META-INF/mozilla.rsa"));
            assertNotNull(z.getEntry("background.js"));
        }
        assertEquals("unlisted", sim.store().uploads().get(0).channel());
        assertTrue(stepNames().contains("firefox-signed=Succeeded"), stepNames().toString());
    }

    @Test
    void awaitingTheReviewEndsWhenAmoApproves() throws Exception {
        sim.store().approvalPolls(2);
        StoreOutcome o = release(plan("1.3.0").awaitReview(true, Duration.ofSeconds(30))).run();

        assertEquals("1.3.0 listed, approved", o.detail(), reporter.text());
    }

    @Test
    void awaitingTheReviewStopsAtTheReviewTimeoutWithoutFailing() throws Exception {
        StoreOutcome o = release(plan("1.3.1").awaitReview(true, Duration.ofMillis(300))).run();

        assertEquals(StoreOutcome.Result.RELEASED, o.result());
        assertEquals("1.3.1 listed, awaiting review", o.detail());
        assertTrue(reporter.text().contains(FirefoxHints.stillInReview("1.3.1")));
    }

    @Test
    void aLostAnswerToTheVersionCreationIsNotRepeatedAndPrintsTheResumeCommandThatWorks() throws Exception {
        sim.fault(FirefoxRoute.CREATE_VERSION, Fault.status(500));
        FirefoxSettings s = settings(sim).reporter(reporter).commands(v -> "RESUME " + v).build();
        StoreOutcome o = release(s, plan("1.4.0")).run();

        assertTrue(o.failed());
        assertEquals(1, sim.requests(FirefoxRoute.CREATE_VERSION).size());
        assertTrue(reporter.text().contains(FirefoxHints.versionMayHaveReachedAmo("1.4.0", "RESUME 1.4.0")),
                reporter.text());

        // the printed command: look the version up by number; absent (the 500 created nothing), release it
        steps.clear();
        StoreOutcome resumed = release(s, plan("1.4.0").resumeVersion("1.4.0")).run();
        assertEquals(StoreOutcome.Result.RELEASED, resumed.result(), reporter.text());
        assertEquals(1, sim.store().versions().stream().filter(v -> v.number().equals("1.4.0")).count());
        assertEquals("firefox-resume=Succeeded", stepNames().get(0));
    }

    @Test
    void resumingAVersionAmoHasGoesOnFromItWithoutCreatingItAgain() throws Exception {
        assertEquals(StoreOutcome.Result.RELEASED, release(plan("1.5.0")).run().result());
        int uploads = sim.store().uploadsTaken();
        steps.clear();

        StoreOutcome o = release(plan("1.5.0").resumeVersion("1.5.0").sources(sources(dir))).run();

        assertEquals(StoreOutcome.Result.RELEASED, o.result(), reporter.text());
        assertEquals(uploads, sim.store().uploadsTaken());
        assertEquals(1, sim.requests(FirefoxRoute.CREATE_VERSION).size());
        assertEquals(List.of("firefox-resume=Succeeded", "firefox-sources=Succeeded"), stepNames());
    }

    @Test
    void aDryRunSendsNothingAndShowsNoSecret() throws Exception {
        StoreOutcome o = release(plan("1.6.0").sources(sources(dir)).dryRun(true, false)).run();

        assertEquals(StoreOutcome.Result.DRY_RUN, o.result());
        assertTrue(sim.requests().isEmpty());
        String log = reporter.text();
        assertTrue(log.contains("[dry run] POST " + sim.apiBaseUrl() + "/api/v5/addons/upload/"), log);
        assertTrue(log.contains("[dry run] PATCH "), log);
        assertTrue(log.contains("Authorization: JWT ****"), log);
        assertFalse(log.contains(AmoSimulator.JWT_SECRET));
        assertFalse(log.contains("eyJ"), "no token");
    }

    @Test
    void theCredentialCheckReadsTheAddonOnly() throws Exception {
        StoreOutcome o = release(plan("1.6.0").dryRun(true, true)).run();

        assertEquals(StoreOutcome.Result.DRY_RUN, o.result(), reporter.text());
        assertEquals(1, sim.requests().size());
        assertEquals(FirefoxRoute.ADDON.name(), sim.requests().get(0).routeName());
        assertTrue(reporter.text().contains("AMO accepted the credentials"));
    }

    @Test
    void aLicenseIsSentOnlyWhenTheAddonHasNone() throws Exception {
        sim.store().addAddon("new@example.com", "new-addon", false);
        FirefoxSettings s = settings(sim).addonId("new@example.com").reporter(reporter).build();
        FirefoxRelease.Plan p = new FirefoxRelease.Plan().zip(zip(dir, "0.1.0", "new@example.com"), "0.1.0")
                .fields(new AmoClient.VersionFields().license("MIT"));
        assertEquals(StoreOutcome.Result.RELEASED, release(s, p).run().result(), reporter.text());
        assertTrue(sim.requests(FirefoxRoute.CREATE_VERSION).get(0).bodyText().contains("\"license\":\"MIT\""));

        // the main add-on has MPL-2.0: the new version inherits it, the setting is not sent
        release(plan("1.7.0").fields(new AmoClient.VersionFields().license("MIT"))).run();
        assertFalse(sim.requests(FirefoxRoute.CREATE_VERSION).get(1).bodyText().contains("license"));
    }

    @Test
    void aListedVersionWithoutLicenseFailsNamingTheSetting() throws Exception {
        sim.store().addAddon("new@example.com", "new-addon", false);
        FirefoxSettings s = settings(sim).addonId("new@example.com").reporter(reporter).build();
        FirefoxRelease.Plan p = new FirefoxRelease.Plan().zip(zip(dir, "0.1.0", "new@example.com"), "0.1.0");
        StoreException e = assertThrows(StoreException.class, () -> release(s, p).release());
        assertTrue(e.getMessage().contains("license: This field, or custom_license, is required"), e.getMessage());
        assertTrue(e.getMessage().endsWith(FirefoxHints.licenseRequired()), e.getMessage());
        assertNull(sim.store().versions("new@example.com").isEmpty() ? null : "a version");
    }

    @Test
    void anUnlistedVersionNotSignedInTimeFailsWithTheCommandThatDownloadsItLater() throws Exception {
        sim.store().signingPolls(1000);
        FirefoxSettings s = settings(sim).reporter(reporter).commands(v -> "RESUME " + v).build();
        StoreOutcome o = release(s, plan("1.9.0").channel("unlisted").awaitReview(false, Duration.ofMillis(300)))
                .run();
        assertTrue(o.failed());
        assertTrue(reporter.text().contains(FirefoxHints.notSignedYet("1.9.0", "RESUME 1.9.0")), reporter.text());
        assertTrue(signed.isEmpty());

        // signed meanwhile: the printed command finds the version and downloads its file, creating nothing
        sim.store().approve();
        steps.clear();
        StoreOutcome resumed = release(s, plan("1.9.0").channel("unlisted").resumeVersion("1.9.0")).run();
        assertEquals(StoreOutcome.Result.RELEASED, resumed.result(), reporter.text());
        assertEquals(1, signed.size());
        assertEquals(1, sim.requests(FirefoxRoute.CREATE_VERSION).size());
        assertEquals(List.of("firefox-resume=Succeeded", "firefox-review=Succeeded", "firefox-signed=Succeeded"),
                stepNames());
    }

    @Test
    void aVersionTheReviewersDisabledFailsWithTheirVerdict() throws Exception {
        assertEquals(StoreOutcome.Result.RELEASED, release(plan("1.10.0")).run().result());
        sim.store().reject();
        StoreException e = assertThrows(StoreException.class,
                () -> release(plan("1.10.0").resumeVersion("1.10.0").awaitReview(true, Duration.ofSeconds(30)))
                        .release());
        assertTrue(e.failure().hasVerdict());
        assertTrue(e.getMessage().endsWith(FirefoxHints.rejected("1.10.0")), e.getMessage());
    }

    @Test
    void aCreationWhoseAnswerCameTooLateIsFoundByThePrintedCommandAndNotCreatedAgain() throws Exception {
        // AMO creates the version, but answers after this client stopped waiting
        sim.fault(FirefoxRoute.CREATE_VERSION, Fault.delay(Duration.ofSeconds(3)));
        FirefoxSettings s = settings(sim).reporter(reporter).responseTimeout(Duration.ofSeconds(1))
                .commands(v -> "RESUME " + v).build();
        StoreOutcome o = release(s, plan("1.11.0").sources(sources(dir))).run();
        assertTrue(o.failed());
        assertTrue(reporter.text().contains("AMO's answer to the request creating the version of add-on "
                + AmoSimulator.ADDON_GUID + " was lost (no answer within the response timeout). "
                + FirefoxHints.versionMayHaveReachedAmo("1.11.0", "RESUME 1.11.0")), reporter.text());
        assertEquals(1, sim.requests(FirefoxRoute.CREATE_VERSION).size());

        steps.clear();
        // the simulator finishes the creation it was asked for (3 s after it came in)
        long until = System.currentTimeMillis() + 30_000;
        while (sim.store().versions().stream().noneMatch(v -> v.number().equals("1.11.0"))
                && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        StoreOutcome resumed = release(s, plan("1.11.0").sources(sources(dir)).resumeVersion("1.11.0")).run();
        assertEquals(StoreOutcome.Result.RELEASED, resumed.result(), reporter.text());
        assertEquals(1, sim.requests(FirefoxRoute.CREATE_VERSION).size());
        assertEquals(List.of("firefox-resume=Succeeded", "firefox-sources=Succeeded"), stepNames());
        assertEquals(1, sim.store().versions().stream().filter(v -> v.number().equals("1.11.0")).count());
    }
}
