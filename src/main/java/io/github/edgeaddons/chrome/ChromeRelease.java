package io.github.edgeaddons.chrome;

import io.github.edgeaddons.chrome.ChromeParameters.InReview;
import io.github.edgeaddons.chrome.ChromeWebStoreClient.ItemStatus;
import io.github.edgeaddons.chrome.ChromeWebStoreClient.PublishResult;
import io.github.edgeaddons.chrome.ChromeWebStoreClient.PublishType;
import io.github.edgeaddons.chrome.ChromeWebStoreClient.Revision;
import io.github.edgeaddons.chrome.ChromeWebStoreClient.UploadResult;
import io.github.edgeaddons.core.Deadline;
import io.github.edgeaddons.core.Failure;
import io.github.edgeaddons.core.Reporter;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.release.StepResult;
import io.github.edgeaddons.release.StoreOutcome;
import io.github.edgeaddons.release.StoreRelease;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The Chrome Web Store's release (docs/CHROME-API.md, "What a release flow does"): fetchStatus first (an item
 * taken down fails; a submission in review goes to {@code chrome.inReview}; a package version below the
 * published one fails and an equal one is already released, both before any upload), then the upload and its
 * wait, the publish ({@code chrome.publishType}, {@code chrome.deployPercentage}) with its warnings, the
 * submitted state, and, with {@code chrome.awaitReview}, the review's verdict. No Maven types: made by the Maven
 * side from checked {@link ChromeParameters}, the client's {@link ChromeSettings} and the located package.
 *
 * <p>Each step is recorded as a {@link StepResult} of store {@code chrome} ({@code chrome-status},
 * {@code chrome-upload}, {@code chrome-publish}, {@code chrome-review}) through the consumer given. A dry run
 * prints each request, secrets redacted, and sends nothing but, with {@code edge.checkCredentials}, the
 * side-effect-free fetchStatus.
 */
public final class ChromeRelease implements StoreRelease {
    /** The store's name in the summary. */
    public static final String STORE = "Chrome Web Store";
    /** The store's key in result.json. */
    public static final String KEY = "chrome";
    private static final String DRY = "[dry run] ";

    private final ChromeParameters parameters;
    private final ChromeSettings settings;
    private final Path zip;
    private final String version;
    private final Consumer<StepResult> steps;
    private final Reporter reporter;
    private Exception failure;

    private ChromeRelease(ChromeParameters parameters, ChromeSettings settings, Path zip, String version,
            Consumer<StepResult> steps) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.zip = Objects.requireNonNull(zip, "zip");
        this.version = Objects.requireNonNull(version, "version");
        this.steps = steps == null ? s -> { } : steps;
        this.reporter = settings.reporter;
    }

    /**
     * The release, sending nothing until it {@link #run runs}.
     *
     * @param parameters the checked {@code chrome.*} parameters
     * @param settings the client's settings (credentials resolved, proxy, reporter, resume commands)
     * @param zip the package, already located and checked
     * @param version the package's manifest version
     * @param steps where each step's {@link StepResult} goes (result.json), from the release's thread
     */
    public static ChromeRelease of(ChromeParameters parameters, ChromeSettings settings, Path zip, String version,
            Consumer<StepResult> steps) {
        return new ChromeRelease(parameters, settings, zip, version, steps);
    }

    @Override
    public String store() {
        return STORE;
    }

    /**
     * Releases; never throws for the store's failure: the failure's whole message is logged (as an error line
     * of the reporter: its warn) and the outcome is failed, with the exception kept for {@link #failure()}.
     */
    @Override
    public StoreOutcome run() {
        try {
            return release();
        } catch (StoreException e) {
            failure = e;
            reporter.warn(e.getMessage());
            return StoreOutcome.failed(STORE, shortWhy(e));
        } catch (RuntimeException e) {
            failure = e;
            reporter.warn("The Chrome Web Store release failed: " + e);
            return StoreOutcome.failed(STORE, e.getClass().getSimpleName());
        }
    }

    /** The failure of the last {@link #run()}, or null: the goal rethrows it with its whole message. */
    public Exception failure() {
        return failure;
    }

    /** The release, throwing the store's failure (the goal {@code chrome-release} uses it). */
    public StoreOutcome release() throws StoreException {
        if (parameters.dryRun()) {
            return dryRun();
        }
        Deadline deadline = Deadline.after(parameters.timeout(), settings.clock);
        try (ChromeWebStoreClient client = new ChromeWebStoreClient(settings)) {
            StoreOutcome early = checkStatus(client, deadline);
            if (early != null) {
                return early;
            }
            upload(client, deadline);
            PublishResult published = publish(client, deadline);
            String state = published.state;
            if (parameters.awaitReview() && "PENDING_REVIEW".equals(state)) {
                state = awaitReview(client);
            }
            return StoreOutcome.released(STORE, version + " " + ChromeHints.words(state).replace(
                    " (approved, waiting to be published from the dashboard)", ""));
        } catch (IOException e) {
            // closing the client's connections: nothing left to tell
            reporter.debug("Closing the Chrome Web Store client: " + e);
            return StoreOutcome.released(STORE, version);
        }
    }

    // ------------------------------------------------------------------ steps

    /** fetchStatus before anything is sent; an outcome when the release stops there, else null. */
    private StoreOutcome checkStatus(ChromeWebStoreClient client, Deadline deadline) throws StoreException {
        StepResult step = new StepResult(KEY, "chrome-status", now());
        ItemStatus s;
        try {
            s = client.fetchStatus(deadline);
        } catch (StoreException e) {
            record(step.failed(e));
            throw e;
        }
        if (s.takenDown) {
            StoreException e = refusal(Failure.Request.ITEM_STATUS, "TAKEN_DOWN", ChromeHints.takenDown(settings));
            record(step.failed(e));
            throw e;
        }
        Revision submitted = s.submitted;
        if (submitted != null && ("PENDING_REVIEW".equals(submitted.state) || "STAGED".equals(submitted.state))) {
            InReview policy = parameters.inReview();
            if (policy == InReview.FAIL) {
                StoreException e = refusal(Failure.Request.ITEM_STATUS, submitted.state,
                        ChromeHints.inReviewFail(settings, submitted.state, submitted.crxVersion));
                record(step.failed(e));
                throw e;
            }
            if (policy == InReview.SKIP) {
                reporter.warn(ChromeHints.inReviewSkipped(settings, submitted.state, submitted.crxVersion));
                record(step.succeeded("skipped: a submission of " + submitted.crxVersion + " is "
                        + submitted.state));
                return StoreOutcome.skipped(STORE, "a submission of " + submitted.crxVersion + " is "
                        + ChromeHints.words(submitted.state).replace(
                                " (approved, waiting to be published from the dashboard)", ""));
            }
            reporter.info("Cancelling the submission of version " + submitted.crxVersion + " of item "
                    + settings.itemId + " (" + submitted.state + "), as chrome.inReview=cancel asks.");
            record(step.succeeded("a submission of " + submitted.crxVersion + " was " + submitted.state
                    + ": cancelled (chrome.inReview=cancel)"));
            step = new StepResult(KEY, "chrome-status", now()); // recorded again only if the version check stops
            StepResult cancel = new StepResult(KEY, "chrome-cancel", now());
            try {
                client.cancelSubmission(deadline);
            } catch (StoreException e) {
                record(cancel.failed(e));
                throw e;
            }
            record(cancel.succeeded("cancelled the submission of " + submitted.crxVersion));
        }
        Revision published = s.published;
        boolean cancelled = submitted != null && parameters.inReview() == InReview.CANCEL
                && ("PENDING_REVIEW".equals(submitted.state) || "STAGED".equals(submitted.state));
        if (published != null && published.crxVersion != null) {
            int c = compareVersions(version, published.crxVersion);
            if (c == 0) {
                String words = "version " + published.crxVersion + " is published ("
                        + published.state + (published.deployPercentage >= 0 ? ", " + published.deployPercentage
                        + "%" : "") + ")";
                reporter.info("Item " + settings.itemId + " already has " + words + ": nothing to upload.");
                record(step.succeeded("already released: " + words));
                return StoreOutcome.alreadyReleased(STORE, words);
            }
            if (c < 0) {
                StoreException e = refusal(Failure.Request.ITEM_STATUS, "VERSION_NOT_ABOVE_PUBLISHED",
                        ChromeHints.versionNotAbove(settings, version, published.crxVersion));
                record(step.failed(e));
                throw e;
            }
        }
        if (!cancelled) {
            record(step.succeeded("published " + (published == null ? "none" : published.crxVersion)
                    + ", submitted " + (submitted == null ? "none" : submitted.crxVersion + " " + submitted.state)));
        }
        return null;
    }

    private void upload(ChromeWebStoreClient client, Deadline deadline) throws StoreException {
        StepResult step = new StepResult(KEY, "chrome-upload", now());
        reporter.info("Uploading " + zip.getFileName() + " (version " + version + ") to item " + settings.itemId
                + " of the Chrome Web Store.");
        try {
            UploadResult r = client.upload(zip, deadline);
            reporter.info("The Chrome Web Store took " + zip.getFileName() + ": " + r.uploadState
                    + (r.crxVersion == null ? "" : ", version " + r.crxVersion) + ".");
            record(step.succeeded(r.uploadState + (r.crxVersion == null ? "" : " " + r.crxVersion)));
        } catch (StoreException e) {
            record(step.failed(e));
            throw e;
        }
    }

    private PublishResult publish(ChromeWebStoreClient client, Deadline deadline) throws StoreException {
        StepResult step = new StepResult(KEY, "chrome-publish", now());
        PublishResult r;
        try {
            r = client.publish(parameters.publishType(), parameters.deployPercentage(), deadline);
        } catch (StoreException e) {
            record(step.failed(e));
            throw e;
        }
        for (String w : r.warnings) {
            reporter.warn("The Chrome Web Store warns about version " + version + ": " + w);
        }
        reporter.info(submittedLine(r.state));
        record(step.succeeded(r.state));
        return r;
    }

    /** What the publish's answer means, as one line. */
    String submittedLine(String state) {
        String how = parameters.publishType() == PublishType.STAGED_PUBLISH ? "staged publish" : "publish";
        String percent = parameters.deployPercentage() == null ? "" : " to " + parameters.deployPercentage()
                + "% of users";
        if ("PENDING_REVIEW".equals(state)) {
            return "Submitted version " + version + " of item " + settings.itemId + " for review (" + how + percent
                    + "): it is pending review"
                    + (parameters.publishType() == PublishType.STAGED_PUBLISH
                            ? "; once approved it is held as staged until published from the dashboard." : ".");
        }
        if ("STAGED".equals(state)) {
            return "Version " + version + " of item " + settings.itemId + " is staged: publish it from "
                    + ChromeSettings.DASHBOARD + " when you want it live.";
        }
        if ("PUBLISHED".equals(state) || "PUBLISHED_TO_TESTERS".equals(state)) {
            return "Version " + version + " of item " + settings.itemId + " is " + state + percent + ".";
        }
        return "The Chrome Web Store took the publish of version " + version + " of item " + settings.itemId
                + "; its state is " + state + ".";
    }

    /** chrome.awaitReview: fetchStatus until the submitted revision leaves PENDING_REVIEW, within reviewTimeout. */
    private String awaitReview(ChromeWebStoreClient client) throws StoreException {
        StepResult step = new StepResult(KEY, "chrome-review", now());
        Deadline deadline = Deadline.after(parameters.reviewTimeout(), settings.clock);
        reporter.info("Waiting up to " + parameters.reviewTimeout().getSeconds() + " s for the review's verdict"
                + " (chrome.awaitReview).");
        Duration previous = Duration.ZERO;
        Instant start = settings.clock.instant();
        for (int poll = 1;; poll++) {
            Duration delay = settings.pollPolicy.delayBefore(poll, previous, Duration.between(start, now()));
            if (deadline.remaining().compareTo(delay) <= 0) {
                StoreException e = new StoreException(Failure.of(StoreException.Kind.TIMEOUT, Failure.Request.ITEM_STATUS)
                        .acceptedBefore(true), ChromeHints.reviewStillPending(settings, version,
                                parameters.reviewTimeout()));
                record(step.failed(e));
                throw e;
            }
            try {
                settings.sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                StoreException x = new StoreException(Failure.of(StoreException.Kind.NETWORK, Failure.Request.NONE)
                        .cause(e).acceptedBefore(true), "Interrupted while waiting for the review of item "
                        + settings.itemId + "; follow it with " + settings.publishCheckCommand() + ".");
                record(step.failed(x));
                throw x;
            }
            previous = delay;
            ItemStatus s;
            try {
                s = client.fetchStatus(deadline);
            } catch (StoreException e) {
                if (e.kind() == StoreException.Kind.HTTP && (e.httpStatus() == 429 || e.httpStatus() >= 500)
                        || e.kind() == StoreException.Kind.NETWORK) {
                    continue; // the store's trouble, not a verdict: the wait goes on
                }
                if (e.kind() == StoreException.Kind.TIMEOUT) {
                    // the status request was cut by the review's deadline: the review timed out, as below
                    StoreException t = new StoreException(Failure.of(StoreException.Kind.TIMEOUT,
                            Failure.Request.ITEM_STATUS).acceptedBefore(true), ChromeHints.reviewStillPending(settings,
                                    version, parameters.reviewTimeout()));
                    record(step.failed(t));
                    throw t;
                }
                record(step.failed(e));
                throw e;
            }
            String state = s.submitted == null ? null : s.submitted.state;
            if (state == null && s.published != null && version.equals(s.published.crxVersion)) {
                state = s.published.state;
            }
            if (!"PENDING_REVIEW".equals(state)) {
                if ("REJECTED".equals(state) || "CANCELLED".equals(state)) {
                    StoreException e = refusal(Failure.Request.ITEM_STATUS, state,
                            ChromeHints.reviewRefused(settings, version, state));
                    record(step.failed(e));
                    throw e;
                }
                reporter.info("The review of version " + version + " ended: " + state + ".");
                record(step.succeeded(state));
                return state;
            }
        }
    }

    // ------------------------------------------------------------------ dry run

    private StoreOutcome dryRun() throws StoreException {
        ChromeWebStoreClient client = new ChromeWebStoreClient(settings);
        try {
            String name = "publishers/" + settings.publisherId + "/items/" + settings.itemId;
            String base = settings.apiBaseUrl.toString().replaceAll("/+$", "");
            reporter.info(DRY + "POST " + settings.tokenUrl + " (access token, " + settings.credentials + ")");
            for (String h : client.describeAuthHeaders()) {
                reporter.info(DRY + "    " + h);
            }
            if (parameters.checkCredentials()) {
                reporter.info(DRY + "Checking the credentials with the store (GET " + base + "/v2/" + name
                        + ":fetchStatus; no side effects)");
                ItemStatus s = client.fetchStatus(Deadline.after(parameters.timeout(), settings.clock));
                reporter.info(DRY + "The Chrome Web Store accepted the credentials: item " + settings.itemId
                        + " has published " + describe(s.published) + ", submitted " + describe(s.submitted) + ".");
            } else {
                reporter.info(DRY + "GET " + base + "/v2/" + name + ":fetchStatus");
            }
            reporter.info(DRY + "POST " + base + "/upload/v2/" + name + ":upload");
            reporter.info(DRY + "    Content-Type: application/zip; body: " + zip + " (version " + version + ")");
            reporter.info(DRY + "GET " + base + "/v2/" + name + ":fetchStatus  (while IN_PROGRESS, "
                    + settings.pollPolicy + ")");
            reporter.info(DRY + "POST " + base + "/v2/" + name + ":publish");
            reporter.info(DRY + "    Content-Type: application/json; body: "
                    + ChromeWebStoreClient.publishBody(parameters.publishType(), parameters.deployPercentage()));
            record(new StepResult(KEY, "chrome-release", now()).dryRun().finish(now()));
            return StoreOutcome.dryRun(STORE);
        } finally {
            try {
                client.close();
            } catch (IOException e) {
                reporter.debug("Closing the Chrome Web Store client: " + e);
            }
        }
    }

    static String describe(Revision r) {
        if (r == null) {
            return "none";
        }
        return r.crxVersion + " (" + r.state + (r.deployPercentage >= 0 ? ", " + r.deployPercentage + "%" : "") + ")";
    }

    // ------------------------------------------------------------------ helpers

    /** A refusal decided here from fetchStatus's facts (no request was refused): a verdict. */
    private static StoreException refusal(Failure.Request role, String code, String message) {
        return new StoreException(Failure.of(StoreException.Kind.OPERATION_FAILED, role)
                .store(code, message, null).verdict(Failure.Verdict.FAILED), message);
    }

    private static String shortWhy(StoreException e) {
        Failure f = e.failure();
        if (f.errorCode() != null) {
            return f.errorCode() + (f.httpStatus() > 0 ? ", HTTP " + f.httpStatus() : "");
        }
        if (f.httpStatus() > 0) {
            return "HTTP " + f.httpStatus();
        }
        return e.kind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private void record(StepResult step) {
        steps.accept(step.finish(now()));
    }

    private Instant now() {
        return settings.clock.instant();
    }

    /** Compares dotted versions numerically ({@code 1.2} equals {@code 1.2.0}). */
    static int compareVersions(String a, String b) {
        String[] x = a.trim().split("\\.");
        String[] y = b.trim().split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? parse(x[i]) : 0;
            long q = i < y.length ? parse(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static long parse(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
