package io.github.edgeaddons.chrome;

import io.github.edgeaddons.core.Json;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.edgeaddons.core.BearerTokenAuthenticator;
import io.github.edgeaddons.core.Deadline;
import io.github.edgeaddons.core.Failure;
import io.github.edgeaddons.core.Hints;
import io.github.edgeaddons.core.Http;
import io.github.edgeaddons.core.Redaction;
import io.github.edgeaddons.core.RetryPolicy;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.core.Transport;
import io.github.edgeaddons.core.WhatHappened;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;

/**
 * Google's OAuth 2.0 access token for the Chrome Web Store: from a refresh token, or from a service account's
 * signed assertion (JWT-bearer grant). Sent through the core's {@link Transport} (same proxy, deadline and retry
 * rules as the store's requests), kept in the build's token cache, renewed a minute before it expires and
 * once when the store answers 401.
 *
 * <p>The assertion is signed with the JDK ({@code SHA256withRSA}), not with a JWT or Google auth library: a JWT is
 * three base64url parts and one signature, and Gson (already a dependency) writes the JSON; a library would add
 * a dependency tree to the plugin for those dozen lines.
 */
final class GoogleAuthenticator extends BearerTokenAuthenticator {
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    /** How long an assertion is valid: Google accepts at most one hour. */
    private static final Duration ASSERTION_LIFETIME = Duration.ofHours(1);

    private final ChromeSettings settings;
    private final Transport transport;

    GoogleAuthenticator(ChromeSettings settings, Transport transport) {
        super(settings.tokenCache.entry(settings.tokenUrl, settings.credentials.cacheKey(), ChromeSettings.SCOPE),
                settings.clock);
        this.settings = settings;
        this.transport = transport;
    }

    @Override
    public List<String> describeHeaders() {
        return Collections.singletonList("Authorization: Bearer " + Redaction.SECRET + " (a token from "
                + settings.tokenUrl + " for the " + settings.credentials.grantName() + ")");
    }

    /** The form of the token request; it holds secrets, so it is never logged. */
    private List<NameValuePair> form() throws StoreException {
        List<NameValuePair> form = new ArrayList<>();
        if (settings.credentials instanceof ChromeCredentials.RefreshToken) {
            ChromeCredentials.RefreshToken c = (ChromeCredentials.RefreshToken) settings.credentials;
            form.add(new BasicNameValuePair("grant_type", "refresh_token"));
            form.add(new BasicNameValuePair("client_id", c.clientId));
            if (c.clientSecret != null) {
                form.add(new BasicNameValuePair("client_secret", c.clientSecret));
            }
            form.add(new BasicNameValuePair("refresh_token", c.refreshToken));
        } else {
            form.add(new BasicNameValuePair("grant_type", JWT_BEARER));
            form.add(new BasicNameValuePair("assertion",
                    assertion((ChromeCredentials.ServiceAccount) settings.credentials)));
        }
        return form;
    }

    /** The RS256-signed assertion: header, claims, signature, each base64url without padding. */
    String assertion(ChromeCredentials.ServiceAccount sa) throws StoreException {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        JsonObject header = new JsonObject();
        header.addProperty("alg", "RS256");
        header.addProperty("typ", "JWT");
        if (sa.privateKeyId != null) {
            header.addProperty("kid", sa.privateKeyId);
        }
        long now = settings.clock.instant().getEpochSecond();
        JsonObject claims = new JsonObject();
        claims.addProperty("iss", sa.clientEmail);
        claims.addProperty("scope", ChromeSettings.SCOPE);
        claims.addProperty("aud", settings.tokenUrl.toString());
        claims.addProperty("iat", now);
        claims.addProperty("exp", now + ASSERTION_LIFETIME.getSeconds());
        String signingInput = b64.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(sa.privateKey);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new StoreException(Failure.of(StoreException.Kind.AUTH, Failure.Request.TOKEN),
                    "Could not sign the service account's assertion with its key (" + e.getClass().getSimpleName()
                            + "). Download a new JSON key from the Google Cloud console.");
        }
    }

    @Override
    protected Token requestToken(Deadline deadline, boolean once) throws StoreException {
        Transport.Call call = new Transport.Call(Failure.Request.TOKEN, "POST", settings.tokenUrl,
                new UrlEncodedFormEntity(form(), StandardCharsets.UTF_8), RetryPolicy.Safety.REPEATABLE,
                "get an access token", false);
        if (once) {
            call.singleAttempt();
        }
        Transport.Response r;
        try {
            r = transport.execute(call, null, deadline);
        } catch (StoreException e) {
            if (e.kind() == StoreException.Kind.NETWORK && e.getCause() instanceof IOException) {
                IOException cause = (IOException) e.getCause();
                throw StoreException.tokenEndpoint(Failure.of(StoreException.Kind.NETWORK, Failure.Request.TOKEN)
                        .cause(cause), "Could not get an access token from " + settings.tokenUrl + ": "
                        + Transport.describe(cause) + ".", Hints.forNetworkFailure(settings, cause));
            }
            throw e;
        }
        boolean html = Http.isHtml(r.header("Content-Type"), r.body);
        JsonObject o = object(r.body);
        if (!r.isSuccess()) {
            String error = o == null ? null : Json.string(o, "error");
            String description = o == null ? null : Json.string(o, "error_description");
            String detail = error == null ? "" : " (" + error + (description == null ? ""
                    : ": " + GoogleError.plain(description)) + ")";
            Failure f = Failure.of(RetryPolicy.tokenRefusal(r.status) ? StoreException.Kind.AUTH
                    : StoreException.Kind.HTTP, Failure.Request.TOKEN).answer(r.status, html)
                    .store(error, description, null);
            String what = WhatHappened.answered("The token endpoint " + settings.tokenUrl, r.status)
                    + (RetryPolicy.tokenRefusal(r.status) ? "" : WhatHappened.afterAttempts(r.attempts)) + detail
                    + " to the request for an access token with the " + settings.credentials.grantName() + ".";
            throw StoreException.tokenEndpoint(f, what, tokenHint(r.status, error));
        }
        if (o == null || Json.string(o, "access_token") == null) {
            throw StoreException.tokenEndpoint(Failure.of(StoreException.Kind.MALFORMED, Failure.Request.TOKEN)
                    .answer(r.status, html), "The token endpoint " + settings.tokenUrl + " answered HTTP " + r.status
                    + " without an access_token.", "Check the token URL (chrome.tokenUrl); Google's is "
                    + ChromeSettings.DEFAULT_TOKEN_URL + ".");
        }
        Token token = new Token(Json.string(o, "access_token"), Json.string(o, "expires_in"));
        settings.reporter.debug("Got an access token valid for " + token.expiresInSeconds() + " s");
        return token;
    }

    /** What to do after the token endpoint gave no token: chosen by the OAuth error and the grant. */
    private String tokenHint(int status, String error) {
        if (!RetryPolicy.tokenRefusal(status)) {
            return Hints.tokenUnavailable(status);
        }
        if ("invalid_grant".equals(error)) {
            return settings.credentials instanceof ChromeCredentials.RefreshToken
                    ? ChromeHints.refreshTokenExpiredOrRevoked() : ChromeHints.assertionRefused();
        }
        return ChromeHints.clientRefused();
    }

    private static JsonObject object(String body) {
        try {
            JsonElement e = JsonParser.parseString(body == null ? "" : body);
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

}
