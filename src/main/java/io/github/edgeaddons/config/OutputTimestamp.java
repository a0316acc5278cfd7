package io.github.edgeaddons.config;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * {@code project.build.outputTimestamp}, read as maven-archiver reads it for reproducible builds: unset or
 * one character means "not reproducible"; a number is seconds since the epoch; otherwise an ISO-8601 date
 * and time with offset ({@code 2026-01-01T00:00:00Z}). Zip entries can hold 1980-01-01 to 2099-12-31.
 */
public final class OutputTimestamp {
    private static final Instant MIN = Instant.parse("1980-01-01T00:00:02Z");
    private static final Instant MAX = Instant.parse("2099-12-31T23:59:59Z");

    private OutputTimestamp() {}

    /** The fixed time, or null when the build is not reproducible. */
    public static Instant parse(String value) throws ConfigException {
        if (value == null || value.trim().length() < 2) {
            return null;
        }
        String v = value.trim();
        Instant t;
        try {
            t = v.chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(v))
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new ConfigException("project.build.outputTimestamp='" + value + "' is not a time: use ISO-8601 with"
                    + " an offset (2026-01-01T00:00:00Z) or seconds since 1970 (1767225600).");
        }
        if (t.isBefore(MIN) || t.isAfter(MAX)) {
            throw new ConfigException("project.build.outputTimestamp='" + value + "' is outside what a zip can hold"
                    + " (1980-01-01T00:00:02Z to 2099-12-31T23:59:59Z).");
        }
        return t;
    }
}
