package io.github.edgeaddons.core;

/** How identifiers and secrets appear in the log. */
public final class Redaction {
    private Redaction() {}

    public static final String SECRET = "****";

    /** Keeps the first 4 characters of an identifier that is not secret but need not be shown whole. */
    public static String partial(String value) {
        if (value == null) {
            return "null";
        }
        if (value.length() <= 8) {
            return SECRET;
        }
        return value.substring(0, 4) + SECRET;
    }
}
