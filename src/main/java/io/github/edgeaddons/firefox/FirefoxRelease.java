package io.github.edgeaddons.firefox;

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
 * Firefox Add-ons' release (docs/FIREFOX-API.md, "What a release flow does"): upload the zip to the channel,
 * wait for AMO's validation (failing with the validator's messages), create the version with the approval and
 * release notes (and the license and compatibility where set), attach the sources zip, and report the review
 * state; optionally wait for the review's verdict; for the unlisted channel, download the signed file.
 *
 * <p>Each step is recorded ({@code firefox-upload}, {@code firefox-version}, {@code firefox-sources},
 * {@code firefox-review}, {@code firefox-signed}). A version number AMO already has is
 * {@link StoreOutcome.Result#ALREADY_RELEASED}, in AMO's words. The version's creation is never sent again when
 * it may have reached AMO: the failure prints the command that looks the version up and goes on from it
 * ({@link FirefoxCommands#resume}).
 */
public final class FirefoxRelease implements StoreRelease {
    public static final String STORE = "Firefox Add-ons";
    /** The store's name in result.json. */
    public static final String STORE_KEY = "firefox";
    public static final String LISTED = "listed";
    public static final String UNLISTED = "unlisted";

    private static final String DRY = "[dry run] ";

    /** What this release sends, checked by the caller. */
    public static final class Plan {
        Path zip;
        String version;
        String channel = LISTED;
        AmoClient.VersionFields fields = new AmoClient.VersionFields();
        Path sources;
        boolean awaitReview;
        Duration reviewTimeout = Duration.ofMinutes(15);
        boolean dryRun;
        boolean checkCredentials;
        Path signedFile;
        String resumeVersion;

        /** The zip to upload and the version its manifest holds. */
        public Plan zip(Path v, String manifestVersion) {
            zip = v;
            version = manifestVersion;
            return this;
        }

        /** {@code listed} or {@code unlisted}. */
        public Plan channel(String v) {
            channel = v;
            return this;
        }

        public Plan fields(AmoClient.VersionFields v) {
            fields = v;
            return this;
        }

        /** The sources zip to attach, or null. */
        public Plan sources(Path v) {
            sources = v;
            return this;
        }

        /** Wait for the review's verdict (listed), at most {@code timeout}; unlisted always waits for signing. */
        public Plan awaitReview(boolean v, Duration timeout) {
            awaitReview = v;
            reviewTimeout = timeout;
            return this;
        }

        public Plan dryRun(boolean v, boolean checkCredentials) {
            dryRun = v;
            this.checkCredentials = checkCredentials;
            return this;
        }

        /** Where the signed file of an unlisted version goes. */
        public Plan signedFile(Path v) {
            signedFile = v;
            return this;
        }

        /** Look this version up first, and go on from it when AMO has it. */
        public Plan resumeVersion(String v) {
            resumeVersion = v;
            return this;
        }
    }

    private final FirefoxSettings settings;
    private final Plan plan;
    private final Consumer<StepResult> steps;
    private final Consumer<Path> signed;
    private final Reporter reporter;

    /**
     * @param steps where each step's result goes (result.json)
     * @param signed receives the downloaded signed file (the Maven side attaches it); may be null
     */
    public FirefoxRelease(FirefoxSettings settings, Plan plan, Consumer<StepResult> steps, Consumer<Path> signed) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.steps = steps == null ? s -> { } : steps;
        this.signed = signed == null ? p -> { } : signed;
        this.reporter = settings.reporter;
        Objects.requireNonNull(plan.zip, "zip");
    }

    @Override
    public String store() {
        return STORE;
    }

    /** Releases; AMO's refusal or trouble is logged whole and returned as a failed outcome. */
    @Override
    public StoreOutcome run() {
        try {
            return release();
        } catch (StoreException e) {
            reporter.warn(e.getMessage());
            return StoreOutcome.failed(STORE, shortly(e));
        }
    }

    /** A few words for the summary line. */
    private static String shortly(StoreException e) {
        Failure f = e.failure();
        if (f.hasVerdict()) {
            return "AMO's validator refused the package";
        }
        if (f.httpStatus() > 0) {
            return "HTTP " + f.httpStatus() + (f.storeMessage() != null ? ": " + f.storeMessage()
                    : f.errors().isEmpty() ? "" : ": " + f.errors().get(0));
        }
        return e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /**
     * Releases; throws for AMO's refusal or trouble (with the whole message), returns the outcome otherwise
     * (released, already released, dry run). The {@code firefox-release} goal uses this.
     */
    public StoreOutcome release() throws StoreException {
        Deadline deadline = Deadline.after(settings.timeout, settings.clock);
        try (AmoClient client = new AmoClient(settings)) {
            if (plan.dryRun) {
                return dryRun(client, deadline);
            }
            AmoClient.Version version = null;
            if (plan.resumeVersion != null) {
                version = step("firefox-resume", () -> client.version(plan.resumeVersion, deadline), v -> v == null
                        ? "AMO has no version " + plan.resumeVersion + ": releasing it"
                        : "AMO has version " + v.number + " (" + v.channel + ", " + v.fileStatus + "): going on from it");
                reporter.info(version == null ? "AMO has no version " + plan.resumeVersion + " of add-on "
                        + settings.addonId + "; releasing it." : "AMO has version " + version.number
                        + " of add-on " + settings.addonId + " (" + version.channel + ", file " + version.fileStatus
                        + "): going on from it without creating it again.");
            }
            boolean created = false;
            if (version == null) {
                AmoClient.Addon[] addon = new AmoClient.Addon[1];
                AmoClient.Upload upload = step("firefox-upload", () -> {
                    // the add-on first: a wrong id or key fails before the upload counts against AMO's limits
                    addon[0] = client.addon(deadline);
                    return uploadAndValidate(client, deadline);
                },
                        u -> "upload " + u.uuid + " valid, version " + u.version);
                AmoClient.VersionFields fields = plan.fields;
                if (fields.license != null && addon[0].currentVersion != null && addon[0].currentVersion.hasLicense) {
                    // the add-on has a license: the new version inherits it; firefox.license is for one without
                    fields = copyWithoutLicense(fields);
                }
                AmoClient.VersionFields sent = fields;
                StepResult vs = new StepResult(STORE_KEY, "firefox-version", Instant.now());
                try {
                    version = client.createVersion(upload.uuid, sent, deadline);
                } catch (StoreException e) {
                    if (e.failure().httpStatus() == 400 && "version".equals(e.failure().errorCode())) {
                        String words = e.failure().errors().isEmpty() ? e.getMessage()
                                : e.failure().errors().get(0).replaceFirst("^version: ", "");
                        record(vs.succeeded("already released: " + words));
                        reporter.info("AMO already has version " + upload.version + " of add-on " + settings.addonId
                                + ": " + words + " Nothing to release.");
                        return StoreOutcome.alreadyReleased(STORE, words);
                    }
                    StoreException worded = e.failure().mayHaveReachedStore()
                            ? new StoreException(e.failure(), e.getMessage() + " " + FirefoxHints
                                    .versionMayHaveReachedAmo(upload.version, settings.commands.resume(upload.version)))
                            : e;
                    record(vs.failed(worded));
                    throw worded;
                }
                record(vs.succeeded("version " + version.number + " (" + version.channel + ") created, id "
                        + version.id));
                reporter.info("AMO created version " + version.number + " (" + version.channel + ") of add-on "
                        + settings.addonId + (version.editUrl == null ? "." : ": " + version.editUrl));
                created = true;
            }
            return afterCreation(client, version, created, deadline);
        } catch (IOException e) {
            throw new StoreException(Failure.of(StoreException.Kind.NETWORK, Failure.Request.NONE).cause(e),
                    "Could not close the connection to AMO: " + e.getMessage());
        }
    }

    private static AmoClient.VersionFields copyWithoutLicense(AmoClient.VersionFields f) {
        return new AmoClient.VersionFields().approvalNotes(f.approvalNotes).releaseNotes(f.releaseNotes)
                .compatibility(f.compatibility);
    }

    private AmoClient.Upload uploadAndValidate(AmoClient client, Deadline deadline) throws StoreException {
        reporter.info("Uploading " + plan.zip.getFileName() + " to AMO (" + plan.channel + " channel).");
        AmoClient.Upload u = client.upload(plan.zip, plan.channel, deadline);
        reporter.info("AMO took upload " + u.uuid + "; waiting for its validation.");
        u = client.awaitValidation(u, deadline);
        for (AmoClient.ValidationMessage w : u.messages("warning")) {
            reporter.warn("AMO's validator: " + w);
        }
        if (!u.valid) {
            StringBuilder m = new StringBuilder("AMO's validator refused ").append(plan.zip.getFileName())
                    .append(" (upload ").append(u.uuid).append("):");
            java.util.List<String> errors = new java.util.ArrayList<>();
            for (AmoClient.ValidationMessage e : u.messages("error")) {
                m.append("\n  ").append(e);
                errors.add(e.toString());
            }
            if (errors.isEmpty()) {
                m.append("\n  (no error message; AMO says the upload is not valid)");
            }
            m.append('\n').append(FirefoxHints.invalidPackage());
            throw new StoreException(Failure.of(StoreException.Kind.OPERATION_FAILED, Failure.Request.UPLOAD_STATUS)
                    .operation(u.uuid, null).store("invalid", "the validator refused the package", errors)
                    .verdict(Failure.Verdict.FAILED).acceptedBefore(true), m.toString());
        }
        reporter.info("AMO validated " + plan.zip.getFileName() + ": version " + u.version + (u.messages("warning")
                .isEmpty() ? "" : ", " + u.messages("warning").size() + " warning(s)") + ".");
        return u;
    }

    /** Sources, review state, signed file: what follows a version AMO has. */
    private StoreOutcome afterCreation(AmoClient client, AmoClient.Version version, boolean created, Deadline deadline)
            throws StoreException {
        String resume = settings.commands.resume(version.number);
        try {
            if (plan.sources != null && !(version.hasSource && !created)) {
                AmoClient.Version v = version;
                version = step("firefox-sources", () -> client.attachSource(v.id, plan.sources, deadline),
                        x -> plan.sources.getFileName() + " attached");
                reporter.info("Attached the sources " + plan.sources.getFileName() + " to version " + version.number
                        + " for AMO's reviewers.");
            }
            boolean unlisted = UNLISTED.equals(version.channel);
            if (plan.awaitReview || unlisted) {
                AmoClient.Version v = version;
                version = step("firefox-review", () -> awaitReview(client, v), x -> "file " + x.fileStatus);
            }
            String state = state(version.fileStatus);
            if ("disabled".equals(version.fileStatus)) {
                throw new StoreException(Failure.of(StoreException.Kind.OPERATION_FAILED, Failure.Request.PUBLISH_STATUS)
                        .store("disabled", "version " + version.number + " disabled", null)
                        .verdict(Failure.Verdict.FAILED), "AMO: version " + version.number + " is disabled. "
                        + FirefoxHints.rejected(version.number));
            }
            if (unlisted) {
                if (!"public".equals(version.fileStatus)) {
                    throw new StoreException(Failure.of(StoreException.Kind.TIMEOUT, Failure.Request.PUBLISH_STATUS)
                            .acceptedBefore(true), FirefoxHints.notSignedYet(version.number, resume));
                }
                AmoClient.Version v = version;
                Path file = step("firefox-signed", () -> client.download(v.fileUrl, v.fileHash, plan.signedFile,
                        Deadline.after(settings.timeout, settings.clock)), p -> "signed file " + p.getFileName());
                reporter.info("Downloaded the signed file of version " + version.number + ": " + file);
                signed.accept(file);
                return StoreOutcome.released(STORE, version.number + " unlisted, signed: " + file.getFileName());
            }
            if ("unreviewed".equals(version.fileStatus)) {
                reporter.info(plan.awaitReview ? FirefoxHints.stillInReview(version.number)
                        : "Version " + version.number + " is awaiting review on AMO.");
            } else {
                reporter.info("Version " + version.number + " on AMO: " + state + ".");
            }
            return StoreOutcome.released(STORE, version.number + " listed, " + state);
        } catch (StoreException e) {
            if (e.failure().hasVerdict() || e.failure().mayHaveReachedStore()) {
                throw e;
            }
            throw new StoreException(e.failure().acceptedBefore(true), e.getMessage() + "\n"
                    + FirefoxHints.resumeAfterVersion(version.number, resume));
        }
    }

    private static String state(String fileStatus) {
        if ("public".equals(fileStatus)) {
            return "approved";
        }
        if ("unreviewed".equals(fileStatus)) {
            return "awaiting review";
        }
        return fileStatus == null ? "state not given" : fileStatus;
    }

    /** Reads the version on the poll schedule until its file leaves {@code unreviewed}, or the review timeout. */
    private AmoClient.Version awaitReview(AmoClient client, AmoClient.Version version) throws StoreException {
        Deadline review = Deadline.after(plan.reviewTimeout, settings.clock);
        Instant started = settings.clock.instant();
        Duration previous = Duration.ZERO;
        AmoClient.Version v = version;
        for (int poll = 1; "unreviewed".equals(v.fileStatus); poll++) {
            Duration delay = settings.pollPolicy.delayBefore(poll, previous,
                    Duration.between(started, settings.clock.instant()));
            if (review.remaining().compareTo(delay) <= 0) {
                return v;
            }
            try {
                settings.sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return v;
            }
            previous = delay;
            AmoClient.Version read;
            try {
                read = client.version(String.valueOf(version.id), review);
            } catch (StoreException e) {
                if (e.kind() == StoreException.Kind.TIMEOUT) {
                    return v; // the review's time ran out mid-request: the state read last stands
                }
                throw e;
            }
            if (read != null) {
                v = read;
            }
        }
        return v;
    }

    private StoreOutcome dryRun(AmoClient client, Deadline deadline) throws StoreException {
        StepResult step = new StepResult(STORE_KEY, "firefox-release", Instant.now());
        if (plan.checkCredentials) {
            reporter.info(DRY + "Checking the credentials with AMO (GET the add-on; no side effects)");
            AmoClient.Addon a;
            try {
                a = client.addon(deadline);
            } catch (StoreException e) {
                record(step.failed(e));
                throw e;
            }
            reporter.info(DRY + "AMO accepted the credentials of " + settings.credentialsSource + "; add-on "
                    + a.slug + " (" + a.guid + "), status " + a.status + ".");
        }
        request("GET", client.addonUrl().toString(), null);
        request("POST", client.uploadUrl().toString(), "multipart/form-data: upload=" + plan.zip.getFileName()
                + " (" + size(plan.zip) + " bytes, version " + plan.version + "), channel=" + plan.channel);
        request("GET", client.uploadStatusUrl("UPLOAD-UUID").toString(), "until processed, "
                + settings.pollPolicy);
        request("POST", client.versionsUrl().toString(), "application/json: " + plan.fields.describe());
        if (plan.sources != null) {
            request("PATCH", client.versionUrl("VERSION-ID").toString().replace("vVERSION-ID", "VERSION-ID"),
                    "multipart/form-data: source=" + plan.sources.getFileName() + " (" + size(plan.sources)
                            + " bytes)");
        }
        if (plan.awaitReview || UNLISTED.equals(plan.channel)) {
            request("GET", client.versionUrl("VERSION-ID").toString().replace("vVERSION-ID", "VERSION-ID"),
                    "until the file is reviewed or signed, at most " + plan.reviewTimeout.getSeconds() + " s");
        }
        if (UNLISTED.equals(plan.channel)) {
            request("GET", "{file.url}", "the signed file, into " + plan.signedFile);
        }
        record(step.dryRun());
        return StoreOutcome.dryRun(STORE);
    }

    private void request(String method, String url, String body) {
        reporter.info(DRY + method + " " + url);
        for (String h : new JwtAuthenticator(settings.issuer, settings.secret, settings.clock).describeHeaders()) {
            reporter.info(DRY + "    " + h);
        }
        if (body != null) {
            reporter.info(DRY + "    " + body);
        }
    }

    private static long size(Path p) {
        try {
            return java.nio.file.Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    // ---- steps ------------------------------------------------------------------------------------------

    private interface Action<T> {
        T run() throws StoreException;
    }

    private interface Words<T> {
        String of(T value);
    }

    /** Runs one step and records it (succeeded with its words, or failed with the facts). */
    private <T> T step(String name, Action<T> action, Words<T> words) throws StoreException {
        StepResult s = new StepResult(STORE_KEY, name, Instant.now());
        T value;
        try {
            value = action.run();
        } catch (StoreException e) {
            record(s.failed(e));
            throw e;
        }
        record(s.succeeded(words.of(value)));
        return value;
    }

    private void record(StepResult s) {
        steps.accept(s.finish(Instant.now()));
    }
}
