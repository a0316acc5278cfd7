package io.github.edgeaddons.core;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * The retry rules: the one place that says what may be sent again, what ends a wait, and how long to wait
 * in between. {@link Transport} applies the first part to each request, {@link Poller} the second to a wait
 * on an accepted operation; both take their numbers from the third.
 *
 * <h2>1. What is safe to repeat, per request ({@link Transport})</h2>
 * <ul>
 *   <li>{@link Safety#REPEATABLE} (status GETs, the upload, the token request, the product list): sent
 *       again on 408, 429, 500, 502, 503, 504, on connection failures and on read timeouts, but not on an
 *       unknown host or a TLS failure, which do not heal by retrying.
 *   <li>{@link Safety#NOT_IF_MAYBE_PROCESSED} (the publish POST): sent again only when the store surely did
 *       not act on it: 429 and 503 answers, and connections that were never established. Any other failure
 *       after the request may have reached the store ({@link #publishMayHaveBeenProcessed}: 408, 5xx other
 *       than 503; a connection lost after sending; {@code edge.timeout} passing mid-request) is reported,
 *       never repeated blindly: a second publish could start a duplicate submission.
 *   <li>A 401 is repeated once after fetching a new token (API v1 only); that is not a retry.
 * </ul>
 *
 * <h2>2. What ends a wait on an accepted operation ({@link Poller})</h2>
 * Once the store accepted an upload or a publish (202), the wait ends only on a definite answer:
 * {@code Succeeded}, {@code Failed}, a status word that says the operation stopped ({@code Cancelled}),
 * 401 or 403 (the credentials), a 404 that is not an HTML page (the ids), a redirect or another 4xx (the
 * request itself). Everything else is the store's or the network's bad moment and the wait goes on until
 * {@code edge.timeout}, with {@link #backoff backoff}: 408, 429, 5xx with or without a body, an HTML 404
 * page (the front door, not the product), a 200 that is no status (an HTML page, an empty or cut-off
 * body), connection failures and read timeouts ({@link #duringWait}). A 429 without {@code Retry-After}
 * slows the rest of that wait ({@link #throttled}).
 * <p>Network failures other than a dropped or refused connection or a read timeout
 * ({@link #networkFailureEndsWait}): an <b>unknown host</b> keeps the wait going once the store has answered
 * a status request of this wait (the name resolved a moment ago, so it is a DNS blip; before that, it is a
 * wrong {@code edge.apiBaseUrl} or {@code edge.tokenUrl} and ends the wait at once); a <b>TLS failure</b>
 * always ends it: an untrusted or expired certificate (a TLS-inspecting proxy, say) does not heal by asking
 * again, and the user has to act.
 * <p>Under API v1 the access token may be fetched again during a wait (it expired, or the store answered
 * 401). The token endpoint's bad moments are treated as the store's ({@link #tokenFailureEndsWait}): 408,
 * 429 and 5xx, a 200 that is no token (a maintenance or sign-in page) once the store has answered this wait,
 * and network failures as above keep the wait going, and so does, once the token URL has issued a token in
 * this build (or the store has answered this wait), a 404 or any other 4xx that is no verdict on the
 * credentials; a definite refusal ({@link #credentialsRefused}: 400 and 401 {@code invalid_client}, 403)
 * ends it, and so does any other 4xx before the wait's first answer (a wrong token URL).
 *
 * <h2>The one decision</h2>
 * {@link #decide} applies parts 1 and 2 to one outcome (an answer or a network failure) and says what comes
 * next: {@link Action#RETURN return} the answer, {@link Action#REFRESH_CREDENTIALS refresh the credentials}
 * and send again, {@link Action#REPEAT wait and repeat} (with the delay), or {@link Action#FAIL fail}. The
 * request loop ({@link Transport#execute}) and the wait ({@link Poller}) only sequence; they decide nothing
 * themselves. It knows no store: statuses, content types and network failures only.
 *
 * <h2>3. The numbers</h2>
 * {@link #DEFAULT}: 5 attempts per request; waits of 0.5 s, 1 s, 2 s, ... doubling up to 30 s, each with
 * up to 25% jitter either side, and never above the 30 s cap; a longer {@code Retry-After} always wins. The
 * caller keeps every wait within the goal's {@link Deadline}.
 */
public final class RetryPolicy {
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30));

    /** Whether a request may be sent again after a failure (part 1). */
    public enum Safety {
        /** The request may be repeated after any transient failure. */
        REPEATABLE,
        /** Repeated only when the store surely did not act on it (the publish POST). */
        NOT_IF_MAYBE_PROCESSED
    }

    /** What one answer means to a wait on an accepted operation (part 2). */
    public enum DuringWait {
        /** A 2xx: read the status in it (an unreadable one keeps the wait going). */
        READ_STATUS,
        /** The store's bad moment: ask again after a backoff, until {@code edge.timeout}. */
        KEEP_WAITING,
        /** A definite answer: the wait ends with it. */
        ENDS_WAIT
    }

    /** What comes after one outcome. */
    public enum Action {
        /** Hand the answer to the caller, whatever its status (a 2xx to read, or an error to word). */
        RETURN,
        /** Fetch a new credential and send the same request again, once; not a retry. */
        REFRESH_CREDENTIALS,
        /** Wait {@link Decision#delay()}, then send the request again (during a wait: ask again). */
        REPEAT,
        /** Stop with this outcome as the failure. */
        FAIL
    }

    /** The decision on one outcome: what comes next, after how long, and why (for the debug log). */
    public static final class Decision {
        private final Action action;
        private final Duration delay;
        private final boolean repeatable;
        private final boolean cutByDeadline;

        private Decision(Action action, Duration delay, boolean repeatable, boolean cutByDeadline) {
            this.action = action;
            this.delay = delay;
            this.repeatable = repeatable;
            this.cutByDeadline = cutByDeadline;
        }

        public Action action() {
            return action;
        }

        /** The wait before the repeat; zero unless {@link Action#REPEAT} (during a wait the poll schedule adds its gap). */
        public Duration delay() {
            return delay;
        }

        /** True when the rules would repeat this outcome at all (false: a publish that may have been processed). */
        public boolean repeatable() {
            return repeatable;
        }

        /** True when the outcome was repeatable but the next attempt would pass the deadline. */
        public boolean cutByDeadline() {
            return cutByDeadline;
        }

        @Override
        public String toString() {
            return action + (action == Action.REPEAT ? " after " + delay.toMillis() + " ms" : "")
                    + (cutByDeadline ? " (cut by the deadline)" : "");
        }
    }

    /**
     * One outcome and where it stands: the input of {@link #decide}. An answer (status, content type,
     * {@code Retry-After}) or a network failure; the request's safety, which attempt it was of how many, the
     * time left; whether the credentials may be refreshed; and, during a wait on an accepted operation, whether
     * the outcome is the token endpoint's and whether the store (or the token URL) answered before.
     */
    public static final class Outcome {
        final Safety safety;
        final int status;
        final String contentType;
        final Duration retryAfter;
        final IOException failure;
        int attempt = 1;
        int maxAttempts = 1;
        Duration remaining = Duration.ofDays(1);
        boolean mayRefresh;
        boolean duringWait;
        boolean tokenAnswer;
        boolean answeredBefore;

        private Outcome(Safety safety, int status, String contentType, Duration retryAfter, IOException failure) {
            this.safety = safety;
            this.status = status;
            this.contentType = contentType;
            this.retryAfter = retryAfter;
            this.failure = failure;
        }

        /** An answer with this status. */
        public static Outcome answer(Safety safety, int status, String contentType, Duration retryAfter) {
            return new Outcome(safety, status, contentType, retryAfter, null);
        }

        /** A network failure: no answer. */
        public static Outcome failure(Safety safety, IOException failure) {
            return new Outcome(safety, -1, null, null, failure);
        }

        /** Attempt {@code attempt} of at most {@code maxAttempts}, with {@code remaining} left of the deadline. */
        public Outcome attempt(int attempt, int maxAttempts, Duration remaining) {
            this.attempt = attempt;
            this.maxAttempts = maxAttempts;
            this.remaining = remaining;
            return this;
        }

        /** The request carried credentials that may be refreshed once after a 401. */
        public Outcome mayRefresh(boolean v) {
            mayRefresh = v;
            return this;
        }

        /**
         * During a wait on an accepted operation.
         *
         * @param tokenAnswer the outcome is the token endpoint's (a token fetched again), not the store's
         * @param answeredBefore the store answered a status request of this wait, or the token URL issued a
         *     token in this build
         */
        public Outcome duringWait(boolean tokenAnswer, boolean answeredBefore) {
            this.duringWait = true;
            this.tokenAnswer = tokenAnswer;
            this.answeredBefore = answeredBefore;
            return this;
        }
    }

    /**
     * The rulebook as one pure function (up to the backoff's jitter): what to do after this outcome.
     * <ul>
     *   <li>A request (part 1): a 401 that may be refreshed refreshes; a network failure or a status that its
     *       safety allows to repeat is repeated after {@link #backoff} while attempts and time remain (a
     *       repeatable answer that cannot be repeated is returned, a network failure fails); everything else
     *       is returned for the caller to read or word.
     *   <li>During a wait (part 2): a 2xx is returned to be read; the store's and the network's bad moments
     *       (and the token endpoint's, {@link #tokenFailureEndsWait}) repeat on the wait's schedule; a
     *       definite answer fails the wait.
     * </ul>
     */
    public Decision decide(Outcome o) {
        if (o.duringWait) {
            boolean ends;
            if (o.tokenAnswer) {
                ends = tokenFailureEndsWait(o.status, o.failure, o.answeredBefore);
            } else if (o.failure != null) {
                ends = networkFailureEndsWait(o.failure, o.answeredBefore);
            } else {
                DuringWait meaning = duringWait(o.status, o.contentType);
                if (meaning == DuringWait.READ_STATUS) {
                    return new Decision(Action.RETURN, Duration.ZERO, false, false);
                }
                ends = meaning == DuringWait.ENDS_WAIT;
            }
            return ends ? new Decision(Action.FAIL, Duration.ZERO, false, false)
                    : new Decision(Action.REPEAT, o.retryAfter == null ? Duration.ZERO : o.retryAfter, true, false);
        }
        if (o.failure != null) {
            boolean repeatable = shouldRetry(o.safety, o.failure);
            if (repeatable && o.attempt < o.maxAttempts) {
                Duration wait = backoff(o.attempt, null);
                if (wait.compareTo(o.remaining) < 0) {
                    return new Decision(Action.REPEAT, wait, true, false);
                }
            }
            return new Decision(Action.FAIL, Duration.ZERO, repeatable, false);
        }
        if (o.status == 401 && o.mayRefresh) {
            return new Decision(Action.REFRESH_CREDENTIALS, Duration.ZERO, false, false);
        }
        boolean repeatable = shouldRetry(o.safety, o.status);
        if (repeatable && o.attempt < o.maxAttempts) {
            Duration wait = backoff(o.attempt, o.retryAfter);
            if (wait.compareTo(o.remaining) < 0) {
                return new Decision(Action.REPEAT, wait, true, false);
            }
            return new Decision(Action.RETURN, Duration.ZERO, true, true);
        }
        return new Decision(Action.RETURN, Duration.ZERO, repeatable, false);
    }

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    public RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    // ---- 1. per request ----------------------------------------------------------------------------------

    /** Whether an answer with this status may be followed by the same request again. */
    static boolean shouldRetry(Safety safety, int status) {
        if (status == 429 || status == 503) {
            return true; // the store did not process the request: safe for every call
        }
        if (safety != Safety.REPEATABLE) {
            return false;
        }
        return status == 408 || status == 500 || status == 502 || status == 504;
    }

    /** Whether a request that failed with this exception may be sent again. */
    static boolean shouldRetry(Safety safety, IOException e) {
        return safety == Safety.REPEATABLE ? isTransient(e) : neverConnected(e);
    }

    /** A publish answer that does not prove the store ignored the request: 408 and 5xx other than 503. */
    public static boolean publishMayHaveBeenProcessed(int status) {
        return status == 408 || (status >= 500 && status != 503);
    }

    /** True when the request surely never reached the server: the connection was never established. */
    static boolean neverConnected(IOException e) {
        return e instanceof ConnectException
                || e instanceof HttpHostConnectException
                || e instanceof ConnectTimeoutException
                || e instanceof NoRouteToHostException;
    }

    /** A network failure that may heal by itself: not an unknown host name, not a TLS failure. */
    static boolean isTransient(IOException e) {
        if (e instanceof UnknownHostException || e instanceof SSLException) {
            return false;
        }
        return neverConnected(e)
                || e instanceof SocketTimeoutException
                || e instanceof NoHttpResponseException
                || e instanceof SocketException
                || e instanceof InterruptedIOException
                || e instanceof ConnectionClosedException
                || e instanceof EOFException;
    }

    // ---- 2. during a wait on an accepted operation -------------------------------------------------------

    /** What a status answer means to the wait, from its HTTP status and content type. */
    static DuringWait duringWait(int status, String contentType) {
        if (status >= 200 && status < 300) {
            return DuringWait.READ_STATUS;
        }
        if (status == 408 || status == 429 || status >= 500) {
            return DuringWait.KEEP_WAITING;
        }
        if (status == 404 && Http.isHtmlType(contentType)) {
            return DuringWait.KEEP_WAITING; // the front door's page, not the store's "no such operation"
        }
        return DuringWait.ENDS_WAIT; // 401, 403, a JSON or empty 404, redirects, other 4xx
    }

    /**
     * Whether a network failure during a wait ends it: a TLS failure always (it does not heal by itself); an
     * unknown host only before the store answered any status request of this wait (then it is the
     * configuration; after, a DNS blip); other failures (refused, reset or dropped connections, read
     * timeouts) never.
     */
    static boolean networkFailureEndsWait(IOException e, boolean answeredBefore) {
        if (e instanceof SSLException) {
            return true;
        }
        if (e instanceof UnknownHostException) {
            return !answeredBefore;
        }
        return !isTransient(e);
    }

    /**
     * True when a token endpoint's error answer refuses the client credentials (400, 401 {@code
     * invalid_client}, 403, other 4xx); false for its bad moments (408, 429, 5xx), which are no verdict on the
     * credentials.
     */
    public static boolean tokenRefusal(int status) {
        return !(status == 408 || status == 429 || status >= 500);
    }

    /** A token answer that is a verdict on the client credentials: 400 and 401 ({@code invalid_client}), 403. */
    static boolean credentialsRefused(int status) {
        return status == 400 || status == 401 || status == 403;
    }

    /**
     * Whether a failure to get an access token during a wait ends it.
     *
     * @param httpStatus the token endpoint's answer, or -1 for a network failure
     * @param networkFailure the network failure, or null
     * @param answeredBefore whether the store answered a status request of this wait, or the token endpoint
     *     issued a token in this build before (either way its URL and host are known to be right)
     */
    static boolean tokenFailureEndsWait(int httpStatus, IOException networkFailure, boolean answeredBefore) {
        if (networkFailure != null) {
            return networkFailureEndsWait(networkFailure, answeredBefore);
        }
        if (httpStatus >= 200 && httpStatus < 300) {
            // a page that is no token: a maintenance page, unless no token has come in this wait (the URL)
            return !answeredBefore;
        }
        if (answeredBefore && !credentialsRefused(httpStatus)) {
            // the same token URL gave a token moments ago: a 404 (the front door's page) or another 4xx that
            // is not about the credentials is the endpoint's bad moment, not a wrong URL
            return false;
        }
        return tokenRefusal(httpStatus);
    }

    /**
     * The slowing of a wait after a 429 without {@code Retry-After}: the factor its poll gaps are multiplied
     * by from then on (doubling with each such 429, at most 8 times the policy's gaps).
     */
    static int throttled(int factorBefore) {
        return Math.min(8, Math.max(2, factorBefore * 2));
    }


    // ---- 3. the numbers -----------------------------------------------------------------------------------

    /**
     * The wait before attempt {@code failedAttempts + 1}: {@code initial * 2^(n-1)} with up to 25% jitter
     * either side, never above the cap; at least {@code retryAfter} when the server sent one.
     */
    public Duration backoff(int failedAttempts, Duration retryAfter) {
        long base = initialBackoff.toMillis() << Math.min(20, Math.max(0, failedAttempts - 1));
        long capped = Math.min(base, maxBackoff.toMillis());
        long jitter = capped / 4;
        long millis = capped + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1));
        // the cap bounds the wait itself, jitter included
        Duration d = Duration.ofMillis(Math.max(0, Math.min(millis, maxBackoff.toMillis())));
        if (retryAfter != null && retryAfter.compareTo(d) > 0) {
            return retryAfter;
        }
        return d;
    }
}
