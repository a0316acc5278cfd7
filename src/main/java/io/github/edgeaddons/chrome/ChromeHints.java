package io.github.edgeaddons.chrome;

/**
 * What to do, for the Chrome Web Store's own failures: its token endpoint's verdicts on a refresh token or a
 * service account, its refusals of a package or of a request on an item in review. Chosen by facts (the OAuth
 * error, the ErrorInfo reason, the status); each sentence has one golden test ({@code ChromeHintsTest}).
 */
public final class ChromeHints {
    private ChromeHints() {}

    /** invalid_grant to the refresh-token grant. */
    public static String refreshTokenExpiredOrRevoked() {
        return "The refresh token has expired or was revoked. Google expires refresh tokens after 7 days when"
                + " the OAuth consent screen of the Cloud project is an External app still in \"Testing\", after"
                + " 6 months unused, and when the user revokes the app's access or changes the password. Get a new"
                + " refresh token (for example with the OAuth 2.0 Playground, scope"
                + " https://www.googleapis.com/auth/chromewebstore, with your own client id and secret), and publish"
                + " the consent screen to \"In production\" so that the next one does not expire after a week.";
    }

    /** invalid_grant to a service account's JWT assertion: its clock, or a key that was deleted. */
    public static String assertionRefused() {
        return "Google refused the service account's signed assertion. Check that this machine's clock is right"
                + " (the assertion is valid for one hour from now) and that the key in the key file was not deleted"
                + " in the Google Cloud console (IAM > Service accounts > Keys); if it was, create a new JSON key.";
    }

    /** invalid_client, unauthorized_client, deleted_client and other refusals of the client itself. */
    public static String clientRefused() {
        return "Check the OAuth client id and secret (Google Cloud console > APIs & Services > Credentials); a client"
                + " left unused is deleted by Google and can be restored there for about 30 days.";
    }

    /** 403 PERMISSION_DENIED from the store: the account or the service account may not touch the item. */
    public static String permissionDenied(ChromeSettings s) {
        return "Check the publisher id " + s.publisherId + " (the developer account's id, shown in the"
                + " dashboard's URL, not the item's) and that this account owns item " + s.itemId + "; a service"
                + " account must also be added in the Account section of " + ChromeSettings.DASHBOARD
                + ", and the Chrome Web Store API enabled in its Cloud project.";
    }

    /** 400 INVALID_PACKAGE: the package was refused; the field violations say why. */
    public static String invalidPackage() {
        return "Fix the package as the store's reasons above say, raise the manifest version above the published"
                + " one if it asks, build it again and upload it.";
    }

    /** 400 FAILED_PRECONDITION: a submission is in review (or the item cannot be edited now). */
    public static String notEditableNow(ChromeSettings s) {
        return "A submission of item " + s.itemId + " is in review, or the item cannot be changed now: wait for the"
                + " review to end, or cancel that submission (in " + ChromeSettings.DASHBOARD + ", or with the"
                + " API's cancelSubmission), then upload again.";
    }

    /**
     * A publish whose answer was lost: it may have reached the store and is not sent again (a second one could
     * submit twice); what to check.
     */
    public static String publishMayHaveReachedTheStore(ChromeSettings s) {
        return "The publish request may have reached the store, so it was not sent again. Check item " + s.itemId
                + " with " + s.publishCheckCommand() + " (or in " + ChromeSettings.DASHBOARD + "): if its submitted"
                + " revision is pending review or staged, nothing is left to do; otherwise run the release again.";
    }

    /** 404 NOT_FOUND in the API's JSON: the store does not know the item under this publisher. */
    public static String itemNotFound(ChromeSettings s) {
        return "The store knows no item " + s.itemId + " of publisher " + s.publisherId + ": check the item id (32"
                + " letters a to p, in the item's dashboard URL). The API creates no items: publish the first version"
                + " in " + ChromeSettings.DASHBOARD + ".";
    }

    /** An HTML page instead of the API's JSON: the request did not reach the API (a wrong root or path). */
    public static String notTheApi() {
        return "The answer came from a web server, not from the Chrome Web Store API: check the API root"
                + " (chrome.apiBaseUrl; Google's is " + ChromeSettings.DEFAULT_API_BASE_URL + ").";
    }

    /** What an HTML 404 page during a wait means here. */
    public static String htmlNotFoundDuringWait() {
        return "An HTML 404 page comes from Google's front end, not from the Chrome Web Store API: check"
                + " the API root (chrome.apiBaseUrl) if it persists.";
    }

    /** fetchStatus says the item is taken down: nothing can be released until the policy issue is solved. */
    public static String takenDown(ChromeSettings s) {
        return "Item " + s.itemId + " is taken down by the Chrome Web Store, so nothing was uploaded. Its policy"
                + " issue is described in " + ChromeSettings.DASHBOARD + " (the item's Status tab); solve it there,"
                + " then run the release again.";
    }

    /** A submission is in review (or staged) and chrome.inReview=fail: what to choose. */
    public static String inReviewFail(ChromeSettings s, String state, String version) {
        return "Item " + s.itemId + " has a submission " + words(state) + " (version " + version + "), so nothing was"
                + " uploaded. Wait for the review to end and run the release again, or set chrome.inReview=skip"
                + " (release nothing, with a warning) or chrome.inReview=cancel (cancel that submission, then"
                + " release this version).";
    }

    /** A submission is in review and chrome.inReview=skip: the warning. */
    public static String inReviewSkipped(ChromeSettings s, String state, String version) {
        return "Item " + s.itemId + " has a submission " + words(state) + " (version " + version + "), and"
                + " chrome.inReview=skip: nothing was sent to the Chrome Web Store. Run the release again once"
                + " the review is over.";
    }

    /** The package's version is below the published one: the store would refuse it. */
    public static String versionNotAbove(ChromeSettings s, String version, String published) {
        return "The package's version " + version + " is below version " + published + " published for item "
                + s.itemId + ", and the Chrome Web Store takes only a higher version: raise the manifest's version"
                + " (the project's version) above " + published + ", build again and release.";
    }

    /** The rollout goal's target is not above the published percentage. */
    public static String rolloutNotHigher(ChromeSettings s, int current, int wanted) {
        return "Item " + s.itemId + " is already published to " + current + "% of users; chrome.deployPercentage="
                + wanted + " would not raise it (the store only raises a rollout). Give a higher percentage.";
    }

    /** The rollout goal found nothing published. */
    public static String nothingPublished(ChromeSettings s) {
        return "Item " + s.itemId + " has no published version whose rollout could be raised: release one first.";
    }

    /** chrome.awaitReview: the review gave no verdict within chrome.reviewTimeout; the submission stands. */
    public static String reviewStillPending(ChromeSettings s, String version, java.time.Duration timeout) {
        return "Version " + version + " of item " + s.itemId + " is still pending review after chrome.reviewTimeout ("
                + timeout.getSeconds() + " s). The submission stands: follow it with " + s.publishCheckCommand()
                + ", or wait longer next time with a longer chrome.reviewTimeout.";
    }

    /** chrome.awaitReview: the review ended without publishing (REJECTED, CANCELLED). */
    public static String reviewRefused(ChromeSettings s, String version, String state) {
        return "The review of version " + version + " of item " + s.itemId + " ended " + state + ": the reasons are in "
                + ChromeSettings.DASHBOARD + " (the item's Status tab). Fix them, raise the version and release again.";
    }

    /** How a state reads in a sentence. */
    static String words(String state) {
        if ("PENDING_REVIEW".equals(state)) {
            return "pending review";
        }
        if ("STAGED".equals(state)) {
            return "staged (approved, waiting to be published from the dashboard)";
        }
        return state == null ? "in an unknown state" : "in state " + state;
    }
}
