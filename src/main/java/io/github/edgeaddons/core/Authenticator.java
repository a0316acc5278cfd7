package io.github.edgeaddons.core;

import java.util.List;
import org.apache.hc.core5.http.ClassicHttpRequest;

/** Adds the credentials of one auth mode to each request to the store. */
public interface Authenticator {
    /**
     * Adds the auth headers, fetching a token first when needed.
     *
     * @param once a token request is sent once, whatever its answer: the caller (a wait, {@link Poller})
     *     repeats, and warns once per streak
     */
    void authenticate(ClassicHttpRequest request, Deadline deadline, boolean once) throws StoreException;

    /**
     * Called after the store answered 401.
     *
     * @param once as for {@link #authenticate}
     * @return true when a fresh credential was obtained and the request is worth repeating once
     */
    boolean refreshAfterUnauthorized(Deadline deadline, boolean once) throws StoreException;

    /** True when a token endpoint has issued a token in this build before (API v1); false without one. */
    default boolean tokenIssuedBefore() {
        return false;
    }

    /** The headers as a dry run shows them, secrets redacted. */
    List<String> describeHeaders();
}
