package io.github.edgeaddons.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The one home of "what to do" sentences: each hint fits the answer, the request and the auth mode. */
class HintsTest {
    private static final String BASE = "https://learn.microsoft.com/microsoft-edge/extensions/update/api/"
            + "addons-api-reference";

    private static ClientSettings apiKey() {
        return ClientSettings.builder()
                .apiBaseUrl(URI.create("https://api.addons.microsoftedge.microsoft.com"))
                .productId("d34f98f5-f9b7-42b1-bebb-98707202b21d")
                .credentials(new Credentials("client", "key"))
                .serverId("edge-ci")
                .build();
    }

    private static ClientSettings v1() {
        return ClientSettings.builder()
                .apiBaseUrl(URI.create("https://api.addons.microsoftedge.microsoft.com"))
                .productId("d34f98f5-f9b7-42b1-bebb-98707202b21d")
                .credentials(new Credentials("client", "secret"))
                .authMode(AuthMode.CLIENT_CREDENTIALS)
                .tokenUrl(URI.create("https://login.microsoftonline.com/t/oauth2/v2.0/token"))
                .serverId("edge-ci")
                .build();
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
        String hint = Hints.forErrorCode(code, kind, apiKey());
        assertTrue(hint.endsWith("The API reference describes this answer: " + BASE + anchor), hint);
    }

    @Test
    void anUnknownErrorCodeLinksNothing() {
        String hint = Hints.forErrorCode("SomethingNew", OperationKind.PUBLISH, apiKey());
        assertFalse(hint.contains("learn.microsoft.com"), hint);
        assertTrue(hint.contains("Partner Center"), hint);
    }

    @ParameterizedTest
    @EnumSource(Hints.Request.class)
    void v1UnauthorizedNeverGivesTheApiKeyExpiry(Hints.Request request) {
        for (String body : new String[] {"", "{\"statusCode\": 401, \"message\": \"Invalid JWT.\"}",
                "{\"statusCode\": 401, \"message\": \"Invalid Azure AD JWT\"}"}) {
            String hint = Hints.forHttpError(v1(), request, 401, "application/json", body, null);
            assertFalse(hint.contains("72 days"), hint);
            assertTrue(hint.contains("client secret"), hint);
            assertTrue(hint.contains("<server> 'edge-ci'"), hint);
        }
    }

    @Test
    void apiKeyUnauthorizedDependsOnTheBody() {
        String expiry = Hints.forHttpError(apiKey(), Hints.Request.UPLOAD, 401, null, "", null);
        assertTrue(expiry.contains("72 days"), expiry);
        String headers = Hints.forHttpError(apiKey(), Hints.Request.UPLOAD, 401, "application/json",
                "{\"statusCode\": 401, \"message\": \"Invalid Azure AD JWT\"}", null);
        assertFalse(headers.contains("72 days"), headers);
        assertTrue(headers.contains("X-ClientID"), headers);
    }

    @Test
    void goneSaysHowToSwitchUnderV1() {
        String v1 = Hints.forHttpError(v1(), Hints.Request.UPLOAD, 410, null, "", null);
        assertTrue(v1.contains("no longer serves this API version"), v1);
        assertTrue(v1.contains("Partner Center (Microsoft Edge > Publish API) create an API key"), v1);
        assertTrue(v1.contains("<username>") && v1.contains("<password>"), v1);
        assertTrue(v1.contains("remove edge.tokenUrl and edge.authMode"), v1);
        String key = Hints.forHttpError(apiKey(), Hints.Request.UPLOAD, 410, null, "", null);
        assertTrue(key.contains("no longer serves this API version"), key);
        assertFalse(key.contains("remove edge.tokenUrl"), key);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsSayOutagesLastWeeksAndTheDraftIsKept(int status) {
        String hint = Hints.forHttpError(apiKey(), Hints.Request.PUBLISH, status, null, "", null);
        assertTrue(hint.contains("weeks"), hint);
        assertTrue(hint.contains("kept"), hint);
    }

    @Test
    void html404IsTheFrontDoorByContentTypeOrBody() {
        for (String[] answer : new String[][] {{"text/html; charset=utf-8", "whatever"}, {null, "  <html></html>"}}) {
            String hint = Hints.forHttpError(apiKey(), Hints.Request.UPLOAD, 404, answer[0], answer[1], null);
            assertTrue(hint.contains("not a wrong id"), hint);
            assertTrue(hint.endsWith("the draft is kept."), hint);
            assertFalse(hint.contains("  "), hint);
        }
        String status = Hints.forHttpError(apiKey(), Hints.Request.STATUS, 404, "text/html", "<html/>", null);
        assertTrue(status.endsWith("the operation and the draft are kept."), status);
        String json = Hints.forHttpError(apiKey(), Hints.Request.UPLOAD, 404, "application/json", "{}", null);
        assertTrue(json.contains("Check edge.productId"), json);
    }

    @Test
    void theV1WarningNamesTheServerAndTheSwitch() {
        String w = Hints.v1Retired(v1());
        assertTrue(w.contains("retired"), w);
        assertTrue(w.contains("410 Gone"), w);
        assertTrue(w.contains("<server> 'edge-ci'"), w);
        assertEquals(-1, w.indexOf('\n'), w);
    }

    private static ClientSettings fromEnvironment(ClientSettings.Builder b, String secretVariable) {
        return b.credentialsSource(CredentialsSource.environment("EDGE_CLIENT_ID", secretVariable, "EDGE_API_KEY"))
                .build();
    }

    @Test
    void credentialAdviceNamesTheEnvironmentVariablesWhenTheCredentialsCameFromThere() {
        ClientSettings key = fromEnvironment(ClientSettings.builder()
                .apiBaseUrl(URI.create("https://api.addons.microsoftedge.microsoft.com"))
                .productId("d34f98f5-f9b7-42b1-bebb-98707202b21d").credentials(new Credentials("client", "key")), "EDGE_API_KEY");
        for (String hint : new String[] {Hints.unauthorized(key, ""), Hints.unauthorized(key, "Invalid Azure AD JWT")}) {
            assertFalse(hint.contains("settings.xml") || hint.contains("<server>"), hint);
            assertTrue(hint.contains("EDGE_CLIENT_ID"), hint);
        }
        assertTrue(Hints.unauthorized(key, "").contains("the environment variable EDGE_API_KEY"));
        ClientSettings v1 = fromEnvironment(ClientSettings.builder()
                .apiBaseUrl(URI.create("https://api.addons.microsoftedge.microsoft.com"))
                .productId("d34f98f5-f9b7-42b1-bebb-98707202b21d").credentials(new Credentials("client", "secret"))
                .authMode(AuthMode.CLIENT_CREDENTIALS)
                .tokenUrl(URI.create("https://login.microsoftonline.com/t/oauth2/v2.0/token")), "EDGE_CLIENT_SECRET");
        for (String hint : new String[] {Hints.unauthorized(v1, ""), Hints.tokenRefused(v1), Hints.v1Retired(v1),
                Hints.gone(v1)}) {
            assertFalse(hint.contains("settings.xml") || hint.contains("<server>"), hint);
            assertTrue(hint.contains("EDGE_API_KEY") && hint.contains("EDGE_CLIENT_SECRET"), hint);
        }
        // and from settings.xml, the server
        assertTrue(Hints.unauthorized(apiKey(), "").contains("<password> of <server> 'edge-ci' in settings.xml"));
    }
}
