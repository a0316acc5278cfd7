package io.github.edgeaddons.release;

import io.github.edgeaddons.edge.EdgeHints;
import io.github.edgeaddons.core.Hints;

import io.github.edgeaddons.config.Text;
import io.github.edgeaddons.edge.ClientSettings;
import io.github.edgeaddons.core.Deadline;
import io.github.edgeaddons.edge.EdgeAddonsClient;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.core.Failure;
import io.github.edgeaddons.core.OperationKind;
import io.github.edgeaddons.core.OperationState;
import io.github.edgeaddons.core.OperationStatus;
import io.github.edgeaddons.core.Reporter;
import io.github.edgeaddons.config.Durations;
import io.github.edgeaddons.config.Plurals;
import io.github.edgeaddons.pkg.PackageInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plugin's network goals as plain code: upload, publish and await, each within its own
 * {@code edge.timeout}, each with a dry-run form that sends nothing.
 */
public final class Release {
    private static final Pattern SUBMISSION_ID =
            Pattern.compile("submission with ID\\s+([0-9A-Za-z-]+)", Pattern.CASE_INSENSITIVE);

    private final ClientSettings settings;
    private final Reporter reporter;
    private final Function<ClientSettings, EdgeAddonsClient> clients;

    /** Each goal within {@link ClientSettings#timeout()} ({@code edge.timeout}). */
    public Release(ClientSettings settings) {
        this(settings, EdgeAddonsClient::new);
    }

    Release(ClientSettings settings, Function<ClientSettings, EdgeAddonsClient> clients) {
        this.settings = settings;
        this.reporter = settings.reporter();
        this.clients = clients;
    }

    /** The upload's outcome. */
    public static final class UploadResult {
        public final String operationId;
        public final OperationStatus status;

        UploadResult(String operationId, OperationStatus status) {
            this.operationId = operationId;
            this.status = status;
        }
    }

    /** Uploads the package and waits for the store to process it; fails unless it Succeeded. */
    public UploadResult upload(PackageInfo pkg) throws StoreException {
        Deadline deadline = Deadline.after(settings.timeout(), settings.clock());
        try (EdgeAddonsClient client = clients.apply(settings)) {
            reporter.info("Uploading " + pkg.path().getFileName() + " (" + Text.size(pkg.size()) + ", version "
                    + pkg.version() + ") to product " + settings.productId());
            long start = System.nanoTime();
            String operationId = client.startUpload(pkg.path(), pkg.size(), deadline);
            Instant accepted = settings.clock().instant(); // the poll schedule counts from the 202, not the goal
            long millis = (System.nanoTime() - start) / 1_000_000;
            reporter.info("Uploaded in " + Durations.format(Duration.ofMillis(millis)) + "; waiting for the store"
                    + " to process it (operation " + operationId + ")");
            OperationStatus status = afterAcceptance(OperationKind.UPLOAD, operationId,
                    () -> client.await(OperationKind.UPLOAD, operationId, accepted, deadline));
            reporter.info("Upload succeeded" + (status.message() == null ? "" : ": " + status.message()));
            return new UploadResult(operationId, status);
        } catch (IOException e) {
            throw closeFailure(e);
        }
    }

    /** Publishes the draft; returns the publish operation's id (follow it with {@link #await}). */
    public String publish(String notes) throws StoreException {
        return publish(notes, null);
    }

    /**
     * Publishes the draft; returns the publish operation's id (follow it with {@link #await}).
     *
     * @param uploadedOperationId the operation of this build's upload when it succeeded, else null: then any
     *     failure of the publish says that the uploaded draft is in Partner Center and prints the command that
     *     publishes it without uploading again
     */
    public String publish(String notes, String uploadedOperationId) throws StoreException {
        Deadline deadline = Deadline.after(settings.timeout(), settings.clock());
        try (EdgeAddonsClient client = clients.apply(settings)) {
            reporter.info("Publishing the draft submission of product " + settings.productId()
                    + (notes == null || notes.isEmpty() ? " (no certification notes)"
                            : " with " + Plurals.count(notes.getBytes(StandardCharsets.UTF_8).length, "byte")
                                    + " of certification notes"));
            String operationId;
            try {
                operationId = client.startPublish(notes, deadline);
            } catch (StoreException e) {
                if (uploadedOperationId == null) {
                    throw e;
                }
                throw withAdvice(e, e.failure(), Hints.afterUpload(e.failure(), uploadedOperationId, settings));
            }
            reporter.info("Publish request accepted (operation " + operationId + ")");
            return operationId;
        } catch (IOException e) {
            throw closeFailure(e);
        }
    }

    /** What a publish refused because another submission is in review does to the build ({@code edge.inReview}). */
    public enum InReview {
        /** The build fails (the default). */
        FAIL,
        /** The build goes on with a warning: the draft holds this version, not published. */
        SKIP;

        /** The setting's value as written ({@code fail}, {@code skip}), or null for another text. */
        public static InReview of(String value) {
            for (InReview v : values()) {
                if (v.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                    return v;
                }
            }
            return null;
        }
    }

    /** Follows a publish operation until it ends; fails on Failed or timeout. */
    public OperationStatus await(String operationId) throws StoreException {
        return await(operationId, InReview.FAIL);
    }

    /**
     * Follows a publish operation until it ends; fails on Failed or timeout, except, under
     * {@link InReview#SKIP}, a publish the store refused because another submission is in review: then it
     * warns and returns that Failed status; and a publish with nothing new ({@code NoModulesUpdated}): the store
     * already has this release, which is not an error, and it returns that Failed status.
     */
    public OperationStatus await(String operationId, InReview inReview) throws StoreException {
        Deadline deadline = Deadline.after(settings.timeout(), settings.clock());
        try (EdgeAddonsClient client = clients.apply(settings)) {
            reporter.info("Waiting for publish operation " + operationId + " (timeout "
                    + Durations.format(settings.timeout()) + ", polling " + settings.pollPolicy() + ")");
            OperationStatus status;
            try {
                status = afterAcceptance(OperationKind.PUBLISH, operationId,
                        () -> client.await(OperationKind.PUBLISH, operationId, deadline));
            } catch (StoreException e) {
                Failure f = e.failure();
                if (inReview == InReview.SKIP && f.verdict() == Failure.Verdict.FAILED
                        && EdgeHints.isReviewInProgress(f.errorCode())) {
                    reporter.warn(EdgeHints.reviewInProgressSkipped(f, settings));
                    return f.status();
                }
                if (f.verdict() == Failure.Verdict.FAILED && EdgeHints.isNothingToPublish(f.errorCode())) {
                    reporter.info(EdgeHints.alreadyReleased(f)); // not an error: the store has this release
                    return f.status();
                }
                throw e;
            }
            String submission = submissionId(status.message());
            reporter.info("Submission accepted: " + (submission != null ? "submission " + submission
                    : (status.message() == null ? status.rawStatus() : status.message()))
                    + ". It is now in certification review in Partner Center; the review can take days and is"
                    + " not reported by the API.");
            return status;
        } catch (IOException e) {
            throw closeFailure(e);
        }
    }

    /** A wait on an accepted operation. */
    private interface Wait {
        OperationStatus run() throws StoreException;
    }

    /**
     * Runs the wait on an operation the store accepted; a failure without a verdict (timeout, network, 5xx,
     * unreadable answers) then says the store accepted it, names the operation id this plugin asked about
     * (not the {@code id} in a status body, which the live service may fill with a placeholder) and prints the
     * command that resumes it; a verdict (Failed, stopped) says what to fix instead.
     *
     * @return the Succeeded status
     */
    private OperationStatus afterAcceptance(OperationKind kind, String operationId, Wait wait)
            throws StoreException {
        StoreException failure;
        try {
            OperationStatus s = wait.run();
            if (s.state() == OperationState.SUCCEEDED) {
                return s; // named by the id asked about (StatusParser), whatever the body's id says
            }
            failure = s.state() == OperationState.FAILED ? operationFailed(kind, operationId, s)
                    : operationStopped(kind, operationId, s);
        } catch (StoreException e) {
            failure = e;
        }
        Failure facts = failure.failure().operation(operationId, failure.status()).acceptedBefore(true);
        throw withAdvice(failure, facts, Hints.afterAcceptance(facts, kind, settings));
    }

    /**
     * A failure after the store accepted something: its message, then on lines of their own what the store
     * holds and how to resume, as {@link Hints} words them from the facts.
     */
    private static StoreException withAdvice(StoreException failure, Failure facts, String advice) {
        return new StoreException(facts, advice == null ? failure.getMessage()
                : failure.getMessage() + System.lineSeparator() + advice);
    }

    /** The submission id in "Successfully created submission with ID ...", or null. */
    public static String submissionId(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = SUBMISSION_ID.matcher(message);
        return m.find() ? m.group(1) : null;
    }

    /** A Failed operation in words: errorCode, message, each error, and what to do. */
    StoreException operationFailed(OperationKind kind, String operationId, OperationStatus s) {
        String nl = System.lineSeparator();
        StringBuilder m = new StringBuilder();
        m.append("The store reports that the ").append(kind.label()).append(" failed (operation ")
                .append(operationId).append(", status ").append(s.rawStatus() == null ? "Failed" : s.rawStatus())
                .append(", errorCode ").append(s.errorCode() == null ? "none" : s.errorCode()).append(").");
        if (s.message() != null) {
            m.append(nl).append("  message: ").append(s.message());
        }
        for (String e : s.errors()) {
            m.append(nl).append("  error: ").append(e);
        }
        m.append(nl).append(EdgeHints.forErrorCode(s.errorCode(), kind, settings));
        return new StoreException(Failure.verdict(kind, operationId, s, Failure.Verdict.FAILED), m.toString());
    }

    /** An operation that stopped without Succeeded or Failed ({@code Cancelled}, ...), in words. */
    StoreException operationStopped(OperationKind kind, String operationId, OperationStatus s) {
        StringBuilder m = new StringBuilder("The store reports the status '").append(s.rawStatus())
                .append("' for the ").append(kind.label()).append(" (operation ").append(operationId)
                .append("): it stopped without succeeding or failing.");
        if (s.message() != null) {
            m.append(System.lineSeparator()).append("  message: ").append(s.message());
        }
        m.append(System.lineSeparator()).append(Hints.operationStopped(kind, settings));
        return new StoreException(Failure.verdict(kind, operationId, s, Failure.Verdict.STOPPED), m.toString());
    }

    static StoreException closeFailure(IOException e) {
        return new StoreException(Failure.of(StoreException.Kind.NETWORK, Failure.Request.NONE).cause(e),
                "Could not close the HTTP client: " + e.getMessage());
    }
}
