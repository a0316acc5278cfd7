package io.github.edgeaddons.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The "what happened" phrases, pinned once; the clients' messages built from them are checked against the
 * simulator (StoreAnswersTest, TokenDuringWaitTest, PollerTest: a 410, a 499 without a reason phrase, a 429
 * after 4 attempts, a 403 of the token endpoint).
 */
class WhatHappenedTest {
    @Test
    void aStatusWithItsReasonPhraseWhenThereIsOne() {
        assertEquals("HTTP 403 Forbidden", WhatHappened.status(403));
        assertEquals("HTTP 422 Unprocessable Content", WhatHappened.status(422));
        assertEquals("HTTP 499", WhatHappened.status(499));
    }

    @Test
    void whoAnswered() {
        assertEquals("The store answered HTTP 503 Service Unavailable", WhatHappened.answered("The store", 503));
        assertEquals("The token endpoint https://login.example.test/t answered HTTP 404 Not Found",
                WhatHappened.answered("The token endpoint https://login.example.test/t", 404));
    }

    @Test
    void attemptsAreNamedOnlyWhenThereWasMoreThanOne() {
        assertEquals("", WhatHappened.afterAttempts(1));
        assertEquals(" (after 4 attempts)", WhatHappened.afterAttempts(4));
    }
}
