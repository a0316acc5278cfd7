package io.github.edgeaddons.pkg;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackageValidatorTest {

    private static final String VALID_MANIFEST =
            "{\"manifest_version\": 3, \"name\": \"My Extension\", \"version\": \"1.2.3\"}";

    @TempDir
    Path dir;

    private final PackageValidator validator = new PackageValidator();

    // --- helpers -------------------------------------------------------------------------------

    private static Map<String, byte[]> entries(String... nameThenContent) {
        Map<String, byte[]> map = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            map.put(nameThenContent[i], nameThenContent[i + 1] == null ? null : nameThenContent[i + 1].getBytes(UTF_8));
        }
        return map;
    }

    /** A real zip; a null content makes a folder entry. */
    private static byte[] zipBytes(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getValue() != null) {
                    out.write(e.getValue());
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private Path zip(String fileName, Map<String, byte[]> entries) throws IOException {
        return Files.write(dir.resolve(fileName), zipBytes(entries));
    }

    private Path zipWithManifest(String manifest) throws IOException {
        return zip("ext.zip", entries("manifest.json", manifest, "background.js", "console.log('hi');"));
    }

    private Path zipWithManifest(byte[] manifest) throws IOException {
        Map<String, byte[]> map = new LinkedHashMap<>();
        map.put("manifest.json", manifest);
        return zip("ext.zip", map);
    }

    private String fail(Path zip) {
        return fail(validator, zip);
    }

    private static String fail(PackageValidator validator, Path zip) {
        InvalidPackageException e = assertThrows(InvalidPackageException.class, () -> validator.validate(zip));
        String message = e.getMessage();
        assertFalse(message.contains("\n"), "message should be one paragraph: " + message);
        assertFalse(message.contains("Exception"), "message should not show exception classes: " + message);
        return message;
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }

    private static String manifest(String manifestVersion, String name, String version) {
        StringBuilder sb = new StringBuilder("{");
        String sep = "";
        if (manifestVersion != null) {
            sb.append("\"manifest_version\": ").append(manifestVersion);
            sep = ", ";
        }
        if (name != null) {
            sb.append(sep).append("\"name\": ").append(name);
            sep = ", ";
        }
        if (version != null) {
            sb.append(sep).append("\"version\": ").append(version);
        }
        return sb.append('}').toString();
    }

    // --- valid ---------------------------------------------------------------------------------

    @Test
    void validPackage() throws Exception {
        Path zip = zip("ext.zip", entries(
                "manifest.json", VALID_MANIFEST,
                "icons/", null,
                "icons/icon16.png", "png",
                "background.js", "console.log('hi');"));
        PackageInfo info = validator.validate(zip);
        assertEquals(zip, info.path());
        assertEquals(Files.size(zip), info.size());
        assertEquals("My Extension", info.name());
        assertEquals("1.2.3", info.version());
        assertEquals(3, info.manifestVersion());
        assertEquals(4, info.entryCount());
    }

    @Test
    void manifestVersion2IsAccepted() throws Exception {
        PackageInfo info = validator.validate(zipWithManifest(manifest("2", "\"Old\"", "\"0.1\"")));
        assertEquals(2, info.manifestVersion());
        assertEquals("Old", info.name());
        assertEquals("0.1", info.version());
        assertEquals(2, info.entryCount());
    }

    @Test
    void utf8BomAndCommentsAreTolerated() throws Exception {
        String json = "// generated\n{\n  /* block */ \"manifest_version\": 3, // line comment\n"
                + "  \"name\": \"Bom \u00e9\", \"version\": \"4.5\"\n}\n";
        byte[] text = json.getBytes(UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        PackageInfo info = validator.validate(zipWithManifest(withBom));
        assertEquals("Bom \u00e9", info.name());
        assertEquals("4.5", info.version());
        assertEquals(3, info.manifestVersion());
    }

    @Test
    void commentMarkersInsideStringsAreText() throws Exception {
        PackageInfo info = validator.validate(zipWithManifest("{\"manifest_version\": 3, /* a\n block */"
                + " \"name\": \"http://x /* not a comment */ \\\" // neither\", \"version\": \"1.0\"}"));
        assertEquals("http://x /* not a comment */ \" // neither", info.name());
    }

    /** What Gson's lenient mode took and the store does not: exactly JSON (plus comments) is accepted. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{manifest_version: 3, \"name\": \"X\", \"version\": \"1.0\"}",
        "{'manifest_version': 3, \"name\": \"X\", \"version\": \"1.0\"}",
        "{\"manifest_version\": 3, \"name\": 'X', \"version\": \"1.0\"}",
        "{\"manifest_version\": 3, \"name\": X, \"version\": \"1.0\"}",
        "{\"manifest_version\": 3, \"name\": \"X\", \"version\": \"1.0\",}",
        "{\"manifest_version\": 3; \"name\": \"X\"; \"version\": \"1.0\"}",
        "# hash comment\n{\"manifest_version\": 3, \"name\": \"X\", \"version\": \"1.0\"}"})
    void manifestThatIsNotStrictJsonIsRefused(String json) throws Exception {
        String m = fail(zipWithManifest(json));
        assertContains(m, "is not valid JSON", "line 1");
        assertFalse(m.contains("setStrictness"), m);
    }

    @Test
    void duplicateKeysAreRefusedNamingTheKey() throws Exception {
        String m = fail(zipWithManifest("{\"manifest_version\": 3, \"name\": \"X\",\n \"version\": \"1.0\","
                + "\n \"version\": \"2.0\"}"));
        assertContains(m, "names the key \"version\" twice", "line 3", "keep one");
        String nested = fail(zipWithManifest("{\"manifest_version\": 3, \"name\": \"X\", \"version\": \"1.0\","
                + " \"background\": {\"service_worker\": \"a.js\", \"service_worker\": \"b.js\"}}"));
        assertContains(nested, "\"service_worker\" twice", "$.background");
    }

    @Test
    void unclosedBlockCommentIsRefused() throws Exception {
        String m = fail(zipWithManifest("{\"manifest_version\": 3,\n /* open\n \"name\": \"X\", \"version\": \"1.0\"}"));
        assertContains(m, "/* comment that starts at line 2 is never closed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.1", "65535.0.0.1", "1.10", "1.2.3.4"}) // an all-zero version: PackageChecksTest
    void validEdgeVersions(String version) throws Exception {
        PackageInfo info = validator.validate(zipWithManifest(manifest("3", "\"X\"", "\"" + version + "\"")));
        assertEquals(version, info.version());
    }

    @Test
    void localizedNamePlaceholderIsAccepted() throws Exception {
        Path zip = zip("ext.zip", entries(
                "manifest.json", "{\"manifest_version\": 3, \"name\": \"__MSG_appName__\", \"version\": \"1\","
                        + " \"default_locale\": \"en\"}",
                "_locales/en/messages.json", "{\"appName\": {\"message\": \"X\"}}"));
        assertEquals("__MSG_appName__", validator.validate(zip).name());
    }

    @Test
    void legacyNonUtf8EntryNamesAreTolerated() throws Exception {
        // names written in a legacy charset without the zip's UTF-8 flag, as some older tools do
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            out.putNextEntry(new ZipEntry("manifest.json"));
            out.write(VALID_MANIFEST.getBytes(UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("caf\u00e9.js"));
            out.write(1);
            out.closeEntry();
        }
        Path zip = Files.write(dir.resolve("ext.zip"), bytes.toByteArray());
        PackageInfo info = validator.validate(zip);
        assertEquals(2, info.entryCount());
        assertEquals("1.2.3", info.version());
    }

    // --- 1. the file ---------------------------------------------------------------------------

    @Test
    void missingFile() {
        Path zip = dir.resolve("target/missing.zip");
        String message = fail(zip);
        assertContains(message, "Extension package " + zip + " does not exist", "edge.file", "before the deploy phase",
                "maven-assembly-plugin");
    }

    @Test
    void directory() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("ext"));
        String message = fail(folder);
        assertContains(message, folder.toString(), "is a directory", "edge.file must point to the extension's .zip file");
    }

    // --- 2. size -------------------------------------------------------------------------------

    @Test
    void emptyFile() throws Exception {
        Path zip = Files.createFile(dir.resolve("empty.zip"));
        assertContains(fail(zip), zip.toString(), "is empty (0 bytes)");
    }

    @Test
    void largerThanConfiguredMaximum() throws Exception {
        Path zip = zipWithManifest(VALID_MANIFEST);
        long size = Files.size(zip);
        String message = fail(new PackageValidator(100), zip);
        assertContains(message, zip.toString(), "MB (" + size + " bytes)", "limit of 0.0 MB (100 bytes)");
        // exactly at the limit is fine
        assertEquals(size, new PackageValidator(size).validate(zip).size());
    }

    @Test
    void defaultMaximumIsTwoGibibytes() {
        assertEquals(2147483648L, PackageValidator.DEFAULT_MAX_SIZE);
        assertEquals(PackageValidator.DEFAULT_MAX_SIZE, new PackageValidator().maxSizeBytes());
        assertEquals("2048.0 MB (2147483648 bytes)", PackageValidator.formatSize(PackageValidator.DEFAULT_MAX_SIZE));
        assertThrows(IllegalArgumentException.class, () -> new PackageValidator(0));
    }

    // --- 3. is it a zip ------------------------------------------------------------------------

    @Test
    void textFileIsNotAZip() throws Exception {
        Path zip = Files.write(dir.resolve("ext.zip"), "hello, this is text".getBytes(UTF_8));
        assertContains(fail(zip), zip.toString(), "not a zip file at all (starts with \"hell\")");
    }

    @Test
    void binaryNonZipShowsHexBytes() throws Exception {
        Path zip = Files.write(dir.resolve("ext.tar.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        assertContains(fail(zip), zip.toString(), "not a zip file at all (starts with bytes 1F 8B 08 00)");
    }

    @Test
    void tinyFileIsNotAZip() throws Exception {
        Path zip = Files.write(dir.resolve("ext.zip"), new byte[] {'P', 'K'});
        assertContains(fail(zip), zip.toString(), "not a zip file at all (starts with \"PK\")");
    }

    @Test
    void crxFileIsRecognised() throws Exception {
        Path crx = Files.write(dir.resolve("ext.crx"), "Cr24\u0003\u0000\u0000\u0000rest".getBytes(UTF_8));
        assertContains(fail(crx), crx.toString(), "not a zip file at all", ".crx", "needs the .zip");
    }

    @Test
    void truncatedZipIsCorrupt() throws Exception {
        byte[] full = zipBytes(entries("manifest.json", VALID_MANIFEST, "a.js", "var a = 1;".repeat(50)));
        Path zip = Files.write(dir.resolve("ext.zip"), Arrays.copyOf(full, full.length / 2));
        String message = fail(zip);
        assertContains(message, zip.toString(), "is a corrupt zip file (", "Re-create it");
        assertFalse(message.contains("not a zip file at all"), message);
    }

    @Test
    void garbageAfterZipHeaderIsCorrupt() throws Exception {
        byte[] bytes = new byte[200];
        Arrays.fill(bytes, (byte) 'x');
        bytes[0] = 'P';
        bytes[1] = 'K';
        bytes[2] = 3;
        bytes[3] = 4;
        Path zip = Files.write(dir.resolve("ext.zip"), bytes);
        // the ZipException text is included (e.g. "zip END header not found")
        assertContains(fail(zip), zip.toString(), "is a corrupt zip file (", "END header");
    }

    // --- 4. entries ----------------------------------------------------------------------------

    @Test
    void zipWithNoEntries() throws Exception {
        // ZipOutputStream refuses to write an empty archive; this is the 22-byte end record alone
        byte[] empty = new byte[22];
        empty[0] = 'P';
        empty[1] = 'K';
        empty[2] = 5;
        empty[3] = 6;
        Path zip = Files.write(dir.resolve("ext.zip"), empty);
        assertContains(fail(zip), zip.toString(), "contains no files");
    }

    @Test
    void zipWithOnlyFolders() throws Exception {
        Path zip = zip("ext.zip", entries("a/", null, "a/b/", null));
        assertContains(fail(zip), zip.toString(), "contains no files, only 2 folders");
    }

    // --- 5. manifest.json at the root ----------------------------------------------------------

    @Test
    void manifestOnlyInSubfolder() throws Exception {
        Path zip = zip("ext.zip", entries(
                "my-ext/", null,
                "my-ext/manifest.json", VALID_MANIFEST,
                "my-ext/background.js", "x"));
        String message = fail(zip);
        assertContains(message, "manifest.json is not at the root of " + zip + ": it is inside 'my-ext/'",
                "zip the folder's contents, not the folder",
                "<includeBaseDirectory>false</includeBaseDirectory>");
    }

    @Test
    void shallowestNestedManifestIsNamed() throws Exception {
        Path zip = zip("ext.zip", entries(
                "my-ext/node_modules/lib/manifest.json", "{}",
                "my-ext/manifest.json", VALID_MANIFEST));
        assertContains(fail(zip), "it is inside 'my-ext/'");
    }

    @Test
    void manifestInSubfolderWithWrongCase() throws Exception {
        Path zip = zip("ext.zip", entries("dist/Manifest.json", VALID_MANIFEST));
        assertContains(fail(zip), "it is inside 'dist/'", "'Manifest.json'", "lowercase");
    }

    @Test
    void noManifestAnywhere() throws Exception {
        Path zip = zip("ext.zip", entries("background.js", "x", "icons/icon.png", "png"));
        assertContains(fail(zip), zip + " has no manifest.json at its root",
                "must contain manifest.json at the top level");
    }

    @Test
    void manifestWithWrongCaseAtRoot() throws Exception {
        Path zip = zip("ext.zip", entries("Manifest.json", VALID_MANIFEST));
        assertContains(fail(zip), zip.toString(), "'Manifest.json'", "must be exactly 'manifest.json' (lowercase)");
    }

    @Test
    void manifestWithDotSlashPrefix() throws Exception {
        Path zip = zip("ext.zip", entries("./manifest.json", VALID_MANIFEST));
        assertContains(fail(zip), zip.toString(), "'./manifest.json'", "without the './' prefix");
    }

    // --- 6. manifest.json is a JSON object -----------------------------------------------------

    @Test
    void manifestNotJson() throws Exception {
        Path zip = zipWithManifest("{\"manifest_version\": 3, \"name\": \"X\", \"version\": \"1\"");
        String message = fail(zip);
        assertContains(message, "manifest.json in " + zip + " is not valid JSON", "line 1 column");
        assertFalse(message.contains("Troubleshooting"), message);
    }

    @Test
    void manifestWithSecondValueAfterTheObject() throws Exception {
        Path zip = zipWithManifest(VALID_MANIFEST + " {\"name\": \"again\"}");
        assertContains(fail(zip), "manifest.json in " + zip + " is not valid JSON", "after the end", "line 1 column");
    }

    @Test
    void manifestWithStrayClosingBrace() throws Exception {
        Path zip = zipWithManifest(VALID_MANIFEST + " }");
        assertContains(fail(zip), "manifest.json in " + zip + " is not valid JSON", "line 1 column");
    }

    @Test
    void manifestEmpty() throws Exception {
        Path zip = zipWithManifest("  \n");
        assertContains(fail(zip), "manifest.json in " + zip + " is empty");
    }

    @Test
    void manifestIsAnArray() throws Exception {
        Path zip = zipWithManifest("[" + VALID_MANIFEST + "]");
        assertContains(fail(zip), "manifest.json in " + zip + " is not a JSON object (it is an array)");
    }

    @Test
    void manifestInUtf16() throws Exception {
        byte[] text = VALID_MANIFEST.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[text.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(text, 0, withBom, 2, text.length);
        Path zip = zipWithManifest(withBom);
        assertContains(fail(zip), "manifest.json in " + zip + " is encoded as UTF-16", "UTF-8");
    }

    @Test
    void manifestNotUtf8() throws Exception {
        byte[] latin1 = manifest("3", "\"Caf\u00e9\"", "\"1\"").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path zip = zipWithManifest(latin1);
        assertContains(fail(zip), "manifest.json in " + zip + " is not valid UTF-8");
    }

    // --- 7. fields -----------------------------------------------------------------------------

    @Test
    void missingVersion() throws Exception {
        Path zip = zipWithManifest(manifest("3", "\"X\"", null));
        assertContains(fail(zip), "manifest.json in " + zip, "has no \"version\"", "1 to 4 dot-separated integers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.4.5", "01.2", "65536", "1..2", "-1", "1.2a", ""})
    void invalidVersion(String version) throws Exception {
        Path zip = zipWithManifest(manifest("3", "\"X\"", "\"" + version + "\""));
        String message = fail(zip);
        assertContains(message, "manifest.json in " + zip, "invalid \"version\": \"" + version + "\"",
                "(" + ExtensionVersion.problem(version) + ")",
                "1 to 4 dot-separated integers, each 0 to 65535, no leading zeros, e.g. 1.2.3");
    }

    @Test
    void versionAsNumber() throws Exception {
        Path zip = zipWithManifest(manifest("3", "\"X\"", "1.0"));
        assertContains(fail(zip), "invalid \"version\": 1.0", "must be a string");
    }

    @Test
    void missingName() throws Exception {
        Path zip = zipWithManifest(manifest("3", null, "\"1.0\""));
        assertContains(fail(zip), "manifest.json in " + zip, "has no \"name\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"   \""})
    void emptyName(String name) throws Exception {
        Path zip = zipWithManifest(manifest("3", name, "\"1.0\""));
        assertContains(fail(zip), "manifest.json in " + zip, "empty \"name\": " + name);
    }

    @Test
    void nameNotAString() throws Exception {
        Path zip = zipWithManifest(manifest("3", "42", "\"1.0\""));
        assertContains(fail(zip), "invalid \"name\": 42", "non-empty string");
    }

    @Test
    void missingManifestVersion() throws Exception {
        Path zip = zipWithManifest(manifest(null, "\"X\"", "\"1.0\""));
        assertContains(fail(zip), "manifest.json in " + zip, "has no \"manifest_version\"", "2 or 3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "1", "\"3\"", "3.0", "3.5", "true", "null"})
    void invalidManifestVersion(String value) throws Exception {
        Path zip = zipWithManifest(manifest(value, "\"X\"", "\"1.0\""));
        assertContains(fail(zip), "manifest.json in " + zip, "invalid \"manifest_version\": " + value, "2 or 3");
    }

    // --- resources -----------------------------------------------------------------------------

    @Test
    void zipFilesAreClosed() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd to count open files");
        Path good = zipWithManifest(VALID_MANIFEST);
        Path bad = zip("bad.zip", entries("manifest.json", "[1]"));
        Path noManifest = zip("none.zip", entries("a.js", "x"));
        validator.validate(good);
        fail(bad);
        long before = countOpenFiles(fds);
        for (int i = 0; i < 50; i++) {
            validator.validate(good);
            fail(bad);
            fail(noManifest);
        }
        long after = countOpenFiles(fds);
        assertTrue(after - before < 10, "open files grew from " + before + " to " + after);
    }

    private static long countOpenFiles(Path fds) throws IOException {
        try (Stream<Path> list = Files.list(fds)) {
            return list.count();
        }
    }
}
