package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.Redaction;

import io.github.edgeaddons.core.Authenticator;
import io.github.edgeaddons.core.Credentials;
import io.github.edgeaddons.core.Deadline;

import java.util.Arrays;
import java.util.List;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHeaders;

/** API v1.1: a static API key and the client ID on every request. */
final class ApiKeyAuthenticator implements Authenticator {
    private final Credentials credentials;

    ApiKeyAuthenticator(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public void authenticate(ClassicHttpRequest request, Deadline deadline, boolean once) {
        request.setHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + credentials.secret());
        request.setHeader("X-ClientID", credentials.clientId());
    }

    @Override
    public boolean refreshAfterUnauthorized(Deadline deadline, boolean once) {
        return false; // an API key cannot be renewed by the client
    }

    @Override
    public List<String> describeHeaders() {
        return Arrays.asList("Authorization: ApiKey " + Redaction.SECRET,
                "X-ClientID: " + Redaction.partial(credentials.clientId()));
    }
}
