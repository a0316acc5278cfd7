package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.CredentialsSource;
import io.github.edgeaddons.core.Failure;
import io.github.edgeaddons.core.Hints;
import io.github.edgeaddons.core.OperationKind;
import io.github.edgeaddons.core.Vocabulary;
import io.github.edgeaddons.core.Vocabulary.Setting;
import java.util.Locale;

/**
 * Edge's own hints: what its HTTP answers mean (a 401 under an API key is not a 401 under API v1, an HTML 404
 * is not a JSON one), its token endpoint (API v1), its errorCodes (each linking its section of Microsoft's API
 * reference), a review in progress. Chosen by the {@link Failure facts} of the answer, which request it
 * answered and the auth mode, in the front end's words ({@link Vocabulary}); nothing here names Maven. The
 * sentences any store shares (after acceptance, resume commands, the network, the deadline) are the core's
 * ({@link Hints}). Each has one golden test ({@code EdgeHintsTest}).
 */
public final class EdgeHints {
    private EdgeHints() {}

    /** The front end's words (its setting names), from the settings. */
    private static Vocabulary words(ClientSettings s) {
        return s.resume().vocabulary();
    }

    private static String setting(ClientSettings s, Setting setting) {
        return words(s).setting(setting);
    }

    /**
     * What to do about an error answer of the store, from its facts: a publish that may have reached the store
     * is not sent again; a redirect is not followed; a JSON or empty 404 to a status request is about the ids;
     * else by status ({@link #forHttpError}).
     *
     * @param location the answer's Location header (named for a redirect), or null
     */
    public static String forAnswer(ClientSettings s, Failure f, String sent, String location) {
        if (f.mayHaveReachedStore()) {
            return Hints.publishMayHaveReachedTheStore(s);
        }
        if (f.httpStatus() >= 300 && f.httpStatus() < 400) {
            return Hints.redirectNotFollowed(s, location);
        }
        if (f.unknownOperation()) {
            return Hints.unknownOperation(s, f.operationId());
        }
        return forHttpError(s, f, sent);
    }

    /**
     * What to do about an HTTP error answer of the store, from its facts: the request it answered, its
     * status, whether it was an HTML page, and (for a 401) whether the store took the key headers.
     *
     * @param sent what the request carried, as "N bytes, content type", or null
     */
    public static String forHttpError(ClientSettings s, Failure f, String sent) {
        Failure.Request request = f.request();
        int status = f.httpStatus();
        switch (status) {
            case 400:
                if (request == Failure.Request.PUBLISH) {
                    return "The publish request's body is the certification notes" + sentSuffix(sent) + ", so the"
                            + " store refused those: check " + setting(s, Setting.NOTES) + " or "
                            + setting(s, Setting.NOTES_FILE) + " (plain UTF-8 text); the package is not in question,"
                            + " it was uploaded before.";
                }
                if (request == Failure.Request.UPLOAD) {
                    return "The store refused the package upload" + sentSuffix(sent) + ": check that "
                            + setting(s, Setting.FILE) + " (or the artifact the plugin located) is the extension's .zip, with manifest.json at its"
                            + " root.";
                }
                return "The store rejected the request as malformed: check that " + setting(s, Setting.API_BASE_URL)
                        + " points at the Edge Add-ons API.";
            case 401:
                return unauthorized(s, f.keyHeadersNotTaken());
            case 403:
                return "These credentials may not act on this product: check that the API credentials belong to"
                        + " the Partner Center account that owns " + setting(s, Setting.PRODUCT_ID) + ".";
            case 404:
                if (f.htmlBody()) {
                    return "The answer is a web page, not the API's: that is trouble at the store's front door"
                            + " (such pages came during the store's outages), not a wrong id. Try again later and"
                            + " check Partner Center; " + (request.isStatus() ? "the operation and the draft are"
                                    : "the draft is") + " kept.";
                }
                if (request.isStatus()) {
                    return "The store knows no such operation for this product: check "
                            + setting(s, Setting.OPERATION_ID) + " (the id printed by upload or publish) and "
                            + setting(s, Setting.PRODUCT_ID) + ".";
                }
                return "Check " + setting(s, Setting.PRODUCT_ID) + ": it must be the product's GUID from Partner Center (Microsoft Edge >"
                        + " Overview > your extension), not the store listing's ID, and belong to the account of"
                        + " these credentials.";
            case 408:
                return "The store gave up waiting for the request: the upload was too slow. Retry on a faster"
                        + " connection or reduce the package size.";
            case 410:
                return gone(s);
            case 413:
                return "The package is larger than the store accepts: reduce its size.";
            case 415:
                return "The store did not accept the content type of the request" + sentSuffix(sent) + ".";
            case 429:
                return "The store is throttling requests: wait a few minutes, then run the goal again; with "
                        + setting(s, Setting.POLL_INTERVAL) + " set, poll less often.";
            default:
                if (status >= 500) {
                    return "The store had a server-side problem. Its outages have lasted from hours to weeks"
                            + " (2024, 2025), and drafts in Partner Center were kept throughout: run the goal again"
                            + " later, and check Partner Center.";
                }
                return "Check the configuration against the store's answer above (the API's answers: "
                        + API_REFERENCE + "#error-codes).";
        }
    }

    /**
     * A 401, by auth mode: an API key expires; a v1 token comes from a client secret. Names where they came from.
     *
     * @param keyHeadersNotTaken the store's body said it checked an Azure AD token ({@link Failure#keyHeadersNotTaken})
     */
    public static String unauthorized(ClientSettings s, boolean keyHeadersNotTaken) {
        CredentialsSource c = s.credentialsSource();
        if (s.authMode() == AuthMode.CLIENT_CREDENTIALS) {
            return "The store refused the access token (API v1): check the client secret in " + c.secretPlace(words(s))
                    + " (client secrets expire), the client ID in " + c.clientIdPlace(words(s)) + ", and "
                    + setting(s, Setting.SCOPE) + ". API v1 is retired, so the lasting fix is an API key: "
                    + switchToApiKey(s);
        }
        if (keyHeadersNotTaken) {
            return "The store did not take the request as API-key authentication and checked it as an Azure AD"
                    + " token instead: it found no client ID header it accepts. Check that " + c.clientIdPlace(words(s))
                    + " is the client ID shown in Partner Center (Microsoft Edge > Publish API), and that nothing on"
                    + " the way (a proxy) drops or renames the headers X-ClientID and Authorization: ApiKey. The API"
                    + " key itself may be fine.";
        }
        return "The credentials were refused. Partner Center API keys expire after 72 days: create a new"
                + " key in Partner Center (Microsoft Edge > Publish API), then update the API key in "
                + c.secretPlace(words(s)) + " (and the client ID in " + c.clientIdPlace(words(s)) + ")"
                + (c.isEnvironment() ? ", e.g. the repository's secret that sets it" : "") + ".";
    }

    /** A 410 from any endpoint: the store no longer serves this API version. */
    public static String gone(ClientSettings s) {
        if (s.authMode() == AuthMode.CLIENT_CREDENTIALS) {
            return "The store no longer serves this API version: API v1 (client secret and access token URL, "
                    + words(s).settingIs(Setting.AUTH_MODE, AuthMode.CLIENT_CREDENTIALS.setting()) + ") is retired."
                    + " Switch to an API key (API v1.1): " + switchToApiKey(s);
        }
        return "The store no longer serves this API version. This plugin speaks API v1.1 (API key): look for a"
                + " newer version of the plugin, and at " + API_REFERENCE + ".";
    }

    /** The one warning of a build that chose API v1. */
    public static String v1Retired(ClientSettings s) {
        return words(s).settingIs(Setting.AUTH_MODE, AuthMode.CLIENT_CREDENTIALS.setting()) + " uses API v1 (client"
                + " secret and access token URL), which Microsoft retired: since February 2025 the store has answered"
                + " its uploads with HTTP 410 Gone. Switch to an API key (API v1.1): " + switchToApiKey(s);
    }

    private static String switchToApiKey(ClientSettings s) {
        CredentialsSource c = s.credentialsSource();
        String beside = words(s).tokenUrlBesideCredentials();
        return "in Partner Center (Microsoft Edge > Publish API) create an API key; " + c.putApiKeyInstead(words(s))
                + "; then remove " + setting(s, Setting.TOKEN_URL) + " and " + setting(s, Setting.AUTH_MODE)
                + " from the build" + (c.isEnvironment() || beside == null ? "" : " (and any " + beside
                        + " of that server)") + ".";
    }

    private static String sentSuffix(String sent) {
        return sent == null ? "" : " (sent: " + sent + ")";
    }


    /** {@code status} asked both endpoints and neither knows the operation. */
    public static String unknownToBothEndpoints(ClientSettings s) {
        return "Check " + setting(s, Setting.OPERATION_ID) + " (the id printed by upload or publish) and "
                + setting(s, Setting.PRODUCT_ID) + " (the product the operation belongs to).";
    }

    // ---- the network and the build ----------------------------------------------------------------------

    // ---- the token endpoint (API v1) ---------------------------------------------------------------------

    /** The token endpoint refused the client credentials (a 400 or 401 {@code invalid_client}, ...). */
    public static String tokenRefused(ClientSettings s) {
        CredentialsSource c = s.credentialsSource();
        String beside = words(s).tokenUrlBesideCredentials();
        return "Check the client ID in " + c.clientIdPlace(words(s)) + ", the client secret in " + c.secretPlace(words(s))
                + ", and the token URL (" + setting(s, Setting.TOKEN_URL) + (c.isEnvironment() || beside == null ? ""
                        : " or the server's " + beside) + ") against Partner Center (Microsoft Edge > Publish API);"
                + " client secrets expire. API v1 is retired: " + switchToApiKey(s);
    }

    /**
     * The token endpoint answered 403: it forbade the request, which is not a verdict on the client ID or secret
     * (those are refused with 400 or 401).
     */
    public static String tokenForbidden(ClientSettings s) {
        return "The identity provider forbade the token request; it did not say that the client ID or secret is"
                + " wrong. A proxy, a firewall or a policy of the tenant may block it: check "
                + setting(s, Setting.TOKEN_URL) + " and the network. API v1 is retired: " + switchToApiKey(s);
    }

    /** The token endpoint answered something that is no token. */
    public static String tokenUrlWrong(ClientSettings s) {
        return "Check " + setting(s, Setting.TOKEN_URL) + ": it must be the access token URL shown in Partner Center"
                + " (https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token), not a web page or a proxy's"
                + " sign-in page.";
    }

    // ---- the store's errorCodes --------------------------------------------------------------------------

    /** Microsoft's REST API reference of the update API. */
    public static final String API_REFERENCE =
            "https://learn.microsoft.com/microsoft-edge/extensions/update/api/addons-api-reference";

    /** The section of the API reference that describes an errorCode (normalised), or null. */
    static String referenceSection(String code, OperationKind kind) {
        switch (code) {
            case "nomodulesupdated":
            case "nothingtopublish":
                return API_REFERENCE + "#response-when-theres-nothing-new-to-be-published";
            case "inprogresssubmission":
            case "conflict":
                return API_REFERENCE + "#response-when-theres-an-in-review-submission-for-the-same-product";
            case "unpublishinprogress":
                return API_REFERENCE + "#response-when-theres-an-ongoing-unpublished-submission-for-the-same-product";
            case "modulestateunpublishable":
                return API_REFERENCE + "#response-where-any-of-the-modules-are-invalid";
            case "submissionvalidationerror":
                return API_REFERENCE + "#response-when-there-are-validation-errors-in-submission";
            case "createnotallowed":
                return API_REFERENCE + "#response-when-a-new-product-is-published";
            case "":
                return kind == OperationKind.UPLOAD
                        ? API_REFERENCE + "#response-when-the-operation-fails-with-errors"
                        : API_REFERENCE + "#response-when-the-publish-call-fails-with-an-irrecoverable-failure";
            default:
                return null;
        }
    }

    /** Hints for an operation that ended Failed, by its errorCode (current or 2021 vocabulary). */
    public static String forErrorCode(String errorCode, OperationKind kind, ClientSettings s) {
        String code = normalised(errorCode);
        String section = referenceSection(code, kind);
        String advice = errorCodeAdvice(code, kind, s);
        String text = section == null ? advice : advice + " The API reference describes this answer: " + section;
        if (kind == OperationKind.PUBLISH && isReviewInProgress(errorCode)) {
            // the command alone on the last line, so that it can be copied as printed
            text += System.lineSeparator() + "Once that review is over, publish the draft, without uploading again,"
                    + " with:" + System.lineSeparator() + "  " + s.resume().publishDraft(s.productId());
        }
        return text;
    }

    private static String normalised(String errorCode) {
        return errorCode == null ? "" : errorCode.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    /**
     * True for the store's errorCode that refuses a publish because another submission is in review
     * ({@code InProgressSubmission}, or {@code CONFLICT} in the 2021 vocabulary): Edge's word, read once here.
     */
    public static boolean isReviewInProgress(String errorCode) {
        String code = normalised(errorCode);
        return code.equals("inprogresssubmission") || code.equals("conflict");
    }

    private static String errorCodeAdvice(String code, OperationKind kind, ClientSettings s) {
        switch (code) {
            case "nomodulesupdated":
            case "nothingtopublish":
                return "The draft is identical to the version already in the store: there is nothing to publish."
                        + " Change the extension (and raise \"version\" in manifest.json), then release again.";
            case "inprogresssubmission":
            case "conflict":
                return "Another submission of this product is still in review, and the store allows one at a time."
                        + " Wait until that review ends (or cancel it in Partner Center); the uploaded draft is kept.";
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
                if (kind == OperationKind.UPLOAD) {
                    return "The store refused the package: fix what the errors above name in the extension, then run"
                            + " the release again (the product's page in Partner Center may say more).";
                }
                return "See the errors above, and the product's page in Partner Center.";
        }
    }

    // ---- after the store accepted something (the poll loop and Release) ----------------------------------

    /**
     * An HTML 404 page during a wait is the front door, not an unknown operation (which is a JSON or empty 404):
     * the wait goes on.
     */
    public static String htmlNotFoundDuringWait() {
        return "An HTML 404 page comes from the store's front door in trouble (seen during incidents), not from"
                + " an unknown operation.";
    }

    /**
     * A publish refused because another submission is in review, under {@code edge.inReview=skip}: the build
     * goes on; the draft holds this version, not published; the command for later alone on the last line.
     */
    public static String reviewInProgressSkipped(Failure f, ClientSettings s) {
        return "The store did not publish: another submission of this product is still in review (operation "
                + f.operationId() + ", errorCode " + f.errorCode() + "). " + words(s).settingIs(Setting.IN_REVIEW,
                        "skip") + ", so the build goes on: the draft in Partner Center holds this version, and it is"
                + " not published. Once that review is over, publish it, without uploading again, with:"
                + System.lineSeparator() + "  " + s.resume().publishDraft(s.productId());
    }

    /**
     * True for the store's errorCode of a publish with nothing new ({@code NoModulesUpdated}, or
     * {@code NOTHING-TO-PUBLISH} in the 2021 vocabulary): the store already has this release.
     */
    public static boolean isNothingToPublish(String errorCode) {
        String code = normalised(errorCode);
        return code.equals("nomodulesupdated") || code.equals("nothingtopublish");
    }

    /** A publish with nothing new: Edge already has this release, which is not an error. */
    public static String alreadyReleased(Failure f) {
        return "Edge already has this release: the store answered " + f.errorCode() + " for the publish (operation "
                + f.operationId() + ")" + (f.storeMessage() == null ? "" : ": \"" + f.storeMessage() + "\"")
                + ". The draft is identical to the published version, so there was nothing to publish; the build"
                + " goes on. To ship a change, change the extension and raise \"version\", then release again.";
    }

    /** Edge's line of the deploy summary after a publish the store accepted. */
    public static String summaryReleased(String submissionId) {
        return (submissionId == null ? "submitted" : "submission " + submissionId) + ", in certification review";
    }

    /** Edge's line of the deploy summary after a publish refused for a review in progress, under skip. */
    public static String summaryNotPublishedInReview(ClientSettings s) {
        return "another submission is in review and " + words(s).settingIs(Setting.IN_REVIEW, "skip")
                + "; the draft holds this version";
    }
}
