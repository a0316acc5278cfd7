package io.github.edgeaddons.client;

import java.util.Locale;

/**
 * Where a hint goes: the one home of the sentences that say what to do, as jib's
 * {@code HelpfulSuggestions} is for jib. A message says what happened (the status, the store's own words,
 * the id); the sentence about what to do comes from here, chosen by what the answer was (its status, body
 * and content type), which request it answered and the auth mode: a 401 under an API key is not a 401
 * under API v1, an HTML 404 is not a JSON one. Grouped by: HTTP answers, the network and the build, the
 * token endpoint, settings.xml, the store's errorCodes (each linking its section of Microsoft's API
 * reference).
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

    /** Which request an answer is about: the same status means different things on each. */
    public enum Request {
        /** The package upload (endpoint 1). */
        UPLOAD,
        /** The publish POST, whose body is the certification notes (endpoint 3). */
        PUBLISH,
        /** A status request of an operation (endpoints 2 and 4). */
        STATUS,
        /** The dry run's side-effect-free credential check. */
        CREDENTIAL_CHECK,
        /** Anything else (the product list). */
        OTHER
    }

    /**
     * What to do about an HTTP error answer of the store.
     *
     * @param request which request it answered
     * @param status its HTTP status
     * @param contentType its Content-Type, or null
     * @param body its body (possibly empty)
     * @param sent what the request carried, as "N bytes, content type", or null
     */
    public static String forHttpError(ClientSettings s, Request request, int status, String contentType, String body,
            String sent) {
        String b = body == null ? "" : body;
        switch (status) {
            case 400:
                if (request == Request.PUBLISH) {
                    return "The publish request's body is the certification notes" + sentSuffix(sent) + ", so the"
                            + " store refused those: check edge.notes or edge.notesFile (plain UTF-8 text); the package"
                            + " is not in question, it was uploaded before.";
                }
                if (request == Request.UPLOAD) {
                    return "The store refused the package upload" + sentSuffix(sent) + ": check that edge.file (or"
                            + " the artifact the plugin located) is the extension's .zip, with manifest.json at its"
                            + " root.";
                }
                return "The store rejected the request as malformed: check that edge.apiBaseUrl points at the Edge"
                        + " Add-ons API.";
            case 401:
                return unauthorized(s, b);
            case 403:
                return "These credentials may not act on this product: check that the API credentials belong to"
                        + " the Partner Center account that owns edge.productId.";
            case 404:
                if (isHtml(contentType, b)) {
                    return "The answer is a web page, not the API's: that is trouble at the store's front door"
                            + " (such pages came during the store's outages), not a wrong id. Try again later and"
                            + " check Partner Center; " + (request == Request.STATUS ? "the operation and the draft are"
                                    : "the draft is") + " kept.";
                }
                if (request == Request.STATUS) {
                    return "The store knows no such operation for this product: check edge.operationId (the id"
                            + " printed by upload or publish) and edge.productId.";
                }
                return "Check edge.productId: it must be the product's GUID from Partner Center (Microsoft Edge >"
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
                return "The store is throttling requests: wait a few minutes, then run the goal again; with"
                        + " edge.pollInterval set, poll less often.";
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

    /** A 401, by auth mode: an API key expires; a v1 token comes from a client secret. Names where they came from. */
    public static String unauthorized(ClientSettings s, String body) {
        CredentialsSource c = s.credentialsSource();
        if (s.authMode() == AuthMode.CLIENT_CREDENTIALS) {
            return "The store refused the access token (API v1): check the client secret in " + c.secretPlace()
                    + " (client secrets expire), the client ID in " + c.clientIdPlace() + ", and edge.scope. API v1"
                    + " is retired, so the lasting fix is an API key: " + switchToApiKey(c);
        }
        if (body != null && body.contains("Invalid Azure AD JWT")) {
            return "The store did not take the request as API-key authentication and checked it as an Azure AD"
                    + " token instead: it found no client ID header it accepts. Check that " + c.clientIdPlace()
                    + " is the client ID shown in Partner Center (Microsoft Edge > Publish API), and that nothing on"
                    + " the way (a proxy) drops or renames the headers X-ClientID and Authorization: ApiKey. The API"
                    + " key itself may be fine.";
        }
        return "The credentials were refused. Partner Center API keys expire after 72 days: create a new"
                + " key in Partner Center (Microsoft Edge > Publish API), then update the API key in "
                + c.secretPlace() + " (and the client ID in " + c.clientIdPlace() + ")"
                + (c.isEnvironment() ? ", e.g. the repository's secret that sets it" : "") + ".";
    }

    /** A 410 from any endpoint: the store no longer serves this API version. */
    public static String gone(ClientSettings s) {
        if (s.authMode() == AuthMode.CLIENT_CREDENTIALS) {
            return "The store no longer serves this API version: API v1 (client secret and access token URL,"
                    + " edge.authMode=clientCredentials) is retired. Switch to an API key (API v1.1): "
                    + switchToApiKey(s.credentialsSource());
        }
        return "The store no longer serves this API version. This plugin speaks API v1.1 (API key): look for a"
                + " newer version of the plugin, and at " + API_REFERENCE + ".";
    }

    /** The one warning of a build that chose API v1. */
    public static String v1Retired(ClientSettings s) {
        return "edge.authMode=clientCredentials uses API v1 (client secret and access token URL), which Microsoft"
                + " retired: since February 2025 the store has answered its uploads with HTTP 410 Gone. Switch to"
                + " an API key (API v1.1): " + switchToApiKey(s.credentialsSource());
    }

    private static String switchToApiKey(CredentialsSource c) {
        return "in Partner Center (Microsoft Edge > Publish API) create an API key; " + c.putApiKeyInstead()
                + "; then remove edge.tokenUrl and edge.authMode from the build"
                + (c.isEnvironment() ? "" : " (and any <configuration><tokenUrl> of that server)") + ".";
    }

    private static String sentSuffix(String sent) {
        return sent == null ? "" : " (sent: " + sent + ")";
    }

    /** True when an answer is an HTML page (by its Content-Type, or by its first character). */
    public static boolean isHtml(String contentType, String body) {
        return Http.isHtml(contentType, body);
    }

    /** The store accepted a request but its answer names no operation to follow. */
    public static String acceptedButNotFollowable() {
        return "Check the product in Partner Center.";
    }

    /** A redirect is never followed. */
    public static String redirectNotFollowed(String location) {
        return "It redirects to " + location + "; redirects are not followed, so credentials never go to another"
                + " host. Check edge.apiBaseUrl.";
    }

    /** A JSON or empty 404 to a status request: the ids. */
    public static String unknownOperation(ClientSettings s, String operationId) {
        return "The store does not know operation " + operationId + " for product " + s.productId() + ": check"
                + " edge.operationId (the id printed by upload or publish) and edge.productId.";
    }

    /** {@code status} asked both endpoints and neither knows the operation. */
    public static String unknownToBothEndpoints() {
        return "Check edge.operationId (the id printed by upload or publish) and edge.productId (the product the"
                + " operation belongs to).";
    }

    // ---- the network and the build ----------------------------------------------------------------------

    /** A host name that does not resolve. */
    public static String unknownHost() {
        return "Check edge.apiBaseUrl (and edge.tokenUrl) and the network or proxy settings.";
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
    public static String forNetworkFailure(java.io.IOException e) {
        if (e instanceof java.net.UnknownHostException) {
            return unknownHost();
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return untrustedTls();
        }
        return networkTrouble();
    }

    /** Maven runs offline and the goal needs the store. */
    public static String offline(String goal) {
        return "Maven is offline (-o, or <offline>true</offline> in settings.xml), and " + goal + " must talk to"
                + " the store: run the build without -o. To see what would be sent without any network, use"
                + " -Dedge.dryRun=true (without edge.checkCredentials).";
    }

    /** The notes file that the publish of this build would read is not usable; upload checks it first. */
    public static String notesBeforeUpload() {
        return "upload checks it before sending the zip because publish follows in this build: fix"
                + " edge.notesFile first, so that the draft is not replaced by a release that cannot be published.";
    }

    // ---- the token endpoint (API v1) ---------------------------------------------------------------------

    /** The token endpoint refused the client credentials (a 400 or 401 {@code invalid_client}, ...). */
    public static String tokenRefused(ClientSettings s) {
        CredentialsSource c = s.credentialsSource();
        return "Check the client ID in " + c.clientIdPlace() + ", the client secret in " + c.secretPlace()
                + ", and the token URL (edge.tokenUrl" + (c.isEnvironment() ? "" : " or the server's"
                        + " <configuration><tokenUrl>") + ") against Partner Center (Microsoft Edge > Publish API);"
                + " client secrets expire. API v1 is retired: " + switchToApiKey(c);
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

    /** The token endpoint answered something that is no token. */
    public static String tokenUrlWrong() {
        return "Check edge.tokenUrl: it must be the access token URL shown in Partner Center"
                + " (https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token), not a web page or a proxy's"
                + " sign-in page.";
    }

    // ---- settings.xml ------------------------------------------------------------------------------------

    /** No {@code <server>} with the id, and no credentials in the environment either: both ways. */
    public static String addCredentials(String id, String clientIdVariable, String secretVariable, boolean oauth) {
        return "Give the client ID and " + (oauth ? "client secret" : "API key") + " from Partner Center"
                + " (Microsoft Edge > Publish API) either way: export " + clientIdVariable + " and " + secretVariable
                + " (in CI, from the repository's secrets), or add to ~/.m2/settings.xml (or the file given with -s)"
                + " <server><id>" + id + "</id><username>CLIENT_ID</username><password>"
                + (oauth ? "CLIENT_SECRET" : "API_KEY") + "</password></server>.";
    }

    /** An encrypted password that could not be decrypted. */
    public static String checkMasterPassword() {
        return "Check ~/.m2/settings-security.xml (the master password made with mvn --encrypt-master-password), or"
                + " encrypt the password again with mvn --encrypt-password.";
    }

    /** A {@code <username>} that is missing. */
    public static String putClientId() {
        return "put the client ID from Partner Center (Microsoft Edge > Publish API) there.";
    }

    /** A {@code <password>} that is missing. */
    public static String putApiKey() {
        return "put the API key from Partner Center (Microsoft Edge > Publish API) there (or, for the retired API"
                + " v1, the client secret).";
    }

    /** An {@code ${env.X}} left unresolved. */
    public static String exportVariable() {
        return "Export it before running Maven, e.g. in CI from the repository's secrets.";
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
        String code = errorCode == null ? "" : errorCode.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        String section = referenceSection(code, kind);
        String advice = errorCodeAdvice(code, kind, s);
        return section == null ? advice : advice + " The API reference describes this answer: " + section;
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

    // ---- waits on an accepted operation (the poll loop and Release) ----------------------------------------

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

    /** For any failure of a publish after this build's upload succeeded: the draft is in Partner Center. */
    public static String draftUploaded(String uploadOperationId) {
        return "This build's upload succeeded (operation " + uploadOperationId + "), so the uploaded draft is in"
                + " Partner Center; the release does not need to upload it again.";
    }

    /** How to publish the draft already in Partner Center; the command alone on the last line. */
    public static String publishDraftAgain(ClientSettings s) {
        return "Publish it, without uploading again, with:" + System.lineSeparator() + "  "
                + s.resume().publishDraft(s.productId());
    }

    /** For an operation that stopped without a verdict ({@code Cancelled}, ...). */
    public static String operationStopped(OperationKind kind, ClientSettings s) {
        return "It will not finish by itself. Check the product in Partner Center (someone may have cancelled the"
                + " submission there), then " + (kind == OperationKind.PUBLISH
                        ? "publish again with " + s.resume().publishDraft(s.productId())
                        : "run the release again") + ".";
    }
}
