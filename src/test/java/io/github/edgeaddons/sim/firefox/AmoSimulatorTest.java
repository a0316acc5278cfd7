package io.github.edgeaddons.sim.firefox;

import static io.github.edgeaddons.sim.firefox.AmoSimulator.ADDON_GUID;
import static io.github.edgeaddons.sim.firefox.AmoSimulator.ADDON_ID;
import static io.github.edgeaddons.sim.firefox.AmoSimulator.ADDON_SLUG;
import static io.github.edgeaddons.sim.firefox.AmoSimulator.EMAIL_ADDON_GUID;
import static io.github.edgeaddons.sim.firefox.AmoSimulator.JWT_ISSUER;
import static io.github.edgeaddons.sim.firefox.AmoSimulator.JWT_SECRET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.sim.Fault;
import io.github.edgeaddons.sim.FaultPlan;
import io.github.edgeaddons.sim.RecordedRequest;
import io.github.edgeaddons.sim.SimHttp;
import io.github.edgeaddons.sim.SimJson;
import io.github.edgeaddons.sim.Simulator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Drives the AMO simulator over real HTTP on 127.0.0.1 with the JDK's HttpClient and real HS256 JWTs. */
class AmoSimulatorTest {
    @Simulator
    private static AmoSimulator sim;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String GUID_PATH = URLEncoder.encode(ADDON_GUID, StandardCharsets.UTF_8);
    private static final String MV2 = "{\"manifest_version\":2,\"name\":\"t\",\"version\":\"%s\","
            + "\"browser_specific_settings\":{\"gecko\":{\"id\":\"%s\"}}}";

    // ------------------------------------------------------------------ helpers

    /** An HS256 JWT as a client mints it: {@code iss}, {@code jti} (unless null), {@code iat}, {@code exp}. */
    static String jwt(String iss, String secret, long iat, long exp, String jti) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = "{" + (iss == null ? "" : "\"iss\":" + SimJson.quote(iss) + ",")
                + (jti == null ? "" : "\"jti\":" + SimJson.quote(jti) + ",") + "\"iat\":" + iat + ",\"exp\":" + exp + "}";
        String payload = b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return header + "." + payload + "."
                + b64.encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
    }

    /** A fresh good token: 60 s of life from the system clock, a new jti. */
    static String jwt() throws Exception {
        long now = Instant.now().getEpochSecond();
        return jwt(JWT_ISSUER, JWT_SECRET, now, now + 60, UUID.randomUUID().toString());
    }

    private static HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create(sim.apiBaseUrl() + path)).timeout(Duration.ofSeconds(30));
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send(api(path).header("Authorization", "JWT " + jwt()).GET());
    }

    private static HttpResponse<String> getWith(String path, String authorization) throws Exception {
        HttpRequest.Builder b = api(path).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b);
    }

    private static HttpResponse<String> json(String method, String path, String body) throws Exception {
        return send(api(path).header("Authorization", "JWT " + jwt()).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A multipart body: each entry {name, fileName or null, bytes}. */
    private static final String BOUNDARY = "----sim-test-boundary-7f3a";

    private static byte[] multipart(Object[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object[] p : parts) {
            out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + p[0] + "\""
                    + (p[1] == null ? "" : "; filename=\"" + p[1] + "\"") + "\r\n"
                    + (p[1] == null ? "" : "Content-Type: application/octet-stream\r\n") + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(p[2] instanceof byte[] ? (byte[]) p[2] : String.valueOf(p[2]).getBytes(StandardCharsets.UTF_8));
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static HttpResponse<String> postMultipart(String path, byte[] body) throws Exception {
        return send(api(path).header("Authorization", "JWT " + jwt())
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    static byte[] zip(String manifest, String... more) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("manifest.json"));
            z.write(manifest.getBytes(StandardCharsets.UTF_8));
            for (String name : more) {
                z.putNextEntry(new ZipEntry(name));
                z.write("// code\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static Map<String, Object> upload(String version, String channel) throws Exception {
        return upload(version, channel, ADDON_GUID);
    }

    /** Upload a package whose manifest names {@code guid}. */
    private static Map<String, Object> upload(String version, String channel, String guid) throws Exception {
        HttpResponse<String> r = postMultipart("/api/v5/addons/upload/",
                multipart(new Object[] {"upload", "ext.zip", zip(String.format(MV2, version, guid), "background.js")},
                        new Object[] {"channel", null, channel}));
        assertEquals(201, r.statusCode(), r.body());
        return SimJson.parseObject(r.body());
    }

    /** Upload and poll until processed (bounded); answers the last upload object. */
    private static Map<String, Object> validUpload(String version, String channel) throws Exception {
        return validUpload(version, channel, ADDON_GUID);
    }

    private static Map<String, Object> validUpload(String version, String channel, String guid) throws Exception {
        String uuid = (String) upload(version, channel, guid).get("uuid");
        for (int i = 0; i < 10; i++) {
            Map<String, Object> u = SimJson.parseObject(get("/api/v5/addons/upload/" + uuid + "/").body());
            if (Boolean.TRUE.equals(u.get("processed"))) {
                return u;
            }
        }
        throw new AssertionError("not processed after 10 polls");
    }

    private static String detail(HttpResponse<String> r) {
        return (String) SimJson.parseObject(r.body()).get("detail");
    }

    private static String versionsPath(String addon) {
        return "/api/v5/addons/addon/" + addon + "/versions/";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> obj(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    // ------------------------------------------------------------------ authentication

    @Test
    void aGoodJwtReadsTheAddOnByGuidSlugAndIdAndIsRecordedMasked() throws Exception {
        String token = jwt();
        HttpResponse<String> r = getWith("/api/v5/addons/addon/" + GUID_PATH + "/", "JWT " + token);
        assertEquals(200, r.statusCode(), r.body());
        Map<String, Object> addon = SimJson.parseObject(r.body());
        assertEquals(ADDON_GUID, addon.get("guid"));
        assertEquals("public", addon.get("status"));
        assertEquals("1.0.0", obj(addon, "current_version").get("version"));
        assertEquals(ADDON_GUID, SimJson.parseObject(get("/api/v5/addons/addon/" + ADDON_SLUG + "/").body()).get("guid"));
        assertEquals(ADDON_GUID, SimJson.parseObject(get("/api/v5/addons/addon/" + ADDON_ID + "/").body()).get("guid"));
        HttpResponse<String> email = get("/api/v5/addons/addon/" + EMAIL_ADDON_GUID + "/");
        assertEquals(200, email.statusCode());
        assertEquals("incomplete", SimJson.parseObject(email.body()).get("status"));

        RecordedRequest first = sim.requests(FirefoxRoute.ADDON).get(0);
        assertEquals("JWT ***", first.header("Authorization"));
        assertTrue(first.authValid());
        for (RecordedRequest rec : sim.requests()) {
            assertFalse(rec.headers().toString().contains(token.substring(0, 20)), rec.toString());
        }
    }

    @Test
    void badCredentialsAreAnsweredWithAmosTexts() throws Exception {
        long now = Instant.now().getEpochSecond();
        String path = "/api/v5/addons/addon/" + ADDON_SLUG + "/";
        assertEquals(AmoErrors.NOT_PROVIDED, detail(getWith(path, null)));
        assertEquals(AmoErrors.NOT_PROVIDED, detail(getWith(path, "Bearer " + jwt())));
        assertEquals(AmoErrors.NO_CREDENTIALS, detail(getWith(path, "JWT ")));
        assertEquals(AmoErrors.SPACES, detail(getWith(path, "JWT a b")));
        assertEquals(AmoErrors.DECODING, detail(getWith(path, "JWT not-a-token")));
        HttpResponse<String> wrongSecret = getWith(path, "JWT " + jwt(JWT_ISSUER, "another-secret", now, now + 60, "a"));
        assertEquals(401, wrongSecret.statusCode());
        assertEquals(AmoErrors.DECODING, detail(wrongSecret));
        assertEquals(AmoErrors.INVALID_API_KEY,
                detail(getWith(path, "JWT " + jwt("user:1:1", JWT_SECRET, now, now + 60, "b"))));
        assertEquals(AmoErrors.UNKNOWN_ISSUER, detail(getWith(path, "JWT " + jwt(null, JWT_SECRET, now, now + 60, "c"))));
        assertEquals(AmoErrors.TOO_LONG,
                detail(getWith(path, "JWT " + jwt(JWT_ISSUER, JWT_SECRET, now, now + 301, "d"))));
        assertEquals(200, getWith(path, "JWT " + jwt(JWT_ISSUER, JWT_SECRET, now, now + 300, "e")).statusCode());
        assertEquals(200, getWith(path, "JWT " + jwt(JWT_ISSUER, JWT_SECRET, now, now + 60, null)).statusCode());
        for (RecordedRequest rec : sim.requests()) {
            assertEquals(rec.status() == 200, rec.authValid(), rec.toString());
        }
    }

    @Test
    void theClockDecidesBetweenAFutureIatAndAnExpiredToken() throws Exception {
        Instant t0 = Instant.parse("2026-06-01T12:00:00Z");
        sim.clock(Clock.fixed(t0, ZoneOffset.UTC));
        long now = t0.getEpochSecond();
        String path = "/api/v5/addons/addon/" + ADDON_SLUG + "/";
        HttpResponse<String> ahead = getWith(path, "JWT " + jwt(JWT_ISSUER, JWT_SECRET, now + 60, now + 120, "f1"));
        assertEquals(401, ahead.statusCode());
        assertEquals(AmoErrors.IAT_INVALID, detail(ahead));
        assertEquals(200, getWith(path, "JWT " + jwt(JWT_ISSUER, JWT_SECRET, now + 5, now + 65, "f2")).statusCode(),
                "5 s of leeway");
        assertEquals(AmoErrors.EXPIRED,
                detail(getWith(path, "JWT " + jwt(JWT_ISSUER, JWT_SECRET, now - 120, now - 6, "f3"))));
        assertEquals(200, getWith(path, "JWT " + jwt(JWT_ISSUER, JWT_SECRET, now - 120, now - 5, "f4")).statusCode());
    }

    @Test
    void aReplayedTokenIdIsRefusedUnlessAsked() throws Exception {
        long now = Instant.now().getEpochSecond();
        String token = jwt(JWT_ISSUER, JWT_SECRET, now, now + 60, "same-jti");
        String path = "/api/v5/addons/addon/" + ADDON_SLUG + "/";
        assertEquals(200, getWith(path, "JWT " + token).statusCode());
        HttpResponse<String> again = getWith(path, "JWT " + token);
        assertEquals(401, again.statusCode());
        assertEquals(AmoErrors.INVALID_TOKEN, detail(again));
        sim.store().refuseReplayedJti(false);
        assertEquals(200, getWith(path, "JWT " + token).statusCode());
    }

    // ------------------------------------------------------------------ paths and ids

    @Test
    void pathsNeedTheirTrailingSlash() throws Exception {
        HttpResponse<String> r = send(api("/api/v5/addons/upload").header("Authorization", "JWT " + jwt())
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(new Object[] {"channel", null, "listed"}))));
        assertEquals(301, r.statusCode());
        assertEquals(sim.apiBaseUrl() + "/api/v5/addons/upload/", r.headers().firstValue("Location").orElse(null));
        HttpResponse<String> list = get("/api/v5/addons/upload/");
        assertEquals(200, list.statusCode());
        assertEquals(0L, SimJson.parseObject(list.body()).get("count"), "the redirect replayed as GET lists uploads");
        assertEquals(301, get("/api/v5/addons/addon/" + ADDON_SLUG).statusCode());
        assertEquals(0, sim.store().uploadsTaken());
    }

    @Test
    void bracesAreKeptForUuidGuidsOnly() throws Exception {
        String bare = ADDON_GUID.substring(1, ADDON_GUID.length() - 1);
        HttpResponse<String> stripped = get("/api/v5/addons/addon/" + bare + "/");
        assertEquals(404, stripped.statusCode());
        assertEquals(AmoErrors.NOT_FOUND, detail(stripped));
        assertEquals(404, get("/api/v5/addons/addon/%7B" + ADDON_SLUG + "%7D/").statusCode());
        assertEquals(404, get("/api/v5/addons/addon/%7B" + EMAIL_ADDON_GUID + "%7D/").statusCode());
        assertEquals(200, get("/api/v5/addons/addon/%7b" + bare + "%7d/").statusCode(), "lower-case escapes too");
        assertEquals(405, send(api("/api/v5/addons/addon/" + ADDON_SLUG + "/").header("Authorization", "JWT " + jwt())
                .DELETE()).statusCode());
    }

    // ------------------------------------------------------------------ uploads

    @Test
    void anUploadIsValidatedAfterSeveralPolls() throws Exception {
        Map<String, Object> created = upload("1.1.0", "listed");
        assertEquals(Boolean.FALSE, created.get("processed"));
        assertNull(created.get("validation"));
        String uuid = (String) created.get("uuid");
        assertEquals(sim.apiBaseUrl() + "/api/v5/addons/upload/" + uuid + "/", created.get("url"));
        String path = "/api/v5/addons/upload/" + uuid + "/";
        assertEquals(Boolean.FALSE, SimJson.parseObject(get(path).body()).get("processed"));
        assertEquals(Boolean.FALSE, SimJson.parseObject(get(path).body()).get("processed"));
        Map<String, Object> done = SimJson.parseObject(get(path).body());
        assertEquals(Boolean.TRUE, done.get("processed"));
        assertEquals(Boolean.TRUE, done.get("valid"));
        assertEquals("1.1.0", done.get("version"));
        assertEquals("listed", done.get("channel"));
        assertEquals(0L, obj(done, "validation").get("errors"));
        assertEquals(404, get("/api/v5/addons/upload/" + UUID.randomUUID().toString().replace("-", "") + "/")
                .statusCode());
        AmoStore.Upload taken = sim.store().uploads().get(0);
        assertEquals(uuid, taken.uuid());
        assertEquals("listed", taken.channel());
        assertEquals("ext.zip", taken.fileName());
        assertEquals(ADDON_GUID, taken.guid());
        assertTrue(new String(taken.bytes(), StandardCharsets.ISO_8859_1).contains("background.js"));
        RecordedRequest post = sim.requests(FirefoxRoute.UPLOAD).get(0);
        assertNull(post.bodyText(), "a multipart body is not kept as text");
        assertTrue(post.bodySize() > 100);
    }

    @Test
    void anInvalidPackageGetsTheValidatorsMessages() throws Exception {
        sim.store().processingPolls(0).invalidPackageOnNextUpload();
        Map<String, Object> u = validUpload("1.1.0", "listed");
        assertEquals(Boolean.FALSE, u.get("valid"));
        Map<String, Object> validation = obj(u, "validation");
        assertEquals(2L, validation.get("errors"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> messages = (List<Map<String, Object>>) validation.get("messages");
        assertEquals("error", messages.get(0).get("type"));
        assertEquals("background.js", messages.get(0).get("file"));
        assertEquals(12L, messages.get(0).get("line"));
        assertEquals("eval can be harmful.", messages.get(0).get("message"));
        assertEquals("manifest.json", messages.get(1).get("file"));
        assertEquals(Boolean.TRUE, validUpload("1.1.0", "listed").get("valid"), "only the next upload");
    }

    @Test
    void thePackagesOwnFirefoxRulesAreChecked() throws Exception {
        sim.store().processingPolls(0);
        String mv3 = "{\"manifest_version\":3,\"name\":\"t\",\"version\":\"2.0\",\"background\":{\"service_worker\":\"bg.js\"}}";
        HttpResponse<String> r = postMultipart("/api/v5/addons/upload/", multipart(
                new Object[] {"upload", "ext.zip", zip(mv3, "bg.js")}, new Object[] {"channel", null, "listed"}));
        Map<String, Object> u = SimJson.parseObject(get("/api/v5/addons/upload/"
                + SimJson.parseObject(r.body()).get("uuid") + "/").body());
        assertEquals(Boolean.FALSE, u.get("valid"));
        List<Object> ids = new ArrayList<>();
        for (Object m : (List<?>) obj(u, "validation").get("messages")) {
            ids.add(((List<?>) ((Map<?, ?>) m).get("id")).get(0));
        }
        assertEquals(Arrays.asList("EXTENSION_ID_REQUIRED", "BACKGROUND_SERVICE_WORKER_IGNORED"), ids);
    }

    @Test
    void uploadRequestErrorsAreAmos() throws Exception {
        HttpResponse<String> text = send(api("/api/v5/addons/upload/").header("Authorization", "JWT " + jwt())
                .header("Content-Type", "text/plain;charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(415, text.statusCode());
        assertEquals("Unsupported media type \"text/plain;charset=UTF-8\" in request.", detail(text));
        HttpResponse<String> noFile = postMultipart("/api/v5/addons/upload/",
                multipart(new Object[] {"channel", null, "listed"}));
        assertEquals(400, noFile.statusCode());
        assertEquals(Arrays.asList(AmoErrors.MISSING_UPLOAD), SimJson.parseArray(noFile.body()));
        HttpResponse<String> noChannel = postMultipart("/api/v5/addons/upload/",
                multipart(new Object[] {"upload", "ext.zip", zip(String.format(MV2, "1.1", ADDON_GUID))}));
        assertEquals(Arrays.asList(AmoErrors.MISSING_CHANNEL), SimJson.parseArray(noChannel.body()));
        sim.store().processingPolls(0);
        HttpResponse<String> noName = postMultipart("/api/v5/addons/upload/", multipart(
                new Object[] {"upload", "", zip(String.format(MV2, "1.1", ADDON_GUID))}, new Object[] {"channel", null, "listed"}));
        assertEquals(201, noName.statusCode());
        Map<String, Object> u = SimJson.parseObject(get("/api/v5/addons/upload/"
                + SimJson.parseObject(noName.body()).get("uuid") + "/").body());
        assertEquals(Boolean.FALSE, u.get("valid"));
        assertEquals(AmoErrors.UNSUPPORTED_FILE_TYPE,
                ((Map<?, ?>) ((List<?>) obj(u, "validation").get("messages")).get(0)).get("message"));
    }

    // ------------------------------------------------------------------ versions

    @Test
    void aVersionIsCreatedAndReadBackByIdAndByNumber() throws Exception {
        sim.store().processingPolls(1);
        String uuid = (String) validUpload("1.1.0", "listed").get("uuid");
        HttpResponse<String> r = json("POST", versionsPath(GUID_PATH), "{\"upload\":" + SimJson.quote(uuid)
                + ",\"approval_notes\":\"Run npm ci && npm run build\",\"release_notes\":{\"en-US\":\"Fixes\",\"de\":"
                + "\"Behebt\"},\"compatibility\":{\"firefox\":{\"min\":\"128.0\"}}}");
        assertEquals(201, r.statusCode(), r.body());
        Map<String, Object> v = SimJson.parseObject(r.body());
        assertEquals("1.1.0", v.get("version"));
        assertEquals("listed", v.get("channel"));
        assertEquals("Run npm ci && npm run build", v.get("approval_notes"));
        assertEquals("Behebt", obj(v, "release_notes").get("de"));
        assertEquals("MPL-2.0", obj(v, "license").get("slug"), "inherited from the previous version");
        assertEquals("128.0", obj(obj(v, "compatibility"), "firefox").get("min"));
        assertEquals("{\"firefox\":{\"min\":\"128.0\",\"max\":\"*\"}}", sim.store().versions().get(1).compatibility());
        assertEquals(AmoStore.UNREVIEWED, obj(v, "file").get("status"));
        assertNull(v.get("source"));

        HttpResponse<String> byNumber = get(versionsPath(ADDON_SLUG) + "v1.1.0/");
        assertEquals(200, byNumber.statusCode());
        assertEquals(v.get("id"), SimJson.parseObject(byNumber.body()).get("id"));
        assertEquals("1.1.0", SimJson.parseObject(get(versionsPath(ADDON_SLUG) + v.get("id") + "/").body())
                .get("version"));
        assertEquals(404, get(versionsPath(ADDON_SLUG) + "v9.9.9/").statusCode());
        assertEquals(Boolean.TRUE, SimJson.parseObject(get("/api/v5/addons/upload/" + uuid + "/").body())
                .get("submitted"));
        assertEquals(AmoErrors.UPLOAD_NOT_VALID, ((List<?>) SimJson.parseObject(json("POST", versionsPath(ADDON_SLUG),
                "{\"upload\":" + SimJson.quote(uuid) + "}").body()).get("upload")).get(0), "an upload serves once");
        assertEquals(Arrays.asList("1.0.0", "1.1.0"), numbers(sim.store().versions()));
        assertTrue(sim.requests(FirefoxRoute.CREATE_VERSION).get(0).bodyText().contains("approval_notes"));
    }

    private static List<String> numbers(List<AmoStore.Version> vs) {
        List<String> out = new ArrayList<>();
        for (AmoStore.Version v : vs) {
            out.add(v.number());
        }
        return out;
    }

    @Test
    void aVersionBeforeItsUploadIsValidIsRefused() throws Exception {
        String uuid = (String) upload("1.1.0", "listed").get("uuid");
        HttpResponse<String> r = json("POST", versionsPath(ADDON_SLUG), "{\"upload\":" + SimJson.quote(uuid) + "}");
        assertEquals(400, r.statusCode());
        assertEquals(Arrays.asList(AmoErrors.UPLOAD_NOT_VALID), SimJson.parseObject(r.body()).get("upload"));
        sim.store().processingPolls(0).invalidPackageOnNextUpload();
        String invalid = (String) validUpload("1.1.0", "listed").get("uuid");
        assertEquals(400, json("POST", versionsPath(ADDON_SLUG), "{\"upload\":" + SimJson.quote(invalid) + "}")
                .statusCode());
        assertEquals(Arrays.asList(AmoErrors.REQUIRED),
                SimJson.parseObject(json("POST", versionsPath(ADDON_SLUG), "{}").body()).get("upload"));
        assertEquals(1, sim.store().versions().size());
    }

    @Test
    void aDuplicateVersionNumberIsAnsweredAsAmoDoes() throws Exception {
        sim.store().processingPolls(0).existingVersion("1.0.1", AmoStore.UNLISTED);
        String uuid = (String) validUpload("1.0.1", "listed").get("uuid");
        HttpResponse<String> r = json("POST", versionsPath(ADDON_SLUG), "{\"upload\":" + SimJson.quote(uuid) + "}");
        assertEquals(400, r.statusCode());
        assertEquals(Arrays.asList(AmoErrors.versionExists("1.0.1")), SimJson.parseObject(r.body()).get("version"));
    }

    @Test
    void aListedVersionNeedsALicenseWhereTheAddOnHasNone() throws Exception {
        sim.store().processingPolls(0).noLicense();
        String uuid = (String) validUpload("1.0.0", "listed").get("uuid");
        HttpResponse<String> r = json("POST", versionsPath(ADDON_SLUG), "{\"upload\":" + SimJson.quote(uuid) + "}");
        assertEquals(400, r.statusCode());
        assertEquals(Arrays.asList(AmoErrors.LICENSE_REQUIRED), SimJson.parseObject(r.body()).get("license"));
        assertFalse(sim.store().hasLicense());
        HttpResponse<String> unknown = json("POST", versionsPath(ADDON_SLUG), "{\"upload\":" + SimJson.quote(uuid)
                + ",\"license\":\"WTFPL\"}");
        assertEquals(400, unknown.statusCode());
        assertNotNull(SimJson.parseObject(unknown.body()).get("license"));
        HttpResponse<String> ok = json("POST", versionsPath(ADDON_SLUG), "{\"upload\":" + SimJson.quote(uuid)
                + ",\"license\":\"MPL-2.0\"}");
        assertEquals(201, ok.statusCode(), ok.body());
        assertTrue(sim.store().hasLicense());
        String unlisted = (String) validUpload("2.0.0", "unlisted", EMAIL_ADDON_GUID).get("uuid");
        assertEquals(201, json("POST", versionsPath(EMAIL_ADDON_GUID), "{\"upload\":" + SimJson.quote(unlisted) + "}")
                .statusCode(), "an unlisted version needs none");
    }

    @Test
    void fieldErrorsAndMediaTypesOfAVersion() throws Exception {
        sim.store().processingPolls(0);
        String uuid = (String) validUpload("1.1.0", "listed").get("uuid");
        String head = "{\"upload\":" + SimJson.quote(uuid);
        assertEquals(Arrays.asList("The language code \"es\" is invalid."), SimJson.parseObject(json("POST",
                versionsPath(ADDON_SLUG), head + ",\"release_notes\":{\"es\":\"x\"}}").body()).get("release_notes"));
        assertEquals(Arrays.asList(AmoErrors.NOT_A_FILE), SimJson.parseObject(json("POST", versionsPath(ADDON_SLUG),
                head + ",\"source\":\"src.zip\"}").body()).get("source"));
        assertEquals(400, json("POST", versionsPath(ADDON_SLUG), head + ",\"compatibility\":[\"chrome\"]}").statusCode());
        HttpResponse<String> text = send(api(versionsPath(ADDON_SLUG)).header("Authorization", "JWT " + jwt())
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(head + "}")));
        assertEquals(415, text.statusCode());
        assertEquals(404, json("POST", versionsPath("no-such-addon"), head + "}").statusCode());
        assertEquals(1, sim.store().versions().size());
    }

    @Test
    void aSourcesZipTravelsInTheCreationOrInALaterPatch() throws Exception {
        sim.store().processingPolls(0);
        String uuid = (String) validUpload("1.1.0", "listed").get("uuid");
        byte[] sources = zip("{}", "src/index.ts");
        HttpResponse<String> r = postMultipart(versionsPath(ADDON_SLUG), multipart(new Object[] {"upload", null, uuid},
                new Object[] {"approval_notes", null, "npm run build"}, new Object[] {"source", "sources.zip", sources}));
        assertEquals(201, r.statusCode(), r.body());
        Map<String, Object> v = SimJson.parseObject(r.body());
        assertTrue(((String) v.get("source")).endsWith("/sources.zip"));
        assertEquals("npm run build", v.get("approval_notes"));
        AmoStore.Version stored = sim.store().versions().get(1);
        assertEquals("sources.zip", stored.sourceName());
        assertEquals(sources.length, stored.sourceSize());

        String second = (String) validUpload("1.2.0", "listed").get("uuid");
        assertEquals(201, json("POST", versionsPath(ADDON_SLUG), "{\"upload\":" + SimJson.quote(second) + "}")
                .statusCode());
        HttpResponse<String> patched = send(api(versionsPath(ADDON_SLUG) + "v1.2.0/").header("Authorization", "JWT "
                + jwt()).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).method("PATCH",
                HttpRequest.BodyPublishers.ofByteArray(multipart(new Object[] {"source", "src-1.2.0.zip", sources}))));
        assertEquals(200, patched.statusCode(), patched.body());
        assertTrue(((String) SimJson.parseObject(patched.body()).get("source")).endsWith("/src-1.2.0.zip"));
        assertEquals("src-1.2.0.zip", sim.store().versions().get(2).sourceName());
        HttpResponse<String> notes = json("PATCH", versionsPath(ADDON_SLUG) + "v1.2.0/",
                "{\"release_notes\":{\"en-US\":\"Later notes\"}}");
        assertEquals(200, notes.statusCode());
        assertEquals("Later notes", sim.store().versions().get(2).releaseNotes().get("en-US"));
    }

    // ------------------------------------------------------------------ review and signing

    @Test
    void anUnlistedVersionIsSignedAfterPollsAndItsXpiDownloaded() throws Exception {
        sim.store().processingPolls(0).signingPolls(2);
        String uuid = (String) validUpload("1.1.0", "unlisted").get("uuid");
        Map<String, Object> v = SimJson.parseObject(json("POST", versionsPath(GUID_PATH),
                "{\"upload\":" + SimJson.quote(uuid) + "}").body());
        assertEquals("unlisted", v.get("channel"));
        String url = (String) obj(v, "file").get("url");
        assertTrue(url.startsWith(sim.apiBaseUrl() + "/firefox/downloads/file/") && url.endsWith(".xpi"), url);
        HttpResponse<byte[]> early = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "JWT " + jwt()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(404, early.statusCode(), "not signed yet");
        String path = versionsPath(GUID_PATH) + "v1.1.0/";
        assertEquals(AmoStore.UNREVIEWED, obj(SimJson.parseObject(get(path).body()), "file").get("status"));
        assertEquals(AmoStore.UNREVIEWED, obj(SimJson.parseObject(get(path).body()), "file").get("status"));
        Map<String, Object> file = obj(SimJson.parseObject(get(path).body()), "file");
        assertEquals(AmoStore.PUBLIC, file.get("status"));

        HttpResponse<byte[]> xpi = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "JWT " + jwt()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, xpi.statusCode());
        assertEquals("application/x-xpinstall", xpi.headers().firstValue("Content-Type").orElse(null));
        assertEquals("sha256:" + SimHttp.hex(MessageDigest.getInstance("SHA-256").digest(xpi.body())), file.get("hash"));
        assertEquals((long) xpi.body().length, file.get("size"));
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xpi.body()))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.add(e.getName());
            }
        }
        assertTrue(entries.containsAll(Arrays.asList("manifest.json", "background.js", "META-INF/mozilla.rsa",
                "META-INF/cose.sig")), entries.toString());
        HttpResponse<byte[]> again = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "JWT " + jwt()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(xpi.body(), again.body(), "the same bytes each time");
        assertEquals(401, HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "the download needs the JWT");
    }

    @Test
    void aListedVersionWaitsForItsReview() throws Exception {
        sim.store().processingPolls(0).approvalPolls(1);
        String uuid = (String) validUpload("1.1.0", "listed").get("uuid");
        assertEquals(201, json("POST", versionsPath(ADDON_SLUG), "{\"upload\":" + SimJson.quote(uuid) + "}")
                .statusCode());
        String path = versionsPath(ADDON_SLUG) + "v1.1.0/";
        assertEquals(AmoStore.UNREVIEWED, obj(SimJson.parseObject(get(path).body()), "file").get("status"));
        assertEquals(AmoStore.PUBLIC, obj(SimJson.parseObject(get(path).body()), "file").get("status"));
        assertEquals("1.1.0", obj(SimJson.parseObject(get("/api/v5/addons/addon/" + ADDON_SLUG + "/").body()),
                "current_version").get("version"));
        sim.store().reject();
        assertEquals(AmoStore.DISABLED, obj(SimJson.parseObject(get(path).body()), "file").get("status"));
    }

    @Test
    void byDefaultAListedVersionStaysUnreviewed() throws Exception {
        sim.store().processingPolls(0);
        String uuid = (String) validUpload("1.1.0", "listed").get("uuid");
        json("POST", versionsPath(ADDON_SLUG), "{\"upload\":" + SimJson.quote(uuid) + "}");
        for (int i = 0; i < 3; i++) {
            assertEquals(AmoStore.UNREVIEWED, obj(SimJson.parseObject(get(versionsPath(ADDON_SLUG) + "v1.1.0/")
                    .body()), "file").get("status"));
        }
    }

    // ------------------------------------------------------------------ throttling and faults

    @Test
    void throttlingAnswersTheWaitInItsBody() throws Exception {
        sim.store().throttle(1, 18, true);
        HttpResponse<String> r = get("/api/v5/addons/addon/" + ADDON_SLUG + "/");
        assertEquals(429, r.statusCode());
        assertEquals("Request was throttled. Expected available in 18 seconds.", detail(r));
        assertEquals("18", r.headers().firstValue("Retry-After").orElse(null));
        assertEquals(200, get("/api/v5/addons/addon/" + ADDON_SLUG + "/").statusCode());
        sim.store().throttle(1, 26175, false);
        HttpResponse<String> noHeader = get("/api/v5/addons/addon/" + ADDON_SLUG + "/");
        assertEquals(AmoErrors.throttledText(26175), detail(noHeader));
        assertFalse(noHeader.headers().firstValue("Retry-After").isPresent());
        assertEquals(401, getWith("/api/v5/addons/addon/" + ADDON_SLUG + "/", null).statusCode(),
                "authentication comes first");
    }

    @Test
    void faultsTakeAmosShapes() throws Exception {
        sim.fault(FirefoxRoute.UPLOAD, AmoErrors.serverError())
                .fault(FirefoxRoute.CREATE_VERSION, FirefoxFaults.of(FaultPlan.Kind.THROTTLED_RETRY_AFTER,
                        new Random(7), Duration.ofSeconds(1)))
                .fault(FirefoxRoute.VERSION, FirefoxFaults.of(FaultPlan.Kind.MALFORMED, new Random(7),
                        Duration.ofSeconds(1)))
                .fault(FirefoxRoute.PATCH_VERSION, Fault.closeConnection());
        HttpResponse<String> html = postMultipart("/api/v5/addons/upload/",
                multipart(new Object[] {"channel", null, "listed"}));
        assertEquals(500, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals(0, sim.store().uploadsTaken());
        HttpResponse<String> throttled = json("POST", versionsPath(ADDON_SLUG), "{}");
        assertEquals(429, throttled.statusCode());
        long seconds = Long.parseLong(throttled.headers().firstValue("Retry-After").orElse("-1"));
        assertEquals(AmoErrors.throttledText(seconds), detail(throttled));
        HttpResponse<String> malformed = get(versionsPath(ADDON_SLUG) + "v1.0.0/");
        assertEquals(200, malformed.statusCode());
        assertThrows(IllegalArgumentException.class, () -> SimJson.parse(malformed.body()));
        // a PATCH, which the JDK client does not send again by itself
        assertThrows(IOException.class, () -> json("PATCH", versionsPath(ADDON_SLUG) + "v1.0.0/", "{}"));
        assertEquals(-1, sim.requests(FirefoxRoute.PATCH_VERSION).get(0).status());

        assertTrue(FirefoxFaults.appliesTo(FaultPlan.Kind.MALFORMED, FirefoxRoute.VERSION));
        assertTrue(FirefoxFaults.appliesTo(FaultPlan.Kind.MALFORMED, FirefoxRoute.UPLOAD_STATUS));
        assertFalse(FirefoxFaults.appliesTo(FaultPlan.Kind.MALFORMED, FirefoxRoute.CREATE_VERSION));
        assertTrue(FirefoxFaults.appliesTo(FaultPlan.Kind.SERVER_ERROR, FirefoxRoute.CREATE_VERSION));
        assertEquals(503, FirefoxFaults.of(FaultPlan.Kind.UNAVAILABLE, new Random(1), Duration.ZERO).statusCode());
        assertEquals(404, FirefoxFaults.of(FaultPlan.Kind.NOT_FOUND_HTML, new Random(1), Duration.ZERO).statusCode());
    }

    @Test
    void aFaultSourceIsAskedForEveryRequest() throws Exception {
        List<FirefoxRoute> asked = new ArrayList<>();
        sim.faultSource(route -> {
            synchronized (asked) {
                asked.add(route);
            }
            return route == FirefoxRoute.UPLOAD_STATUS ? AmoErrors.maintenance() : null;
        });
        String uuid = (String) upload("1.1.0", "listed").get("uuid");
        assertEquals(503, get("/api/v5/addons/upload/" + uuid + "/").statusCode());
        assertEquals(Arrays.asList(FirefoxRoute.UPLOAD, FirefoxRoute.UPLOAD_STATUS), asked);
    }

    @Test
    void everyCampaignKindGetsAnAnswerOnEveryRouteItAppliesTo() throws Exception {
        HttpClient quick = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        int sent = 0;
        for (FaultPlan.Kind kind : FaultPlan.Kind.values()) {
            for (FirefoxRoute route : new FirefoxRoute[] {FirefoxRoute.UPLOAD, FirefoxRoute.UPLOAD_STATUS,
                    FirefoxRoute.CREATE_VERSION, FirefoxRoute.VERSION, FirefoxRoute.PATCH_VERSION}) {
                if (kind == FaultPlan.Kind.TOKEN_EXPIRY || !FirefoxFaults.appliesTo(kind, route)) {
                    continue;
                }
                sim.fault(route, FirefoxFaults.of(kind, new Random(kind.ordinal()), Duration.ofMillis(50)));
                HttpRequest.Builder b = api(route == FirefoxRoute.UPLOAD ? "/api/v5/addons/upload/"
                        : route == FirefoxRoute.UPLOAD_STATUS ? "/api/v5/addons/upload/0123/"
                        : route == FirefoxRoute.CREATE_VERSION ? versionsPath(ADDON_SLUG)
                        : versionsPath(ADDON_SLUG) + "v1.0.0/").header("Authorization", "JWT " + jwt());
                if (route == FirefoxRoute.UPLOAD || route == FirefoxRoute.CREATE_VERSION) {
                    b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
                } else if (route == FirefoxRoute.PATCH_VERSION) {
                    b.header("Content-Type", "application/json").method("PATCH",
                            HttpRequest.BodyPublishers.ofString("{}"));
                }
                sent++;
                try {
                    HttpResponse<String> r = quick.send(b.build(), HttpResponse.BodyHandlers.ofString());
                    assertFalse(r.body().startsWith("simulator error"), kind + " on " + route + ": " + r.body());
                } catch (IOException closed) {
                    assertEquals(FaultPlan.Kind.CLOSED, kind, kind + " on " + route + ": " + closed);
                }
            }
        }
        assertTrue(sent > 30, "kinds sent: " + sent);
    }

    @Test
    void aPackageNamingAnotherAddOnIsRefusedAndSoAreOtherAuthorsAddOns() throws Exception {
        sim.store().processingPolls(0);
        String uuid = (String) validUpload("1.1.0", "listed", EMAIL_ADDON_GUID).get("uuid");
        HttpResponse<String> mismatch = json("POST", versionsPath(ADDON_SLUG), "{\"upload\":" + SimJson.quote(uuid)
                + "}");
        assertEquals(400, mismatch.statusCode());
        assertEquals(Arrays.asList(AmoErrors.guidMismatch(EMAIL_ADDON_GUID, ADDON_GUID)),
                SimJson.parseArray(mismatch.body()));
        String path = "/api/v5/addons/addon/" + AmoSimulator.FOREIGN_ADDON_GUID + "/";
        assertEquals(200, get(path).statusCode(), "a public add-on reads");
        String foreign = (String) validUpload("3.1.0", "listed", AmoSimulator.FOREIGN_ADDON_GUID).get("uuid");
        HttpResponse<String> denied = json("POST", path + "versions/", "{\"upload\":" + SimJson.quote(foreign) + "}");
        assertEquals(403, denied.statusCode());
        assertEquals(AmoErrors.NOT_AUTHOR, detail(denied));
        assertEquals(403, get(path + "versions/v3.0.0/").statusCode());
    }

    @Test
    void anAddOnWithAProjectsOwnIdCanBeAdded() throws Exception {
        sim.store().processingPolls(0).addAddon("my-ext@example.net", "my-ext", false);
        assertThrows(IllegalArgumentException.class, () -> sim.store().addAddon(ADDON_GUID, "other", true));
        String uuid = (String) validUpload("0.1.0", "unlisted", "my-ext@example.net").get("uuid");
        HttpResponse<String> r = json("POST", versionsPath("my-ext@example.net"), "{\"upload\":" + SimJson.quote(uuid)
                + "}");
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(Arrays.asList("0.1.0"), numbers(sim.store().versions("my-ext@example.net")));
        assertEquals("my-ext", SimJson.parseObject(get("/api/v5/addons/addon/my-ext/").body()).get("slug"));
    }
}
