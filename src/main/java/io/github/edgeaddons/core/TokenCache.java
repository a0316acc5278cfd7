package io.github.edgeaddons.core;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API v1 access tokens shared by every client of one build, so that {@code upload}, {@code publish} and
 * {@code await} (each with its own client) fetch one token per build instead of one per goal. A token is
 * kept per token URL, client id, client secret and scope; the secret enters the key only as a hash.
 * Thread-safe.
 */
public final class TokenCache {
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The slot for one set of client credentials; lock it while reading, fetching or dropping its token. */
    public Entry entry(URI tokenUrl, Credentials credentials, String scope) {
        String key = tokenUrl + "\n" + credentials.clientId() + "\n" + scope + "\n" + hash(credentials.secret());
        return entries.computeIfAbsent(key, k -> new Entry());
    }

    private static String hash(String secret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One cached token and when to renew it. */
    public static final class Entry {
        private String token;
        private Instant renewAt;
        private boolean issuedBefore;

        /** True once the token endpoint has issued a token for these credentials in this build (kept by clear()). */
        public synchronized boolean issuedBefore() {
            return issuedBefore;
        }

        /** The token, or null when there is none or it is due for renewal at {@code now}. */
        public synchronized String valid(Instant now) {
            return token != null && now.isBefore(renewAt) ? token : null;
        }

        public synchronized void store(String newToken, Instant newRenewAt) {
            token = newToken;
            renewAt = newRenewAt;
            issuedBefore = true;
        }

        public synchronized void clear() {
            token = null;
            renewAt = null;
        }
    }
}
