package io.github.edgeaddons.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import java.nio.charset.StandardCharsets;

/**
 * API v1: an OAuth 2.0 client-credentials token, fetched once per build (kept in the build's
 * {@link TokenCache}, shared by the goals), reused, and fetched again when it is about to expire or when
 * the store answers 401 (once).
 */
final class OAuthAuthenticator implements Authenticator {
    /** A token is renewed this long before it expires, so that it never expires in flight. */
    private static final Duration EARLY = Duration.ofSeconds(60);

    private final ClientSettings settings;
    private final Transport transport;
    private final TokenCache.Entry cache;

    OAuthAuthenticator(ClientSettings settings, Transport transport) {
        this.settings = settings;
        this.transport = transport;
        TokenCache shared = settings.tokenCache != null ? settings.tokenCache : new TokenCache();
        this.cache = shared.entry(settings.tokenUrl, settings.credentials, settings.scope);
    }

    @Override
    public void authenticate(ClassicHttpRequest request, Deadline deadline) throws EdgeApiException {
        String token;
        synchronized (cache) {
            token = cache.valid(settings.clock.instant());
            if (token == null) {
                token = fetch(deadline);
            }
        }
        request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    @Override
    public boolean refreshAfterUnauthorized(Deadline deadline) throws EdgeApiException {
        synchronized (cache) {
            cache.clear();
            fetch(deadline);
        }
        return true;
    }

    @Override
    public List<String> describeHeaders() {
        return Arrays.asList("Authorization: Bearer " + Redaction.SECRET
                + " (a token from " + settings.tokenUrl + ", scope " + settings.scope + ")");
    }

    /** Fetches a token and stores it in the cache; call with the cache entry locked. */
    private String fetch(Deadline deadline) throws EdgeApiException {
        List<NameValuePair> form = Arrays.asList(
                new BasicNameValuePair("client_id", settings.credentials.clientId()),
                new BasicNameValuePair("client_secret", settings.credentials.secret()),
                new BasicNameValuePair("scope", settings.scope),
                new BasicNameValuePair("grant_type", "client_credentials"));
        Transport.Call call = new Transport.Call("POST", settings.tokenUrl,
                new UrlEncodedFormEntity(form, StandardCharsets.UTF_8), RetryPolicy.Safety.REPEATABLE,
                "get an access token", false);
        Instant askedAt = settings.clock.instant();
        Transport.Response r = transport.execute(call, null, deadline);
        if (!r.isSuccess()) {
            String detail = tokenError(r.body);
            String advice = r.status >= 500
                    ? " The identity provider had a server-side problem; run the goal again later."
                    : " Check <username> (the client ID) and <password> (the client secret) of <server> '"
                            + settings.serverId + "' in settings.xml, and the token URL (edge.tokenUrl or the"
                            + " server's <configuration><tokenUrl>), against Partner Center (Microsoft Edge >"
                            + " Publish API). Client secrets expire: create a new one there if needed.";
            throw new EdgeApiException(EdgeApiException.Kind.AUTH, "The token endpoint " + settings.tokenUrl
                    + " refused the client credentials (HTTP " + r.status + (detail.isEmpty() ? "" : ", " + detail)
                    + ")." + advice, r.status, null, null, null);
        }
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(r.body);
            o = e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            o = null;
        }
        if (o == null || !o.has("access_token") || o.get("access_token").isJsonNull()) {
            throw new EdgeApiException(EdgeApiException.Kind.MALFORMED, "The token endpoint " + settings.tokenUrl
                    + " answered HTTP " + r.status + " without an access_token. Check edge.tokenUrl: it must be"
                    + " the access token URL shown in Partner Center.", r.status, null, null, null);
        }
        String token = o.get("access_token").getAsString();
        long expiresIn = 3599;
        try {
            if (o.has("expires_in")) {
                expiresIn = o.get("expires_in").getAsLong();
            }
        } catch (RuntimeException ignored) {
            // keep the documented default lifetime
        }
        Duration lifetime = Duration.ofSeconds(Math.max(0, expiresIn));
        Duration early = lifetime.compareTo(EARLY.multipliedBy(2)) > 0 ? EARLY : lifetime.dividedBy(10);
        cache.store(token, askedAt.plus(lifetime).minus(early));
        settings.reporter.debug("Got an access token valid for " + expiresIn + " s");
        return token;
    }

    /** The OAuth error and description, which never contain the secret. */
    private static String tokenError(String body) {
        try {
            JsonElement e = JsonParser.parseString(body);
            if (e.isJsonObject()) {
                JsonObject o = e.getAsJsonObject();
                String error = o.has("error") && !o.get("error").isJsonNull() ? o.get("error").getAsString() : "";
                String desc = o.has("error_description") && !o.get("error_description").isJsonNull()
                        ? o.get("error_description").getAsString() : "";
                if (desc.length() > 300) {
                    desc = desc.substring(0, 300) + "...";
                }
                return (error + (desc.isEmpty() ? "" : ": " + desc)).trim();
            }
        } catch (RuntimeException ignored) {
            // not JSON
        }
        return "";
    }
}
