package io.github.edgeaddons.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHeaders;

/**
 * An OAuth 2.0 bearer token from a token endpoint, for any store: kept in the build's {@link TokenCache}
 * (shared by the goals and modules), reused, renewed a minute before it expires, and fetched again once when
 * the store answers 401. A store's subclass says only how to ask for a token and how to read the answer
 * ({@link #requestToken}); the caching and renewal rules live here.
 */
public abstract class BearerTokenAuthenticator implements Authenticator {
    /** A token is renewed this long before it expires, so that it never expires in flight. */
    private static final Duration EARLY = Duration.ofSeconds(60);
    /** The lifetime assumed when a token answer gives no {@code expires_in}: both stores' documented one hour. */
    private static final long DEFAULT_EXPIRES_IN = 3599;

    private final TokenCache.Entry cache;
    private final Clock clock;

    protected BearerTokenAuthenticator(TokenCache.Entry cache, Clock clock) {
        this.cache = cache;
        this.clock = clock;
    }

    /** A token and how long the endpoint said it lasts. */
    protected static final class Token {
        final String value;
        final long expiresInSeconds;

        /**
         * @param expiresIn the answer's {@code expires_in} as given, or null: absent or not a number means the
         *     documented hour
         */
        public Token(String value, String expiresIn) {
            this.value = value;
            this.expiresInSeconds = seconds(expiresIn);
        }

        /** The lifetime in seconds, as the build's debug log says it. */
        public long expiresInSeconds() {
            return expiresInSeconds;
        }

        private static long seconds(String expiresIn) {
            try {
                return expiresIn == null ? DEFAULT_EXPIRES_IN : Long.parseLong(expiresIn.trim());
            } catch (NumberFormatException e) {
                return DEFAULT_EXPIRES_IN;
            }
        }
    }

    /**
     * Sends the token request and reads its answer; throws the store's failure when no token came.
     *
     * @param once as for {@link #authenticate}: the token request is sent once, whatever its answer
     */
    protected abstract Token requestToken(Deadline deadline, boolean once) throws StoreException;

    @Override
    public final void authenticate(ClassicHttpRequest request, Deadline deadline, boolean once)
            throws StoreException {
        String token;
        synchronized (cache) {
            token = cache.valid(clock.instant());
            if (token == null) {
                token = fetch(deadline, once);
            }
        }
        request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    @Override
    public final boolean refreshAfterUnauthorized(Deadline deadline, boolean once) throws StoreException {
        synchronized (cache) {
            cache.clear();
            fetch(deadline, once);
        }
        return true;
    }

    @Override
    public final boolean tokenIssuedBefore() {
        return cache.issuedBefore();
    }

    /** Fetches a token and stores it in the cache; call with the cache entry locked. */
    private String fetch(Deadline deadline, boolean once) throws StoreException {
        Instant askedAt = clock.instant();
        Token t = requestToken(deadline, once);
        Duration lifetime = Duration.ofSeconds(Math.max(0, t.expiresInSeconds));
        Duration early = lifetime.compareTo(EARLY.multipliedBy(2)) > 0 ? EARLY : lifetime.dividedBy(10);
        cache.store(t.value, askedAt.plus(lifetime).minus(early));
        return t.value;
    }
}
