package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.Hints;

import io.github.edgeaddons.core.BearerTokenAuthenticator;
import io.github.edgeaddons.core.Deadline;
import io.github.edgeaddons.core.Failure;
import io.github.edgeaddons.core.Http;
import io.github.edgeaddons.core.Redaction;
import io.github.edgeaddons.core.RetryPolicy;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.core.TokenCache;
import io.github.edgeaddons.core.Transport;
import io.github.edgeaddons.core.WhatHappened;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import java.nio.charset.StandardCharsets;

/**
 * API v1: an OAuth 2.0 client-credentials token, fetched once per build (kept in the build's
 * {@link TokenCache}, shared by the goals), reused, and fetched again when it is about to expire or when
 * the store answers 401 (once).
 */
final class OAuthAuthenticator extends BearerTokenAuthenticator {

    private final ClientSettings settings;
    private final Transport transport;

    OAuthAuthenticator(ClientSettings settings, Transport transport) {
        super((settings.tokenCache != null ? settings.tokenCache : new TokenCache())
                .entry(settings.tokenUrl, settings.credentials, settings.scope), settings.clock);
        this.settings = settings;
        this.transport = transport;
    }

    @Override
    public List<String> describeHeaders() {
        return Arrays.asList("Authorization: Bearer " + Redaction.SECRET
                + " (a token from " + settings.tokenUrl + ", scope " + settings.scope + ")");
    }

    /**
     * {@code once}: during a wait, the token request is sent once, and the wait repeats it on its schedule,
     * warning once per streak.
     */
    @Override
    protected Token requestToken(Deadline deadline, boolean once) throws StoreException {
        List<NameValuePair> form = Arrays.asList(
                new BasicNameValuePair("client_id", settings.credentials.clientId()),
                new BasicNameValuePair("client_secret", settings.credentials.secret()),
                new BasicNameValuePair("scope", settings.scope),
                new BasicNameValuePair("grant_type", "client_credentials"));
        Transport.Call call = new Transport.Call(Failure.Request.TOKEN, "POST", settings.tokenUrl,
                new UrlEncodedFormEntity(form, StandardCharsets.UTF_8), RetryPolicy.Safety.REPEATABLE,
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
                        .cause(cause), "Could not get an access token from the token endpoint " + settings.tokenUrl
                        + ": " + Transport.describe(cause) + ".", Hints.forNetworkFailure(settings, cause));
            }
            throw e;
        }
        boolean html = Http.isHtml(r.header("Content-Type"), r.body);
        if (!r.isSuccess()) {
            String detail = tokenError(r.body);
            if (RetryPolicy.tokenRefusal(r.status) && r.status != 400 && r.status != 401) {
                // a 403, 404 or another 4xx: worded as what it is, not as a refusal of the client credentials
                // (a 403 forbids the request, a 404 is the URL or the endpoint's front door)
                throw StoreException.tokenEndpoint(tokenFailure(StoreException.Kind.AUTH, r, html),
                        WhatHappened.answered("The token endpoint " + settings.tokenUrl, r.status)
                                + (detail.isEmpty() ? "" : ", " + detail)
                                + " to the token request.",
                        r.status == 403 ? EdgeHints.tokenForbidden(settings)
                                : html ? Hints.tokenUnavailable(r.status) : EdgeHints.tokenUrlWrong(settings));
            }
            if (RetryPolicy.tokenRefusal(r.status)) {
                // 400 and 401 (invalid_client ...): the identity provider's verdict on the client credentials
                // one line: the status, the OAuth error with its AADSTS code, what to do
                throw StoreException.tokenEndpoint(tokenFailure(StoreException.Kind.AUTH, r, html),
                        "The token endpoint " + settings.tokenUrl + " refused the client credentials (HTTP "
                                + r.status + (detail.isEmpty() ? "" : ", " + detail) + ").",
                        EdgeHints.tokenRefused(settings));
            }
            throw StoreException.tokenEndpoint(tokenFailure(StoreException.Kind.HTTP, r, html),
                    WhatHappened.answered("The token endpoint " + settings.tokenUrl, r.status)
                            + WhatHappened.afterAttempts(r.attempts)
                            + (detail.isEmpty() ? "" : ", " + detail) + " to the token request.",
                    Hints.tokenUnavailable(r.status));
        }
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(r.body);
            o = e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            o = null;
        }
        if (o == null) {
            String type = r.header("Content-Type");
            throw StoreException.tokenEndpoint(tokenFailure(StoreException.Kind.MALFORMED, r, html),
                    "The token endpoint " + settings.tokenUrl + " answered HTTP " + r.status
                            + " with something that is not JSON (" + (r.body == null || r.body.trim().isEmpty()
                                    ? "an empty body" : html ? "an HTML page" : "Content-Type " + type)
                            + "), so no access token could be read from it.", EdgeHints.tokenUrlWrong(settings));
        }
        if (!o.has("access_token") || o.get("access_token").isJsonNull()) {
            throw StoreException.tokenEndpoint(tokenFailure(StoreException.Kind.MALFORMED, r, html),
                    "The token endpoint " + settings.tokenUrl + " answered HTTP " + r.status
                            + " with JSON that holds no access_token.", EdgeHints.tokenUrlWrong(settings));
        }
        JsonElement expiresIn = o.get("expires_in");
        Token token = new Token(o.get("access_token").getAsString(),
                expiresIn != null && expiresIn.isJsonPrimitive() ? expiresIn.getAsString() : null);
        settings.reporter.debug("Got an access token valid for " + token.expiresInSeconds() + " s");
        return token;
    }

    /** The facts of a token answer that gave no token. */
    private static Failure tokenFailure(StoreException.Kind kind, Transport.Response r, boolean html) {
        return Failure.of(kind, Failure.Request.TOKEN).answer(r.status, html);
    }

    /**
     * The OAuth error and the first line of its description, which never contain the secret. Azure AD's
     * descriptions run over several lines (the message, then trace and correlation ids and a timestamp);
     * the first line carries the AADSTS code, which is kept (taken from {@code error_codes} when the line
     * lacks it).
     */
    static String tokenError(String body) {
        try {
            JsonElement e = JsonParser.parseString(body);
            if (e.isJsonObject()) {
                JsonObject o = e.getAsJsonObject();
                String error = string(o, "error");
                String desc = string(o, "error_description").split("[\\r\\n]", 2)[0].replaceAll("\\s+", " ").trim();
                if (!desc.contains("AADSTS") && o.has("error_codes") && o.get("error_codes").isJsonArray()
                        && o.getAsJsonArray("error_codes").size() > 0) {
                    desc = ("AADSTS" + o.getAsJsonArray("error_codes").get(0).getAsString() + ": " + desc).trim();
                }
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

    private static String string(JsonObject o, String name) {
        return o.has(name) && o.get(name).isJsonPrimitive() ? o.get(name).getAsString() : "";
    }
}
