package io.github.edgeaddons.config;

/**
 * The one place where a printed count meets its noun: {@code 1 file}, {@code 2 files}, {@code 1 entry},
 * {@code 3 entries}. Every message that prints a count of something goes through here.
 */
public final class Plurals {
    private Plurals() {
    }

    /** {@code n} and the noun, with an {@code s} unless {@code n} is 1 ({@code 1 file}, {@code 0 files}). */
    public static String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }

    /** {@code n} and the noun in the form its number takes ({@code 1 entry}, {@code 2 entries}). */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
