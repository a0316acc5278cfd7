package io.github.edgeaddons.config;

import java.util.Locale;

/** The small text helpers every layer shares, each owned here once: sizes for people, the first line of a text. */
public final class Text {
    private static final long MIB = 1024L * 1024;

    private Text() {}

    /** {@code 12.3 KB} below 1 MiB, else {@code 4.5 MB} (1024-based, one decimal, the same in every locale). */
    public static String size(long bytes) {
        return size(bytes, bytes);
    }

    /**
     * {@code bytes} in the unit that suits {@code scale}: KB when {@code scale} is below 1 MiB, else MB; so that
     * the two numbers of a progress line ({@code 0.5 MB/1.5 MB}) share their unit.
     */
    public static String size(long bytes, long scale) {
        return scale < MIB ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / (double) MIB);
    }

    /** The first line of {@code text}, trimmed; empty for null. */
    public static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).trim();
    }

    /** {@link #firstLine(String)}, cut after {@code max} characters with {@code ...}. */
    public static String firstLine(String text, int max) {
        String line = firstLine(text);
        return line.length() > max ? line.substring(0, max) + "..." : line;
    }
}
