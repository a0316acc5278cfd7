package io.github.edgeaddons.pkg;

import io.github.edgeaddons.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.codehaus.plexus.archiver.ArchiverException;
import org.codehaus.plexus.archiver.util.DefaultFileSet;
import org.codehaus.plexus.archiver.zip.ZipArchiver;

/**
 * Zips an extension folder into the package the store takes: the folder's content at the zip's root, and
 * its manifest.json with the project version written in ({@link ManifestVersion}); the source folder is
 * not changed. With a fixed time ({@code project.build.outputTimestamp}) two runs give byte-identical zips
 * (plexus-archiver's reproducible mode: fixed entry times and modes, entries in sorted order).
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

        Result(Path zip, int files, long contentBytes, long zipBytes, String version, String versionName) {
            this.zip = zip;
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
        Files.write(manifest, ManifestVersion.write(text, version, mavenVersion).getBytes(StandardCharsets.UTF_8));

        Files.createDirectories(zip.toAbsolutePath().getParent());
        Files.deleteIfExists(zip);
        ZipArchiver archiver = new ZipArchiver();
        archiver.setDestFile(zip.toFile());
        archiver.setFilenameComparator(String::compareTo); // the same order on every file system
        if (fixedTime != null) {
            archiver.configureReproducibleBuild(FileTime.from(fixedTime));
        }
        List<String> allExcludes = new ArrayList<>(DEFAULT_EXCLUDES);
        allExcludes.addAll(excludes);
        allExcludes.add(MANIFEST); // the rewritten one instead, first in the zip
        try {
            archiver.addFile(manifest.toFile(), MANIFEST);
            DefaultFileSet files = DefaultFileSet.fileSet(folder.toFile())
                    .includeExclude(includes.isEmpty() ? null : includes.toArray(new String[0]),
                            allExcludes.toArray(new String[0]))
                    .includeEmptyDirs(false);
            files.setUsingDefaultExcludes(true);
            archiver.addFileSet(files);
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
        return new Result(zip, count, bytes, Files.size(zip), version, named ? mavenVersion : null);
    }
}
