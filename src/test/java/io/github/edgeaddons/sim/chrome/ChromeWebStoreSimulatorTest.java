package io.github.edgeaddons.sim.chrome;

import static io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator.CLIENT_ID;
import static io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator.CLIENT_SECRET;
import static io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator.DELETED_CLIENT_ID;
import static io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator.EXPIRED_REFRESH_TOKEN;
import static io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator.ITEM_ID;
import static io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator.PUBLISHER_ID;
import static io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator.READONLY_SCOPE;
import static io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator.REFRESH_TOKEN;
import static io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator.SCOPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.sim.RecordedRequest;
import io.github.edgeaddons.sim.SimJson;
import io.github.edgeaddons.sim.Simulator;
import io.github.edgeaddons.sim.Fault;
import io.github.edgeaddons.sim.FaultPlan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the Chrome Web Store simulator over real HTTP on 127.0.0.1 with the JDK's HttpClient. */
class ChromeWebStoreSimulatorTest {
    @Simulator
    private static ChromeWebStoreSimulator sim;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String NAME = "publishers/" + PUBLISHER_ID + "/items/" + ITEM_ID;

    @TempDir
    Path dir;

    // ------------------------------------------------------------------ helpers

    private static HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> form(String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(sim.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> refreshGrant(String clientId, String refreshToken)
            throws IOException, InterruptedException {
        return form("grant_type=refresh_token&client_id=" + enc(clientId) + "&client_secret=" + enc(CLIENT_SECRET)
                + "&refresh_token=" + enc(refreshToken));
    }

    private static String token() throws IOException, InterruptedException {
        HttpResponse<String> r = refreshGrant(CLIENT_ID, REFRESH_TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        return (String) json(r).get("access_token");
    }

    private static Map<String, Object> json(HttpResponse<String> r) {
        return SimJson.parseObject(r.body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    private static HttpResponse<String> call(String method, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.apiBaseUrl() + "/v2/" + NAME + ":" + method))
                .header("Authorization", "Bearer " + token);
        if ("fetchStatus".equals(method)) {
            return send(b.GET());
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return send(b.POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> upload(String token, byte[] zip, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.apiBaseUrl() + "/upload/v2/" + NAME + ":upload"))
                .header("Authorization", "Bearer " + token);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.POST(HttpRequest.BodyPublishers.ofByteArray(zip)));
    }

    private static byte[] zip(String version) throws IOException {
        return zipWithManifest("{\"manifest_version\":3,\"name\":\"Sim\",\"version\":\"" + version + "\"}");
    }

    private static byte[] zipWithManifest(String manifest) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("manifest.json"));
            z.write(manifest.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("background.js"));
            z.write("console.log('sim');".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out.toByteArray();
    }

    private static Map<String, Object> detail(HttpResponse<String> r, String type) {
        for (Object d : list(map(json(r).get("error")).get("details"))) {
            if (("type.googleapis.com/google.rpc." + type).equals(map(d).get("@type"))) {
                return map(d);
            }
        }
        throw new AssertionError("no " + type + " detail in " + r.body());
    }

    private static String errorStatus(HttpResponse<String> r) {
        return (String) map(json(r).get("error")).get("status");
    }

    private static Map<String, Object> channel(Map<String, Object> status, String revision) {
        return map(list(map(status.get(revision)).get("distributionChannels")).get(0));
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** An RS256 assertion signed with {@code key}, as a client builds it from the key file. */
    private static String assertion(PrivateKey key, String kid, Map<String, Object> claims) throws Exception {
        StringBuilder c = new StringBuilder("{");
        for (Map.Entry<String, Object> e : claims.entrySet()) {
            if (c.length() > 1) {
                c.append(',');
            }
            c.append(SimJson.quote(e.getKey())).append(':')
                    .append(e.getValue() instanceof String ? SimJson.quote((String) e.getValue()) : e.getValue());
        }
        String signingInput = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":" + SimJson.quote(kid) + "}") + "."
                + b64(c.append('}').toString());
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    }

    private static Map<String, Object> claims(String aud, long iat, long exp) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iss", ServiceAccount.CLIENT_EMAIL);
        m.put("scope", SCOPE);
        m.put("aud", aud);
        m.put("iat", iat);
        m.put("exp", exp);
        return m;
    }

    private static HttpResponse<String> jwtGrant(String assertion) throws IOException, InterruptedException {
        return form("grant_type=" + enc("urn:ietf:params:oauth:grant-type:jwt-bearer") + "&assertion=" + enc(assertion));
    }

    private PrivateKey keyFromKeyFile(Map<String, Object> keyFile) throws Exception {
        String pem = (String) keyFile.get("private_key");
        String b64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
    }

    // ------------------------------------------------------------------ tokens

    @Test
    void refreshTokenGrantGivesABearerTokenThatFetchStatusTakesAndTheRecordsHoldNoSecret() throws Exception {
        HttpResponse<String> t = refreshGrant(CLIENT_ID, REFRESH_TOKEN);
        assertEquals(200, t.statusCode(), t.body());
        Map<String, Object> tok = json(t);
        assertEquals("Bearer", tok.get("token_type"));
        assertEquals(3599L, tok.get("expires_in"));
        assertEquals(SCOPE, tok.get("scope"));

        HttpResponse<String> s = call("fetchStatus", (String) tok.get("access_token"), null);
        assertEquals(200, s.statusCode(), s.body());
        Map<String, Object> status = json(s);
        assertEquals(NAME, status.get("name"));
        assertEquals(ITEM_ID, status.get("itemId"));
        assertEquals("PUBLISHED", map(status.get("publishedItemRevisionStatus")).get("state"));
        assertEquals("1.0.0", channel(status, "publishedItemRevisionStatus").get("crxVersion"));
        assertFalse(status.containsKey("submittedItemRevisionStatus"));
        assertFalse(status.containsKey("lastAsyncUploadState"));
        assertEquals(Boolean.FALSE, status.get("takenDown"));

        RecordedRequest token = sim.requests(ChromeRoute.TOKEN).get(0);
        assertEquals("POST", token.method());
        assertEquals("/token", token.path());
        assertTrue(token.bodyText().contains("client_secret=***"), token.bodyText());
        assertTrue(token.bodyText().contains("refresh_token=***"), token.bodyText());
        assertFalse(token.bodyText().contains(CLIENT_SECRET));
        assertFalse(token.bodyText().contains(enc(REFRESH_TOKEN)));
        RecordedRequest fetch = sim.requests(ChromeRoute.FETCH_STATUS).get(0);
        assertEquals("GET", fetch.method());
        assertEquals("/v2/" + NAME + ":fetchStatus", fetch.path());
        assertEquals("Bearer ***", fetch.header("Authorization"));
        assertTrue(fetch.authValid());
        assertEquals(200, fetch.status());
        assertEquals(List.of("refresh_token"), sim.store().grants());
    }

    @Test
    void refreshTokenFailuresAnswerGooglesOAuthErrors() throws Exception {
        HttpResponse<String> expired = refreshGrant(CLIENT_ID, EXPIRED_REFRESH_TOKEN);
        assertEquals(400, expired.statusCode());
        assertEquals("invalid_grant", json(expired).get("error"));
        assertEquals("Token has been expired or revoked.", json(expired).get("error_description"));

        HttpResponse<String> unknown = refreshGrant(CLIENT_ID, "1//not-a-token");
        assertEquals(400, unknown.statusCode());
        assertEquals("invalid_grant", json(unknown).get("error"));
        assertEquals("Bad Request", json(unknown).get("error_description"));

        HttpResponse<String> deleted = refreshGrant(DELETED_CLIENT_ID, REFRESH_TOKEN);
        assertEquals(401, deleted.statusCode());
        assertEquals("deleted_client", json(deleted).get("error"));

        HttpResponse<String> noGrant = form("client_id=" + enc(CLIENT_ID));
        assertEquals(400, noGrant.statusCode());
        assertEquals("unsupported_grant_type", json(noGrant).get("error"));
        assertTrue(sim.store().grants().isEmpty());
    }

    @Test
    void aServiceAccountAssertionSignedWithTheKeyFilesKeyGivesAToken() throws Exception {
        Path file = sim.writeServiceAccountKeyFile(dir.resolve("key.json"));
        Map<String, Object> key = SimJson.parseObject(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        assertEquals("service_account", key.get("type"));
        assertEquals(ServiceAccount.CLIENT_EMAIL, key.get("client_email"));
        assertEquals(ServiceAccount.PRIVATE_KEY_ID, key.get("private_key_id"));
        assertEquals(sim.tokenUrl(), key.get("token_uri"));
        assertTrue(((String) key.get("private_key")).startsWith("-----BEGIN PRIVATE KEY-----\n"));

        long now = Instant.now().getEpochSecond();
        String jwt = assertion(keyFromKeyFile(key), (String) key.get("private_key_id"),
                claims((String) key.get("token_uri"), now, now + 30));
        HttpResponse<String> t = jwtGrant(jwt);
        assertEquals(200, t.statusCode(), t.body());
        Map<String, Object> tok = json(t);
        assertEquals(3599L, tok.get("expires_in"));
        assertEquals("Bearer", tok.get("token_type"));
        assertFalse(tok.containsKey("refresh_token"));
        assertEquals(200, call("fetchStatus", (String) tok.get("access_token"), null).statusCode());
        assertEquals(List.of("jwt-bearer"), sim.store().grants());
        String recorded = sim.requests(ChromeRoute.TOKEN).get(0).bodyText();
        assertTrue(recorded.contains("assertion=***"), recorded);
        assertFalse(recorded.contains(jwt.substring(0, 20)));

        sim.store().serviceAccountLinked(false);
        HttpResponse<String> notLinked = call("fetchStatus", (String) tok.get("access_token"), null);
        assertEquals(403, notLinked.statusCode());
        assertEquals("PERMISSION_DENIED", errorStatus(notLinked));
    }

    @Test
    void assertionsWithAWrongAudienceLifetimeSignatureOrScopeAreRefused() throws Exception {
        PrivateKey key = sim.serviceAccount().privateKey();
        long now = Instant.now().getEpochSecond();

        HttpResponse<String> aud = jwtGrant(assertion(key, ServiceAccount.PRIVATE_KEY_ID,
                claims("https://oauth2.googleapis.com/token", now, now + 30)));
        assertEquals(400, aud.statusCode());
        assertEquals("invalid_grant", json(aud).get("error"));

        HttpResponse<String> tooLong = jwtGrant(assertion(key, ServiceAccount.PRIVATE_KEY_ID,
                claims(sim.tokenUrl(), now, now + 7200)));
        assertEquals(400, tooLong.statusCode());
        assertEquals(ChromeStore.SHORT_LIVED_JWT, json(tooLong).get("error_description"));

        HttpResponse<String> expired = jwtGrant(assertion(key, ServiceAccount.PRIVATE_KEY_ID,
                claims(sim.tokenUrl(), now - 7200, now - 3600)));
        assertEquals(ChromeStore.SHORT_LIVED_JWT, json(expired).get("error_description"));

        PrivateKey other = ServiceAccount.generate().privateKey();
        HttpResponse<String> sig = jwtGrant(assertion(other, ServiceAccount.PRIVATE_KEY_ID,
                claims(sim.tokenUrl(), now, now + 30)));
        assertEquals(400, sig.statusCode());
        assertEquals("Invalid JWT Signature.", json(sig).get("error_description"));

        Map<String, Object> noScope = claims(sim.tokenUrl(), now, now + 30);
        noScope.remove("scope");
        HttpResponse<String> scope = jwtGrant(assertion(key, ServiceAccount.PRIVATE_KEY_ID, noScope));
        assertEquals("invalid_scope", json(scope).get("error"));
        assertTrue(sim.store().grants().isEmpty());
    }

    @Test
    void tokensExpireAfterTheirLifetimeAndANewOneWorks() throws Exception {
        MovableClock clock = new MovableClock();
        sim.clock(clock);
        try {
            sim.store().tokenLifetime(Duration.ofSeconds(60));
            HttpResponse<String> t = refreshGrant(CLIENT_ID, REFRESH_TOKEN);
            assertEquals(60L, json(t).get("expires_in"));
            String first = (String) json(t).get("access_token");
            assertEquals(200, call("fetchStatus", first, null).statusCode());

            clock.advance(Duration.ofSeconds(61));
            HttpResponse<String> late = call("fetchStatus", first, null);
            assertEquals(401, late.statusCode());
            assertEquals("UNAUTHENTICATED", errorStatus(late));
            assertEquals("ACCESS_TOKEN_EXPIRED", detail(late, "ErrorInfo").get("reason"));
            assertTrue(late.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            assertFalse(sim.requests(ChromeRoute.FETCH_STATUS).get(1).authValid());

            String second = token();
            assertEquals(200, call("fetchStatus", second, null).statusCode());
            sim.store().expireTokens();
            assertEquals(401, call("fetchStatus", second, null).statusCode());
        } finally {
            sim.clock(Clock.systemUTC());
        }
    }

    // ------------------------------------------------------------------ upload

    @Test
    void anUploadIsInProgressForTheConfiguredPollsThenSucceeded() throws Exception {
        sim.store().processingPolls(2);
        String token = token();
        byte[] zip = zip("1.1.0");
        HttpResponse<String> up = upload(token, zip, "application/zip");
        assertEquals(200, up.statusCode(), up.body());
        assertEquals("IN_PROGRESS", json(up).get("uploadState"));
        assertFalse(json(up).containsKey("crxVersion"));
        assertEquals(ITEM_ID, json(up).get("itemId"));

        assertEquals("IN_PROGRESS", json(call("fetchStatus", token, null)).get("lastAsyncUploadState"));
        assertEquals("IN_PROGRESS", json(call("fetchStatus", token, null)).get("lastAsyncUploadState"));
        assertNull(sim.store().draftVersion());
        assertEquals("SUCCEEDED", json(call("fetchStatus", token, null)).get("lastAsyncUploadState"));
        assertEquals("1.1.0", sim.store().draftVersion());

        RecordedRequest rec = sim.requests(ChromeRoute.UPLOAD).get(0);
        assertEquals("POST", rec.method());
        assertEquals("/upload/v2/" + NAME + ":upload", rec.path());
        assertEquals(zip.length, rec.bodySize());
        assertEquals("application/zip", rec.header("Content-Type"));
        assertEquals("Bearer ***", rec.header("Authorization"));
        assertNull(rec.bodyText());
    }

    @Test
    void theProseSpellingUploadInProgressCanBeAnsweredAndAnUploadSucceedsAtOnceByDefault() throws Exception {
        String token = token();
        HttpResponse<String> at = upload(token, zip("1.0.1"), null);
        assertEquals("SUCCEEDED", json(at).get("uploadState"));
        assertEquals("1.0.1", json(at).get("crxVersion"));

        sim.store().processingPolls(1).inProgressWord(ChromeStore.UPLOAD_IN_PROGRESS);
        assertEquals("UPLOAD_IN_PROGRESS", json(upload(token, zip("1.0.2"), "application/zip")).get("uploadState"));
        assertEquals("UPLOAD_IN_PROGRESS", json(call("fetchStatus", token, null)).get("lastAsyncUploadState"));
    }

    @Test
    void anInvalidPackageIsAnswered400InGooglesEnvelopeWithItsFieldViolation() throws Exception {
        sim.store().invalidPackageOnNextUpload();
        String token = token();
        HttpResponse<String> r = upload(token, zip("1.1.0"), "application/zip");
        assertEquals(400, r.statusCode());
        Map<String, Object> error = map(json(r).get("error"));
        assertEquals(400L, error.get("code"));
        assertEquals("INVALID_ARGUMENT", error.get("status"));
        assertEquals(GoogleErrors.INVALID_PACKAGE_MESSAGE, error.get("message"));
        assertEquals("INVALID_PACKAGE", detail(r, "ErrorInfo").get("reason"));
        assertEquals(GoogleErrors.DOMAIN, detail(r, "ErrorInfo").get("domain"));
        assertEquals("en-US", detail(r, "LocalizedMessage").get("locale"));
        Map<String, Object> violation = map(list(detail(r, "BadRequest").get("fieldViolations")).get(0));
        assertEquals("media", violation.get("field"));
        assertEquals(ChromeStore.PKG_MANIFEST_PARSE_ERROR, violation.get("reason"));
        assertEquals(ChromeStore.INVALID_VERSION_DESCRIPTION, violation.get("description"));
        assertTrue(((String) violation.get("description")).contains("\n <a href="));
        assertNull(sim.store().draftVersion());

        // one-shot: the next good package is taken
        assertEquals(200, upload(token, zip("1.1.0"), "application/zip").statusCode());
        assertEquals(1, sim.store().packagesTaken());
    }

    @Test
    void packagesAreCheckedVersionAboveThePublishedOneZipAndManifest() throws Exception {
        String token = token();
        HttpResponse<String> same = upload(token, zip("1.0.0.0"), "application/zip");
        assertEquals(400, same.statusCode());
        assertEquals(ChromeStore.PKG_INVALID_VERSION_NUMBER,
                map(list(detail(same, "BadRequest").get("fieldViolations")).get(0)).get("reason"));
        HttpResponse<String> zero = upload(token, zip("0.0.0"), "application/zip");
        assertEquals(ChromeStore.PKG_MANIFEST_PARSE_ERROR,
                map(list(detail(zero, "BadRequest").get("fieldViolations")).get(0)).get("reason"));
        HttpResponse<String> key = upload(token, zipWithManifest("{\"version\":\"2.0\",\"key\":\"MIIB\"}"),
                "application/zip");
        assertEquals(ChromeStore.PKG_MANIFEST_PARSE_ERROR,
                map(list(detail(key, "BadRequest").get("fieldViolations")).get(0)).get("reason"));
        HttpResponse<String> notZip = upload(token, "not a zip".getBytes(StandardCharsets.UTF_8), "application/zip");
        assertEquals(ChromeStore.PKG_INVALID_ZIP,
                map(list(detail(notZip, "BadRequest").get("fieldViolations")).get(0)).get("reason"));
        assertEquals(0, sim.store().packagesTaken());
    }

    @Test
    void aMultipartBodyIsNotTakenAsThePackageYetAnswersSuccessWithTheOldVersion() throws Exception {
        String token = token();
        byte[] zip = zip("1.1.0");
        HttpResponse<String> r = upload(token, zip, "multipart/form-data; boundary=xyz");
        assertEquals(200, r.statusCode());
        assertEquals("SUCCEEDED", json(r).get("uploadState"));
        assertEquals("1.0.0", json(r).get("crxVersion"));
        assertEquals(0, sim.store().packagesTaken());
        assertNull(sim.store().draftVersion());
    }

    @Test
    void aProcessedUploadCanEndFailedLeavingTheDraftAsItWas() throws Exception {
        sim.store().processingPolls(1).asyncUploadFails(true);
        String token = token();
        assertEquals("IN_PROGRESS", json(upload(token, zip("1.1.0"), "application/zip")).get("uploadState"));
        assertEquals("IN_PROGRESS", json(call("fetchStatus", token, null)).get("lastAsyncUploadState"));
        assertEquals("FAILED", json(call("fetchStatus", token, null)).get("lastAsyncUploadState"));
        assertNull(sim.store().draftVersion());
        HttpResponse<String> pub = call("publish", token, "{}");
        assertEquals(400, pub.statusCode(), "nothing new to publish");
        assertEquals("FAILED_PRECONDITION", errorStatus(pub));
    }

    // ------------------------------------------------------------------ publish, review, rollout

    @Test
    void aRejectedSubmissionReadsRejectedAndThePublishedRevisionStays() throws Exception {
        String token = token();
        assertEquals(200, upload(token, zip("1.1.0"), "application/zip").statusCode());
        assertEquals(200, call("publish", token, "{\"deployInfos\":[{\"deployPercentage\":20}]}").statusCode());
        assertEquals(20, sim.store().submitted().deployPercentage());
        sim.store().reject();
        Map<String, Object> status = json(call("fetchStatus", token, null));
        assertEquals("REJECTED", map(status.get("submittedItemRevisionStatus")).get("state"));
        assertEquals("1.0.0", channel(status, "publishedItemRevisionStatus").get("crxVersion"));
        assertThrows(IllegalStateException.class, () -> sim.store().approve(), "nothing pending review");
    }

    @Test
    void anItemInReviewRefusesUploadAndPublishUntilItsSubmissionIsCancelled() throws Exception {
        sim.store().inReview("1.1.0");
        String token = token();
        Map<String, Object> status = json(call("fetchStatus", token, null));
        assertEquals("PENDING_REVIEW", map(status.get("submittedItemRevisionStatus")).get("state"));

        HttpResponse<String> up = upload(token, zip("1.2.0"), "application/zip");
        assertEquals(400, up.statusCode());
        assertEquals("FAILED_PRECONDITION", errorStatus(up));
        assertEquals(GoogleErrors.IN_REVIEW_MESSAGE, map(json(up).get("error")).get("message"));
        HttpResponse<String> pub = call("publish", token, "{}");
        assertEquals(400, pub.statusCode());
        assertEquals("FAILED_PRECONDITION", errorStatus(pub));

        HttpResponse<String> cancel = call("cancelSubmission", token, null);
        assertEquals(200, cancel.statusCode(), cancel.body());
        assertEquals("{}", cancel.body());
        assertEquals("CANCELLED", sim.store().submitted().state());
        assertEquals(400, call("cancelSubmission", token, null).statusCode());

        assertEquals(200, upload(token, zip("1.2.0"), "application/zip").statusCode());
        HttpResponse<String> again = call("publish", token, "{}");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals("PENDING_REVIEW", json(again).get("state"));
        assertEquals("1.2.0", sim.store().submitted().crxVersion());
    }

    @Test
    void aStagedPublishWithAPercentageWaitsAsStagedThenGoesLiveOnPublish() throws Exception {
        String token = token();
        assertEquals(200, upload(token, zip("1.1.0"), "application/zip").statusCode());
        HttpResponse<String> pub = call("publish", token,
                "{\"publishType\":\"STAGED_PUBLISH\",\"deployInfos\":[{\"deployPercentage\":10}],"
                        + "\"skipReview\":false,\"blockOnWarnings\":false}");
        assertEquals(200, pub.statusCode(), pub.body());
        assertEquals("PENDING_REVIEW", json(pub).get("state"));
        assertEquals(NAME, json(pub).get("name"));
        assertTrue(sim.requests(ChromeRoute.PUBLISH).get(0).bodyText().contains("STAGED_PUBLISH"));

        sim.store().approve();
        Map<String, Object> staged = json(call("fetchStatus", token, null));
        assertEquals("STAGED", map(staged.get("submittedItemRevisionStatus")).get("state"));
        assertEquals("1.1.0", channel(staged, "submittedItemRevisionStatus").get("crxVersion"));
        assertEquals(10L, channel(staged, "submittedItemRevisionStatus").get("deployPercentage"));
        assertEquals("1.0.0", channel(staged, "publishedItemRevisionStatus").get("crxVersion"));

        HttpResponse<String> release = call("publish", token, "{}");
        assertEquals(200, release.statusCode(), release.body());
        assertEquals("PUBLISHED", json(release).get("state"));
        Map<String, Object> live = json(call("fetchStatus", token, null));
        assertEquals("1.1.0", channel(live, "publishedItemRevisionStatus").get("crxVersion"));
        assertEquals(10L, channel(live, "publishedItemRevisionStatus").get("deployPercentage"));
        assertFalse(live.containsKey("submittedItemRevisionStatus"));
    }

    @Test
    void aReviewEndsAfterTheConfiguredPollsAndSkipReviewIsRefusedWhereReviewIsRequired() throws Exception {
        sim.store().reviewPolls(1);
        String token = token();
        assertEquals(200, upload(token, zip("1.1.0"), "application/zip").statusCode());
        HttpResponse<String> skip = call("publish", token, "{\"skipReview\":true}");
        assertEquals(400, skip.statusCode());
        assertEquals("INVALID_ARGUMENT", errorStatus(skip));
        assertEquals(200, call("publish", token, "{\"publishType\":\"DEFAULT_PUBLISH\"}").statusCode());
        assertEquals("PENDING_REVIEW", map(json(call("fetchStatus", token, null))
                .get("submittedItemRevisionStatus")).get("state"));
        Map<String, Object> after = json(call("fetchStatus", token, null));
        assertFalse(after.containsKey("submittedItemRevisionStatus"));
        assertEquals("1.1.0", channel(after, "publishedItemRevisionStatus").get("crxVersion"));
        assertEquals(100L, channel(after, "publishedItemRevisionStatus").get("deployPercentage"));
    }

    @Test
    void theRolloutOnlyRises() throws Exception {
        sim.store().published("1.1.0", 10);
        String token = token();
        HttpResponse<String> up = call("setPublishedDeployPercentage", token, "{\"deployPercentage\":50}");
        assertEquals(200, up.statusCode(), up.body());
        assertEquals("{}", up.body());
        assertEquals(50L, channel(json(call("fetchStatus", token, null)), "publishedItemRevisionStatus")
                .get("deployPercentage"));

        HttpResponse<String> same = call("setPublishedDeployPercentage", token, "{\"deployPercentage\":50}");
        assertEquals(400, same.statusCode());
        assertEquals("INVALID_ARGUMENT", errorStatus(same));
        assertEquals("deploy_percentage", map(list(detail(same, "BadRequest").get("fieldViolations")).get(0))
                .get("field"));
        assertEquals(400, call("setPublishedDeployPercentage", token, "{\"deployPercentage\":101}").statusCode());

        sim.store().rolloutAllowed(false);
        HttpResponse<String> small = call("setPublishedDeployPercentage", token, "{\"deployPercentage\":60}");
        assertEquals(400, small.statusCode());
        assertEquals("FAILED_PRECONDITION", errorStatus(small));
        assertEquals(50, sim.store().published().deployPercentage());
    }

    @Test
    void publishWarningsAreAnsweredOrBlockThePublish() throws Exception {
        sim.store().publishWarning("PERMISSION_WARNING", "The <b>tabs</b> permission is broad.");
        String token = token();
        assertEquals(200, upload(token, zip("1.1.0"), "application/zip").statusCode());

        HttpResponse<String> blocked = call("publish", token, "{\"blockOnWarnings\":true}");
        assertEquals(400, blocked.statusCode());
        assertEquals("FAILED_PRECONDITION", errorStatus(blocked));
        assertEquals("PERMISSION_WARNING",
                map(list(detail(blocked, "PreconditionFailure").get("violations")).get(0)).get("type"));
        assertNull(sim.store().submitted());

        HttpResponse<String> noBody = call("publish", token, null);
        assertEquals(400, noBody.statusCode());

        HttpResponse<String> warned = call("publish", token, "{}");
        assertEquals(200, warned.statusCode(), warned.body());
        Map<String, Object> w = map(list(map(json(warned).get("warningInfo")).get("warnings")).get(0));
        assertEquals("PERMISSION_WARNING", w.get("reason"));
        assertEquals("The <b>tabs</b> permission is broad.", w.get("description"));
    }

    @Test
    void aTakenDownItemSaysSoAndRefusesAnUpload() throws Exception {
        sim.store().takenDown(true).warned(true);
        String token = token();
        Map<String, Object> status = json(call("fetchStatus", token, null));
        assertEquals(Boolean.TRUE, status.get("takenDown"));
        assertEquals(Boolean.TRUE, status.get("warned"));
        HttpResponse<String> up = upload(token, zip("1.1.0"), "application/zip");
        assertEquals(400, up.statusCode());
        assertEquals("FAILED_PRECONDITION", errorStatus(up));
        assertEquals(0, sim.store().packagesTaken());
    }

    // ------------------------------------------------------------------ errors and faults

    @Test
    void credentialsPublisherItemScopeAndPathAreChecked() throws Exception {
        HttpResponse<String> none = send(HttpRequest.newBuilder(
                URI.create(sim.apiBaseUrl() + "/v2/" + NAME + ":fetchStatus")).GET());
        assertEquals(401, none.statusCode());
        assertEquals("UNAUTHENTICATED", errorStatus(none));
        assertEquals("CREDENTIALS_MISSING", detail(none, "ErrorInfo").get("reason"));
        assertEquals(401, call("fetchStatus", "ya29.made-up", null).statusCode());

        String token = token();
        HttpResponse<String> publisher = send(HttpRequest.newBuilder(URI.create(sim.apiBaseUrl()
                + "/v2/publishers/another/items/" + ITEM_ID + ":fetchStatus")).header("Authorization", "Bearer " + token).GET());
        assertEquals(403, publisher.statusCode());
        assertEquals("PERMISSION_DENIED", errorStatus(publisher));
        HttpResponse<String> item = send(HttpRequest.newBuilder(URI.create(sim.apiBaseUrl() + "/v2/publishers/"
                + PUBLISHER_ID + "/items/pppppppppppppppppppppppppppppppp:fetchStatus"))
                .header("Authorization", "Bearer " + token).GET());
        assertEquals(404, item.statusCode());
        assertEquals("NOT_FOUND", errorStatus(item));

        String readonly = sim.store().issueToken(READONLY_SCOPE);
        assertEquals(200, call("fetchStatus", readonly, null).statusCode());
        HttpResponse<String> write = call("publish", readonly, "{}");
        assertEquals(403, write.statusCode());
        assertEquals("ACCESS_TOKEN_SCOPE_INSUFFICIENT", detail(write, "ErrorInfo").get("reason"));

        HttpResponse<String> encoded = send(HttpRequest.newBuilder(URI.create(sim.apiBaseUrl()
                + "/v2/publishers%2F" + PUBLISHER_ID + "%2Fitems%2F" + ITEM_ID + ":fetchStatus"))
                .header("Authorization", "Bearer " + token).GET());
        assertEquals(404, encoded.statusCode());
        assertTrue(encoded.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        HttpResponse<String> getPublish = send(HttpRequest.newBuilder(URI.create(sim.apiBaseUrl() + "/v2/" + NAME
                + ":publish")).header("Authorization", "Bearer " + token).GET());
        assertEquals(404, getPublish.statusCode());
        assertEquals(ChromeRoute.UNKNOWN.name(), sim.requests().get(sim.requests().size() - 1).routeName());
    }

    @Test
    void faultsAnswerInsteadOfTheStoreWhichStaysUntouched() throws Exception {
        String token = token();
        assertEquals(200, upload(token, zip("1.1.0"), "application/zip").statusCode());
        sim.fault(ChromeRoute.PUBLISH, GoogleErrors.throttled("7"))
                .fault(ChromeRoute.FETCH_STATUS, GoogleErrors.internal())
                .fault(ChromeRoute.FETCH_STATUS, GoogleErrors.unavailable())
                .fault(ChromeRoute.FETCH_STATUS, Fault.unknownStatus("QUEUED"))
                .fault(ChromeRoute.PUBLISH, Fault.closeConnection());

        HttpResponse<String> throttled = call("publish", token, "{}");
        assertEquals(429, throttled.statusCode());
        assertEquals("RESOURCE_EXHAUSTED", errorStatus(throttled));
        assertEquals("7", throttled.headers().firstValue("Retry-After").orElse(null));
        assertNull(sim.store().submitted());

        HttpResponse<String> internal = call("fetchStatus", token, null);
        assertEquals(500, internal.statusCode());
        assertEquals("INTERNAL", errorStatus(internal));
        HttpResponse<String> unavailable = call("fetchStatus", token, null);
        assertEquals(503, unavailable.statusCode());
        assertEquals("UNAVAILABLE", errorStatus(unavailable));
        assertEquals("QUEUED", json(call("fetchStatus", token, null)).get("lastAsyncUploadState"));
        // a POST is not retried by the JDK client: the closed connection reaches the caller
        assertThrows(IOException.class, () -> call("publish", token, "{}"));
        assertEquals(-1, sim.requests(ChromeRoute.PUBLISH).get(1).status());
        assertNull(sim.store().submitted());

        HttpResponse<String> pub = call("publish", token, "{}");
        assertEquals(200, pub.statusCode(), pub.body());
        assertEquals("1.1.0", sim.store().submitted().crxVersion());
        assertEquals(3, sim.requests(ChromeRoute.PUBLISH).size());
        assertNotNull(sim.requests(ChromeRoute.PUBLISH).get(2).bodyText());
    }

    @Test
    void everyCampaignFaultKindThatAppliesToAStatusPollIsAnsweredAsItsFault() throws Exception {
        String token = token();
        Random rnd = new Random(18);
        int injected = 0;
        for (FaultPlan.Kind kind : FaultPlan.Kind.values()) {
            if (!ChromeFaults.appliesTo(kind, ChromeRoute.FETCH_STATUS) || kind == FaultPlan.Kind.SLOW
                    || kind == FaultPlan.Kind.CLOSED) {
                continue; // SLOW only delays; a closed GET is retried by the JDK client (see the POST above)
            }
            Fault f = ChromeFaults.of(kind, rnd, Duration.ofMillis(1));
            sim.fault(ChromeRoute.FETCH_STATUS, f);
            HttpResponse<String> r = call("fetchStatus", token, null);
            assertEquals(f.statusCode(), r.statusCode(), kind.name());
            if (f.kind() == Fault.Kind.STATUS || kind == FaultPlan.Kind.HTML_200) {
                assertEquals(f.body() == null ? "" : f.body(), r.body(), kind.name());
            } else {
                assertFalse(r.body().contains("\"publishedItemRevisionStatus\""), kind.name()); // not the real status
            }
            injected++;
        }
        assertEquals(FaultPlan.Kind.values().length - 3, injected,
                "every kind but SLOW, CLOSED and TOKEN_EXPIRY was injected on a status poll");
        assertFalse(ChromeFaults.appliesTo(FaultPlan.Kind.MALFORMED, ChromeRoute.PUBLISH));
        assertTrue(ChromeFaults.appliesTo(FaultPlan.Kind.CLOSED, ChromeRoute.SET_DEPLOY_PERCENTAGE));
        assertEquals(200, call("fetchStatus", token, null).statusCode(), "the queue is used up");
    }

    /** A clock a test moves by hand. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
