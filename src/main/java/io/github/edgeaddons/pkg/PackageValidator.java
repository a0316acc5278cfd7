package io.github.edgeaddons.pkg;

import io.github.edgeaddons.config.Text;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.github.edgeaddons.pkg.checks.CheckReport;
import io.github.edgeaddons.pkg.checks.Manifest;
import io.github.edgeaddons.pkg.checks.PackageChecks;
import io.github.edgeaddons.pkg.checks.PackageContent;
import io.github.edgeaddons.pkg.checks.Rule;
import io.github.edgeaddons.pkg.checks.Store;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Local checks of an extension package (a zip with manifest.json at its root) before it is
 * uploaded to the Edge Add-ons store, so that common mistakes fail the build early with a clear
 * message instead of a vague store rejection after the upload.
 *
 * <p>Only the zip's central directory and the manifest.json entry are read; the archive is never
 * loaded into memory as a whole.
 */
public final class PackageValidator {

    /**
     * Maximum package size: 2 GiB. This is the limit assumed for the Edge Add-ons store (which
     * documents no smaller one); use {@link #PackageValidator(long)} to check against another.
     */
    public static final long DEFAULT_MAX_SIZE = 2L * 1024 * 1024 * 1024;

    static final String MANIFEST = "manifest.json";

    private static final long MIB = 1024L * 1024;

    /** How users silence a rule, for the failure's last line. */
    public static final String IGNORED_CHECKS_SETTING = "<ignoredChecks> (edge.ignoredChecks, comma-separated codes)";

    private final long maxSizeBytes;
    private Store store = Store.EDGE;
    private Set<Rule> ignored = EnumSet.noneOf(Rule.class);

    public PackageValidator() {
        this(DEFAULT_MAX_SIZE);
    }

    public PackageValidator(long maxSizeBytes) {
        if (maxSizeBytes <= 0) {
            throw new IllegalArgumentException("maxSizeBytes must be positive, was " + maxSizeBytes);
        }
        this.maxSizeBytes = maxSizeBytes;
    }

    /** Checks against this store's rules (default: Edge). */
    public PackageValidator store(Store store) {
        this.store = store;
        return this;
    }

    /** Rules the user silenced: counted in the report, neither errors nor warnings. */
    public PackageValidator ignoring(Set<Rule> rules) {
        this.ignored = rules == null || rules.isEmpty() ? EnumSet.noneOf(Rule.class) : EnumSet.copyOf(rules);
        return this;
    }

    public long maxSizeBytes() {
        return maxSizeBytes;
    }

    public PackageInfo validate(Path zip) throws InvalidPackageException {
        if (zip == null) {
            throw new InvalidPackageException("No extension package given. Set edge.file to the extension's .zip file.");
        }
        checkFile(zip);
        long size = checkSize(zip);
        checkMagic(zip);
        try (ZipFile zipFile = open(zip)) {
            Map<String, Long> entries = entries(zip, zipFile);
            List<String> names = new ArrayList<>(entries.keySet());
            checkHasFiles(zip, zipFile, names);
            ZipEntry manifestEntry = findManifest(zip, zipFile, names);
            Manifest manifest = readManifest(zip, zipFile, manifestEntry);
            int manifestVersion = manifestVersion(zip, manifest.json());
            String name = name(zip, manifest.json());
            String version = version(zip, manifest.json());
            CheckReport report = new PackageChecks(store, ignored)
                    .check(manifest, new PackageContent(entries, (entry, max) -> read(zipFile, entry, max)));
            if (report.hasErrors()) {
                throw new InvalidPackageException(report.failureMessage(zip.toString(), IGNORED_CHECKS_SETTING), report);
            }
            return new PackageInfo(zip, size, name, version, manifestVersion, names.size(), report);
        } catch (IOException e) {
            // only close() can get here; the checks turn their own IOExceptions into messages
            throw new InvalidPackageException("Extension package " + zip + " cannot be read: " + e.getMessage());
        }
    }

    // --- 1. the file --------------------------------------------------------------------------

    private static void checkFile(Path zip) throws InvalidPackageException {
        if (!Files.exists(zip)) {
            throw new InvalidPackageException("Extension package " + zip + " does not exist. Set edge.file to the zip,"
                    + " or build it before the deploy phase (e.g. with maven-assembly-plugin).");
        }
        if (Files.isDirectory(zip)) {
            throw new InvalidPackageException("Extension package " + zip + " is a directory, not a file."
                    + " edge.file must point to the extension's .zip file.");
        }
        if (!Files.isRegularFile(zip)) {
            throw new InvalidPackageException("Extension package " + zip + " is not a regular file."
                    + " edge.file must point to the extension's .zip file.");
        }
        if (!Files.isReadable(zip)) {
            throw new InvalidPackageException("Extension package " + zip + " is not readable."
                    + " Check the file's permissions for the user running the build.");
        }
    }

    // --- 2. size -------------------------------------------------------------------------------

    private long checkSize(Path zip) throws InvalidPackageException {
        long size;
        try {
            size = Files.size(zip);
        } catch (IOException e) {
            throw new InvalidPackageException("Extension package " + zip + " cannot be read: " + describe(e));
        }
        if (size == 0) {
            throw new InvalidPackageException("Extension package " + zip + " is empty (0 bytes)."
                    + " Check the step that builds the zip.");
        }
        if (size > maxSizeBytes) {
            throw new InvalidPackageException("Extension package " + zip + " is " + formatSize(size)
                    + ", larger than the limit of " + formatSize(maxSizeBytes)
                    + ". Make the package smaller (e.g. leave out source maps, tests and unused assets).");
        }
        return size;
    }

    static String formatSize(long bytes) {
        return Text.size(bytes, MIB) + " (" + bytes + " bytes)"; // in MB whatever the size, beside the exact bytes
    }

    // --- 3. is it a zip ------------------------------------------------------------------------

    private static void checkMagic(Path zip) throws InvalidPackageException {
        byte[] head = new byte[4];
        int n = 0;
        try (InputStream in = Files.newInputStream(zip)) {
            while (n < head.length) {
                int r = in.read(head, n, head.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (IOException e) {
            throw new InvalidPackageException("Extension package " + zip + " cannot be read: " + describe(e));
        }
        if (n == 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6))) {
            return;
        }
        String hint;
        if (n == 4 && head[0] == 'C' && head[1] == 'r' && head[2] == '2' && head[3] == '4') {
            hint = " It is a packed .crx extension; the store needs the .zip of the extension's files instead.";
        } else {
            hint = " Set edge.file to the extension's .zip file.";
        }
        throw new InvalidPackageException("Extension package " + zip + " is not a zip file at all (starts with "
                + describeBytes(head, n) + ")." + hint);
    }

    /** "\"text\"" when printable ASCII, otherwise hex bytes. */
    static String describeBytes(byte[] bytes, int n) {
        boolean printable = n > 0;
        for (int i = 0; i < n; i++) {
            if (bytes[i] < 0x20 || bytes[i] > 0x7e) {
                printable = false;
                break;
            }
        }
        if (printable) {
            return "\"" + new String(bytes, 0, n, StandardCharsets.US_ASCII) + "\"";
        }
        StringBuilder sb = new StringBuilder("bytes");
        for (int i = 0; i < n; i++) {
            sb.append(String.format(Locale.ROOT, " %02X", bytes[i] & 0xff));
        }
        return sb.toString();
    }

    private static ZipFile open(Path zip) throws InvalidPackageException {
        try {
            return new ZipFile(zip.toFile(), StandardCharsets.UTF_8);
        } catch (IOException | IllegalArgumentException utf8Failure) {
            // Zips written by some older tools store names in a legacy code page without the UTF-8 flag,
            // which Java rejects as UTF-8. Only the ASCII name "manifest.json" matters here, so retry with
            // a charset that accepts any byte before calling the zip corrupt.
            try {
                return new ZipFile(zip.toFile(), StandardCharsets.ISO_8859_1);
            } catch (IOException | IllegalArgumentException ignored) {
                throw corrupt(zip, utf8Failure);
            }
        }
    }

    private static InvalidPackageException corrupt(Path zip, Exception e) {
        if (e instanceof ZipException || e instanceof IllegalArgumentException) {
            return new InvalidPackageException("Extension package " + zip + " is a corrupt zip file (" + describe(e)
                    + "). Re-create it; it may have been truncated or only partly written.");
        }
        return new InvalidPackageException("Extension package " + zip + " cannot be read: " + describe(e));
    }

    /** Every entry's name and uncompressed size, from the central directory, in the zip's order. */
    private static Map<String, Long> entries(Path zip, ZipFile zipFile) throws InvalidPackageException {
        Map<String, Long> entries = new LinkedHashMap<>(zipFile.size() * 2);
        try {
            Enumeration<? extends ZipEntry> all = zipFile.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                entries.putIfAbsent(e.getName(), e.getSize());
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw corrupt(zip, e);
        }
        return entries;
    }

    /** Up to {@code max} bytes of one entry, for the checks that look inside a file. */
    private static byte[] read(ZipFile zipFile, String name, int max) throws IOException {
        ZipEntry entry = zipFile.getEntry(name);
        if (entry == null) {
            throw new IOException("no entry " + name);
        }
        try (InputStream in = zipFile.getInputStream(entry)) {
            if (max == Integer.MAX_VALUE) {
                return in.readAllBytes();
            }
            return in.readNBytes(max);
        }
    }

    // --- 4. entries ----------------------------------------------------------------------------

    private static void checkHasFiles(Path zip, ZipFile zipFile, List<String> names) throws InvalidPackageException {
        if (names.isEmpty()) {
            throw new InvalidPackageException("Extension package " + zip + " contains no files."
                    + " Check the step that builds the zip (e.g. the fileSets of the assembly descriptor).");
        }
        for (String name : names) {
            if (!name.endsWith("/") && !name.endsWith("\\")) {
                return;
            }
        }
        throw new InvalidPackageException("Extension package " + zip + " contains no files, only "
                + names.size() + (names.size() == 1 ? " folder" : " folders")
                + ". Check the step that builds the zip (e.g. the fileSets of the assembly descriptor).");
    }

    // --- 5. manifest.json at the root ----------------------------------------------------------

    private static ZipEntry findManifest(Path zip, ZipFile zipFile, List<String> names) throws InvalidPackageException {
        ZipEntry exact = zipFile.getEntry(MANIFEST);
        if (exact != null && MANIFEST.equals(exact.getName()) && !exact.isDirectory()) {
            return exact;
        }
        String caseMismatch = null;   // e.g. "Manifest.json" at the root
        String oddPrefix = null;      // e.g. "./manifest.json" or "/manifest.json"
        String nested = null;         // shallowest ".../manifest.json", any case
        for (String raw : names) {
            String name = raw.replace('\\', '/');
            if (name.endsWith("/")) {
                continue;
            }
            int slash = name.lastIndexOf('/');
            String base = name.substring(slash + 1);
            if (!base.equalsIgnoreCase(MANIFEST)) {
                continue;
            }
            String folder = name.substring(0, slash + 1);
            if (folder.isEmpty()) {
                if (caseMismatch == null) {
                    caseMismatch = raw;
                }
            } else if (folder.equals("/") || folder.equals("./")) {
                if (oddPrefix == null) {
                    oddPrefix = raw;
                }
            } else if (nested == null || depth(name) < depth(nested.replace('\\', '/'))) {
                nested = raw;
            }
        }
        if (caseMismatch != null) {
            throw new InvalidPackageException("Extension package " + zip + " has '" + caseMismatch
                    + "' at its root, but the name must be exactly 'manifest.json' (lowercase). Rename the file.");
        }
        if (oddPrefix != null) {
            throw new InvalidPackageException("Extension package " + zip + " stores its manifest as '" + oddPrefix
                    + "'; entries must be plain relative paths like 'manifest.json'. Re-create the zip without the '"
                    + oddPrefix.substring(0, oddPrefix.length() - MANIFEST.length()) + "' prefix.");
        }
        if (nested != null) {
            String normalized = nested.replace('\\', '/');
            int slash = normalized.lastIndexOf('/');
            String folder = normalized.substring(0, slash + 1);
            String base = normalized.substring(slash + 1);
            String caseNote = MANIFEST.equals(base) ? ""
                    : " (as '" + base + "'; the name must also be exactly 'manifest.json', lowercase)";
            throw new InvalidPackageException("manifest.json is not at the root of " + zip + ": it is inside '"
                    + folder + "'" + caseNote + ". The store needs it at the root: zip the folder's contents, not the"
                    + " folder (with maven-assembly-plugin set <includeBaseDirectory>false</includeBaseDirectory>).");
        }
        throw new InvalidPackageException(zip + " has no manifest.json at its root; an extension package must"
                + " contain manifest.json at the top level.");
    }

    private static int depth(String name) {
        int d = 0;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == '/') {
                d++;
            }
        }
        return d;
    }

    // --- 6. manifest.json is a JSON object -----------------------------------------------------

    private static Manifest readManifest(Path zip, ZipFile zipFile, ZipEntry entry) throws InvalidPackageException {
        try (InputStream raw = zipFile.getInputStream(entry)) {
            return parseManifest("manifest.json in " + zip, raw);
        } catch (IOException e) {
            throw unreadableEntry(zip, e);
        }
    }

    /**
     * Reads a manifest.json strictly (UTF-8, JSON plus the comments and BOM Chrome accepts, no key twice, an
     * object), noting the line of each value for the findings.
     *
     * @param where the file for messages, e.g. "manifest.json in target/x.zip"
     * @throws IOException when the bytes cannot be read (not when they are not JSON)
     */
    public static Manifest parseManifest(String where, InputStream raw) throws InvalidPackageException, IOException {
        JsonElement root;
        Map<String, Integer> lines = new HashMap<>();
        try (BufferedInputStream in = new BufferedInputStream(raw)) {
            skipUtf8Bom(where, in);
            // Strict UTF-8: Chrome refuses manifests that are not valid UTF-8, so report instead of replacing.
            Charset utf8 = StandardCharsets.UTF_8;
            InputStreamReader reader = new InputStreamReader(in, utf8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
            // Exactly JSON, plus the comments Chrome accepts (// and /* */) and a BOM: the comments are blanked
            // out (keeping line and column), then a strict reader parses the rest. Gson's lenient mode would
            // also take unquoted keys, single quotes and more, which the store refuses.
            JsonReader json = new JsonReader(new StringReader(withoutComments(where, readAll(reader))));
            json.setStrictness(Strictness.STRICT);
            try {
                json.peek();
            } catch (EOFException empty) {
                throw new InvalidPackageException(where + " is empty. It must contain a JSON object with at least"
                        + " manifest_version, name and version.");
            }
            root = readValue(where, json, "", lines);
            boolean more;
            try {
                more = json.peek() != JsonToken.END_DOCUMENT;
            } catch (com.google.gson.stream.MalformedJsonException e) {
                more = true; // a strict reader refuses a second top-level value outright
            }
            if (more) {
                throw new InvalidPackageException(where + " is not valid JSON: unexpected content after the end of"
                        + " the top-level value" + position(json) + ". Fix the file so it holds exactly one JSON object.");
            }
        } catch (JsonParseException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CharacterCodingException) {
                throw notUtf8(where);
            }
            if (cause instanceof IOException && !(cause instanceof com.google.gson.stream.MalformedJsonException)
                    && !(cause instanceof EOFException)) {
                throw (IOException) cause;
            }
            throw new InvalidPackageException(where + " is not valid JSON: " + describe(e) + ". Fix the syntax error.");
        } catch (CharacterCodingException e) {
            throw notUtf8(where);
        } catch (com.google.gson.stream.MalformedJsonException | EOFException e) {
            throw new InvalidPackageException(where + " is not valid JSON: " + describe(e) + ". Fix the syntax error.");
        }
        if (!root.isJsonObject()) {
            throw new InvalidPackageException(where + " is not a JSON object (it is " + kind(root)
                    + "). The manifest must be an object like {\"manifest_version\": 3, \"name\": ..., \"version\": ...}.");
        }
        return new Manifest(root.getAsJsonObject(), lines);
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = reader.read(buf)) > 0) {
            sb.append(buf, 0, n);
        }
        return sb.toString();
    }

    /**
     * The text with every {@code //} and {@code /* *}{@code /} comment outside strings replaced by spaces
     * (newlines kept), so that positions in later error messages still match the file.
     */
    static String withoutComments(String where, String text) throws InvalidPackageException {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int line = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                int start = i++;
                while (i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\n') {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
                i = Math.min(i + 1, text.length());
                out.append(text, start, i);
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new InvalidPackageException(where + " is not valid JSON: a /* comment that starts at line "
                            + line + " is never closed. Close it with */.");
                }
                for (int j = i; j < end + 2; j++) {
                    char k = text.charAt(j);
                    out.append(k == '\n' || k == '\r' ? k : ' ');
                    if (k == '\n') {
                        line++;
                    }
                }
                i = end + 2;
            } else {
                if (c == '\n') {
                    line++;
                }
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** One JSON value, read strictly; an object that names a key twice is refused, naming the key. */
    private static JsonElement readValue(String where, JsonReader json, String path, Map<String, Integer> lines)
            throws IOException, InvalidPackageException {
        switch (json.peek()) {
            case BEGIN_OBJECT: {
                JsonObject o = new JsonObject();
                json.beginObject();
                while (json.hasNext()) {
                    String at = position(json);
                    String name = json.nextName();
                    if (o.has(name)) {
                        throw new InvalidPackageException(where + " names the key \"" + name + "\" twice in the"
                                + " same object" + at + ". JSON parsers disagree on which one counts, and the store"
                                + " refuses such a manifest: keep one.");
                    }
                    String child = path.isEmpty() ? name : path + "." + name;
                    lines.put(child, line(json));
                    o.add(name, readValue(where, json, child, lines));
                }
                json.endObject();
                return o;
            }
            case BEGIN_ARRAY: {
                JsonArray a = new JsonArray();
                json.beginArray();
                while (json.hasNext()) {
                    String child = path + "[" + a.size() + "]";
                    json.peek();
                    lines.put(child, line(json));
                    a.add(readValue(where, json, child, lines));
                }
                json.endArray();
                return a;
            }
            case STRING:
                return new JsonPrimitive(json.nextString());
            case NUMBER:
                // through Gson's own number type, which keeps the literal as written ("3", "3.0")
                return JsonParser.parseString(json.nextString());
            case BOOLEAN:
                return new JsonPrimitive(json.nextBoolean());
            case NULL:
                json.nextNull();
                return JsonNull.INSTANCE;
            default:
                throw new InvalidPackageException(where + " is not valid JSON: unexpected " + json.peek()
                        + position(json) + ". Fix the syntax error.");
        }
    }

    private static void skipUtf8Bom(String where, BufferedInputStream in) throws IOException, InvalidPackageException {
        in.mark(3);
        int b0 = in.read();
        int b1 = in.read();
        int b2 = in.read();
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            return;
        }
        if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
            throw new InvalidPackageException(where + " is encoded as UTF-16; Chrome and the store need UTF-8."
                    + " Save the file as UTF-8.");
        }
        in.reset();
    }

    private static InvalidPackageException notUtf8(String where) {
        return new InvalidPackageException(where + " is not valid UTF-8 text. Save the file as UTF-8.");
    }

    private static InvalidPackageException unreadableEntry(Path zip, IOException e) {
        return new InvalidPackageException("manifest.json in " + zip + " cannot be read from the zip (" + describe(e)
                + "). The zip is probably corrupt; re-create it.");
    }

    /** The reader's current line, from its description ("... at line L column C path P"). */
    private static int line(JsonReader json) {
        String s = json.toString();
        int at = s.indexOf(" at line ");
        if (at < 0) {
            return 0;
        }
        int start = at + " at line ".length();
        int end = start;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end > start ? Integer.parseInt(s.substring(start, end)) : 0;
    }

    private static String position(JsonReader json) {
        // JsonReader.toString() is "JsonReader at line L column C path P"
        String s = json.toString();
        int at = s.indexOf(" at line ");
        return at < 0 ? "" : s.substring(at);
    }

    // --- 7. fields -----------------------------------------------------------------------------

    private static int manifestVersion(Path zip, JsonObject manifest) throws InvalidPackageException {
        String where = "manifest.json in " + zip;
        JsonElement value = manifest.get("manifest_version");
        String fix = " It must be the number 2 or 3 (new extensions use 3), e.g. \"manifest_version\": 3.";
        if (value == null) {
            throw new InvalidPackageException(where + " has no \"manifest_version\"." + fix);
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            String text = value.getAsString();
            if (text.equals("2") || text.equals("3")) {
                return Integer.parseInt(text);
            }
        }
        throw new InvalidPackageException(where + " has an invalid \"manifest_version\": " + value + "." + fix);
    }

    private static String name(Path zip, JsonObject manifest) throws InvalidPackageException {
        String where = "manifest.json in " + zip;
        JsonElement value = manifest.get("name");
        if (value == null) {
            throw new InvalidPackageException(where + " has no \"name\". Add the extension's name,"
                    + " e.g. \"name\": \"My Extension\".");
        }
        if (!isString(value)) {
            throw new InvalidPackageException(where + " has an invalid \"name\": " + value
                    + ". It must be a non-empty string, e.g. \"name\": \"My Extension\".");
        }
        String name = value.getAsString();
        if (name.trim().isEmpty()) {
            throw new InvalidPackageException(where + " has an empty \"name\": " + value
                    + ". Set it to the extension's name, e.g. \"name\": \"My Extension\".");
        }
        return name;
    }

    private static String version(Path zip, JsonObject manifest) throws InvalidPackageException {
        String where = "manifest.json in " + zip;
        String rule = " It must be " + ExtensionVersion.RULE + ".";
        JsonElement value = manifest.get("version");
        if (value == null) {
            throw new InvalidPackageException(where + " has no \"version\"." + rule);
        }
        if (!isString(value)) {
            throw new InvalidPackageException(where + " has an invalid \"version\": " + value
                    + " (it must be a string in quotes)." + rule);
        }
        String version = value.getAsString();
        String problem = ExtensionVersion.problem(version);
        if (problem != null) {
            throw new InvalidPackageException(where + " has an invalid \"version\": " + value
                    + " (" + problem + ")." + rule);
        }
        return version;
    }

    private static boolean isString(JsonElement e) {
        return e.isJsonPrimitive() && ((JsonPrimitive) e).isString();
    }

    private static String kind(JsonElement e) {
        if (e.isJsonArray()) {
            return "an array";
        }
        if (e.isJsonNull()) {
            return "null";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isString()) {
            return "a string";
        }
        if (p.isNumber()) {
            return "a number";
        }
        return "a boolean";
    }

    /** The most specific message of an exception chain, without Gson's troubleshooting link. */
    static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (message == null || message.isEmpty()) {
            message = t.getClass().getSimpleName();
        }
        int see = message.indexOf("\nSee ");
        if (see >= 0) {
            message = message.substring(0, see);
        }
        // the strict reader's advice is for programmers; say what JSON requires instead
        String lenient = "Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON";
        if (message.startsWith(lenient)) {
            message = "this is not JSON (keys and strings need double quotes; single quotes, unquoted keys and"
                    + " words, and trailing commas are not allowed)" + message.substring(lenient.length());
        }
        return message.replace('\n', ' ').trim();
    }
}
