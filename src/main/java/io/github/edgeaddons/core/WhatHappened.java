package io.github.edgeaddons.core;

/**
 * The "what happened" half of a failure's message, composed here once from its facts (the status with its
 * reason phrase, who answered, how many attempts it took); the "what to do" half is the hints'
 * ({@link Hints}, and a store's own). Every client, authenticator and wait of every store words an answer
 * with these, so that the same fact reads the same everywhere.
 */
public final class WhatHappened {
    private WhatHappened() {}

    /** {@code HTTP 403 Forbidden}; {@code HTTP 599} for a status without a reason phrase. */
    public static String status(int status) {
        String reason = Http.reasonPhrase(status);
        return "HTTP " + status + (reason == null ? "" : " " + reason);
    }

    /** {@code The store answered HTTP 503 Service Unavailable}: who answered, and the status. */
    public static String answered(String who, int status) {
        return who + " answered " + status(status);
    }

    /** {@code  (after 3 attempts)} when the request was sent more than once, else nothing. */
    public static String afterAttempts(int attempts) {
        return attempts > 1 ? " (after " + attempts + " attempts)" : "";
    }
}
