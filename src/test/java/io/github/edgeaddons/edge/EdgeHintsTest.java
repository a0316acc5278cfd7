package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.Hints;

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
 * Edge's own "what to do" sentences ({@link EdgeHints}), pinned: one golden test per hint, in Maven's words (the
 * only place besides the ITs and the fault campaign where a sentence is compared; every other test asserts the
 * facts of a {@link Failure}); the sentences any store shares are pinned by the core's HintsTest. Rewording a
 * hint changes its golden test here, on purpose.
 */
class EdgeHintsTest {
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

    /** 400 to the publish: the notes. */
    @Test
    void badRequestToPublishIsTheNotes() {
        assertEquals("The publish request's body is the certification notes (sent: 12 bytes, text/plain), so"
                + " the store refused those: check edge.notes or edge.notesFile (plain UTF-8 text); the"
                + " package is not in question, it was uploaded before.",
                EdgeHints.forHttpError(apiKey(), answer(Failure.Request.PUBLISH, 400, false), SENT));
    }

    /** 400 to the upload: the zip. */
    @Test
    void badRequestToUploadIsThePackage() {
        assertEquals("The store refused the package upload (sent: 12 bytes, text/plain): check that edge.file"
                + " (or the artifact the plugin located) is the extension's .zip, with manifest.json at its"
                + " root.",
                EdgeHints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD, 400, false), SENT));
    }

    /** 400 to another request: the endpoint. */
    @Test
    void badRequestElsewhereIsTheEndpoint() {
        assertEquals("The store rejected the request as malformed: check that edge.apiBaseUrl points at the"
                + " Edge Add-ons API.",
                EdgeHints.forHttpError(apiKey(), answer(Failure.Request.PRODUCT_LIST, 400, false), SENT));
    }

    /** 401 under an API key from settings.xml: keys expire after 72 days. */
    @Test
    void unauthorizedApiKeyExpires() {
        assertEquals("The credentials were refused. Partner Center API keys expire after 72 days: create a new"
                + " key in Partner Center (Microsoft Edge > Publish API), then update the API key in the"
                + " <password> of <server> 'edge-ci' in settings.xml (and the client ID in the <username> of"
                + " <server> 'edge-ci' in settings.xml).",
                EdgeHints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD, 401, false), null));
    }

    /** 401 under an API key from the environment: names the variables. */
    @Test
    void unauthorizedApiKeyFromTheEnvironment() {
        assertEquals("The credentials were refused. Partner Center API keys expire after 72 days: create a new"
                + " key in Partner Center (Microsoft Edge > Publish API), then update the API key in the"
                + " environment variable EDGE_API_KEY (and the client ID in the environment variable"
                + " EDGE_CLIENT_ID), e.g. the repository's secret that sets it.",
                EdgeHints.unauthorized(apiKeyFromEnvironment(), false));
    }

    /** 401 whose body says the store checked an Azure AD token: the headers, not the key. */
    @Test
    void unauthorizedKeyHeadersNotTaken() {
        assertEquals("The store did not take the request as API-key authentication and checked it as an Azure"
                + " AD token instead: it found no client ID header it accepts. Check that the <username> of"
                + " <server> 'edge-ci' in settings.xml is the client ID shown in Partner Center (Microsoft"
                + " Edge > Publish API), and that nothing on the way (a proxy) drops or renames the headers"
                + " X-ClientID and Authorization: ApiKey. The API key itself may be fine.",
                EdgeHints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD, 401, false).keyHeadersNotTaken(true), null));
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
                EdgeHints.forHttpError(v1(), answer(Failure.Request.UPLOAD, 401, false), null));
    }

    /** 403: the credentials may not act on the product. */
    @Test
    void forbidden() {
        assertEquals("These credentials may not act on this product: check that the API credentials belong to"
                + " the Partner Center account that owns edge.productId.",
                EdgeHints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD, 403, false), null));
    }

    /** An HTML 404 page is the front door, not a wrong id. */
    @Test
    void htmlNotFoundIsTheFrontDoor() {
        assertEquals("The answer is a web page, not the API's: that is trouble at the store's front door (such"
                + " pages came during the store's outages), not a wrong id. Try again later and check"
                + " Partner Center; the draft is kept.",
                EdgeHints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD, 404, true), null));
    }

    /** An HTML 404 to a status request: the operation is kept too. */
    @Test
    void htmlNotFoundToAStatusRequestKeepsTheOperation() {
        assertEquals("The answer is a web page, not the API's: that is trouble at the store's front door (such"
                + " pages came during the store's outages), not a wrong id. Try again later and check"
                + " Partner Center; the operation and the draft are kept.",
                EdgeHints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD_STATUS, 404, true), null));
    }

    /** A JSON 404 to a status request: the operation id. */
    @Test
    void notFoundToAStatusRequestIsTheIds() {
        assertEquals("The store knows no such operation for this product: check edge.operationId (the id"
                + " printed by upload or publish) and edge.productId.",
                EdgeHints.forHttpError(apiKey(), answer(Failure.Request.PUBLISH_STATUS, 404, false), null));
    }

    /** A JSON 404 to another request: the product id. */
    @Test
    void notFoundIsTheProductId() {
        assertEquals("Check edge.productId: it must be the product's GUID from Partner Center (Microsoft Edge >"
                + " Overview > your extension), not the store listing's ID, and belong to the account of"
                + " these credentials.",
                EdgeHints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD, 404, false), null));
    }

    /** 408: the upload was too slow. */
    @Test
    void requestTimeout() {
        assertEquals("The store gave up waiting for the request: the upload was too slow. Retry on a faster"
                + " connection or reduce the package size.",
                EdgeHints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD, 408, false), null));
    }

    /** 410 under an API key: a newer plugin. */
    @Test
    void goneUnderApiKey() {
        assertEquals("The store no longer serves this API version. This plugin speaks API v1.1 (API key): look"
                + " for a newer version of the plugin, and at"
                + " https://learn.microsoft.com/microsoft-edge/extensions/update/api/addons-api-reference.",
                EdgeHints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD, 410, false), null));
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
                EdgeHints.gone(v1()));
    }

    /** 413: the package is too large. */
    @Test
    void tooLarge() {
        assertEquals("The package is larger than the store accepts: reduce its size.",
                EdgeHints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD, 413, false), null));
    }

    /** 415: names what was sent. */
    @Test
    void unsupportedMediaType() {
        assertEquals("The store did not accept the content type of the request (sent: 12 bytes, text/plain).",
                EdgeHints.forHttpError(apiKey(), answer(Failure.Request.PUBLISH, 415, false), SENT));
    }

    /** 429: wait, and poll less often. */
    @Test
    void throttled() {
        assertEquals("The store is throttling requests: wait a few minutes, then run the goal again; with"
                + " edge.pollInterval set, poll less often.",
                EdgeHints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD, 429, false), null));
    }

    /** 5xx: outages last weeks; drafts are kept. */
    @Test
    void serverError() {
        assertEquals("The store had a server-side problem. Its outages have lasted from hours to weeks (2024,"
                + " 2025), and drafts in Partner Center were kept throughout: run the goal again later, and"
                + " check Partner Center.",
                EdgeHints.forHttpError(apiKey(), answer(Failure.Request.PUBLISH, 502, false), null));
    }

    /** Any other status: the configuration against the answer. */
    @Test
    void otherClientError() {
        assertEquals("Check the configuration against the store's answer above (the API's answers:"
                + " https://learn.microsoft.com/microsoft-edge/extensions/update/api/addons-api-reference#err"
                + "or-codes).",
                EdgeHints.forHttpError(apiKey(), answer(Failure.Request.UPLOAD, 418, false), null));
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
                EdgeHints.v1Retired(v1()));
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
                EdgeHints.v1Retired(v1FromEnvironment()));
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
                EdgeHints.tokenRefused(v1()));
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
                EdgeHints.tokenForbidden(v1()));
    }

    /** The token endpoint answered no token: the URL. */
    @Test
    void tokenUrlWrong() {
        assertEquals("Check edge.tokenUrl: it must be the access token URL shown in Partner Center"
                + " (https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token), not a web page or a"
                + " proxy's sign-in page.",
                EdgeHints.tokenUrlWrong(v1()));
    }

    /** status asked both endpoints; neither knows the operation. */
    @Test
    void unknownToBothEndpoints() {
        assertEquals("Check edge.operationId (the id printed by upload or publish) and edge.productId (the"
                + " product the operation belongs to).",
                EdgeHints.unknownToBothEndpoints(apiKey()));
    }

    /** errorCode NoModulesUpdated of a failed publish. */
    @Test
    void errorCode_nothingToPublish() {
        assertEquals("The draft is identical to the version already in the store: there is nothing to publish."
                + " Change the extension (and raise \"version\" in manifest.json), then release again. The"
                + " API reference describes this answer:"
                + " https://learn.microsoft.com/microsoft-edge/extensions/update/api/addons-api-reference#res"
                + "ponse-when-theres-nothing-new-to-be-published",
                EdgeHints.forErrorCode("NoModulesUpdated", OperationKind.PUBLISH, apiKey()));
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
                EdgeHints.forErrorCode("InProgressSubmission", OperationKind.PUBLISH, apiKey()));
    }

    /** An unknown errorCode of a failed upload: the package is to fix. */
    @Test
    void errorCode_unknownErrorCodeOfAnUpload() {
        assertEquals("The store refused the package: fix what the errors above name in the extension, then run the"
                + " release again (the product's page in Partner Center may say more).",
                EdgeHints.forErrorCode("InvalidPackage", OperationKind.UPLOAD, apiKey()));
    }

    /** errorCode UnpublishInProgress of a failed publish. */
    @Test
    void errorCode_unpublishInProgress() {
        assertEquals("The product is being unpublished. Wait until that finishes in Partner Center, then"
                + " release again. The API reference describes this answer:"
                + " https://learn.microsoft.com/microsoft-edge/extensions/update/api/addons-api-reference#res"
                + "ponse-when-theres-an-ongoing-unpublished-submission-for-the-same-product",
                EdgeHints.forErrorCode("UnpublishInProgress", OperationKind.PUBLISH, apiKey()));
    }

    /** errorCode ModuleStateUnPublishable of a failed publish. */
    @Test
    void errorCode_moduleStateUnpublishable() {
        assertEquals("Some part of the draft is not in a publishable state (see the errors). Fix it in Partner"
                + " Center (Microsoft Edge > your extension), then publish again. The API reference"
                + " describes this answer:"
                + " https://learn.microsoft.com/microsoft-edge/extensions/update/api/addons-api-reference#res"
                + "ponse-where-any-of-the-modules-are-invalid",
                EdgeHints.forErrorCode("ModuleStateUnPublishable", OperationKind.PUBLISH, apiKey()));
    }

    /** errorCode SubmissionValidationError of a failed publish. */
    @Test
    void errorCode_submissionValidationError() {
        assertEquals("The submission failed the store's validation (see the errors). Fix the listed problems in"
                + " the package or in Partner Center, then release again. The API reference describes this"
                + " answer:"
                + " https://learn.microsoft.com/microsoft-edge/extensions/update/api/addons-api-reference#res"
                + "ponse-when-there-are-validation-errors-in-submission",
                EdgeHints.forErrorCode("SubmissionValidationError", OperationKind.PUBLISH, apiKey()));
    }

    /** errorCode CreateNotAllowed of a failed publish. */
    @Test
    void errorCode_createNotAllowed() {
        assertEquals("The store does not allow a new submission for this product now: check the product's state"
                + " in Partner Center (it must have been published once by hand). The API reference"
                + " describes this answer:"
                + " https://learn.microsoft.com/microsoft-edge/extensions/update/api/addons-api-reference#res"
                + "ponse-when-a-new-product-is-published",
                EdgeHints.forErrorCode("CreateNotAllowed", OperationKind.PUBLISH, apiKey()));
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
                EdgeHints.forErrorCode("", OperationKind.PUBLISH, apiKey()));
    }

    /** errorCode (none) of a failed upload. */
    @Test
    void errorCode_noReasonForAnUpload() {
        assertEquals("The store gave no reason. This often means an earlier version is still in review"
                + " (publishing is blocked until it ends), or the package failed processing: check Partner"
                + " Center, then run the release again. The API reference describes this answer:"
                + " https://learn.microsoft.com/microsoft-edge/extensions/update/api/addons-api-reference#res"
                + "ponse-when-the-operation-fails-with-errors",
                EdgeHints.forErrorCode("", OperationKind.UPLOAD, apiKey()));
    }

    /** errorCode Weird of a failed publish. */
    @Test
    void errorCode_unknownErrorCode() {
        assertEquals("See the errors above, and the product's page in Partner Center.",
                EdgeHints.forErrorCode("Weird", OperationKind.PUBLISH, apiKey()));
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
                EdgeHints.reviewInProgressSkipped(f, apiKey()));
    }

    /** A publish with nothing new (NoModulesUpdated): already released, not an error. */
    @Test
    void alreadyReleased() {
        Failure f = Failure.of(StoreException.Kind.OPERATION_FAILED, Failure.Request.PUBLISH_STATUS)
                .operation("op-1", null).store("NoModulesUpdated", "Can't create new submission: no modules were"
                        + " updated.", null).verdict(Failure.Verdict.FAILED);
        assertEquals("Edge already has this release: the store answered NoModulesUpdated for the publish (operation"
                + " op-1): \"Can't create new submission: no modules were updated.\". The draft is identical to the"
                + " published version, so there was nothing to publish; the build goes on. To ship a change, change"
                + " the extension and raise \"version\", then release again.",
                EdgeHints.alreadyReleased(f));
    }

    /** An HTML 404 page during a wait: the front door, and the wait goes on. */
    @Test
    void htmlNotFoundDuringWait() {
        assertEquals("An HTML 404 page comes from the store's front door in trouble (seen during incidents), not from"
                + " an unknown operation.", EdgeHints.htmlNotFoundDuringWait());
    }

    // ---- which hint answers which facts (no sentences compared) -------------------------------------------

    /** Edge's words for a review in progress, in both vocabularies. */
    @ParameterizedTest
    @CsvSource({"InProgressSubmission, true", "CONFLICT, true", "in-progress-submission, true", "NoModulesUpdated, false",
        ", false"})
    void reviewInProgressIsReadFromTheErrorCode(String code, boolean inReview) {
        assertEquals(inReview, EdgeHints.isReviewInProgress(code));
    }

    /** Edge's words for a publish with nothing new, in both vocabularies. */
    @ParameterizedTest
    @CsvSource({"NoModulesUpdated, true", "NOTHING-TO-PUBLISH, true", "InProgressSubmission, false", ", false"})
    void nothingToPublishIsReadFromTheErrorCode(String code, boolean nothing) {
        assertEquals(nothing, EdgeHints.isNothingToPublish(code));
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
        assertEquals(BASE + anchor, EdgeHints.referenceSection(code == null ? ""
                : code.replace("-", "").replace("_", "").toLowerCase(java.util.Locale.ROOT), kind));
    }

    /** The dispatch from facts: a publish that may have reached the store, a redirect, an unknown operation. */
    @Test
    void forAnswerPicksTheHintFromTheFacts() {
        ClientSettings s = apiKey();
        assertEquals(Hints.publishMayHaveReachedTheStore(s),
                EdgeHints.forAnswer(s, answer(Failure.Request.PUBLISH, 502, false).mayHaveReachedStore(true), null, null));
        assertEquals(Hints.redirectNotFollowed(s, "https://x/"),
                EdgeHints.forAnswer(s, answer(Failure.Request.UPLOAD, 302, false), null, "https://x/"));
        assertEquals(Hints.unknownOperation(s, "op-1"), EdgeHints.forAnswer(s,
                answer(Failure.Request.UPLOAD_STATUS, 404, false).operation("op-1", null), null, null));
        assertEquals(EdgeHints.forHttpError(s, answer(Failure.Request.UPLOAD_STATUS, 404, true), null), EdgeHints.forAnswer(s,
                answer(Failure.Request.UPLOAD_STATUS, 404, true).operation("op-1", null), null, null));
    }

    /** Under API v1 a 401 is never about an API key's expiry, whatever the request or body. */
    @ParameterizedTest
    @EnumSource(Failure.Request.class)
    void v1UnauthorizedIsAboutTheClientSecret(Failure.Request request) {
        for (boolean jwt : new boolean[] {false, true}) {
            assertEquals(EdgeHints.unauthorized(v1(), false),
                    EdgeHints.forHttpError(v1(), answer(request, 401, false).keyHeadersNotTaken(jwt), null));
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
                EdgeHints.forHttpError(plain, answer(Failure.Request.PUBLISH, 400, false), null),
                EdgeHints.unknownToBothEndpoints(plain), EdgeHints.v1Retired(plain), EdgeHints.tokenRefused(plain),
                Hints.resumeWaiting(OperationKind.PUBLISH, "op-1", plain)}) {
            assertFalse(hint.contains("edge.") || hint.contains("mvn") || hint.contains("settings.xml"), hint);
        }
        assertTrue(EdgeHints.unknownToBothEndpoints(plain).contains("operationId"));
    }
}
