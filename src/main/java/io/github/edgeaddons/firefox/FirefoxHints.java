package io.github.edgeaddons.firefox;

import java.time.Duration;

/**
 * What to do, for Firefox Add-ons' own failures: the one place for the Firefox sentences. Chosen by facts (the
 * status, {@link AmoError.Reason}, the field AMO names), never by reading AMO's text; each sentence has one
 * golden test ({@code FirefoxHintsTest}).
 */
public final class FirefoxHints {
    private FirefoxHints() {}

    /** 401 "iat ... invalid": the token was issued in AMO's future, so this machine's clock is ahead. */
    public static String clockAhead() {
        return "AMO says the token was issued in the future: this machine's clock is ahead of AMO's by more than"
                + " 5 seconds. Check this machine's clock (synchronize it, e.g. with NTP) and run the release again;"
                + " the JWT issuer and secret are not the problem.";
    }

    /** 401 "Signature has expired": the token's lifetime had passed on AMO's clock: this clock is behind. */
    public static String clockBehind() {
        return "AMO says the token had expired when it arrived, although each request gets a fresh one: this"
                + " machine's clock is behind AMO's by minutes. Check this machine's clock (synchronize it, e.g."
                + " with NTP); the JWT issuer and secret are not the problem.";
    }

    /** 401, unknown issuer or invalid key. */
    public static String unknownKey(String credentialsSource) {
        return "AMO does not know this JWT issuer: check the issuer in " + credentialsSource + " (\"JWT issuer\","
                + " like user:12345678:90, from https://addons.mozilla.org/developers/addon/api/key/); a key that"
                + " was revoked or regenerated there must be replaced.";
    }

    /** 401, the signature does not match: the secret is not the one of this issuer. */
    public static String badSignature(String credentialsSource) {
        return "AMO could not verify the token's signature: the JWT secret in " + credentialsSource + " is not the"
                + " one of this issuer. Copy the \"JWT secret\" again from"
                + " https://addons.mozilla.org/developers/addon/api/key/ (generating new credentials there revokes"
                + " the old ones).";
    }

    /** 401 about the account itself: disabled, or the developer agreement not accepted. */
    public static String account() {
        return "The account of this key cannot use the API now: sign in at https://addons.mozilla.org/developers/"
                + " and accept the developer agreement, or ask Mozilla why the account is disabled.";
    }

    /** Any other 401. */
    public static String otherUnauthorized(String credentialsSource) {
        return "Check the JWT issuer and secret in " + credentialsSource + " (from"
                + " https://addons.mozilla.org/developers/addon/api/key/) and this machine's clock.";
    }

    /** 403 on the add-on: the key's account is not one of its authors. */
    public static String notAuthor(String addonId) {
        return "The account of this API key is not an author of add-on " + addonId + ": use the key of an author,"
                + " or have an author add this account in the add-on's Manage Authors page.";
    }

    /** 404 on the add-on: the id, in one of its forms. */
    public static String addonNotFound(String addonId) {
        return "AMO knows no add-on " + addonId + " (firefox.addonId) that this key can see. Use the gecko id of"
                + " the manifest's browser_specific_settings.gecko.id as it is: a UUID keeps its braces"
                + " ({5f3a...}), an e-mail-like id has none (name@example.com); or the add-on's slug or numeric id."
                + " The API creates no add-ons: submit the first version in " + FirefoxSettings.DASHBOARD + ".";
    }

    /**
     * 429 that asks for a longer wait than the timeout leaves: reported with the wait.
     *
     * @param wait AMO's "Expected available in N seconds"
     */
    public static String throttled(Duration wait) {
        return "AMO throttles this API key (or this address) and expects to take requests again in "
                + wait.getSeconds() + " s (" + human(wait) + "), more than the time left of firefox.timeout. Run the"
                + " release again after that; AMO counts uploads and version creations per hour and per day, so"
                + " avoid repeated attempts in the meantime.";
    }

    /** 429 waited out: the line before the wait. */
    public static String waitingForThrottle(Duration wait) {
        return "AMO throttles this API key: waiting " + wait.getSeconds() + " s, as it asks, before trying again.";
    }

    /** 415: the request's content type was refused; the plugin sends multipart or JSON, so something changed it. */
    public static String unsupportedMediaType() {
        return "AMO refused the request's content type. The plugin sends multipart/form-data or application/json;"
                + " a proxy that rewrites requests may have changed it. If not, please report it as a bug of the"
                + " plugin.";
    }

    /** 5xx, or a maintenance answer, after the retries that were safe. */
    public static String serverTrouble() {
        return "AMO is in trouble or under maintenance (see https://status.mozilla.org/); run the release again"
                + " later.";
    }

    /** An HTML page instead of the API's JSON. */
    public static String notTheApi() {
        return "The answer came from a web server, not from AMO's API: check the API root (firefox.apiBaseUrl;"
                + " Mozilla's is " + FirefoxSettings.DEFAULT_API_BASE_URL + ").";
    }

    /** What an HTML 404 page during a wait means here. */
    public static String htmlNotFoundDuringWait() {
        return "An HTML 404 page comes from AMO's web front end, not from its API: check the API root"
                + " (firefox.apiBaseUrl) if it persists.";
    }

    /** The validator refused the package: its messages are listed above this sentence. */
    public static String invalidPackage() {
        return "Fix the package as the validator's messages say (the same checks run locally with Mozilla's"
                + " addons-linter, or web-ext lint), build it again and release it.";
    }

    /** 400 on the license: a listed version needs one, and the add-on has none yet. */
    public static String licenseRequired() {
        return "AMO needs a license for a listed version of this add-on, and it has none yet: set firefox.license"
                + " to a license slug (e.g. MPL-2.0, MIT, Apache-2.0, all-rights-reserved).";
    }

    /** 400 on release notes: the locale key. */
    public static String releaseNotesLocale() {
        return "Check firefox.releaseNotesLocale: AMO takes its own locale codes, such as en-US, de, fr, es-ES,"
                + " pt-BR.";
    }

    /**
     * The request creating the version may have reached AMO (its answer was lost, or AMO failed in a way that
     * does not say it did nothing): not sent again; the command that checks and resumes.
     */
    public static String versionMayHaveReachedAmo(String version, String resumeCommand) {
        return "The request creating version " + version + " may have reached AMO, so it was not sent again (a"
                + " second one could not create it twice, but would fail or use up AMO's hourly limits). Check and"
                + " resume with:\n  " + resumeCommand + "\nIt looks version " + version + " up on AMO: when it is"
                + " there, the release goes on from it (sources, review state, signed file); when it is not, it"
                + " releases it.";
    }

    /** The release stopped after AMO created the version: the same command picks it up. */
    public static String resumeAfterVersion(String version, String resumeCommand) {
        return "AMO has version " + version + "; to finish the release from it without creating it again, run:\n  "
                + resumeCommand;
    }

    /** The time ran out while AMO was still validating the upload. */
    public static String stillValidating(String uuid) {
        return "AMO was still validating upload " + uuid + " when the time for the release ran out: raise"
                + " firefox.timeout (validation can take minutes) and release again; nothing was created on AMO.";
    }

    /** The time to wait for the review ran out: the version stays in the queue; no failure. */
    public static String stillInReview(String version) {
        return "Version " + version + " is still awaiting review on AMO; the review goes on. Its state is in "
                + FirefoxSettings.DASHBOARD + ".";
    }

    /** Unlisted: the version was not signed within the timeout; the signed file could not be downloaded. */
    public static String notSignedYet(String version, String resumeCommand) {
        return "AMO has not signed version " + version + " yet, so there is no signed file to download. Download it"
                + " later with:\n  " + resumeCommand;
    }

    /** The review ended in a rejection. */
    public static String rejected(String version) {
        return "AMO's reviewers disabled version " + version + ": their reasons are in " + FirefoxSettings.DASHBOARD
                + " (the version's review history).";
    }

    /** A duration in words, e.g. {@code 7 h 16 min}. */
    static String human(Duration d) {
        long s = d.getSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
