package io.github.edgeaddons.config;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The API key's expiry date ({@code edge.apiKeyExpires}): Partner Center's API keys last 72 days and cannot be
 * renewed through the API, so a build that knows the date can warn ahead and refuse a key that has expired,
 * before the store answers 401 halfway through a release.
 */
public final class KeyExpiry {
    /** How many days ahead the build warns: two weeks leave time to create a key and update CI's secrets. */
    public static final int WARN_DAYS = 14;

    /** What the date means today. */
    public enum State {
        /** More than {@link #WARN_DAYS} days left. */
        VALID,
        /** The key still works, for {@link #WARN_DAYS} days or fewer (0: its last day). */
        EXPIRING,
        /** The date has passed. */
        EXPIRED
    }

    private KeyExpiry() {}

    /**
     * @param value the date as written, {@code YYYY-MM-DD}
     * @param setting the property to name in the error
     */
    public static LocalDate parse(String value, String setting) throws ConfigException {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new ConfigException(setting + "='" + value + "' is not a date: write the expiry date that Partner"
                    + " Center shows for the API key (Microsoft Edge > Publish API) as YYYY-MM-DD, e.g. 2026-03-31.");
        }
    }

    /** Days from today (in the clock's zone) to the expiry date: 0 on its last day, negative once it has passed. */
    public static long daysLeft(LocalDate expires, Clock clock) {
        return ChronoUnit.DAYS.between(LocalDate.now(clock), expires);
    }

    public static State state(LocalDate expires, Clock clock) {
        long days = daysLeft(expires, clock);
        return days < 0 ? State.EXPIRED : days <= WARN_DAYS ? State.EXPIRING : State.VALID;
    }
}
