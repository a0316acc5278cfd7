package io.github.edgeaddons.client;

import java.time.Instant;

/**
 * Holds the v1 access token between goals, so a build fetches it once (and again only when it is about to
 * expire or is refused). The Maven layer keeps one per build; the token never leaves memory.
 */
public final class TokenCache {
    private String key;
    private String token;
    private Instant renewAt;

    /** The token for these credentials and endpoint if it is still fresh at {@code now}, else null. */
    synchronized String get(String forKey, Instant now) {
        if (token == null || !forKey.equals(key) || !now.isBefore(renewAt)) {
            return null;
        }
        return token;
    }

    synchronized void put(String forKey, String newToken, Instant newRenewAt) {
        this.key = forKey;
        this.token = newToken;
        this.renewAt = newRenewAt;
    }

    synchronized void clear() {
        token = null;
    }

    @Override
    public String toString() {
        return "TokenCache{token=****}";
    }
}
