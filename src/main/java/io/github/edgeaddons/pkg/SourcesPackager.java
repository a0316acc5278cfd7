package io.github.edgeaddons.pkg;

import io.github.edgeaddons.pkg.checks.PackageChecks;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.codehaus.plexus.archiver.ArchiverException;
import org.codehaus.plexus.archiver.zip.ZipArchiver;
import org.codehaus.plexus.util.AbstractScanner;
import org.codehaus.plexus.util.MatchPatterns;

/**
 * Zips a project's sources for the reviewers of a store that asks for them (Firefox Add-ons, for bundled or
 * minified code): every file under the project folder, paths relative to it, minus the build directory, VCS
 * folders and the rest of Maven's default excludes, {@link #DEFAULT_EXCLUDES}, the user's excludes, and every
 * file that is a secret by {@link PackageChecks#secretFile} (the SECRET_FILE rule of the package checks). The
 * secrets left out are listed in the result, by path and kind, never by content. Symbolic links are not
 * followed: they are left out and listed too. With a fixed time two runs give byte-identical zips.
 */
public final class SourcesPackager {
    /**
     * Left out unless an include names them, beyond Maven's default excludes (.git, .svn, .hg, .DS_Store, editor
     * backups...): downloaded dependencies, which reviewers install themselves from the lock file.
     */
    public static final List<String> DEFAULT_EXCLUDES = Arrays.asList("**/node_modules/**", "**/Thumbs.db",
            "**/desktop.ini", "**/._*");

    /** What was zipped and what was left out. */
    public static final class Result {
        public final Path zip;
        public final int files;
        public final long zipBytes;
        /** Secrets left out, by path (with {@code /}), with what they are. */
        public final Map<String, String> secrets;
        /** Symbolic links left out, by path. */
        public final List<String> links;

        Result(Path zip, int files, long zipBytes, Map<String, String> secrets, List<String> links) {
            this.zip = zip;
            this.files = files;
            this.zipBytes = zipBytes;
            this.secrets = Collections.unmodifiableMap(secrets);
            this.links = Collections.unmodifiableList(links);
        }
    }

    private final Path base;
    private final List<Path> skipped = new ArrayList<>();
    private List<String> includes = new ArrayList<>();
    private List<String> excludes = new ArrayList<>();
    private Instant fixedTime;

    /** @param base the project folder, the zip's root */
    public SourcesPackager(Path base) {
        this.base = base.toAbsolutePath().normalize();
    }

    /** Leaves out this folder (the build directory) or file, wherever it is. */
    public SourcesPackager skip(Path path) {
        skipped.add(path.toAbsolutePath().normalize());
        return this;
    }

    /** Ant-style patterns relative to the project folder; empty: everything. */
    public SourcesPackager includes(List<String> patterns) {
        includes = patterns == null ? new ArrayList<>() : new ArrayList<>(patterns);
        return this;
    }

    /** Ant-style patterns relative to the project folder, on top of the default excludes. */
    public SourcesPackager excludes(List<String> patterns) {
        excludes = patterns == null ? new ArrayList<>() : new ArrayList<>(patterns);
        return this;
    }

    /** The entries' time, for reproducible zips; null: the files' own times. */
    public SourcesPackager fixedTime(Instant time) {
        fixedTime = time;
        return this;
    }

    public Result pack(Path zip) throws IOException {
        List<String> excludePatterns = new ArrayList<>(Arrays.asList(AbstractScanner.DEFAULTEXCLUDES));
        excludePatterns.addAll(DEFAULT_EXCLUDES);
        excludePatterns.addAll(excludes);
        MatchPatterns include = includes.isEmpty()
                ? MatchPatterns.from("**") : MatchPatterns.from(ExtensionPackager.normalized(includes));
        MatchPatterns exclude = MatchPatterns.from(ExtensionPackager.normalized(excludePatterns));
        List<String> wholeFolderExcludes = new ArrayList<>();
        for (String e : ExtensionPackager.normalized(excludePatterns)) {
            if (e.equals("**") || e.endsWith(File.separator + "**")) {
                wholeFolderExcludes.add(e);
            }
        }
        MatchPatterns excludeFolder = MatchPatterns.from(wholeFolderExcludes);
        Path zipPath = zip.toAbsolutePath().normalize();
        Map<String, Path> files = new TreeMap<>();
        Map<String, String> secrets = new TreeMap<>();
        List<String> links = new ArrayList<>();
        Files.walkFileTree(base, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(base)) {
                    return FileVisitResult.CONTINUE;
                }
                String name = base.relativize(dir).toString();
                if (skipped.contains(dir) || excludeFolder.matches(name, true)
                        || !includes.isEmpty() && !include.matchesPatternStart(name, true)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = base.relativize(file).toString();
                if (skipped.contains(file) || file.equals(zipPath)
                        || !include.matches(name, true) || exclude.matches(name, true)) {
                    return FileVisitResult.CONTINUE;
                }
                String entry = name.replace(File.separatorChar, '/');
                if (attrs.isSymbolicLink()) {
                    links.add(entry);
                    return FileVisitResult.CONTINUE;
                }
                if (!attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                String secret = PackageChecks.secretFile(entry, attrs.size(), (n, max) -> head(file, max));
                if (secret != null) {
                    secrets.put(entry, secret);
                    return FileVisitResult.CONTINUE;
                }
                files.put(entry, file);
                return FileVisitResult.CONTINUE;
            }
        });
        Collections.sort(links);
        Files.createDirectories(zipPath.getParent());
        Files.deleteIfExists(zipPath);
        ZipArchiver archiver = new ZipArchiver();
        archiver.setDestFile(zipPath.toFile());
        archiver.setFilenameComparator(String::compareTo); // the same order on every file system
        if (fixedTime != null) {
            archiver.configureReproducibleBuild(FileTime.from(fixedTime));
        }
        try {
            for (Map.Entry<String, Path> f : files.entrySet()) {
                archiver.addFile(f.getValue().toFile(), f.getKey());
            }
            archiver.createArchive();
        } catch (ArchiverException e) {
            throw new IOException("Could not write " + zipPath + ": " + e.getMessage(), e);
        }
        return new Result(zipPath, files.size(), Files.size(zipPath), secrets, links);
    }

    private static byte[] head(Path file, int max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[max];
            int n = 0;
            int r;
            while (n < max && (r = in.read(buf, n, max - n)) > 0) {
                n += r;
            }
            return Arrays.copyOf(buf, n);
        }
    }
}
