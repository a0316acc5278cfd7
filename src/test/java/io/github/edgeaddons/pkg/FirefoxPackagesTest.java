package io.github.edgeaddons.pkg;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.edgeaddons.pkg.checks.Rule;
import io.github.edgeaddons.pkg.checks.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Firefox zip (a manifest overlay merged in) and the sources zip for Firefox's reviewers. */
class FirefoxPackagesTest {
    private static final String MANIFEST = "{\n  \"manifest_version\": 3,\n  \"name\": \"Hi\",\n  \"version\": \"0.0.0\",\n"
            + "  \"background\": {\"service_worker\": \"bg.js\"}\n}\n";
    private static final String OVERLAY = "{\"background\": {\"service_worker\": null, \"scripts\": [\"bg.js\"]},"
            + " \"browser_specific_settings\": {\"gecko\": {\"id\": \"hi@example.com\","
            + " \"data_collection_permissions\": {\"required\": [\"none\"]}}}}";
    private static final Instant T = Instant.parse("2026-01-02T03:04:06Z");

    @TempDir
    Path dir;

    private Path extension(String overlay) throws IOException {
        Path f = dir.resolve("ext");
        write(f.resolve("manifest.json"), MANIFEST);
        write(f.resolve("bg.js"), "chrome.runtime.onInstalled.addListener(() => {});");
        write(f.resolve("manifest.firefox.json"), overlay);
        return f;
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.write(p, text.getBytes(UTF_8));
    }

    private static List<String> files(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Collections.list(z.entries()).stream().filter(e -> !e.isDirectory()).forEach(e -> names.add(e.getName()));
        }
        return names;
    }

    private static JsonObject manifest(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry e = z.getEntry("manifest.json");
            return JsonParser.parseString(new String(z.getInputStream(e).readAllBytes(), UTF_8)).getAsJsonObject();
        }
    }

    private ExtensionPackager.Result pack(Path folder, Path zip, boolean firefox) throws Exception {
        Path overlay = folder.resolve("manifest.firefox.json");
        return new ExtensionPackager(folder, "edge.extensionDirectory")
                .fixedTime(T)
                .leaveOut(overlay)
                .manifestOverlay(firefox ? overlay : null, "manifest.firefox.json")
                .pack(zip, dir.resolve(firefox ? "work-ff" : "work"), "1.2.3-beta");
    }

    @Test
    void theFirefoxZipHasTheMergedManifestAndTheMainZipIsUnchangedButForTheOverlay() throws Exception {
        Path ext = extension(OVERLAY);
        Path main = dir.resolve("out/x.zip");
        Path firefox = dir.resolve("out/x-firefox.zip");
        pack(ext, main, false);
        ExtensionPackager.Result r = pack(ext, firefox, true);

        assertEquals(Arrays.asList("manifest.json", "bg.js"), files(main), "the overlay is in no zip");
        assertEquals(Arrays.asList("manifest.json", "bg.js"), files(firefox));
        JsonObject edge = manifest(main);
        assertEquals("bg.js", edge.getAsJsonObject("background").get("service_worker").getAsString());
        assertFalse(edge.has("browser_specific_settings"));
        JsonObject gecko = manifest(firefox);
        assertEquals(JsonParser.parseString("{\"scripts\": [\"bg.js\"]}"), gecko.get("background"));
        assertEquals("hi@example.com", gecko.getAsJsonObject("browser_specific_settings").getAsJsonObject("gecko")
                .get("id").getAsString());
        assertEquals("1.2.3", gecko.get("version").getAsString(), "the POM's version, as in the main zip");
        assertEquals("1.2.3-beta", gecko.get("version_name").getAsString());
        assertEquals(Arrays.asList("manifest_version", "name", "version", "version_name", "background",
                "browser_specific_settings"), new ArrayList<>(gecko.keySet()));
        assertEquals("1.2.3", r.version);
        assertEquals(MANIFEST, new String(Files.readAllBytes(ext.resolve("manifest.json")), UTF_8), "source untouched");

        // the checks by store: each zip passes its own store's rules, and fails the other's
        assertEquals(Collections.emptySet(), new PackageValidator().store(Store.FIREFOX).validate(firefox).report().rules());
        assertEquals(Collections.emptySet(), new PackageValidator().store(Store.EDGE).validate(main).report().rules());
        InvalidPackageException edgeRules = assertThrows(InvalidPackageException.class,
                () -> new PackageValidator().store(Store.EDGE).validate(firefox));
        assertTrue(edgeRules.report().rules().contains(Rule.BACKGROUND_SCRIPTS_MV3));
        InvalidPackageException firefoxRules = assertThrows(InvalidPackageException.class,
                () -> new PackageValidator().store(Store.FIREFOX).validate(main));
        assertEquals(EnumSet.of(Rule.BACKGROUND_SERVICE_WORKER_ONLY, Rule.GECKO_ID_MISSING,
                Rule.GECKO_DATA_COLLECTION_MISSING), firefoxRules.report().rules());
    }

    @Test
    void theFirefoxZipIsByteIdenticalAcrossBuildsWithAFixedTime() throws Exception {
        Path ext = extension(OVERLAY);
        Path one = dir.resolve("one/x-firefox.zip");
        Path two = dir.resolve("two/x-firefox.zip");
        pack(ext, one, true);
        Files.setLastModifiedTime(ext.resolve("bg.js"), java.nio.file.attribute.FileTime.from(Instant.now()));
        pack(ext, two, true);
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
    }

    @Test
    void aFirefoxZipWithoutTheGeckoIdFailsFirefoxsChecksOnly() throws Exception {
        Path ext = extension("{\"background\": {\"service_worker\": null, \"scripts\": [\"bg.js\"]}}");
        Path firefox = dir.resolve("out/x-firefox.zip");
        pack(ext, firefox, true);
        InvalidPackageException e = assertThrows(InvalidPackageException.class,
                () -> new PackageValidator().store(Store.FIREFOX).validate(firefox));
        assertEquals(Store.FIREFOX, e.report().store());
        assertTrue(e.report().rules().contains(Rule.GECKO_ID_MISSING));
        assertTrue(e.report().errors().stream().allMatch(f -> f.rule() == Rule.GECKO_ID_MISSING));
    }

    @Test
    void aMissingOverlayIsAConfigurationError() throws Exception {
        Path ext = extension(OVERLAY);
        assertThrows(io.github.edgeaddons.config.ConfigException.class, () -> new ExtensionPackager(ext, "e")
                .manifestOverlay(ext.resolve("nope.json"), "nope.json (firefox.manifestOverlay)")
                .pack(dir.resolve("x.zip"), dir.resolve("w"), "1.0.0"));
    }

    // ---- the sources zip ----------------------------------------------------------------------------------

    private Path project() throws IOException {
        Path p = dir.resolve("project");
        write(p.resolve("pom.xml"), "<project/>");
        write(p.resolve("package.json"), "{}");
        write(p.resolve("src/main/extension/manifest.json"), MANIFEST);
        write(p.resolve("src/main/js/app.ts"), "export const a = 1;");
        write(p.resolve("target/x.zip"), "built");
        write(p.resolve(".git/config"), "[core]");
        write(p.resolve(".hg/store"), "x");
        write(p.resolve(".svn/entries"), "x");
        write(p.resolve("node_modules/lib/index.js"), "x");
        write(p.resolve(".env"), "API_TOKEN=very-secret-value");
        write(p.resolve(".env.example"), "API_TOKEN=");
        write(p.resolve("config/.npmrc"), "//registry.npmjs.org/:_authToken=abc");
        write(p.resolve("keys/signing"), "-----BEGIN RSA PRIVATE KEY-----\nMII...\n");
        write(p.resolve("notes.txt~"), "backup");
        write(p.resolve("docs/readme.md"), "# hi");
        return p;
    }

    @Test
    void theSourcesZipHoldsTheProjectWithoutBuildOutputVcsDependenciesAndSecrets() throws Exception {
        Path p = project();
        Path zip = p.resolve("target/x-firefox-sources.zip");
        SourcesPackager.Result r = new SourcesPackager(p).skip(p.resolve("target")).fixedTime(T).pack(zip);

        assertEquals(Arrays.asList(".env.example", "docs/readme.md", "package.json", "pom.xml",
                "src/main/extension/manifest.json", "src/main/js/app.ts"), files(zip));
        assertEquals(Arrays.asList(".env", "config/.npmrc", "keys/signing"), new ArrayList<>(r.secrets.keySet()));
        assertTrue(r.secrets.get("keys/signing").contains("private key"), r.secrets.toString());
        assertFalse(r.secrets.toString().contains("very-secret-value"), "never the content");
        assertEquals(6, r.files);
        assertEquals(Files.size(zip), r.zipBytes);
    }

    @Test
    void theSourcesZipTakesIncludesAndExcludesAndIsReproducible() throws Exception {
        Path p = project();
        Path one = dir.resolve("one.zip");
        Path two = dir.resolve("two.zip");
        new SourcesPackager(p).skip(p.resolve("target")).includes(Arrays.asList("src/", "pom.xml", ".env"))
                .excludes(Collections.singletonList("**/*.ts")).fixedTime(T).pack(one);
        assertEquals(Arrays.asList("pom.xml", "src/main/extension/manifest.json"), files(one),
                "a secret stays out even when included");
        Files.setLastModifiedTime(p.resolve("pom.xml"), java.nio.file.attribute.FileTime.from(Instant.now()));
        new SourcesPackager(p).skip(p.resolve("target")).includes(Arrays.asList("src/", "pom.xml", ".env"))
                .excludes(Collections.singletonList("**/*.ts")).fixedTime(T).pack(two);
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        Path other = dir.resolve("other.zip");
        new SourcesPackager(p).skip(p.resolve("target")).fixedTime(Instant.parse("2026-02-02T00:00:00Z")).pack(other);
        assertNotEquals(Files.size(one), Files.size(other));
    }
}
