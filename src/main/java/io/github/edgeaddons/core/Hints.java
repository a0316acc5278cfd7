package io.github.edgeaddons.core;

import io.github.edgeaddons.config.Durations;
import io.github.edgeaddons.core.Vocabulary.Setting;

/**
 * The sentences that say what to do which any store shares, as jib's {@code HelpfulSuggestions} is for jib:
 * after the store accepted something (what it holds, the command that resumes), a request that may have changed
 * the store, the network and TLS, the deadline, throttling, an unknown status word. Chosen by the {@link Failure
 * facts}, in the front end's words ({@link Vocabulary}) and with the store's own names (its dashboard, from the
 * {@link StoreSettings}); nothing here names Maven or one store. A store's own sentences (its error codes, its
 * endpoints, its auth) are its adapter's (Edge's: {@code edge.EdgeHints}). Each has one golden test
 * ({@code HintsTest}).
 */
public final class Hints {
    private Hints() {}

    /** The front end's words (its setting names), from the settings. */
    private static Vocabulary words(StoreSettings s) {
        return s.resume().vocabulary();
    }

    private static String setting(StoreSettings s, Setting setting) {
        return words(s).setting(setting);
    }

    /**
     * For a publish POST whose fate is unknown (a 5xx other than 503, a 408, or a connection lost after
     * sending): it is not repeated, because a second publish could start a duplicate submission. The commands
     * are the store's ({@link StoreSettings#publishCheckCommand}, {@link StoreSettings#publishAgainCommand}).
     */
    public static String publishMayHaveReachedTheStore(StoreSettings s) {
        String check = s.publishCheckCommand();
        String again = s.publishAgainCommand();
        return "The request may have reached the store, so it was not sent again (a second publish could"
                + " start a duplicate submission). Check the product in " + s.dashboard()
                + (check == null ? "" : " or with " + check) + ": if a submission is in review, nothing is left to"
                + " do; otherwise publish again" + (again == null ? " by running the release again" : " with " + again)
                + ".";
    }

    /** The store accepted a request but its answer names no operation to follow. */
    public static String acceptedButNotFollowable(StoreSettings s) {
        return "Check the product in " + s.dashboard() + ".";
    }

    /** A redirect is never followed. */
    public static String redirectNotFollowed(StoreSettings s, String location) {
        return "It redirects to " + location + "; redirects are not followed, so credentials never go to another"
                + " host. Check " + setting(s, Setting.API_BASE_URL) + ".";
    }

    /** A JSON or empty 404 to a status request: the ids. */
    public static String unknownOperation(StoreSettings s, String operationId) {
        return "The store does not know operation " + operationId + " for product " + s.productId() + ": check "
                + setting(s, Setting.OPERATION_ID) + " (the id printed by upload or publish) and "
                + setting(s, Setting.PRODUCT_ID) + ".";
    }

    /** A host name that does not resolve. */
    public static String unknownHost(StoreSettings s) {
        return "Check " + setting(s, Setting.API_BASE_URL) + " (and " + setting(s, Setting.TOKEN_URL)
                + ") and the network or proxy settings.";
    }

    /** A TLS handshake that failed. */
    public static String untrustedTls() {
        return "The TLS handshake failed: the server's certificate is not trusted by this JDK. Add the"
                + " certificate of your network's TLS inspection proxy to the JDK trust store"
                + " (javax.net.ssl.trustStore); certificate checks cannot be turned off.";
    }

    /** Any other network failure. */
    public static String networkTrouble() {
        return "Check the network or proxy settings, then run the goal again.";
    }

    /** What to do about a network failure, by its kind: an unknown host, a TLS failure, anything else. */
    public static String forNetworkFailure(StoreSettings s, java.io.IOException e) {
        if (e instanceof java.net.UnknownHostException) {
            return unknownHost(s);
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return untrustedTls();
        }
        return networkTrouble();
    }

    /**
     * The token endpoint gave no token for a transient reason (429, 5xx, 408): not a refusal of the client
     * credentials. (During a wait on an accepted operation the wait goes on instead; see RetryPolicy.)
     */
    public static String tokenUnavailable(int status) {
        if (status == 429) {
            return "The identity provider is throttling token requests; it did not refuse the client ID or secret."
                    + " Wait a few minutes, then run the goal again.";
        }
        return "The identity provider had a server-side problem; it did not refuse the client ID or secret. Run"
                + " the goal again later.";
    }

    /** A status word this plugin does not know: the wait goes on; where to look meanwhile. */
    public static String unknownStatusWord(OperationKind kind, String operationId, String word,
            java.time.Duration left, StoreSettings s) {
        return "The store reports the status '" + word + "' for " + kind.label() + " operation " + operationId
                + ", a word this plugin does not know. It keeps asking until the status is Succeeded or Failed, or"
                + " until " + setting(s, Setting.TIMEOUT) + " (" + Durations.format(left)
                + " left); check the product in " + s.dashboard() + " meanwhile.";
    }

    /**
     * What an answer that keeps a wait going means, when its status alone does not say: an HTML 404 page means
     * what the store's adapter says ({@link StoreAdvice#htmlNotFoundDuringWait}), a 429 without Retry-After
     * throttles without a length; else null.
     */
    public static String duringWait(int status, boolean retryAfterGiven, StoreSettings s) {
        if (status == 404) {
            return s.advice().htmlNotFoundDuringWait();
        }
        if (status == 429 && !retryAfterGiven) {
            return "The store is throttling requests without saying for how long.";
        }
        return null;
    }

    /** The first failure of a streak during a wait on an accepted operation: the wait goes on, until when. */
    public static String waitGoesOn(OperationKind kind, String operationId, java.time.Duration left,
            java.time.Duration next, boolean slower, StoreSettings s) {
        return "The store accepted the " + kind.label() + " (operation " + operationId + "), so the wait goes on"
                + " until " + setting(s, Setting.TIMEOUT) + " (" + Durations.format(left)
                + " left): asking again in " + Durations.format(next)
                + (slower ? ", and less often from now on" : "") + ".";
    }

    /**
     * What follows a failure of the wait on an operation the store had accepted ({@link Failure#acceptedBefore}):
     * what the store holds, then, on lines of their own, the command that resumes the wait. Nothing after a
     * definite verdict ({@link Failure#hasVerdict}: Failed, or stopped): the verdict's own advice says what to fix,
     * and waiting on that operation again would only repeat it.
     *
     * @return the sentences, or null when nothing follows
     */
    public static String afterAcceptance(Failure f, OperationKind kind, StoreSettings s) {
        if (f.hasVerdict()) {
            return null;
        }
        return acceptedBeforeTheFailure(kind, f.operationId()) + System.lineSeparator()
                + resumeWaiting(kind, f.operationId(), s);
    }

    /**
     * What follows a failure of the publish after this build's upload succeeded: the draft is in the store's dashboard,
     * and the command that publishes it, printed once: a publish that may have reached the store
     * ({@link Failure#mayHaveReachedStore}) printed it already ({@link #publishMayHaveReachedTheStore}).
     */
    public static String afterUpload(Failure f, String uploadOperationId, StoreSettings s) {
        return draftUploaded(uploadOperationId, s)
                + (f.mayHaveReachedStore() ? "" : System.lineSeparator() + publishDraftAgain(s));
    }

    /**
     * How to pick up the wait for an accepted operation: {@code await} for a publish, {@code status} for an
     * upload; the command alone on the last line, so that it can be copied as printed.
     */
    public static String resumeWaiting(OperationKind kind, String operationId, StoreSettings s) {
        return (kind == OperationKind.PUBLISH
                ? "Resume waiting with:" + System.lineSeparator() + "  " + s.resume().await(s.productId(), operationId)
                : "Check it later with:" + System.lineSeparator() + "  "
                        + s.resume().status(s.productId(), operationId));
    }

    /**
     * For any failure after the store accepted an upload or a publish: it is not lost, and re-running the
     * whole release would upload or publish again.
     */
    public static String acceptedBeforeTheFailure(OperationKind kind, String operationId) {
        return "The store had accepted the " + kind.label() + " (operation " + operationId + ") before this"
                + " failure: " + (kind == OperationKind.PUBLISH
                        ? "do not publish again before you know how it ended (a second publish is refused while"
                                + " one is in review)."
                        : "the package may be in the draft already.");
    }

    /** For any failure of a publish after this build's upload succeeded: the draft is in the store's dashboard. */
    public static String draftUploaded(String uploadOperationId, StoreSettings s) {
        return "This build's upload succeeded (operation " + uploadOperationId + "), so the uploaded draft is in"
                + " " + s.dashboard() + "; the release does not need to upload it again.";
    }

    /**
     * {@code status} found a Succeeded upload: the draft holds it; the command that publishes it, alone on the
     * last line.
     */
    public static String uploadInDraft(StoreSettings s) {
        return "The draft in " + s.dashboard() + " holds this upload. Publish it, without uploading again, with:"
                + System.lineSeparator() + "  " + s.resume().publishDraft(s.productId());
    }

    /**
     * A publish that no {@code await} follows in this build: the 202 is no submission yet, and the verdict is not
     * known; the command that follows it, alone on the last line.
     */
    public static String publishVerdictNotKnown(String operationId, StoreSettings s) {
        return "The store has not said yet whether it created the submission (only the publish operation's"
                + " status says so). Follow it to its verdict with:" + System.lineSeparator() + "  "
                + s.resume().await(s.productId(), operationId);
    }

    /** How to publish the draft already in the store's dashboard; the command alone on the last line. */
    public static String publishDraftAgain(StoreSettings s) {
        return "Publish it, without uploading again, with:" + System.lineSeparator() + "  "
                + s.resume().publishDraft(s.productId());
    }

    /** For an operation that stopped without a verdict ({@code Cancelled}, ...). */
    public static String operationStopped(OperationKind kind, StoreSettings s) {
        return "It will not finish by itself. Check the product in " + s.dashboard()
                + " (someone may have cancelled the"
                + " submission there), then " + (kind == OperationKind.PUBLISH
                        ? "publish again with " + s.resume().publishDraft(s.productId())
                        : "run the release again") + ".";
    }
}
