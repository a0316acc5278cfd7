package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.Credentials;
import io.github.edgeaddons.core.CredentialsSource;
import io.github.edgeaddons.core.Failure;
import io.github.edgeaddons.core.OperationKind;
import io.github.edgeaddons.core.StoreException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.maven.MavenVocabulary;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one home of "what to do" sentences, pinned: one golden test per hint, in Maven's words (the only
 * place besides the ITs and the fault campaign where a sentence is compared; every other test asserts the
 * facts of a {@link Failure}). Rewording a hint changes its golden test here, on purpose.
 */
class HintsTest {
    private static final String NL = System.lineSeparator();
    private static final String BASE = "https://learn.microsoft.com/microsoft-edge/extensions/update/api/"
            + "addons-api-reference";
    private static final String SENT = "12 bytes, text/plain";

    private static ClientSettings.Builder builder(boolean v1) {
        ClientSettings.Builder b = ClientSettings.builder()
                .resume(MavenVocabulary.commands())
                .apiBaseUrl(URI.create("https://api.addons.microsoftedge.microsoft.com"))
                .productId("d34f98f5-f9b7-42b1-bebb-98707202b21d")
                .credentials(new Credentials("client", v1 ? "secret" : "key"))
                .serverId("edge-ci");
        if (v1) {
            b.authMode(AuthMode.CLIENT_CREDENTIALS)
                    .tokenUrl(URI.create("https://login.microsoftonline.com/t/oauth2/v2.0/token"));
        }
        return b;
    }

    private static ClientSettings apiKey() {
        return builder(false).build();
    }

    private static ClientSettings v1() {
        return builder(true).build();
    }

    private static ClientSettings apiKeyFromEnvironment() {
        return builder(false).credentialsSource(
                CredentialsSource.environment("EDGE_CLIENT_ID", "EDGE_API_KEY", "EDGE_API_KEY")).build();
    }

    private static ClientSettings v1FromEnvironment() {
        return builder(true).credentialsSource(
                CredentialsSource.environment("EDGE_CLIENT_ID", "EDGE_CLIENT_SECRET", "EDGE_API_KEY")).build();
    }

    private static Failure answer(Failure.Request request, int status, boolean html) {
        return Failure.of(StoreException.Kind.HTTP, request).answer(status, html);
    }

    /** A publish whose fate is unknown is not repeated; the command publishes the draft. */
    @Test
    void publishMayHaveReachedTheStore() {
        assertEquals("The request may have reached the store, so it was not sent again (a second publish could"
                + " start a duplicate submission). Check the product in Partner Center: if a submission is"
                + " in review, nothing is left to do; otherwise publish again with mvn edge-addons:publish"
                + " -Dedge.productId=d34f98f5-f9b7-42b1-bebb-98707202b21d -Dedge.requireUpload=false.",
                Hints.publishMayHaveReachedTheStore(apiKey()));
    }

    /** 400 to the publish: the notes. */
    @Test
    void badRequestToPublishIsTheNotes() {
        assertEquals("The publish request's body is the certification notes (sent: 12 bytes, text/plain), so"
                + " the store refused those: check edge.notes or edge.notesFile (plain UTF-8 text); the"
                + " package is not in question, it was uploaded before.",
                Hints.forHttpError(apiKey(), answer(Failure.Request.PUBLISH, 400, false), SENT));
    }

    /** 400 to the upload: the zip. */
    @Test
    void badRequestToUploadIsThePackage() {
        assertEquals("The store refused the package upload (sent: 12 bytes, text/plain): check that edge.file"
                + " (or the artifact the plugin located) is the extension's .zip, with manifest.json at its"
                + " root.",
                Hints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD, 400, false), SENT));
    }

    /** 400 to another request: the endpoint. */
    @Test
    void badRequestElsewhereIsTheEndpoint() {
        assertEquals("The store rejected the request as malformed: check that edge.apiBaseUrl points at the"
                + " Edge Add-ons API.",
                Hints.forHttpError(apiKey(), answer(Failure.Request.PRODUCT_LIST, 400, false), SENT));
    }

    /** 401 under an API key from settings.xml: keys expire after 72 days. */
    @Test
    void unauthorizedApiKeyExpires() {
        assertEquals("The credentials were refused. Partner Center API keys expire after 72 days: create a new"
                + " key in Partner Center (Microsoft Edge > Publish API), then update the API key in the"
                + " <password> of <server> 'edge-ci' in settings.xml (and the client ID in the <username> of"
                + " <server> 'edge-ci' in settings.xml).",
                Hints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD, 401, false), null));
    }

    /** 401 under an API key from the environment: names the variables. */
    @Test
    void unauthorizedApiKeyFromTheEnvironment() {
        assertEquals("The credentials were refused. Partner Center API keys expire after 72 days: create a new"
                + " key in Partner Center (Microsoft Edge > Publish API), then update the API key in the"
                + " environment variable EDGE_API_KEY (and the client ID in the environment variable"
                + " EDGE_CLIENT_ID), e.g. the repository's secret that sets it.",
                Hints.unauthorized(apiKeyFromEnvironment(), false));
    }

    /** 401 whose body says the store checked an Azure AD token: the headers, not the key. */
    @Test
    void unauthorizedKeyHeadersNotTaken() {
        assertEquals("The store did not take the request as API-key authentication and checked it as an Azure"
                + " AD token instead: it found no client ID header it accepts. Check that the <username> of"
                + " <server> 'edge-ci' in settings.xml is the client ID shown in Partner Center (Microsoft"
                + " Edge > Publish API), and that nothing on the way (a proxy) drops or renames the headers"
                + " X-ClientID and Authorization: ApiKey. The API key itself may be fine.",
                Hints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD, 401, false).keyHeadersNotTaken(true), null));
    }

    /** 401 under API v1: the client secret, and the switch to an API key. */
    @Test
    void unauthorizedV1() {
        assertEquals("The store refused the access token (API v1): check the client secret in the <password> of"
                + " <server> 'edge-ci' in settings.xml (client secrets expire), the client ID in the"
                + " <username> of <server> 'edge-ci' in settings.xml, and edge.scope. API v1 is retired, so"
                + " the lasting fix is an API key: in Partner Center (Microsoft Edge > Publish API) create"
                + " an API key; in settings.xml put the client ID in the <username> and the API key in the"
                + " <password> of <server> 'edge-ci'; then remove edge.tokenUrl and edge.authMode from the"
                + " build (and any <configuration><tokenUrl> of that server).",
                Hints.forHttpError(v1(), answer(Failure.Request.UPLOAD, 401, false), null));
    }

    /** 403: the credentials may not act on the product. */
    @Test
    void forbidden() {
        assertEquals("These credentials may not act on this product: check that the API credentials belong to"
                + " the Partner Center account that owns edge.productId.",
                Hints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD, 403, false), null));
    }

    /** An HTML 404 page is the front door, not a wrong id. */
    @Test
    void htmlNotFoundIsTheFrontDoor() {
        assertEquals("The answer is a web page, not the API's: that is trouble at the store's front door (such"
                + " pages came during the store's outages), not a wrong id. Try again later and check"
                + " Partner Center; the draft is kept.",
                Hints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD, 404, true), null));
    }

    /** An HTML 404 to a status request: the operation is kept too. */
    @Test
    void htmlNotFoundToAStatusRequestKeepsTheOperation() {
        assertEquals("The answer is a web page, not the API's: that is trouble at the store's front door (such"
                + " pages came during the store's outages), not a wrong id. Try again later and check"
                + " Partner Center; the operation and the draft are kept.",
                Hints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD_STATUS, 404, true), null));
    }

    /** A JSON 404 to a status request: the operation id. */
    @Test
    void notFoundToAStatusRequestIsTheIds() {
        assertEquals("The store knows no such operation for this product: check edge.operationId (the id"
                + " printed by upload or publish) and edge.productId.",
                Hints.forHttpError(apiKey(), answer(Failure.Request.PUBLISH_STATUS, 404, false), null));
    }

    /** A JSON 404 to another request: the product id. */
    @Test
    void notFoundIsTheProductId() {
        assertEquals("Check edge.productId: it must be the product's GUID from Partner Center (Microsoft Edge >"
                + " Overview > your extension), not the store listing's ID, and belong to the account of"
                + " these credentials.",
                Hints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD, 404, false), null));
    }

    /** 408: the upload was too slow. */
    @Test
    void requestTimeout() {
        assertEquals("The store gave up waiting for the request: the upload was too slow. Retry on a faster"
                + " connection or reduce the package size.",
                Hints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD, 408, false), null));
    }

    /** 410 under an API key: a newer plugin. */
    @Test
    void goneUnderApiKey() {
        assertEquals("The store no longer serves this API version. This plugin speaks API v1.1 (API key): look"
                + " for a newer version of the plugin, and at"
                + " https://learn.microsoft.com/microsoft-edge/extensions/update/api/addons-api-reference.",
                Hints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD, 410, false), null));
    }

    /** 410 under API v1: v1 is retired; switch to an API key. */
    @Test
    void goneUnderV1() {
        assertEquals("The store no longer serves this API version: API v1 (client secret and access token URL,"
                + " edge.authMode=clientCredentials) is retired. Switch to an API key (API v1.1): in Partner"
                + " Center (Microsoft Edge > Publish API) create an API key; in settings.xml put the client"
                + " ID in the <username> and the API key in the <password> of <server> 'edge-ci'; then"
                + " remove edge.tokenUrl and edge.authMode from the build (and any <configuration><tokenUrl>"
                + " of that server).",
                Hints.gone(v1()));
    }

    /** 413: the package is too large. */
    @Test
    void tooLarge() {
        assertEquals("The package is larger than the store accepts: reduce its size.",
                Hints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD, 413, false), null));
    }

    /** 415: names what was sent. */
    @Test
    void unsupportedMediaType() {
        assertEquals("The store did not accept the content type of the request (sent: 12 bytes, text/plain).",
                Hints.forHttpError(apiKey(), answer(Failure.Request.PUBLISH, 415, false), SENT));
    }

    /** 429: wait, and poll less often. */
    @Test
    void throttled() {
        assertEquals("The store is throttling requests: wait a few minutes, then run the goal again; with"
                + " edge.pollInterval set, poll less often.",
                Hints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD, 429, false), null));
    }

    /** 5xx: outages last weeks; drafts are kept. */
    @Test
    void serverError() {
        assertEquals("The store had a server-side problem. Its outages have lasted from hours to weeks (2024,"
                + " 2025), and drafts in Partner Center were kept throughout: run the goal again later, and"
                + " check Partner Center.",
                Hints.forHttpError(apiKey(), answer(Failure.Request.PUBLISH, 502, false), null));
    }

    /** Any other status: the configuration against the answer. */
    @Test
    void otherClientError() {
        assertEquals("Check the configuration against the store's answer above (the API's answers:"
                + " https://learn.microsoft.com/microsoft-edge/extensions/update/api/addons-api-reference#err"
                + "or-codes).",
                Hints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD, 418, false), null));
    }

    /** The one warning of a build on API v1. */
    @Test
    void v1Retired() {
        assertEquals("edge.authMode=clientCredentials uses API v1 (client secret and access token URL), which"
                + " Microsoft retired: since February 2025 the store has answered its uploads with HTTP 410"
                + " Gone. Switch to an API key (API v1.1): in Partner Center (Microsoft Edge > Publish API)"
                + " create an API key; in settings.xml put the client ID in the <username> and the API key"
                + " in the <password> of <server> 'edge-ci'; then remove edge.tokenUrl and edge.authMode"
                + " from the build (and any <configuration><tokenUrl> of that server).",
                Hints.v1Retired(v1()));
    }

    /** The same, with the credentials in the environment. */
    @Test
    void v1RetiredFromTheEnvironment() {
        assertEquals("edge.authMode=clientCredentials uses API v1 (client secret and access token URL), which"
                + " Microsoft retired: since February 2025 the store has answered its uploads with HTTP 410"
                + " Gone. Switch to an API key (API v1.1): in Partner Center (Microsoft Edge > Publish API)"
                + " create an API key; set EDGE_API_KEY to the API key (in CI, from the repository's"
                + " secrets) in place of EDGE_CLIENT_SECRET; EDGE_CLIENT_ID stays the client ID; then remove"
                + " edge.tokenUrl and edge.authMode from the build.",
                Hints.v1Retired(v1FromEnvironment()));
    }

    /** The token endpoint refused the client credentials. */
    @Test
    void tokenRefused() {
        assertEquals("Check the client ID in the <username> of <server> 'edge-ci' in settings.xml, the client"
                + " secret in the <password> of <server> 'edge-ci' in settings.xml, and the token URL"
                + " (edge.tokenUrl or the server's <configuration><tokenUrl>) against Partner Center"
                + " (Microsoft Edge > Publish API); client secrets expire. API v1 is retired: in Partner"
                + " Center (Microsoft Edge > Publish API) create an API key; in settings.xml put the client"
                + " ID in the <username> and the API key in the <password> of <server> 'edge-ci'; then"
                + " remove edge.tokenUrl and edge.authMode from the build (and any <configuration><tokenUrl>"
                + " of that server).",
                Hints.tokenRefused(v1()));
    }

    /** The token endpoint forbade the request (403): not a refusal of the client credentials. */
    @Test
    void tokenForbidden() {
        assertEquals("The identity provider forbade the token request; it did not say that the client ID or secret"
                + " is wrong. A proxy, a firewall or a policy of the tenant may block it: check edge.tokenUrl and the"
                + " network. API v1 is retired: in Partner Center (Microsoft Edge > Publish API) create an API key;"
                + " in settings.xml put the client ID in the <username> and the API key in the <password> of"
                + " <server> 'edge-ci'; then remove edge.tokenUrl and edge.authMode from the build (and any"
                + " <configuration><tokenUrl> of that server).",
                Hints.tokenForbidden(v1()));
    }

    /** The token endpoint throttles: not a refusal. */
    @Test
    void tokenUnavailableThrottled() {
        assertEquals("The identity provider is throttling token requests; it did not refuse the client ID or"
                + " secret. Wait a few minutes, then run the goal again.",
                Hints.tokenUnavailable(429));
    }

    /** The token endpoint has trouble: not a refusal. */
    @Test
    void tokenUnavailableServerError() {
        assertEquals("The identity provider had a server-side problem; it did not refuse the client ID or"
                + " secret. Run the goal again later.",
                Hints.tokenUnavailable(500));
    }

    /** The token endpoint answered no token: the URL. */
    @Test
    void tokenUrlWrong() {
        assertEquals("Check edge.tokenUrl: it must be the access token URL shown in Partner Center"
                + " (https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token), not a web page or a"
                + " proxy's sign-in page.",
                Hints.tokenUrlWrong(v1()));
    }

    /** A redirect is not followed. */
    @Test
    void redirectNotFollowed() {
        assertEquals("It redirects to https://x/; redirects are not followed, so credentials never go to"
                + " another host. Check edge.apiBaseUrl.",
                Hints.redirectNotFollowed(apiKey(), "https://x/"));
    }

    /** A status request about an operation the store does not know. */
    @Test
    void unknownOperation() {
        assertEquals("The store does not know operation op-1 for product d34f98f5-f9b7-42b1-bebb-98707202b21d:"
                + " check edge.operationId (the id printed by upload or publish) and edge.productId.",
                Hints.unknownOperation(apiKey(), "op-1"));
    }

    /** status asked both endpoints; neither knows the operation. */
    @Test
    void unknownToBothEndpoints() {
        assertEquals("Check edge.operationId (the id printed by upload or publish) and edge.productId (the"
                + " product the operation belongs to).",
                Hints.unknownToBothEndpoints(apiKey()));
    }

    /** A host name that does not resolve. */
    @Test
    void unknownHost() {
        assertEquals("Check edge.apiBaseUrl (and edge.tokenUrl) and the network or proxy settings.",
                Hints.forNetworkFailure(apiKey(), new java.net.UnknownHostException("h")));
    }

    /** A TLS handshake that failed. */
    @Test
    void untrustedTls() {
        assertEquals("The TLS handshake failed: the server's certificate is not trusted by this JDK. Add the"
                + " certificate of your network's TLS inspection proxy to the JDK trust store"
                + " (javax.net.ssl.trustStore); certificate checks cannot be turned off.",
                Hints.forNetworkFailure(apiKey(), new javax.net.ssl.SSLException("h")));
    }

    /** Any other network failure. */
    @Test
    void networkTrouble() {
        assertEquals("Check the network or proxy settings, then run the goal again.",
                Hints.forNetworkFailure(apiKey(), new java.io.IOException("h")));
    }

    /** A 202 without an operation to follow. */
    @Test
    void acceptedButNotFollowable() {
        assertEquals("Check the product in Partner Center.",
                Hints.acceptedButNotFollowable());
    }

    /** errorCode NoModulesUpdated of a failed publish. */
    @Test
    void errorCode_nothingToPublish() {
        assertEquals("The draft is identical to the version already in the store: there is nothing to publish."
                + " Change the extension (and raise \"version\" in manifest.json), then release again. The"
                + " API reference describes this answer:"
                + " https://learn.microsoft.com/microsoft-edge/extensions/update/api/addons-api-reference#res"
                + "ponse-when-theres-nothing-new-to-be-published",
                Hints.forErrorCode("NoModulesUpdated", OperationKind.PUBLISH, apiKey()));
    }

    /** errorCode InProgressSubmission of a failed publish. */
    @Test
    void errorCode_inProgressSubmission() {
        assertEquals("Another submission of this product is still in review, and the store allows one at a"
                + " time. Wait until that review ends (or cancel it in Partner Center); the uploaded draft is kept."
                + " The API reference describes this answer: " + BASE
                + "#response-when-theres-an-in-review-submission-for-the-same-product" + NL
                + "Once that review is over, publish the draft, without uploading again, with:" + NL
                + "  mvn edge-addons:publish -Dedge.productId=d34f98f5-f9b7-42b1-bebb-98707202b21d"
                + " -Dedge.requireUpload=false",
                Hints.forErrorCode("InProgressSubmission", OperationKind.PUBLISH, apiKey()));
    }

    /** An unknown errorCode of a failed upload: the package is to fix. */
    @Test
    void errorCode_unknownErrorCodeOfAnUpload() {
        assertEquals("The store refused the package: fix what the errors above name in the extension, then run the"
                + " release again (the product's page in Partner Center may say more).",
                Hints.forErrorCode("InvalidPackage", OperationKind.UPLOAD, apiKey()));
    }

    /** errorCode UnpublishInProgress of a failed publish. */
    @Test
    void errorCode_unpublishInProgress() {
        assertEquals("The product is being unpublished. Wait until that finishes in Partner Center, then"
                + " release again. The API reference describes this answer:"
                + " https://learn.microsoft.com/microsoft-edge/extensions/update/api/addons-api-reference#res"
                + "ponse-when-theres-an-ongoing-unpublished-submission-for-the-same-product",
                Hints.forErrorCode("UnpublishInProgress", OperationKind.PUBLISH, apiKey()));
    }

    /** errorCode ModuleStateUnPublishable of a failed publish. */
    @Test
    void errorCode_moduleStateUnpublishable() {
        assertEquals("Some part of the draft is not in a publishable state (see the errors). Fix it in Partner"
                + " Center (Microsoft Edge > your extension), then publish again. The API reference"
                + " describes this answer:"
                + " https://learn.microsoft.com/microsoft-edge/extensions/update/api/addons-api-reference#res"
                + "ponse-where-any-of-the-modules-are-invalid",
                Hints.forErrorCode("ModuleStateUnPublishable", OperationKind.PUBLISH, apiKey()));
    }

    /** errorCode SubmissionValidationError of a failed publish. */
    @Test
    void errorCode_submissionValidationError() {
        assertEquals("The submission failed the store's validation (see the errors). Fix the listed problems in"
                + " the package or in Partner Center, then release again. The API reference describes this"
                + " answer:"
                + " https://learn.microsoft.com/microsoft-edge/extensions/update/api/addons-api-reference#res"
                + "ponse-when-there-are-validation-errors-in-submission",
                Hints.forErrorCode("SubmissionValidationError", OperationKind.PUBLISH, apiKey()));
    }

    /** errorCode CreateNotAllowed of a failed publish. */
    @Test
    void errorCode_createNotAllowed() {
        assertEquals("The store does not allow a new submission for this product now: check the product's state"
                + " in Partner Center (it must have been published once by hand). The API reference"
                + " describes this answer:"
                + " https://learn.microsoft.com/microsoft-edge/extensions/update/api/addons-api-reference#res"
                + "ponse-when-a-new-product-is-published",
                Hints.forErrorCode("CreateNotAllowed", OperationKind.PUBLISH, apiKey()));
    }

    /** errorCode (none) of a failed publish. */
    @Test
    void errorCode_noReasonForAPublish() {
        assertEquals("The store gave no reason. This is often temporary, and the draft is kept: publish again"
                + " later with mvn edge-addons:publish -Dedge.productId=d34f98f5-f9b7-42b1-bebb-98707202b21d"
                + " -Dedge.requireUpload=false, or check Partner Center. The API reference describes this"
                + " answer:"
                + " https://learn.microsoft.com/microsoft-edge/extensions/update/api/addons-api-reference#res"
                + "ponse-when-the-publish-call-fails-with-an-irrecoverable-failure",
                Hints.forErrorCode("", OperationKind.PUBLISH, apiKey()));
    }

    /** errorCode (none) of a failed upload. */
    @Test
    void errorCode_noReasonForAnUpload() {
        assertEquals("The store gave no reason. This often means an earlier version is still in review"
                + " (publishing is blocked until it ends), or the package failed processing: check Partner"
                + " Center, then run the release again. The API reference describes this answer:"
                + " https://learn.microsoft.com/microsoft-edge/extensions/update/api/addons-api-reference#res"
                + "ponse-when-the-operation-fails-with-errors",
                Hints.forErrorCode("", OperationKind.UPLOAD, apiKey()));
    }

    /** errorCode Weird of a failed publish. */
    @Test
    void errorCode_unknownErrorCode() {
        assertEquals("See the errors above, and the product's page in Partner Center.",
                Hints.forErrorCode("Weird", OperationKind.PUBLISH, apiKey()));
    }

    /** How to look at an accepted upload later. */
    @Test
    void resumeWaitingForAnUpload() {
        assertEquals("Check it later with:"
                + NL + "  mvn edge-addons:status -Dedge.productId=d34f98f5-f9b7-42b1-bebb-98707202b21d"
                + " -Dedge.operationId=op-1",
                Hints.resumeWaiting(OperationKind.UPLOAD, "op-1", apiKey()));
    }

    /** How to resume the wait for an accepted publish. */
    @Test
    void resumeWaitingForAPublish() {
        assertEquals("Resume waiting with:"
                + NL + "  mvn edge-addons:await -Dedge.productId=d34f98f5-f9b7-42b1-bebb-98707202b21d"
                + " -Dedge.operationId=op-1",
                Hints.resumeWaiting(OperationKind.PUBLISH, "op-1", apiKey()));
    }

    /** What the store holds after an accepted upload. */
    @Test
    void acceptedBeforeAnUploadFailure() {
        assertEquals("The store had accepted the upload (operation op-1) before this failure: the package may"
                + " be in the draft already.",
                Hints.acceptedBeforeTheFailure(OperationKind.UPLOAD, "op-1"));
    }

    /** What the store holds after an accepted publish. */
    @Test
    void acceptedBeforeAPublishFailure() {
        assertEquals("The store had accepted the publish (operation op-1) before this failure: do not publish"
                + " again before you know how it ended (a second publish is refused while one is in review).",
                Hints.acceptedBeforeTheFailure(OperationKind.PUBLISH, "op-1"));
    }

    /** A publish failed after this build's upload succeeded. */
    @Test
    void draftUploaded() {
        assertEquals("This build's upload succeeded (operation op-0), so the uploaded draft is in Partner"
                + " Center; the release does not need to upload it again.",
                Hints.draftUploaded("op-0"));
    }

    /** How to publish the draft without uploading again. */
    @Test
    void publishDraftAgain() {
        assertEquals("Publish it, without uploading again, with:"
                + NL + "  mvn edge-addons:publish -Dedge.productId=d34f98f5-f9b7-42b1-bebb-98707202b21d"
                + " -Dedge.requireUpload=false",
                Hints.publishDraftAgain(apiKey()));
    }

    /** A publish that stopped without a verdict. */
    @Test
    void operationStoppedPublish() {
        assertEquals("It will not finish by itself. Check the product in Partner Center (someone may have"
                + " cancelled the submission there), then publish again with mvn edge-addons:publish"
                + " -Dedge.productId=d34f98f5-f9b7-42b1-bebb-98707202b21d -Dedge.requireUpload=false.",
                Hints.operationStopped(OperationKind.PUBLISH, apiKey()));
    }

    /** An upload that stopped without a verdict. */
    @Test
    void operationStoppedUpload() {
        assertEquals("It will not finish by itself. Check the product in Partner Center (someone may have"
                + " cancelled the submission there), then run the release again.",
                Hints.operationStopped(OperationKind.UPLOAD, apiKey()));
    }

    /** After a failure of the wait on an accepted publish: what the store holds, then the command alone. */
    @Test
    void afterAcceptance() {
        Failure f = Failure.of(StoreException.Kind.TIMEOUT, Failure.Request.PUBLISH_STATUS).operation("op-1", null)
                .acceptedBefore(true);
        assertEquals("The store had accepted the publish (operation op-1) before this failure: do not publish again"
                + " before you know how it ended (a second publish is refused while one is in review)." + NL
                + "Resume waiting with:" + NL
                + "  mvn edge-addons:await -Dedge.productId=d34f98f5-f9b7-42b1-bebb-98707202b21d"
                + " -Dedge.operationId=op-1",
                Hints.afterAcceptance(f, OperationKind.PUBLISH, apiKey()));
    }

    /** A review in progress under edge.inReview=skip: the build goes on, the draft is not published. */
    @Test
    void reviewInProgressSkipped() {
        Failure f = Failure.of(StoreException.Kind.OPERATION_FAILED, Failure.Request.PUBLISH_STATUS)
                .operation("op-1", null).store("InProgressSubmission", null, null).verdict(Failure.Verdict.FAILED);
        assertEquals("The store did not publish: another submission of this product is still in review (operation"
                + " op-1, errorCode InProgressSubmission). edge.inReview=skip, so the build goes on: the draft in"
                + " Partner Center holds this version, and it is not published. Once that review is over, publish"
                + " it, without uploading again, with:" + NL
                + "  mvn edge-addons:publish -Dedge.productId=d34f98f5-f9b7-42b1-bebb-98707202b21d"
                + " -Dedge.requireUpload=false",
                Hints.reviewInProgressSkipped(f, apiKey()));
    }

    /** status found a Succeeded upload: what comes next. */
    @Test
    void uploadInDraft() {
        assertEquals("The draft in Partner Center holds this upload. Publish it, without uploading again, with:" + NL
                + "  mvn edge-addons:publish -Dedge.productId=d34f98f5-f9b7-42b1-bebb-98707202b21d"
                + " -Dedge.requireUpload=false",
                Hints.uploadInDraft(apiKey()));
    }

    /** A publish that no await follows: the verdict is not known yet. */
    @Test
    void publishVerdictNotKnown() {
        assertEquals("The store has not said yet whether it created the submission (only the publish operation's"
                + " status says so). Follow it to its verdict with:" + NL
                + "  mvn edge-addons:await -Dedge.productId=d34f98f5-f9b7-42b1-bebb-98707202b21d"
                + " -Dedge.operationId=op-1",
                Hints.publishVerdictNotKnown("op-1", apiKey()));
    }

    /** A status word this plugin does not know, during a wait. */
    @Test
    void unknownStatusWord() {
        assertEquals("The store reports the status 'Paused' for publish operation op-1, a word this plugin does not"
                + " know. It keeps asking until the status is Succeeded or Failed, or until edge.timeout (1m30s left);"
                + " check the product in Partner Center meanwhile.",
                Hints.unknownStatusWord(OperationKind.PUBLISH, "op-1", "Paused", java.time.Duration.ofSeconds(90),
                        apiKey()));
    }

    /** What an answer that keeps a wait going means, where its status alone does not say. */
    @Test
    void duringWait() {
        assertEquals("An HTML 404 page comes from the store's front door in trouble (seen during incidents), not from"
                + " an unknown operation.", Hints.duringWait(404, false));
        assertEquals("The store is throttling requests without saying for how long.", Hints.duringWait(429, false));
        assertEquals(null, Hints.duringWait(429, true));
        assertEquals(null, Hints.duringWait(503, false));
    }

    /** The first failure of a streak during a wait: the wait goes on. */
    @Test
    void waitGoesOn() {
        assertEquals("The store accepted the upload (operation op-1), so the wait goes on until edge.timeout (1m30s"
                + " left): asking again in 4s, and less often from now on.",
                Hints.waitGoesOn(OperationKind.UPLOAD, "op-1", java.time.Duration.ofSeconds(90),
                        java.time.Duration.ofSeconds(4), true, apiKey()));
    }

    /** After a verdict (Failed, stopped) nothing follows: its own advice says what to fix, not to wait again. */
    @Test
    void afterAVerdictNothingFollows() {
        Failure failed = Failure.of(StoreException.Kind.OPERATION_FAILED, Failure.Request.PUBLISH_STATUS)
                .operation("op-1", null).acceptedBefore(true).verdict(Failure.Verdict.FAILED);
        assertEquals(null, Hints.afterAcceptance(failed, OperationKind.PUBLISH, apiKey()));
        assertEquals(null, Hints.afterAcceptance(failed.verdict(Failure.Verdict.STOPPED), OperationKind.UPLOAD,
                apiKey()));
    }

    /** After a failed publish that followed this build's upload: the draft, and the command once. */
    @Test
    void afterUpload() {
        Failure refused = answer(Failure.Request.PUBLISH, 400, false);
        assertEquals("This build's upload succeeded (operation op-0), so the uploaded draft is in Partner Center;"
                + " the release does not need to upload it again." + NL
                + "Publish it, without uploading again, with:" + NL
                + "  mvn edge-addons:publish -Dedge.productId=d34f98f5-f9b7-42b1-bebb-98707202b21d"
                + " -Dedge.requireUpload=false",
                Hints.afterUpload(refused, "op-0", apiKey()));
        // a publish that may have reached the store printed the command already (publishMayHaveReachedTheStore)
        assertEquals("This build's upload succeeded (operation op-0), so the uploaded draft is in Partner Center;"
                + " the release does not need to upload it again.",
                Hints.afterUpload(answer(Failure.Request.PUBLISH, 502, false).mayHaveReachedStore(true), "op-0",
                        apiKey()));
    }

    // ---- which hint answers which facts (no sentences compared) -------------------------------------------

    /** Edge's words for a review in progress, in both vocabularies. */
    @ParameterizedTest
    @CsvSource({"InProgressSubmission, true", "CONFLICT, true", "in-progress-submission, true", "NoModulesUpdated, false",
        ", false"})
    void reviewInProgressIsReadFromTheErrorCode(String code, boolean inReview) {
        assertEquals(inReview, Hints.isReviewInProgress(code));
    }

    /** Each errorCode of the reference (and its 2021 spelling) links the section that describes it. */
    @ParameterizedTest
    @CsvSource({
        "NoModulesUpdated, PUBLISH, #response-when-theres-nothing-new-to-be-published",
        "NOTHING-TO-PUBLISH, PUBLISH, #response-when-theres-nothing-new-to-be-published",
        "InProgressSubmission, PUBLISH, #response-when-theres-an-in-review-submission-for-the-same-product",
        "CONFLICT, PUBLISH, #response-when-theres-an-in-review-submission-for-the-same-product",
        "UnpublishInProgress, PUBLISH, #response-when-theres-an-ongoing-unpublished-submission-for-the-same-product",
        "ModuleStateUnPublishable, PUBLISH, #response-where-any-of-the-modules-are-invalid",
        "SubmissionValidationError, PUBLISH, #response-when-there-are-validation-errors-in-submission",
        "CreateNotAllowed, PUBLISH, #response-when-a-new-product-is-published",
        ", PUBLISH, #response-when-the-publish-call-fails-with-an-irrecoverable-failure",
        ", UPLOAD, #response-when-the-operation-fails-with-errors"})
    void knownErrorCodesLinkTheirSectionOfTheApiReference(String code, OperationKind kind, String anchor) {
        assertEquals(BASE + anchor, Hints.referenceSection(code == null ? ""
                : code.replace("-", "").replace("_", "").toLowerCase(java.util.Locale.ROOT), kind));
    }

    /** The dispatch from facts: a publish that may have reached the store, a redirect, an unknown operation. */
    @Test
    void forAnswerPicksTheHintFromTheFacts() {
        ClientSettings s = apiKey();
        assertEquals(Hints.publishMayHaveReachedTheStore(s),
                Hints.forAnswer(s, answer(Failure.Request.PUBLISH, 502, false).mayHaveReachedStore(true), null, null));
        assertEquals(Hints.redirectNotFollowed(s, "https://x/"),
                Hints.forAnswer(s, answer(Failure.Request.UPLOAD, 302, false), null, "https://x/"));
        assertEquals(Hints.unknownOperation(s, "op-1"), Hints.forAnswer(s,
                answer(Failure.Request.UPLOAD_STATUS, 404, false).operation("op-1", null), null, null));
        assertEquals(Hints.forHttpError(s, answer(Failure.Request.UPLOAD_STATUS, 404, true), null), Hints.forAnswer(s,
                answer(Failure.Request.UPLOAD_STATUS, 404, true).operation("op-1", null), null, null));
    }

    /** Under API v1 a 401 is never about an API key's expiry, whatever the request or body. */
    @ParameterizedTest
    @EnumSource(Failure.Request.class)
    void v1UnauthorizedIsAboutTheClientSecret(Failure.Request request) {
        for (boolean jwt : new boolean[] {false, true}) {
            assertEquals(Hints.unauthorized(v1(), false),
                    Hints.forHttpError(v1(), answer(request, 401, false).keyHeadersNotTaken(jwt), null));
        }
    }

    /** Without a front end's words, no Maven word appears: the vocabulary is the front end's. */
    @Test
    void thePlainVocabularyHasNoMavenWords() {
        ClientSettings plain = ClientSettings.builder()
                .apiBaseUrl(URI.create("https://api.addons.microsoftedge.microsoft.com"))
                .productId("d34f98f5-f9b7-42b1-bebb-98707202b21d")
                .credentials(new Credentials("client", "key"))
                .credentialsSource(CredentialsSource.environment("ID", "KEY", "KEY"))
                .build();
        for (String hint : new String[] {Hints.publishMayHaveReachedTheStore(plain),
                Hints.forHttpError(plain, answer(Failure.Request.PUBLISH, 400, false), null),
                Hints.unknownToBothEndpoints(plain), Hints.v1Retired(plain), Hints.tokenRefused(plain),
                Hints.resumeWaiting(OperationKind.PUBLISH, "op-1", plain)}) {
            assertFalse(hint.contains("edge.") || hint.contains("mvn") || hint.contains("settings.xml"), hint);
        }
        assertTrue(Hints.unknownToBothEndpoints(plain).contains("operationId"));
    }
}
