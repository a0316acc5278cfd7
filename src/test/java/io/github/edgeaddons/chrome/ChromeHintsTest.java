package io.github.edgeaddons.chrome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The Chrome Web Store's "what to do" sentences ({@link ChromeHints}), pinned: one golden test per hint (every
 * other test asserts facts); rewording a hint changes its golden test here, on purpose. Also how Google's error
 * envelope is read ({@link GoogleError}).
 */
class ChromeHintsTest {
    private static final ChromeSettings S = ChromeSettings.builder().publisherId("pub-1")
            .itemId("abcdefghijklmnopabcdefghijklmnop").credentials(ChromeCredentials.refreshToken("c", "s", "r"))
            .apiBaseUrl(URI.create("https://chromewebstore.googleapis.com")).build();

    @Test
    void refreshTokenExpiredOrRevoked() {
        assertEquals("The refresh token has expired or was revoked. Google expires refresh tokens after 7 days when"
                + " the OAuth consent screen of the Cloud project is an External app still in \"Testing\", after"
                + " 6 months unused, and when the user revokes the app's access or changes the password. Get a new"
                + " refresh token (for example with the OAuth 2.0 Playground, scope"
                + " https://www.googleapis.com/auth/chromewebstore, with your own client id and secret), and publish"
                + " the consent screen to \"In production\" so that the next one does not expire after a week.",
                ChromeHints.refreshTokenExpiredOrRevoked());
    }

    @Test
    void assertionRefused() {
        assertEquals("Google refused the service account's signed assertion. Check that this machine's clock is right"
                + " (the assertion is valid for one hour from now) and that the key in the key file was not deleted"
                + " in the Google Cloud console (IAM > Service accounts > Keys); if it was, create a new JSON key.",
                ChromeHints.assertionRefused());
    }

    @Test
    void clientRefused() {
        assertEquals("Check the OAuth client id and secret (Google Cloud console > APIs & Services > Credentials); a"
                + " client left unused is deleted by Google and can be restored there for about 30 days.",
                ChromeHints.clientRefused());
    }

    @Test
    void permissionDenied() {
        assertEquals("Check the publisher id pub-1 (the developer account's id, shown in the dashboard's URL, not the"
                + " item's) and that this account owns item abcdefghijklmnopabcdefghijklmnop; a service account must"
                + " also be added in the Account section of the Chrome Web Store developer dashboard, and the Chrome"
                + " Web Store API enabled in its Cloud project.", ChromeHints.permissionDenied(S));
    }

    @Test
    void invalidPackage() {
        assertEquals("Fix the package as the store's reasons above say, raise the manifest version above the published"
                + " one if it asks, build it again and upload it.", ChromeHints.invalidPackage());
    }

    @Test
    void notEditableNow() {
        assertEquals("A submission of item abcdefghijklmnopabcdefghijklmnop is in review, or the item cannot be"
                + " changed now: wait for the review to end, or cancel that submission (in the Chrome Web Store"
                + " developer dashboard, or with the API's cancelSubmission), then upload again.",
                ChromeHints.notEditableNow(S));
    }

    @Test
    void publishMayHaveReachedTheStore() {
        assertEquals("The publish request may have reached the store, so it was not sent again. Check item"
                + " abcdefghijklmnopabcdefghijklmnop with edge-addons:status itemId=abcdefghijklmnopabcdefghijklmnop"
                + " publisherId=pub-1 (or in the Chrome Web Store developer dashboard): if its submitted revision is"
                + " pending review or staged, nothing is left to do; otherwise run the release again.",
                ChromeHints.publishMayHaveReachedTheStore(S));
    }

    /** The core's sentence, with Chrome's commands: a status check, and the release run again. */
    @Test
    void coreLostPublishSentenceTakesChromesCommands() {
        assertEquals("The request may have reached the store, so it was not sent again (a second publish could"
                + " start a duplicate submission). Check the product in the Chrome Web Store developer dashboard or"
                + " with edge-addons:status itemId=abcdefghijklmnopabcdefghijklmnop publisherId=pub-1: if a"
                + " submission is in review, nothing is left to do; otherwise publish again by running the release"
                + " again.", io.github.edgeaddons.core.Hints.publishMayHaveReachedTheStore(S));
    }

    @Test
    void takenDown() {
        assertEquals("Item abcdefghijklmnopabcdefghijklmnop is taken down by the Chrome Web Store, so nothing was"
                + " uploaded. Its policy issue is described in the Chrome Web Store developer dashboard (the item's"
                + " Status tab); solve it there, then run the release again.", ChromeHints.takenDown(S));
    }

    @Test
    void inReviewFail() {
        assertEquals("Item abcdefghijklmnopabcdefghijklmnop has a submission pending review (version 1.0.5), so"
                + " nothing was uploaded. Wait for the review to end and run the release again, or set"
                + " chrome.inReview=skip (release nothing, with a warning) or chrome.inReview=cancel (cancel that"
                + " submission, then release this version).", ChromeHints.inReviewFail(S, "PENDING_REVIEW", "1.0.5"));
    }

    @Test
    void inReviewSkipped() {
        assertEquals("Item abcdefghijklmnopabcdefghijklmnop has a submission staged (approved, waiting to be"
                + " published from the dashboard) (version 1.0.5), and chrome.inReview=skip: nothing was sent to the"
                + " Chrome Web Store. Run the release again once the review is over.",
                ChromeHints.inReviewSkipped(S, "STAGED", "1.0.5"));
    }

    @Test
    void versionNotAbove() {
        assertEquals("The package's version 1.1.0 is below version 2.0.0 published for item"
                + " abcdefghijklmnopabcdefghijklmnop, and the Chrome Web Store takes only a higher version: raise the"
                + " manifest's version (the project's version) above 2.0.0, build again and release.",
                ChromeHints.versionNotAbove(S, "1.1.0", "2.0.0"));
    }

    @Test
    void rolloutNotHigher() {
        assertEquals("Item abcdefghijklmnopabcdefghijklmnop is already published to 50% of users;"
                + " chrome.deployPercentage=40 would not raise it (the store only raises a rollout). Give a higher"
                + " percentage.", ChromeHints.rolloutNotHigher(S, 50, 40));
    }

    @Test
    void reviewStillPending() {
        assertEquals("Version 1.1.0 of item abcdefghijklmnopabcdefghijklmnop is still pending review after"
                + " chrome.reviewTimeout (3600 s). The submission stands: follow it with edge-addons:status"
                + " itemId=abcdefghijklmnopabcdefghijklmnop publisherId=pub-1, or wait longer next time with a longer"
                + " chrome.reviewTimeout.", ChromeHints.reviewStillPending(S, "1.1.0", java.time.Duration.ofHours(1)));
    }

    @Test
    void reviewRefused() {
        assertEquals("The review of version 1.1.0 of item abcdefghijklmnopabcdefghijklmnop ended REJECTED: the reasons"
                + " are in the Chrome Web Store developer dashboard (the item's Status tab). Fix them, raise the version"
                + " and release again.", ChromeHints.reviewRefused(S, "1.1.0", "REJECTED"));
    }

    @Test
    void nothingPublished() {
        assertEquals("Item abcdefghijklmnopabcdefghijklmnop has no published version whose rollout could be raised:"
                + " release one first.", ChromeHints.nothingPublished(S));
    }

    @Test
    void itemNotFound() {
        assertEquals("The store knows no item abcdefghijklmnopabcdefghijklmnop of publisher pub-1: check the item id"
                + " (32 letters a to p, in the item's dashboard URL). The API creates no items: publish the first"
                + " version in the Chrome Web Store developer dashboard.", ChromeHints.itemNotFound(S));
    }

    @Test
    void notTheApi() {
        assertEquals("The answer came from a web server, not from the Chrome Web Store API: check the API root"
                + " (chrome.apiBaseUrl; Google's is https://chromewebstore.googleapis.com).", ChromeHints.notTheApi());
    }

    @Test
    void htmlNotFoundDuringWait() {
        assertEquals("An HTML 404 page comes from Google's front end, not from the Chrome Web Store API: check the"
                + " API root (chrome.apiBaseUrl) if it persists.", S.advice().htmlNotFoundDuringWait());
    }

    @Test
    void googleErrorEnvelopeIsReadByType() {
        GoogleError g = GoogleError.parse("{\"error\":{\"code\":400,\"status\":\"FAILED_PRECONDITION\","
                + "\"message\":\"Has warnings.\",\"details\":["
                + "{\"@type\":\"type.googleapis.com/google.rpc.LocalizedMessage\",\"message\":\"x\"},"
                + "{\"@type\":\"type.googleapis.com/google.rpc.PreconditionFailure\",\"violations\":"
                + "[{\"type\":\"W1\",\"description\":\"Line one\\n <a href=\\\"x\\\">here</a> &amp; more\"}]}]}}");
        assertEquals(400, g.code);
        assertEquals("FAILED_PRECONDITION", g.errorCode());
        assertNull(g.reason);
        assertEquals(Arrays.asList("W1: Line one here & more"), g.errors());
        assertNull(GoogleError.parse("<html>404</html>"));
        assertNull(GoogleError.parse("{\"error\":\"invalid_grant\"}"));
    }
}
