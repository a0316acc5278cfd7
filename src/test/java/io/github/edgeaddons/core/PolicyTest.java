package io.github.edgeaddons.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The numbers behind retry and polling, computed without waiting. */
class PolicyTest {

    @Test
    void backoffGrowsExponentiallyWithBoundedJitterAndCap() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(400), Duration.ofSeconds(5));
        for (int i = 0; i < 200; i++) {
            long first = p.backoff(1, null).toMillis();
            long third = p.backoff(3, null).toMillis();
            long tenth = p.backoff(10, null).toMillis();
            assertTrue(first >= 300 && first <= 500, "first " + first);
            assertTrue(third >= 1200 && third <= 2000, "third " + third);
            assertTrue(tenth >= 3750 && tenth <= 6250, "capped " + tenth);
        }
    }

    @Test
    void retryAfterWinsWhenLonger() {
        RetryPolicy p = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1));
        assertEquals(Duration.ofSeconds(7), p.backoff(1, Duration.ofSeconds(7)));
        assertTrue(p.backoff(1, Duration.ofMillis(1)).toMillis() >= 75);
    }

    @Test
    void retryAfterIsReadAsSecondsOrHttpDate() {
        Instant now = Instant.parse("2025-03-01T10:00:00Z");
        assertEquals(Duration.ofSeconds(12), Transport.retryAfter("12", now));
        assertEquals(Duration.ofSeconds(30), Transport.retryAfter("Sat, 01 Mar 2025 10:00:30 GMT", now));
        assertEquals(Duration.ZERO, Transport.retryAfter("Sat, 01 Mar 2025 09:00:00 GMT", now));
        assertNull(Transport.retryAfter("soon", now));
        assertNull(Transport.retryAfter("-3", now));
        assertNull(Transport.retryAfter(null, now));
    }

    @Test
    void jitterNeverTakesTheBackoffAboveItsCap() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        long longest = 0;
        for (int i = 0; i < 2000; i++) {
            long ms = p.backoff(12, null).toMillis();
            assertTrue(ms <= 30_000, "above the 30 s cap: " + ms);
            assertTrue(ms >= 22_500, "jitter stays within 25% below the cap: " + ms);
            longest = Math.max(longest, ms);
        }
        assertTrue(longest > 29_000, "the cap is reached, not avoided: " + longest);
        // a Retry-After longer than the cap still wins: it is the store's word, not a backoff
        assertEquals(Duration.ofSeconds(90), p.backoff(12, Duration.ofSeconds(90)));
    }

    /** The request times of the adaptive schedule, in seconds after the 202, until {@code until}. */
    private static List<Double> adaptiveTimes(double until) {
        PollPolicy p = PollPolicy.adaptive();
        List<Double> times = new ArrayList<>();
        Duration at = p.delayBefore(1, Duration.ZERO, Duration.ZERO);
        Duration delay = at;
        times.add(at.toMillis() / 1000.0);
        for (int n = 2; at.toMillis() / 1000.0 < until; n++) {
            delay = p.delayBefore(n, delay, at);
            at = at.plus(delay);
            times.add(at.toMillis() / 1000.0);
        }
        return times;
    }

    @Test
    void theAdaptiveScheduleAsksSoonThenNeverMoreThanOnceEveryTwoSeconds() {
        List<Double> t = adaptiveTimes(700);
        assertEquals(0.75, t.get(0), 1e-9, "the first request about a second after the 202");
        for (int i = 1; i < t.size(); i++) {
            double gap = t.get(i) - t.get(i - 1);
            assertTrue(gap >= 2.0, "gap " + gap + " s before request " + (i + 1));
            assertTrue(gap <= 28.0 + 1e-9, "gap " + gap + " s before request " + (i + 1));
            if (t.get(i - 1) < 60) {
                assertTrue(gap <= 5.8 + 1e-9, "within the first minute at most 5.8 s: " + gap);
            }
            if (i >= 2) {
                assertTrue(gap >= t.get(i - 1) - t.get(i - 2) - 1e-9, "gaps never shrink: " + t);
            }
        }
    }

    /** Lag and requests of the pure schedule (no round trips) for operations ending within ±0.15 s of {@code length}. */
    private static double[] lagAndRequests(double length) {
        List<Double> t = adaptiveTimes(length + 60);
        double lag = 0;
        int requests = 0;
        for (double end = length - 0.15; end <= length + 0.15 + 1e-9; end += 0.05) {
            for (int i = 0; i < t.size(); i++) {
                if (t.get(i) >= end) {
                    lag = Math.max(lag, t.get(i) - end);
                    requests = Math.max(requests, i + 1);
                    break;
                }
            }
        }
        return new double[] {lag, requests};
    }

    @Test
    void theAdaptiveScheduleMeetsTheLagAndRequestBudgets() {
        // the poll policy's budgets: length s, lag s, requests (the benchmark measures the same against the simulator)
        double[][] budgets = {{2, 1, 3}, {7, 2, 5}, {15, 5, 7}, {60, 6, 14}, {600, 30, 40}};
        for (double[] b : budgets) {
            double[] m = lagAndRequests(b[0]);
            assertTrue(m[0] <= b[1], b[0] + " s operation: lag " + m[0] + " s > " + b[1]);
            assertTrue(m[1] <= b[2], b[0] + " s operation: " + m[1] + " requests > " + b[2]);
        }
    }

    @Test
    void aFixedIntervalIsFollowedFromTheFirstRequestAtOnce() {
        PollPolicy p = PollPolicy.fixed(Duration.ofSeconds(3));
        assertEquals(Duration.ZERO, p.delayBefore(1, Duration.ZERO, Duration.ZERO));
        assertEquals(Duration.ofSeconds(3), p.delayBefore(2, Duration.ZERO, Duration.ZERO));
        assertEquals(Duration.ofSeconds(3), p.delayBefore(40, Duration.ofSeconds(3), Duration.ofMinutes(9)));
        assertFalse(p.isAdaptive());
    }
}
