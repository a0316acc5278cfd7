package io.github.edgeaddons.firefox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One golden test per Firefox sentence. */
class FirefoxHintsTest {
    @Test
    void clockAhead() {
        assertEquals("AMO says the token was issued in the future: this machine's clock is ahead of AMO's by more than"
                + " 5 seconds. Check this machine's clock (synchronize it, e.g. with NTP) and run the release again;"
                + " the JWT issuer and secret are not the problem.", FirefoxHints.clockAhead());
    }

    @Test
    void clockBehind() {
        assertEquals("AMO says the token had expired when it arrived, although each request gets a fresh one: this"
                + " machine's clock is behind AMO's by minutes. Check this machine's clock (synchronize it, e.g."
                + " with NTP); the JWT issuer and secret are not the problem.", FirefoxHints.clockBehind());
    }

    @Test
    void unknownKey() {
        assertEquals("AMO does not know this JWT issuer: check the issuer in S (\"JWT issuer\", like"
                + " user:12345678:90, from https://addons.mozilla.org/developers/addon/api/key/); a key that was"
                + " revoked or regenerated there must be replaced.", FirefoxHints.unknownKey("S"));
    }

    @Test
    void badSignature() {
        assertEquals("AMO could not verify the token's signature: the JWT secret in S is not the one of this issuer."
                + " Copy the \"JWT secret\" again from https://addons.mozilla.org/developers/addon/api/key/"
                + " (generating new credentials there revokes the old ones).", FirefoxHints.badSignature("S"));
    }

    @Test
    void account() {
        assertEquals("The account of this key cannot use the API now: sign in at https://addons.mozilla.org/developers/"
                + " and accept the developer agreement, or ask Mozilla why the account is disabled.",
                FirefoxHints.account());
    }

    @Test
    void otherUnauthorized() {
        assertEquals("Check the JWT issuer and secret in S (from https://addons.mozilla.org/developers/addon/api/key/)"
                + " and this machine's clock.", FirefoxHints.otherUnauthorized("S"));
    }

    @Test
    void notAuthor() {
        assertEquals("The account of this API key is not an author of add-on a@b: use the key of an author, or have an"
                + " author add this account in the add-on's Manage Authors page.", FirefoxHints.notAuthor("a@b"));
    }

    @Test
    void addonNotFound() {
        assertEquals("AMO knows no add-on a@b (firefox.addonId) that this key can see. Use the gecko id of the"
                + " manifest's browser_specific_settings.gecko.id as it is: a UUID keeps its braces ({5f3a...}), an"
                + " e-mail-like id has none (name@example.com); or the add-on's slug or numeric id. The API creates"
                + " no add-ons: submit the first version in the Firefox Add-on Developer Hub"
                + " (addons.mozilla.org/developers).", FirefoxHints.addonNotFound("a@b"));
    }

    @Test
    void throttled() {
        assertEquals("AMO throttles this API key (or this address) and expects to take requests again in 26175 s"
                + " (7 h 16 min), more than the time left of firefox.timeout. Run the release again after that; AMO"
                + " counts uploads and version creations per hour and per day, so avoid repeated attempts in the"
                + " meantime.", FirefoxHints.throttled(Duration.ofSeconds(26175)));
    }

    @Test
    void waitingForThrottle() {
        assertEquals("AMO throttles this API key: waiting 18 s, as it asks, before trying again.",
                FirefoxHints.waitingForThrottle(Duration.ofSeconds(18)));
    }

    @Test
    void unsupportedMediaType() {
        assertEquals("AMO refused the request's content type. The plugin sends multipart/form-data or"
                + " application/json; a proxy that rewrites requests may have changed it. If not, please report it"
                + " as a bug of the plugin.", FirefoxHints.unsupportedMediaType());
    }

    @Test
    void serverTrouble() {
        assertEquals("AMO is in trouble or under maintenance (see https://status.mozilla.org/); run the release again"
                + " later.", FirefoxHints.serverTrouble());
    }

    @Test
    void notTheApi() {
        assertEquals("The answer came from a web server, not from AMO's API: check the API root (firefox.apiBaseUrl;"
                + " Mozilla's is https://addons.mozilla.org).", FirefoxHints.notTheApi());
    }

    @Test
    void htmlNotFoundDuringWait() {
        assertEquals("An HTML 404 page comes from AMO's web front end, not from its API: check the API root"
                + " (firefox.apiBaseUrl) if it persists.", FirefoxHints.htmlNotFoundDuringWait());
    }

    @Test
    void invalidPackage() {
        assertEquals("Fix the package as the validator's messages say (the same checks run locally with Mozilla's"
                + " addons-linter, or web-ext lint), build it again and release it.", FirefoxHints.invalidPackage());
    }

    @Test
    void licenseRequired() {
        assertEquals("AMO needs a license for a listed version of this add-on, and it has none yet: set"
                + " firefox.license to a license slug (e.g. MPL-2.0, MIT, Apache-2.0, all-rights-reserved).",
                FirefoxHints.licenseRequired());
    }

    @Test
    void releaseNotesLocale() {
        assertEquals("Check firefox.releaseNotesLocale: AMO takes its own locale codes, such as en-US, de, fr, es-ES,"
                + " pt-BR.", FirefoxHints.releaseNotesLocale());
    }

    @Test
    void versionMayHaveReachedAmo() {
        assertEquals("The request creating version 1.2.3 may have reached AMO, so it was not sent again (a second one"
                + " could not create it twice, but would fail or use up AMO's hourly limits). Check and resume"
                + " with:\n  CMD\nIt looks version 1.2.3 up on AMO: when it is there, the release goes on from it"
                + " (sources, review state, signed file); when it is not, it releases it.",
                FirefoxHints.versionMayHaveReachedAmo("1.2.3", "CMD"));
    }

    @Test
    void resumeAfterVersion() {
        assertEquals("AMO has version 1.2.3; to finish the release from it without creating it again, run:\n  CMD",
                FirefoxHints.resumeAfterVersion("1.2.3", "CMD"));
    }

    @Test
    void stillValidating() {
        assertEquals("AMO was still validating upload U when the time for the release ran out: raise firefox.timeout"
                + " (validation can take minutes) and release again; nothing was created on AMO.",
                FirefoxHints.stillValidating("U"));
    }

    @Test
    void stillInReview() {
        assertEquals("Version 1.2.3 is still awaiting review on AMO; the review goes on. Its state is in the Firefox"
                + " Add-on Developer Hub (addons.mozilla.org/developers).", FirefoxHints.stillInReview("1.2.3"));
    }

    @Test
    void notSignedYet() {
        assertEquals("AMO has not signed version 1.2.3 yet, so there is no signed file to download. Download it later"
                + " with:\n  CMD", FirefoxHints.notSignedYet("1.2.3", "CMD"));
    }

    @Test
    void rejected() {
        assertEquals("AMO's reviewers disabled version 1.2.3: their reasons are in the Firefox Add-on Developer Hub"
                + " (addons.mozilla.org/developers) (the version's review history).", FirefoxHints.rejected("1.2.3"));
    }

    @Test
    void human() {
        assertEquals("18 s", FirefoxHints.human(Duration.ofSeconds(18)));
        assertEquals("2 min 5 s", FirefoxHints.human(Duration.ofSeconds(125)));
    }
}
