package io.github.edgeaddons.client;

import java.util.Locale;

/**
 * Where a hint goes: what the user can do about an answer of the store, one sentence per HTTP status,
 * errorCode or situation. Messages say what happened; the sentence about what to do comes from here.
 */
public final class Hints {
    private Hints() {}

    /**
     * For a publish POST whose fate is unknown (a 5xx other than 503, a 408, or a connection lost after
     * sending): it is not repeated, because a second publish could start a duplicate submission.
     */
    public static String publishMayHaveReachedTheStore(ClientSettings s) {
        return "The request may have reached the store, so it was not sent again (a second publish could"
                + " start a duplicate submission). Check the product in Partner Center: if a submission is in"
                + " review, nothing is left to do; otherwise publish again with "
                + s.resume().publishDraft(s.productId()) + ".";
    }

    public static String forHttpStatus(int status, String serverId) {
        switch (status) {
            case 400:
                return "The store rejected the request as malformed: check that edge.file is the extension's .zip"
                        + " and that edge.apiBaseUrl points at the Edge Add-ons API.";
            case 401:
                return "The credentials were refused. Partner Center API keys expire after 72 days: create a new"
                        + " key in Partner Center (Microsoft Edge > Publish API), then update the <password> (and"
                        + " <username>, the client ID) of <server> '" + serverId + "' in settings.xml.";
            case 403:
                return "These credentials may not act on this product: check that the API credentials belong to"
                        + " the Partner Center account that owns edge.productId.";
            case 404:
                return "Check edge.productId: it must be the product's GUID from Partner Center (Microsoft Edge >"
                        + " Overview > your extension), not the store listing's ID, and belong to the account of"
                        + " these credentials.";
            case 408:
                return "The store gave up waiting for the request: the upload was too slow. Retry on a faster"
                        + " connection or reduce the package size.";
            case 413:
                return "The package is larger than the store accepts: reduce its size.";
            case 415:
                return "The store did not accept the content type of the request.";
            case 429:
                return "The store is throttling requests: wait a few minutes, then run the goal again; with"
                        + " edge.pollInterval set, poll less often.";
            default:
                if (status >= 500) {
                    return "The store had a server-side problem; it is usually transient: run the goal again later.";
                }
                return "Check the configuration against the store's answer above.";
        }
    }

    /** Hints for an operation that ended Failed, by its errorCode (current or 2021 vocabulary). */
    public static String forErrorCode(String errorCode, OperationKind kind, ClientSettings s) {
        String code = errorCode == null ? "" : errorCode.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        switch (code) {
            case "nomodulesupdated":
            case "nothingtopublish":
                return "The draft is identical to the version already in the store: there is nothing to publish."
                        + " Change the extension (and raise \"version\" in manifest.json), then release again.";
            case "inprogresssubmission":
            case "conflict":
                return "Another submission of this product is still in review, and the store allows one at a time."
                        + " Wait until that review ends (or cancel it in Partner Center), then publish again with "
                        + s.resume().publishDraft(s.productId()) + " (the uploaded draft is kept).";
            case "unpublishinprogress":
                return "The product is being unpublished. Wait until that finishes in Partner Center, then release"
                        + " again.";
            case "modulestateunpublishable":
                return "Some part of the draft is not in a publishable state (see the errors). Fix it in Partner"
                        + " Center (Microsoft Edge > your extension), then publish again.";
            case "submissionvalidationerror":
                return "The submission failed the store's validation (see the errors). Fix the listed problems in"
                        + " the package or in Partner Center, then release again.";
            case "createnotallowed":
                return "The store does not allow a new submission for this product now: check the product's state"
                        + " in Partner Center (it must have been published once by hand).";
            case "":
                if (kind == OperationKind.UPLOAD) {
                    return "The store gave no reason. This often means an earlier version is still in review"
                            + " (publishing is blocked until it ends), or the package failed processing: check"
                            + " Partner Center, then run the release again.";
                }
                return "The store gave no reason. This is often temporary, and the draft is kept: publish again"
                        + " later with " + s.resume().publishDraft(s.productId()) + ", or check Partner Center.";
            default:
                return "See the errors above, and the product's page in Partner Center.";
        }
    }

    // ---- waits on an accepted operation (issue 9: the poll loop and Release) ------------------------------

    /**
     * How to pick up the wait for an accepted operation: {@code await} for a publish, {@code status} for an
     * upload; the command alone on the last line, so that it can be copied as printed.
     */
    public static String resumeWaiting(OperationKind kind, String operationId, ClientSettings s) {
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

    /** For an operation that stopped without a verdict ({@code Cancelled}, ...). */
    public static String operationStopped(OperationKind kind, ClientSettings s) {
        return "It will not finish by itself. Check the product in Partner Center (someone may have cancelled the"
                + " submission there), then " + (kind == OperationKind.PUBLISH
                        ? "publish again with " + s.resume().publishDraft(s.productId())
                        : "run the release again") + ".";
    }
}
