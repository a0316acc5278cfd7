package io.github.edgeaddons.firefox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The JWT AMO takes: HS256 over the secret, iss/jti/iat/exp, a lifetime under 300 s, a fresh one each time. */
class JwtAuthenticatorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);
    private final JwtAuthenticator auth = new JwtAuthenticator("user:1:2", "the-secret", CLOCK);

    private static JsonObject part(String token, int i) {
        return JsonParser.parseString(new String(Base64.getUrlDecoder().decode(token.split("\\.")[i]),
                StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Test
    void theTokenIsHs256WithTheClaimsAmoChecks() throws Exception {
        String token = auth.mint();
        assertEquals("HS256", part(token, 0).get("alg").getAsString());
        JsonObject claims = part(token, 1);
        assertEquals("user:1:2", claims.get("iss").getAsString());
        long iat = claims.get("iat").getAsLong();
        assertEquals(CLOCK.instant().getEpochSecond(), iat);
        long lifetime = claims.get("exp").getAsLong() - iat;
        assertTrue(lifetime > 0 && lifetime < 300, "under AMO's 300 s: " + lifetime);
        assertFalse(claims.has("orig_iat"));

        String[] p = token.split("\\.");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("the-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((p[0] + "." + p[1]).getBytes(StandardCharsets.US_ASCII)));
        assertEquals(expected, p[2]);
    }

    @Test
    void eachRequestGetsAFreshTokenWithItsOwnNonce() {
        String a = auth.mint();
        String b = auth.mint();
        assertNotEquals(part(a, 1).get("jti").getAsString(), part(b, 1).get("jti").getAsString());
        assertTrue(auth.header().startsWith("JWT ey"));
    }

    @Test
    void aRefusalIsAVerdictNotARefresh() {
        assertFalse(auth.refreshAfterUnauthorized(null, false));
    }

    @Test
    void theDescriptionShowsNoSecretAndNoToken() {
        String d = String.join("\n", auth.describeHeaders()) + auth;
        assertTrue(d.contains("Authorization: JWT ****"), d);
        assertFalse(d.contains("the-secret"));
        assertFalse(d.contains("eyJ"));
    }
}
