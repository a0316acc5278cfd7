package io.github.edgeaddons.pkg;

import io.github.edgeaddons.config.ConfigException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.codehaus.plexus.archiver.ArchiverException;
import org.codehaus.plexus.archiver.zip.ZipArchiver;
import org.codehaus.plexus.util.AbstractScanner;
import org.codehaus.plexus.util.MatchPatterns;

/**
 * Zips an extension folder into the package the store takes: the folder's content at the zip's root, and
 * its manifest.json with the project version written in ({@link ManifestVersion}); the source folder is
 * not changed. With a fixed time ({@code project.build.outputTimestamp}) two runs give byte-identical zips
 * (plexus-archiver's reproducible mode: fixed entry times and modes, entries in sorted order).
 *
 * <p>Symbolic links are followed, never stored as links: a link to a file gives that file's content under the
 * link's name, a link to a folder gives the folder's files under the link's name. A link whose target lies
 * outside the extension folder is refused before anything is written (the zip would carry files from
 * elsewhere on the build machine), unless {@link #allowExternalLinks} says the user wants them; a link that
 * points nowhere, or to a folder that contains it, is always refused. The zip never holds a link, so no path
 * of the build machine ever enters it.
 */
public final class ExtensionPackager {
    /**
     * Left out unless an include names them, beyond Maven's default excludes (.git, .svn, .DS_Store, editor
     * backups and the like): files Windows and macOS leave behind. Source maps ({@code *.map}) are kept: they
     * are the developer's own output, the store accepts them, and {@code <excludes>} drops them in one line.
     */
    public static final List<String> DEFAULT_EXCLUDES =
            Arrays.asList("**/Thumbs.db", "**/desktop.ini", "**/._*", "**/.DS_Store");

    private static final String MANIFEST = "manifest.json";

    /** What was packed. */
    public static final class Result {
        public final Path zip;
        public final int files;
        public final long contentBytes;
        public final long zipBytes;
        public final String version;
        public final String versionName;
        /** The links followed, by their name in the folder ({@code icons}, {@code js/lib.js}), with their target. */
        public final Map<String, String> links;
        /** Those of {@link #links} whose target lies outside the folder (only with {@code allowExternalLinks}). */
        public final Map<String, String> externalLinks;

        Result(Path zip, int files, long contentBytes, long zipBytes, String version, String versionName,
                Map<String, String> links, Map<String, String> externalLinks) {
            this.zip = zip;
            this.links = Collections.unmodifiableMap(links);
            this.externalLinks = Collections.unmodifiableMap(externalLinks);
            this.files = files;
            this.contentBytes = contentBytes;
            this.zipBytes = zipBytes;
            this.version = version;
            this.versionName = versionName;
        }
    }

    private final Path folder;
    private final String folderSetting;
    private List<String> includes = new ArrayList<>();
    private List<String> excludes = new ArrayList<>();
    private Instant fixedTime;
    private boolean allowExternalLinks;
    private String allowExternalLinksSetting = "edge.allowExternalLinks";
    private Path overlay;
    private String overlayName;
    private final Set<Path> leftOut = new HashSet<>();

    /**
     * @param folder the extension folder
     * @param folderSetting how the user sets it, for messages ({@code edge.extensionDirectory})
     */
    public ExtensionPackager(Path folder, String folderSetting) {
        this.folder = folder;
        this.folderSetting = folderSetting;
    }

    /** Ant-style patterns relative to the folder; empty: everything. */
    public ExtensionPackager includes(List<String> patterns) {
        includes = patterns == null ? new ArrayList<>() : new ArrayList<>(patterns);
        return this;
    }

    /** Ant-style patterns relative to the folder, on top of the default excludes. */
    public ExtensionPackager excludes(List<String> patterns) {
        excludes = patterns == null ? new ArrayList<>() : new ArrayList<>(patterns);
        return this;
    }

    /** The entries' time, for reproducible zips; null: the files' own times. */
    public ExtensionPackager fixedTime(Instant time) {
        fixedTime = time;
        return this;
    }

    /**
     * Whether symbolic links whose target lies outside the folder are packed (as the files they point to).
     *
     * @param setting how the user sets it, for messages ({@code edge.allowExternalLinks})
     */
    public ExtensionPackager allowExternalLinks(boolean allow, String setting) {
        allowExternalLinks = allow;
        allowExternalLinksSetting = setting;
        return this;
    }

    /**
     * Merges this overlay into the zipped manifest.json ({@link ManifestOverlay}); null: none.
     *
     * @param name how to name it in messages (its path and the setting)
     */
    public ExtensionPackager manifestOverlay(Path file, String name) {
        overlay = file;
        overlayName = name;
        return this;
    }

    /** Never packs this file of the folder (a store's manifest overlay), whatever the patterns say. */
    public ExtensionPackager leaveOut(Path file) {
        leftOut.add(file.toAbsolutePath().normalize());
        return this;
    }

    /**
     * Writes {@code zip}, using {@code workDirectory} for the rewritten manifest.json.
     *
     * @param mavenVersion the project version; manifest.json gets its store form
     */
    public Result pack(Path zip, Path workDirectory, String mavenVersion)
            throws ConfigException, InvalidPackageException, IOException {
        if (!Files.isDirectory(folder)) {
            throw new ConfigException("The extension folder " + folder + " does not exist (" + folderSetting
                    + "). Put manifest.json and the extension's files there, or set " + folderSetting
                    + " to the folder your build writes them to.");
        }
        Collected collected = collect();
        Path source = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(source)) {
            throw new InvalidPackageException("The extension folder " + folder + " (" + folderSetting + ") has no "
                    + MANIFEST + " at its top: the store needs it at the zip's root.");
        }
        String version = ExtensionVersion.storeForm(mavenVersion);
        if (version == null) {
            throw new ConfigException("The project version " + mavenVersion + " has no store form for manifest.json's"
                    + " version (" + ExtensionVersion.RULE + ", optionally followed by a qualifier such as"
                    + " -beta): set <version> in the POM to one, e.g. 1.2.3 or 1.2.3-beta.");
        }
        // strictly, as validate reads it: a syntax error is reported with the file, its line and column
        try (java.io.InputStream in = Files.newInputStream(source)) {
            PackageValidator.parseManifest(source.toString(), in);
        }
        Path manifest = workDirectory.resolve(MANIFEST);
        Files.createDirectories(workDirectory);
        String text = new String(Files.readAllBytes(source), StandardCharsets.UTF_8);
        if (overlay != null) {
            if (!Files.isRegularFile(overlay)) {
                throw new ConfigException("The manifest overlay " + overlayName + " does not exist. Create it (a JSON"
                        + " object merged into manifest.json), or point the setting at the file.");
            }
            text = ManifestOverlay.apply(text, source.toString(),
                    new String(Files.readAllBytes(overlay), StandardCharsets.UTF_8), overlayName);
        }
        Files.write(manifest, ManifestVersion.write(text, version, mavenVersion).getBytes(StandardCharsets.UTF_8));

        Files.createDirectories(zip.toAbsolutePath().getParent());
        Files.deleteIfExists(zip);
        ZipArchiver archiver = new ZipArchiver();
        archiver.setDestFile(zip.toFile());
        archiver.setFilenameComparator(String::compareTo); // the same order on every file system
        if (fixedTime != null) {
            archiver.configureReproducibleBuild(FileTime.from(fixedTime));
        }
        try {
            archiver.addFile(manifest.toFile(), MANIFEST);
            for (Map.Entry<String, Path> f : collected.files.entrySet()) {
                archiver.addFile(f.getValue().toFile(), f.getKey());
            }
            archiver.createArchive();
        } catch (ArchiverException e) {
            throw new IOException("Could not write " + zip + ": " + e.getMessage(), e);
        }
        int count = 0;
        long bytes = 0;
        try (ZipFile written = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> en = written.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                if (!e.isDirectory()) {
                    count++;
                    bytes += e.getSize();
                }
            }
        }
        boolean named = ExtensionVersion.hasQualifier(mavenVersion) || text.contains("\"version_name\"");
        return new Result(zip, count, bytes, Files.size(zip), version, named ? mavenVersion : null,
                collected.links, collected.externalLinks);
    }

    /** The files to pack, by entry name, each with the real file that gives its content; and the links met. */
    private static final class Collected {
        final Map<String, Path> files = new TreeMap<>();
        final Map<String, String> links = new TreeMap<>();
        final Map<String, String> externalLinks = new TreeMap<>();
        /** Refused links, by name, with why. */
        final Map<String, String> refused = new LinkedHashMap<>();
        final Map<String, String> outside = new TreeMap<>();
    }

    /**
     * Walks the folder following links, with the include and exclude patterns applied as plexus's
     * DirectoryScanner applies them (Ant-style, on the path relative to the folder, Maven's default excludes
     * added), and sorts out the links: inside the folder they are followed; outside it they are refused unless
     * allowed; dangling or looping they are refused.
     */
    private Collected collect() throws IOException, InvalidPackageException {
        Path root = folder.toRealPath();
        List<String> excludePatterns = new ArrayList<>(Arrays.asList(AbstractScanner.DEFAULTEXCLUDES));
        excludePatterns.addAll(DEFAULT_EXCLUDES);
        excludePatterns.addAll(excludes);
        MatchPatterns include = includes.isEmpty() ? MatchPatterns.from("**") : MatchPatterns.from(normalized(includes));
        MatchPatterns exclude = MatchPatterns.from(normalized(excludePatterns));
        List<String> wholeFolderExcludes = new ArrayList<>();
        for (String e : normalized(excludePatterns)) {
            if (e.equals("**") || e.endsWith(File.separator + "**")) {
                wholeFolderExcludes.add(e);
            }
        }
        MatchPatterns excludeFolder = MatchPatterns.from(wholeFolderExcludes);
        Collected c = new Collected();
        Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<Path>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                        if (dir.equals(folder)) {
                            return FileVisitResult.CONTINUE;
                        }
                        String name = matchName(dir);
                        if (excludeFolder.matches(name, true)
                                || !includes.isEmpty() && !include.matchesPatternStart(name, true)) {
                            return FileVisitResult.SKIP_SUBTREE; // nothing in it is packed
                        }
                        if (Files.isSymbolicLink(dir)) {
                            String target = Files.readSymbolicLink(dir).toString();
                            if (!dir.toRealPath().startsWith(root)) {
                                c.outside.put(entryName(dir), target);
                                if (!allowExternalLinks) {
                                    return FileVisitResult.SKIP_SUBTREE;
                                }
                                c.externalLinks.put(entryName(dir), target);
                            }
                            c.links.put(entryName(dir), target);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        String name = matchName(file);
                        if (!include.matches(name, true) || exclude.matches(name, true)) {
                            return FileVisitResult.CONTINUE;
                        }
                        String entry = entryName(file);
                        if (leftOut.contains(file.toAbsolutePath().normalize())) {
                            return FileVisitResult.CONTINUE;
                        }
                        if (attrs.isSymbolicLink()) { // FOLLOW_LINKS hands over the link itself when it leads nowhere
                            c.refused.put(entry, "-> " + Files.readSymbolicLink(file) + " points to nothing");
                            return FileVisitResult.CONTINUE;
                        }
                        if (!attrs.isRegularFile()) {
                            c.refused.put(entry, "is not a regular file (a device, pipe or socket)");
                            return FileVisitResult.CONTINUE;
                        }
                        Path real = file.toRealPath();
                        if (Files.isSymbolicLink(file)) {
                            String target = Files.readSymbolicLink(file).toString();
                            if (!real.startsWith(root)) {
                                c.outside.put(entry, target);
                                if (!allowExternalLinks) {
                                    return FileVisitResult.CONTINUE;
                                }
                                c.externalLinks.put(entry, target);
                            }
                            c.links.put(entry, target);
                        }
                        if (!entry.equals(MANIFEST)) { // the rewritten one instead, first in the zip
                            c.files.put(entry, real);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        String name = matchName(file);
                        if (excludeFolder.matches(name, true) || exclude.matches(name, true)) {
                            return FileVisitResult.CONTINUE;
                        }
                        if (e instanceof FileSystemLoopException) {
                            c.refused.put(entryName(file), "-> " + Files.readSymbolicLink(file)
                                    + " points to a folder that contains it, so its files would never end");
                            return FileVisitResult.CONTINUE;
                        }
                        if (e instanceof NoSuchFileException && Files.isSymbolicLink(file)) {
                            c.refused.put(entryName(file), "-> " + Files.readSymbolicLink(file) + " points to nothing");
                            return FileVisitResult.CONTINUE;
                        }
                        throw e;
                    }
                });
        if (!c.refused.isEmpty()) {
            List<String> lines = new ArrayList<>();
            c.refused.forEach((link, why) -> lines.add(link + " " + why));
            throw new InvalidPackageException("The extension folder " + folder + " (" + folderSetting
                    + ") has " + (lines.size() == 1 ? "a symbolic link" : "symbolic links") + " that cannot be packed: "
                    + String.join("; ", lines) + ". Point " + (lines.size() == 1 ? "it" : "each") + " at a file or"
                    + " folder that exists (not one that contains it), or delete it.");
        }
        if (!c.outside.isEmpty() && !allowExternalLinks) {
            List<String> lines = new ArrayList<>();
            c.outside.forEach((link, target) -> lines.add(link + " -> " + target));
            throw new InvalidPackageException("The extension folder " + folder + " (" + folderSetting + ") has "
                    + (lines.size() == 1 ? "a symbolic link" : "symbolic links") + " leading out of it: "
                    + String.join(", ", lines) + ". Only the folder's own files are packed unless you say otherwise:"
                    + " copy what " + (lines.size() == 1 ? "it points" : "they point") + " to into the folder,"
                    + " leave " + (lines.size() == 1 ? "it" : "them") + " out with edge.excludes, or set "
                    + allowExternalLinksSetting + " to true to pack the files "
                    + (lines.size() == 1 ? "it points" : "they point") + " to.");
        }
        return c;
    }

    /** The path relative to the folder as DirectoryScanner matches it (the platform's separator). */
    private String matchName(Path p) {
        return folder.relativize(p).toString();
    }

    /** The path relative to the folder as a zip entry name. */
    private String entryName(Path p) {
        return folder.relativize(p).toString().replace(File.separatorChar, '/');
    }

    /** Patterns as DirectoryScanner reads them: either separator, and a trailing one meaning everything under. */
    static List<String> normalized(List<String> patterns) {
        List<String> out = new ArrayList<>();
        for (String p : patterns) {
            String t = p.trim();
            if (t.startsWith("%regex[") || t.startsWith("%ant[")) {
                out.add(t);
                continue;
            }
            t = t.replace('/', File.separatorChar).replace('\\', File.separatorChar);
            out.add(t.endsWith(File.separator) ? t + "**" : t);
        }
        return out;
    }
}
