package io.github.edgeaddons.pkg;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionPackagerTest {
    private static final String MANIFEST = "{\n  \"manifest_version\": 3,\n  \"name\": \"Hi\",\n  \"version\": \"0.0.0\"\n}\n";
    private static final Instant T = Instant.parse("2026-01-02T03:04:06Z"); // zip times have 2 s steps

    @TempDir
    Path dir;

    private Path folder(String name) throws IOException {
        Path f = dir.resolve(name);
        write(f.resolve("manifest.json"), MANIFEST);
        write(f.resolve("popup.html"), "<p>hi</p>");
        write(f.resolve("js/popup.js"), "console.log(1)");
        write(f.resolve("js/popup.js.map"), "{}");
        write(f.resolve(".DS_Store"), "x");
        write(f.resolve("img/Thumbs.db"), "x");
        write(f.resolve(".git/config"), "x");
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

    private static String entry(Path zip, String name) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry e = z.getEntry(name);
            return new String(z.getInputStream(e).readAllBytes(), UTF_8);
        }
    }

    @Test
    void packsTheFolderAtTheRootWithTheProjectVersionAndDefaultExcludes() throws Exception {
        Path src = folder("ext");
        Path zip = dir.resolve("out/x-1.2.3.zip");
        ExtensionPackager.Result r = new ExtensionPackager(src, "edge.extensionDirectory")
                .pack(zip, dir.resolve("work"), "1.2.3");

        assertEquals(Arrays.asList("manifest.json", "js/popup.js", "js/popup.js.map", "popup.html"), files(zip));
        assertEquals(MANIFEST.replace("0.0.0", "1.2.3"), entry(zip, "manifest.json"));
        assertEquals(MANIFEST, new String(Files.readAllBytes(src.resolve("manifest.json")), UTF_8), "source untouched");
        assertEquals(4, r.files);
        assertEquals(Files.size(zip), r.zipBytes);
        assertEquals("1.2.3", r.version);
        assertEquals(null, r.versionName);
        // and the package checks accept it
        assertEquals("1.2.3", new PackageValidator().validate(zip).version());
    }

    @Test
    void aFixedTimeGivesByteIdenticalZipsWhateverTheFilesTimesAndCreationOrder() throws Exception {
        Path a = folder("a");
        Path b = dir.resolve("b");
        // same content, created in another order and with other file times
        write(b.resolve("js/popup.js.map"), "{}");
        write(b.resolve("popup.html"), "<p>hi</p>");
        write(b.resolve("js/popup.js"), "console.log(1)");
        write(b.resolve("manifest.json"), MANIFEST);
        Files.setLastModifiedTime(b.resolve("popup.html"), FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        Path za = dir.resolve("a.zip");
        Path zb = dir.resolve("b.zip");
        new ExtensionPackager(a, "s").fixedTime(T).pack(za, dir.resolve("wa"), "1.0.0-beta");
        new ExtensionPackager(b, "s").fixedTime(T).pack(zb, dir.resolve("wb"), "1.0.0-beta");

        assertArrayEquals(Files.readAllBytes(za), Files.readAllBytes(zb));
        try (ZipFile z = new ZipFile(za.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                assertEquals(T, e.getLastModifiedTime().toInstant(), e.getName());
            }
        }
        assertTrue(entry(za, "manifest.json").contains("\"version\": \"1.0.0\",\n  \"version_name\": \"1.0.0-beta\""));

        Path unfixed = dir.resolve("c.zip");
        new ExtensionPackager(a, "s").pack(unfixed, dir.resolve("wc"), "1.0.0-beta");
        assertNotEquals(Arrays.toString(Files.readAllBytes(za)), Arrays.toString(Files.readAllBytes(unfixed)));
    }

    @Test
    void includesAndExcludes() throws Exception {
        Path src = folder("ext");
        Path zip = dir.resolve("x.zip");
        new ExtensionPackager(src, "s").excludes(Arrays.asList("**/*.map")).pack(zip, dir.resolve("w"), "1");
        assertEquals(Arrays.asList("manifest.json", "js/popup.js", "popup.html"), files(zip));
        new ExtensionPackager(src, "s").includes(Arrays.asList("js/**")).pack(zip, dir.resolve("w"), "1");
        assertEquals(Arrays.asList("manifest.json", "js/popup.js", "js/popup.js.map"), files(zip));
    }

    @Test
    void aMissingFolderNamesTheFolderAndTheSetting() {
        Path missing = dir.resolve("src/main/extension");
        ConfigException e = assertThrows(ConfigException.class, () -> new ExtensionPackager(missing,
                "edge.extensionDirectory").pack(dir.resolve("x.zip"), dir.resolve("w"), "1.0.0"));
        assertTrue(e.getMessage().contains("The extension folder " + missing + " does not exist"
                + " (edge.extensionDirectory)"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("x.zip")));
    }

    @Test
    void aFolderWithoutManifestAndAVersionWithoutStoreFormAreRefused() throws Exception {
        Path src = folder("ext");
        assertThrows(ConfigException.class,
                () -> new ExtensionPackager(src, "s").pack(dir.resolve("x.zip"), dir.resolve("w"), "release-1"));
        Files.delete(src.resolve("manifest.json"));
        InvalidPackageException e = assertThrows(InvalidPackageException.class,
                () -> new ExtensionPackager(src, "s").pack(dir.resolve("x.zip"), dir.resolve("w"), "1.0.0"));
        assertTrue(e.getMessage().contains("has no manifest.json"), e.getMessage());
    }

    @Test
    void aManifestSyntaxErrorNamesTheFileLineAndColumnBeforeAnythingIsWritten() throws Exception {
        Path src = folder("ext");
        write(src.resolve("manifest.json"), "{\n  \"manifest_version\": 3,\n  \"name\": \"Hi\",\n  \"version\": \"1\",\n}\n");
        Path zip = dir.resolve("x.zip");
        InvalidPackageException e = assertThrows(InvalidPackageException.class,
                () -> new ExtensionPackager(src, "s").pack(zip, dir.resolve("w"), "1.0.0"));
        assertTrue(e.getMessage().startsWith(src.resolve("manifest.json") + " is not valid JSON: "), e.getMessage());
        assertTrue(e.getMessage().contains("at line 5 column 2"), e.getMessage());
        assertFalse(e.getMessage().contains("offset"), e.getMessage());
        assertFalse(Files.exists(zip));
    }

    @Test
    void aDotEnvInTheFolderIsPackedAsIsAndTheChecksRefuseTheZip() throws Exception {
        Path src = folder("ext");
        write(src.resolve(".env"), "API_TOKEN=secret");
        Path zip = dir.resolve("x.zip");
        new ExtensionPackager(src, "s").pack(zip, dir.resolve("w"), "1.0.0");
        assertTrue(files(zip).contains(".env"), "the packager leaves the choice of files to the user");
        InvalidPackageException e = assertThrows(InvalidPackageException.class, () -> new PackageValidator().validate(zip));
        assertEquals(".env", e.report().errors().get(0).file());
        assertEquals(io.github.edgeaddons.pkg.checks.Rule.SECRET_FILE, e.report().errors().get(0).rule());
    }

    // --- symbolic links ----------------------------------------------------------------------------

    private static Path link(Path link, String target) throws IOException {
        Files.createDirectories(link.getParent());
        return Files.createSymbolicLink(link, link.getFileSystem().getPath(target));
    }

    private static Map<String, String> linkMap(String... pairs) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void linksInsideTheFolderGiveTheFilesTheyPointToAsIfCopied() throws Exception {
        Path linked = folder("linked");
        write(linked.resolve("img/icon.png"), "PNG-bytes");
        link(linked.resolve("icon.png"), "img/icon.png"); // a file link
        link(linked.resolve("lib"), "js"); // a folder link
        Path copied = folder("copied");
        write(copied.resolve("img/icon.png"), "PNG-bytes");
        write(copied.resolve("icon.png"), "PNG-bytes");
        write(copied.resolve("lib/popup.js"), "console.log(1)");
        write(copied.resolve("lib/popup.js.map"), "{}");

        Path zl = dir.resolve("linked.zip");
        Path zc = dir.resolve("copied.zip");
        ExtensionPackager.Result r = new ExtensionPackager(linked, "s").fixedTime(T).pack(zl, dir.resolve("wl"), "1.0.0");
        new ExtensionPackager(copied, "s").fixedTime(T).pack(zc, dir.resolve("wc"), "1.0.0");

        assertEquals(Arrays.asList("manifest.json", "icon.png", "img/icon.png", "js/popup.js", "js/popup.js.map",
                "lib/popup.js", "lib/popup.js.map", "popup.html"), files(zl));
        assertEquals("PNG-bytes", entry(zl, "icon.png"), "the file's content, not the link's text");
        assertEquals("console.log(1)", entry(zl, "lib/popup.js"));
        // no link entry and nothing else that tells a link from a file: byte for byte the zip of copies
        assertArrayEquals(Files.readAllBytes(zc), Files.readAllBytes(zl));
        assertEquals(linkMap("icon.png", "img/icon.png", "lib", "js"), r.links);
        assertEquals(linkMap(), r.externalLinks);
        assertEquals(8, r.files);
    }

    @Test
    void aLinkLeavingTheFolderIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path src = folder("ext");
        write(dir.resolve("shared/icons/a.png"), "A");
        link(src.resolve("icons"), "../shared/icons");
        Path zip = dir.resolve("x.zip");
        InvalidPackageException e = assertThrows(InvalidPackageException.class, () -> new ExtensionPackager(src,
                "edge.extensionDirectory").pack(zip, dir.resolve("w"), "1.0.0"));
        // the one golden test of this sentence
        assertEquals("The extension folder " + src + " (edge.extensionDirectory) has a symbolic link leading out"
                + " of it: icons -> ../shared/icons. Only the folder's own files are packed unless you say"
                + " otherwise: copy what it points to into the folder, leave it out with edge.excludes, or set"
                + " edge.allowExternalLinks to true to pack the files it points to.", e.getMessage());
        assertFalse(Files.exists(zip));
        assertFalse(Files.exists(dir.resolve("w/manifest.json")), "refused before the manifest is rewritten");

        // a file link out of the folder too, and several links are all named
        write(dir.resolve("elsewhere.js"), "x");
        link(src.resolve("js/lib.js"), dir.resolve("elsewhere.js").toString());
        e = assertThrows(InvalidPackageException.class, () -> new ExtensionPackager(src, "edge.extensionDirectory")
                .pack(zip, dir.resolve("w"), "1.0.0"));
        assertTrue(e.getMessage().contains("icons -> ../shared/icons, js/lib.js -> " + dir.resolve("elsewhere.js")),
                e.getMessage());
    }

    @Test
    void aLinkLeavingTheFolderIsPackedAsItsFilesWhenAllowedAndNoPathOfThisMachineEntersTheZip() throws Exception {
        Path src = folder("ext");
        write(dir.resolve("shared/icons/a.png"), "A");
        write(dir.resolve("elsewhere.js"), "x");
        link(src.resolve("icons"), dir.resolve("shared/icons").toString()); // absolute
        link(src.resolve("js/lib.js"), "../../elsewhere.js"); // relative
        Path zip = dir.resolve("x.zip");
        ExtensionPackager.Result r = new ExtensionPackager(src, "s").allowExternalLinks(true, "edge.allowExternalLinks")
                .fixedTime(T).pack(zip, dir.resolve("w"), "1.0.0");

        assertEquals("A", entry(zip, "icons/a.png"));
        assertEquals("x", entry(zip, "js/lib.js"));
        Map<String, String> expected = linkMap("icons", dir.resolve("shared/icons").toString(), "js/lib.js",
                "../../elsewhere.js");
        assertEquals(expected, r.externalLinks);
        assertEquals(expected, r.links);
        String raw = new String(Files.readAllBytes(zip), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains(dir.toString()), "a path of the build machine in the zip");
        assertFalse(raw.contains("elsewhere"), "a link's text in the zip");
    }

    @Test
    void anExtensionFolderThatIsItselfALinkIsPackedAsTheFolderItPointsTo() throws Exception {
        Path real = folder("dist");
        Path linkedFolder = link(dir.resolve("src/main/extension"), real.toString());
        Path zip = dir.resolve("x.zip");
        ExtensionPackager.Result r = new ExtensionPackager(linkedFolder, "s").pack(zip, dir.resolve("w"), "1.0.0");
        assertEquals(Arrays.asList("manifest.json", "js/popup.js", "js/popup.js.map", "popup.html"), files(zip));
        assertEquals(linkMap(), r.links, "the folder's own link is not one of its links");
    }

    @Test
    void anExcludedLinkLeavingTheFolderIsNoProblem() throws Exception {
        Path src = folder("ext");
        write(dir.resolve("node/m.js"), "m");
        link(src.resolve("node_modules"), "../node");
        Path zip = dir.resolve("x.zip");
        ExtensionPackager.Result r = new ExtensionPackager(src, "s").excludes(Arrays.asList("node_modules/**"))
                .pack(zip, dir.resolve("w"), "1.0.0");
        assertEquals(Arrays.asList("manifest.json", "js/popup.js", "js/popup.js.map", "popup.html"), files(zip));
        assertEquals(linkMap(), r.links);
    }

    @Test
    void aLinkToNothingOrToAFolderHoldingItIsRefusedEvenWhenExternalLinksAreAllowed() throws Exception {
        Path src = folder("ext");
        link(src.resolve("js/gone.js"), "nowhere.js");
        InvalidPackageException e = assertThrows(InvalidPackageException.class, () -> new ExtensionPackager(src, "s")
                .allowExternalLinks(true, "edge.allowExternalLinks").pack(dir.resolve("x.zip"), dir.resolve("w"), "1"));
        assertTrue(e.getMessage().contains("js/gone.js -> nowhere.js points to nothing"), e.getMessage());
        Files.delete(src.resolve("js/gone.js"));

        link(src.resolve("js/loop"), "..");
        e = assertThrows(InvalidPackageException.class, () -> new ExtensionPackager(src, "s")
                .allowExternalLinks(true, "edge.allowExternalLinks").pack(dir.resolve("x.zip"), dir.resolve("w"), "1"));
        assertTrue(e.getMessage().contains("js/loop -> .. points to a folder that contains it"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("x.zip")));
    }
}
