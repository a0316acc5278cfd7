package io.github.edgeaddons.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The retry rules as a table: safety × outcome (a status, or a network failure) × content type × during a
 * wait × the token endpoint's answer × whether the store answered before → what comes next
 * ({@link RetryPolicy#decide}). Each row is one rule of {@link RetryPolicy}'s Javadoc.
 */
class RulebookTest {
    /** Backoffs of 100 ms (75 to 100 with jitter): far below the time left, so only the rules decide. */
    private static final RetryPolicy RULES = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(100));

    private static IOException failure(String name) {
        switch (name) {
            case "refused":
                return new ConnectException("refused");
            case "readTimeout":
                return new SocketTimeoutException("read timed out");
            case "noAnswer":
                return new NoHttpResponseException("closed");
            case "unknownHost":
                return new UnknownHostException("store.example");
            case "tls":
                return new SSLHandshakeException("untrusted");
            default:
                throw new IllegalArgumentException(name);
        }
    }

    private static RetryPolicy.Outcome outcome(RetryPolicy.Safety safety, String outcome, String contentType) {
        if (Character.isDigit(outcome.charAt(0))) {
            return RetryPolicy.Outcome.answer(safety, Integer.parseInt(outcome), contentType, null);
        }
        return RetryPolicy.Outcome.failure(safety, failure(outcome));
    }

    @ParameterizedTest(name = "{0} {1} {2} wait={3} token={4} answeredBefore={5} refresh={6} -> {7}")
    @CsvSource({
        // safety,              outcome,     content type,     wait,  token, before, refresh, decision
        // 1. a request: what may be sent again
        "REPEATABLE,             200,         application/json, false, false, false, true,  RETURN",
        "REPEATABLE,             202,         ,                 false, false, false, true,  RETURN",
        "REPEATABLE,             408,         ,                 false, false, false, true,  REPEAT",
        "REPEATABLE,             429,         ,                 false, false, false, true,  REPEAT",
        "REPEATABLE,             500,         ,                 false, false, false, true,  REPEAT",
        "REPEATABLE,             502,         text/html,        false, false, false, true,  REPEAT",
        "REPEATABLE,             503,         ,                 false, false, false, true,  REPEAT",
        "REPEATABLE,             504,         ,                 false, false, false, true,  REPEAT",
        "REPEATABLE,             501,         ,                 false, false, false, true,  RETURN",
        "REPEATABLE,             400,         application/json, false, false, false, true,  RETURN",
        "REPEATABLE,             403,         ,                 false, false, false, true,  RETURN",
        "REPEATABLE,             404,         text/html,        false, false, false, true,  RETURN",
        "REPEATABLE,             410,         ,                 false, false, false, true,  RETURN",
        "REPEATABLE,             302,         ,                 false, false, false, true,  RETURN",
        "REPEATABLE,             refused,     ,                 false, false, false, true,  REPEAT",
        "REPEATABLE,             readTimeout, ,                 false, false, false, true,  REPEAT",
        "REPEATABLE,             noAnswer,    ,                 false, false, false, true,  REPEAT",
        "REPEATABLE,             unknownHost, ,                 false, false, false, true,  FAIL",
        "REPEATABLE,             tls,         ,                 false, false, false, true,  FAIL",
        // the publish POST: only what surely did not reach the store is sent again
        "NOT_IF_MAYBE_PROCESSED, 429,         ,                 false, false, false, true,  REPEAT",
        "NOT_IF_MAYBE_PROCESSED, 503,         ,                 false, false, false, true,  REPEAT",
        "NOT_IF_MAYBE_PROCESSED, 408,         ,                 false, false, false, true,  RETURN",
        "NOT_IF_MAYBE_PROCESSED, 500,         ,                 false, false, false, true,  RETURN",
        "NOT_IF_MAYBE_PROCESSED, 502,         text/html,        false, false, false, true,  RETURN",
        "NOT_IF_MAYBE_PROCESSED, 504,         ,                 false, false, false, true,  RETURN",
        "NOT_IF_MAYBE_PROCESSED, refused,     ,                 false, false, false, true,  REPEAT",
        "NOT_IF_MAYBE_PROCESSED, readTimeout, ,                 false, false, false, true,  FAIL",
        "NOT_IF_MAYBE_PROCESSED, noAnswer,    ,                 false, false, false, true,  FAIL",
        // a 401: the credentials are refreshed once (API v1), never repeated otherwise
        "REPEATABLE,             401,         ,                 false, false, false, true,  REFRESH_CREDENTIALS",
        "NOT_IF_MAYBE_PROCESSED, 401,         ,                 false, false, false, true,  REFRESH_CREDENTIALS",
        "REPEATABLE,             401,         ,                 false, false, false, false, RETURN",
        // 2. during a wait on an accepted operation: the store's answer
        "REPEATABLE,             200,         application/json, true,  false, false, false, RETURN",
        "REPEATABLE,             200,         text/html,        true,  false, false, false, RETURN",
        "REPEATABLE,             408,         ,                 true,  false, false, false, REPEAT",
        "REPEATABLE,             429,         ,                 true,  false, false, false, REPEAT",
        "REPEATABLE,             500,         ,                 true,  false, false, false, REPEAT",
        "REPEATABLE,             501,         ,                 true,  false, false, false, REPEAT",
        "REPEATABLE,             502,         text/html,        true,  false, false, false, REPEAT",
        "REPEATABLE,             404,         text/html,        true,  false, false, false, REPEAT",
        "REPEATABLE,             404,         application/json, true,  false, false, false, FAIL",
        "REPEATABLE,             404,         ,                 true,  false, false, false, FAIL",
        "REPEATABLE,             401,         ,                 true,  false, false, false, FAIL",
        "REPEATABLE,             403,         ,                 true,  false, false, false, FAIL",
        "REPEATABLE,             400,         ,                 true,  false, false, false, FAIL",
        "REPEATABLE,             302,         ,                 true,  false, false, false, FAIL",
        // the network during a wait: an unknown host is a DNS blip once the store answered; TLS never heals
        "REPEATABLE,             refused,     ,                 true,  false, false, false, REPEAT",
        "REPEATABLE,             readTimeout, ,                 true,  false, false, false, REPEAT",
        "REPEATABLE,             unknownHost, ,                 true,  false, false, false, FAIL",
        "REPEATABLE,             unknownHost, ,                 true,  false, true,  false, REPEAT",
        "REPEATABLE,             tls,         ,                 true,  false, true,  false, FAIL",
        // the token endpoint's answer during a wait (API v1: the token fetched again)
        "REPEATABLE,             500,         ,                 true,  true,  false, false, REPEAT",
        "REPEATABLE,             429,         ,                 true,  true,  false, false, REPEAT",
        "REPEATABLE,             408,         ,                 true,  true,  false, false, REPEAT",
        "REPEATABLE,             400,         ,                 true,  true,  true,  false, FAIL",
        "REPEATABLE,             401,         ,                 true,  true,  true,  false, FAIL",
        "REPEATABLE,             403,         ,                 true,  true,  true,  false, FAIL",
        "REPEATABLE,             404,         text/html,        true,  true,  false, false, FAIL",
        "REPEATABLE,             404,         text/html,        true,  true,  true,  false, REPEAT",
        "REPEATABLE,             405,         ,                 true,  true,  true,  false, REPEAT",
        "REPEATABLE,             405,         ,                 true,  true,  false, false, FAIL",
        "REPEATABLE,             200,         text/html,        true,  true,  false, false, FAIL",
        "REPEATABLE,             200,         text/html,        true,  true,  true,  false, REPEAT",
        "REPEATABLE,             refused,     ,                 true,  true,  false, false, REPEAT",
        "REPEATABLE,             unknownHost, ,                 true,  true,  false, false, FAIL",
        "REPEATABLE,             unknownHost, ,                 true,  true,  true,  false, REPEAT",
        "REPEATABLE,             tls,         ,                 true,  true,  true,  false, FAIL",
    })
    void decides(RetryPolicy.Safety safety, String outcome, String contentType, boolean duringWait, boolean token,
            boolean answeredBefore, boolean mayRefresh, RetryPolicy.Action expected) {
        RetryPolicy.Outcome o = outcome(safety, outcome, contentType).attempt(1, 5, Duration.ofMinutes(5))
                .mayRefresh(mayRefresh);
        if (duringWait) {
            o.duringWait(token, answeredBefore);
        }
        RetryPolicy.Decision d = RULES.decide(o);
        assertEquals(expected, d.action(), d.toString());
        if (d.action() == RetryPolicy.Action.REPEAT && !duringWait) {
            long ms = d.delay().toMillis();
            assertTrue(ms >= 75 && ms <= 100, "backoff " + ms);
        }
    }

    /** The last attempt, or a backoff that would pass the deadline, returns the answer instead of repeating it. */
    @Test
    void attemptsAndTheDeadlineBoundTheRepeats() {
        RetryPolicy.Decision last = RULES.decide(RetryPolicy.Outcome.answer(RetryPolicy.Safety.REPEATABLE, 503, null,
                null).attempt(5, 5, Duration.ofMinutes(5)));
        assertEquals(RetryPolicy.Action.RETURN, last.action());
        RetryPolicy.Decision late = RULES.decide(RetryPolicy.Outcome.answer(RetryPolicy.Safety.REPEATABLE, 503, null,
                null).attempt(1, 5, Duration.ofMillis(10)));
        assertEquals(RetryPolicy.Action.RETURN, late.action());
        assertTrue(late.cutByDeadline());
        RetryPolicy.Decision lateFailure = RULES.decide(RetryPolicy.Outcome.failure(RetryPolicy.Safety.REPEATABLE,
                new ConnectException("refused")).attempt(1, 5, Duration.ofMillis(10)));
        assertEquals(RetryPolicy.Action.FAIL, lateFailure.action());
        assertTrue(lateFailure.repeatable());
    }

    /** A Retry-After longer than the backoff is obeyed, within the deadline. */
    @Test
    void retryAfterSetsTheDelay() {
        RetryPolicy.Decision d = RULES.decide(RetryPolicy.Outcome.answer(RetryPolicy.Safety.NOT_IF_MAYBE_PROCESSED,
                429, null, Duration.ofSeconds(7)).attempt(1, 5, Duration.ofMinutes(5)));
        assertEquals(RetryPolicy.Action.REPEAT, d.action());
        assertEquals(Duration.ofSeconds(7), d.delay());
        RetryPolicy.Decision tooLong = RULES.decide(RetryPolicy.Outcome.answer(RetryPolicy.Safety.REPEATABLE,
                429, null, Duration.ofSeconds(7)).attempt(1, 5, Duration.ofSeconds(5)));
        assertEquals(RetryPolicy.Action.RETURN, tooLong.action());
    }
}
