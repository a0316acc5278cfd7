package io.github.edgeaddons.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations users write for {@code edge.timeout} and {@code edge.pollInterval}: ISO-8601
 * ({@code PT5S}, {@code PT0.2S}, {@code PT2M}), the short forms {@code 200ms}, {@code 5s}, {@code 2m},
 * {@code 1h}, and a bare number of seconds ({@code 30}, {@code 0.5}).
 */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private Durations() {}

    /**
     * @param value the text the user wrote
     * @param setting the property to name in the error, e.g. {@code edge.timeout}
     * @return a positive duration
     */
    public static Duration parse(String value, String setting) throws ConfigException {
        if (value == null || value.trim().isEmpty()) {
            throw new ConfigException(setting + " is empty: " + HINT);
        }
        String text = value.trim();
        Duration result;
        if (text.length() > 1 && (text.charAt(0) == 'P' || text.charAt(0) == 'p')) {
            try {
                result = Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new ConfigException(setting + "='" + value + "' is not a duration: " + HINT);
            }
        } else {
            Matcher m = SHORT.matcher(text.toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new ConfigException(setting + "='" + value + "' is not a duration: " + HINT);
            }
            BigDecimal amount = new BigDecimal(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            BigDecimal millis;
            switch (unit) {
                case "ms":
                    millis = amount;
                    break;
                case "m":
                    millis = amount.multiply(BigDecimal.valueOf(60_000));
                    break;
                case "h":
                    millis = amount.multiply(BigDecimal.valueOf(3_600_000));
                    break;
                default:
                    millis = amount.multiply(BigDecimal.valueOf(1_000));
            }
            if (millis.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1_000_000)) > 0) {
                throw new ConfigException(setting + "='" + value + "' is too long.");
            }
            result = Duration.ofNanos(millis.multiply(BigDecimal.valueOf(1_000_000)).longValue());
        }
        if (result.isNegative() || result.isZero()) {
            throw new ConfigException(setting + "='" + value + "' must be longer than zero: " + HINT);
        }
        return result;
    }

    /** Renders a duration the way users write it back: {@code 750ms}, {@code 5s}, {@code 2m30s}. */
    public static String format(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        long seconds = d.getSeconds();
        long ms = millis % 1000;
        if (seconds < 60) {
            return ms == 0 ? seconds + "s" : String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        StringBuilder sb = new StringBuilder();
        if (seconds >= 3600) {
            sb.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            sb.append((seconds % 3600) / 60).append('m');
        }
        if (seconds % 60 != 0) {
            sb.append(seconds % 60).append('s');
        }
        return sb.toString();
    }

    private static final String HINT =
            "write a number of seconds (30), a short form (200ms, 5s, 2m, 1h) or ISO-8601 (PT5S, PT2M).";
}
