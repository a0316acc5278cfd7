package io.github.edgeaddons.firefox;

import com.google.gson.JsonObject;
import io.github.edgeaddons.core.Authenticator;
import io.github.edgeaddons.core.Deadline;
import io.github.edgeaddons.core.Redaction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.hc.core5.http.ClassicHttpRequest;

/**
 * AMO's authentication: a JSON Web Token signed with HS256 over the JWT secret, sent as
 * {@code Authorization: JWT <token>}, a fresh one for every request (claims {@code iss} = the JWT issuer,
 * {@code jti} a random nonce, {@code iat} now, {@code exp} {@link #LIFETIME} later).
 *
 * <p>No JWT library: one HMAC-SHA256 is all it takes, and the JDK's {@link Mac} does it, so the plugin adds no
 * dependency for it.
 *
 * <p>The lifetime: AMO refuses {@code exp - iat} over 300 s, and checks both claims against its own clock with
 * 5 s of leeway. A token minted per request is used within seconds, so any lifetime would do for the request
 * itself; 240 s stays well under the 300 s limit (whole seconds, read once) and lets a clock that runs up to
 * about 4 minutes behind AMO's still pass. A clock ahead of AMO's by more than 5 s cannot be helped by the
 * client: AMO then answers "iat ... invalid", and {@link FirefoxHints#clockAhead} says to fix the clock.
 */
public final class JwtAuthenticator implements Authenticator {
    /** {@code exp - iat}: under AMO's limit of 300 s. */
    static final Duration LIFETIME = Duration.ofSeconds(240);

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = B64URL.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
            .getBytes(StandardCharsets.UTF_8));

    private final String issuer;
    private final SecretKeySpec key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public JwtAuthenticator(String issuer, String secret, Clock clock) {
        this.issuer = issuer;
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** A token minted now: valid from now for {@link #LIFETIME}. */
    String mint() {
        long iat = clock.instant().getEpochSecond();
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        JsonObject claims = new JsonObject();
        claims.addProperty("iss", issuer);
        claims.addProperty("jti", B64URL.encodeToString(nonce));
        claims.addProperty("iat", iat);
        claims.addProperty("exp", iat + LIFETIME.getSeconds());
        String signingInput = HEADER + "." + B64URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return signingInput + "." + B64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            // every JDK has HmacSHA256 (it is a required algorithm)
            throw new IllegalStateException("HmacSHA256 is not available: " + e.getMessage(), e);
        }
    }

    /** The value of the {@code Authorization} header, with a token minted now. */
    String header() {
        return "JWT " + mint();
    }

    @Override
    public void authenticate(ClassicHttpRequest request, Deadline deadline, boolean once) {
        request.setHeader("Authorization", header());
    }

    /**
     * AMO's 401 is a verdict on the key, the secret or the clock: a fresh token (each request has one) would
     * get the same answer.
     */
    @Override
    public boolean refreshAfterUnauthorized(Deadline deadline, boolean once) {
        return false;
    }

    @Override
    public List<String> describeHeaders() {
        return Collections.singletonList("Authorization: JWT " + Redaction.SECRET + " (HS256, iss="
                + Redaction.partial(issuer) + ", minted per request, valid " + LIFETIME.getSeconds() + " s)");
    }

    @Override
    public String toString() {
        return "JwtAuthenticator{iss=" + Redaction.partial(issuer) + ", secret=" + Redaction.SECRET + "}";
    }
}
