package io.github.edgeaddons.pkg;

/**
 * The extension version format used by Chrome and the Edge Add-ons store: 1 to 4 parts separated
 * by dots; each part an integer 0..65535 written with ASCII digits only; no leading zeros (so
 * "0" is fine but "00" and "070" are not); no empty parts, signs or spaces.
 */
public final class ExtensionVersion {

    /** Human-readable rule, used in error messages. */
    public static final String RULE =
            "1 to 4 dot-separated integers, each 0 to 65535, no leading zeros, e.g. 1.2.3";

    private static final int MAX_PARTS = 4;
    private static final int MAX_PART_VALUE = 65535;

    private ExtensionVersion() {
    }

    public static boolean isValid(String version) {
        return problem(version) == null;
    }

    /** null when valid, otherwise the reason, e.g. "part '070' has a leading zero". */
    public static String problem(String version) {
        if (version == null) {
            return "no version given";
        }
        if (version.isEmpty()) {
            return "it is empty";
        }
        for (int i = 0; i < version.length(); i++) {
            if (Character.isWhitespace(version.charAt(i))) {
                return "it contains whitespace";
            }
        }
        // split with limit -1 keeps trailing empty strings ("1.2." -> ["1", "2", ""])
        String[] parts = version.split("\\.", -1);
        if (parts.length > MAX_PARTS) {
            return "it has " + parts.length + " parts; at most " + MAX_PARTS + " are allowed";
        }
        for (String part : parts) {
            if (part.isEmpty()) {
                return "it has an empty part (a leading or trailing dot, or two dots in a row)";
            }
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (c < '0' || c > '9') {
                    return "part '" + part + "' is not a whole number: only the digits 0-9 are allowed, no signs or letters";
                }
            }
            if (part.length() > 1 && part.charAt(0) == '0') {
                return "part '" + part + "' has a leading zero";
            }
            // at most 5 digits fit into an int comfortably; longer is certainly too big
            if (part.length() > 5 || Integer.parseInt(part) > MAX_PART_VALUE) {
                return "part '" + part + "' is greater than " + MAX_PART_VALUE;
            }
        }
        return null;
    }

    /**
     * The store form of a Maven project version: the version itself when it is already a store version,
     * else its leading numbers when a qualifier follows them after {@code -} or {@code .}
     * ({@code 1.2.3-SNAPSHOT} and {@code 1.2.3-beta-2} -> {@code 1.2.3}, {@code 2.0.RC1} -> {@code 2.0}); null
     * when there is no such form (no leading numbers, more than 4 of them, leading zeros, parts above 65535).
     */
    public static String storeForm(String mavenVersion) {
        if (mavenVersion == null) {
            return null;
        }
        int end = 0;
        while (end < mavenVersion.length()
                && (Character.isDigit(mavenVersion.charAt(end)) || mavenVersion.charAt(end) == '.')) {
            end++;
        }
        String numbers = mavenVersion.substring(0, end);
        if (end < mavenVersion.length()) {
            if (numbers.endsWith(".")) {
                numbers = numbers.substring(0, numbers.length() - 1); // 2.0.RC1: the dot starts the qualifier
            } else if (mavenVersion.charAt(end) != '-') {
                return null; // 1.0a: a letter glued to the numbers is no qualifier
            }
        }
        return isValid(numbers) ? numbers : null;
    }

    /** True when the Maven version has a qualifier beyond its store form ({@code 1.2.3-SNAPSHOT}, {@code 1.2.3-beta}). */
    public static boolean hasQualifier(String mavenVersion) {
        String store = storeForm(mavenVersion);
        return store != null && !store.equals(mavenVersion);
    }
}
