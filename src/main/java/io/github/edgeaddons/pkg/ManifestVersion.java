package io.github.edgeaddons.pkg;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the project version into a manifest.json text, changing nothing else: the value of the top-level
 * {@code "version"} (and {@code "version_name"}) is replaced in place, so the file keeps its formatting,
 * key order, comments and byte order mark.
 *
 * <p>The rule: {@code version} is the Maven version's store form ({@link ExtensionVersion#storeForm});
 * {@code version_name} (the version Edge shows to users) is the full Maven version when that has a qualifier
 * ({@code 1.2.3-beta}: version {@code 1.2.3}, version_name {@code 1.2.3-beta}), or when the source already has
 * a {@code version_name}; otherwise the source has none and gets none.
 */
public final class ManifestVersion {
    private static final Gson GSON = new Gson();

    private ManifestVersion() {}

    /**
     * @throws InvalidPackageException when the text is not a JSON object (as far as this needs to read it)
     */
    public static String write(String manifest, String storeVersion, String mavenVersion)
            throws InvalidPackageException {
        List<Member> members = new Scanner(manifest).topLevelMembers();
        Member version = find(members, "version");
        Member versionName = find(members, "version_name");
        boolean wantsName = versionName != null || !storeVersion.equals(mavenVersion);
        String name = GSON.toJson(mavenVersion);
        List<int[]> at = new ArrayList<>(); // {start, end, index into texts}
        List<String> texts = new ArrayList<>();
        if (versionName != null) {
            edit(at, texts, versionName.valueStart, versionName.valueEnd, name);
        }
        if (version != null) {
            String added = versionName == null && wantsName
                    ? "," + version.leading + "\"version_name\"" + version.colon() + name : "";
            edit(at, texts, version.valueStart, version.valueEnd, GSON.toJson(storeVersion) + added);
        } else if (members.isEmpty()) {
            int brace = manifest.indexOf('{') + 1;
            edit(at, texts, brace, brace, "\"version\": " + GSON.toJson(storeVersion)
                    + (wantsName ? ", \"version_name\": " + name : ""));
        } else {
            Member first = members.get(0);
            int key = first.start + first.leading.length();
            String sep = "," + (first.leading.isEmpty() ? " " : first.leading);
            edit(at, texts, key, key, "\"version\"" + first.colon() + GSON.toJson(storeVersion) + sep
                    + (versionName == null && wantsName ? "\"version_name\"" + first.colon() + name + sep : ""));
        }
        // apply from the end of the text backwards, so that earlier offsets stay valid
        at.sort((x, y) -> Integer.compare(y[0], x[0]));
        StringBuilder out = new StringBuilder(manifest);
        for (int[] e : at) {
            out.replace(e[0], e[1], texts.get(e[2]));
        }
        return out.toString();
    }

    private static void edit(List<int[]> at, List<String> texts, int start, int end, String text) {
        at.add(new int[] {start, end, texts.size()});
        texts.add(text);
    }

    private static Member find(List<Member> members, String key) {
        for (Member m : members) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        return null;
    }

    /** One top-level {@code "key": value}, by offsets into the text. */
    private static final class Member {
        String key;
        /** Where the whitespace before the key starts (just after {@code {} or {@code ,}). */
        int start;
        /** That whitespace (empty when it holds a comment). */
        String leading;
        int keyEnd;
        int valueStart;
        int valueEnd;
        String text;

        /** The text between the key and the value ({@code ": "}), or {@code ": "} when a comment is there. */
        String colon() {
            String c = text.substring(keyEnd, valueStart);
            return c.trim().equals(":") ? c : ": ";
        }
    }

    /** Just enough of a lenient JSON reader (comments, trailing commas) to find the top-level members. */
    private static final class Scanner {
        private final String s;
        private int i;

        Scanner(String s) {
            this.s = s;
        }

        List<Member> topLevelMembers() throws InvalidPackageException {
            if (s.startsWith("\uFEFF")) {
                i = 1;
            }
            skipBlank();
            expect('{');
            List<Member> members = new ArrayList<>();
            while (true) {
                int start = i;
                skipBlank();
                if (peek() == '}') {
                    return members;
                }
                Member m = new Member();
                m.text = s;
                m.start = start;
                String between = s.substring(start, i);
                m.leading = between.trim().isEmpty() ? between : "";
                int keyStart = i;
                skipString();
                m.key = decode(s.substring(keyStart, i));
                m.keyEnd = i;
                skipBlank();
                expect(':');
                skipBlank();
                m.valueStart = i;
                skipValue();
                m.valueEnd = i;
                members.add(m);
                skipBlank();
                char c = peek();
                if (c == ',') {
                    i++;
                } else if (c != '}') {
                    throw problem("expected , or } after the value of \"" + m.key + "\"");
                }
            }
        }

        private String decode(String literal) throws InvalidPackageException {
            try {
                return JsonParser.parseString(literal).getAsString();
            } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
                throw problem("unreadable key " + literal);
            }
        }

        private char peek() throws InvalidPackageException {
            if (i >= s.length()) {
                throw problem("it ends before the top-level object is closed");
            }
            return s.charAt(i);
        }

        private void expect(char c) throws InvalidPackageException {
            if (peek() != c) {
                throw problem("expected '" + c + "' at offset " + i);
            }
            i++;
        }

        private void skipBlank() throws InvalidPackageException {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (s.startsWith("//", i)) {
                    int end = s.indexOf('\n', i);
                    i = end < 0 ? s.length() : end + 1;
                } else if (s.startsWith("/*", i)) {
                    int end = s.indexOf("*/", i + 2);
                    if (end < 0) {
                        throw problem("a /* comment is not closed");
                    }
                    i = end + 2;
                } else {
                    return;
                }
            }
        }

        private void skipString() throws InvalidPackageException {
            expect('"');
            while (true) {
                char c = peek();
                i++;
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    return;
                }
            }
        }

        private void skipValue() throws InvalidPackageException {
            char c = peek();
            if (c == '"') {
                skipString();
            } else if (c == '{' || c == '[') {
                int depth = 0;
                do {
                    c = peek();
                    if (c == '"') {
                        skipString();
                        continue;
                    }
                    if (c == '/' && (s.startsWith("//", i) || s.startsWith("/*", i))) {
                        skipBlank();
                        continue;
                    }
                    if (c == '{' || c == '[') {
                        depth++;
                    } else if (c == '}' || c == ']') {
                        depth--;
                    }
                    i++;
                } while (depth > 0);
            } else {
                int start = i;
                while (i < s.length() && ",}/".indexOf(s.charAt(i)) < 0 && !Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    throw problem("a value is missing at offset " + i);
                }
            }
        }

        private InvalidPackageException problem(String what) {
            return new InvalidPackageException("manifest.json is not a JSON object that the version can be written"
                    + " into: " + what + ".");
        }
    }
}
