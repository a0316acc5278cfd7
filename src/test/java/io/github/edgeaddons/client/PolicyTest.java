package io.github.edgeaddons.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
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
    void adaptivePollingIsFastFirstThenBacksOffToTenSeconds() {
        PollPolicy p = PollPolicy.adaptive();
        Duration elapsed = Duration.ZERO;
        Duration delay = Duration.ZERO;
        int polls = 1; // the first poll is immediate
        int pollsInFirstFiveSeconds = 1;
        Duration longest = Duration.ZERO;
        while (elapsed.compareTo(Duration.ofMinutes(5)) < 0) {
            delay = p.next(delay, elapsed);
            elapsed = elapsed.plus(delay);
            polls++;
            if (elapsed.compareTo(Duration.ofSeconds(5)) <= 0) {
                pollsInFirstFiveSeconds++;
                assertEquals(Duration.ofMillis(500), delay, "lag stays under a second for short operations");
            }
            longest = delay.compareTo(longest) > 0 ? delay : longest;
        }
        assertEquals(Duration.ofSeconds(10), longest);
        assertTrue(pollsInFirstFiveSeconds >= 10, "polls in the first 5 s: " + pollsInFirstFiveSeconds);
        assertTrue(polls <= 50, "a 5-minute operation costs a few dozen polls, not " + polls);
    }

    @Test
    void aFixedIntervalIsFollowed() {
        PollPolicy p = PollPolicy.fixed(Duration.ofSeconds(3));
        assertEquals(Duration.ofSeconds(3), p.next(Duration.ZERO, Duration.ZERO));
        assertEquals(Duration.ofSeconds(3), p.next(Duration.ofSeconds(3), Duration.ofMinutes(9)));
    }
}
