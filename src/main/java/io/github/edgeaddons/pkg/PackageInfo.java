package io.github.edgeaddons.pkg;

import io.github.edgeaddons.pkg.checks.CheckReport;
import io.github.edgeaddons.pkg.checks.Store;
import java.nio.file.Path;
import java.util.Objects;

/** What {@link PackageValidator} learned about a valid extension package. Immutable. */
public final class PackageInfo {

    private final Path path;
    private final long size;
    private final String name;
    private final String version;
    private final int manifestVersion;
    private final int entryCount;
    private final CheckReport report;

    public PackageInfo(Path path, long size, String name, String version, int manifestVersion, int entryCount) {
        this(path, size, name, version, manifestVersion, entryCount, CheckReport.empty(Store.EDGE));
    }

    public PackageInfo(Path path, long size, String name, String version, int manifestVersion, int entryCount,
            CheckReport report) {
        this.path = Objects.requireNonNull(path, "path");
        this.size = size;
        this.name = Objects.requireNonNull(name, "name");
        this.version = Objects.requireNonNull(version, "version");
        this.manifestVersion = manifestVersion;
        this.entryCount = entryCount;
        this.report = Objects.requireNonNull(report, "report");
    }

    /** The package rules' warnings and silenced rules (a package with errors has no PackageInfo). */
    public CheckReport report() {
        return report;
    }

    /** The zip file. */
    public Path path() {
        return path;
    }

    /** Size of the zip file in bytes. */
    public long size() {
        return size;
    }

    /** The manifest's {@code name}, as written (may be a {@code __MSG_...__} placeholder). */
    public String name() {
        return name;
    }

    /** The manifest's {@code version}, e.g. {@code 1.2.3}. */
    public String version() {
        return version;
    }

    /** The manifest's {@code manifest_version}: 2 or 3. */
    public int manifestVersion() {
        return manifestVersion;
    }

    /** Number of entries in the zip's central directory (files and folder entries). */
    public int entryCount() {
        return entryCount;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PackageInfo)) {
            return false;
        }
        PackageInfo other = (PackageInfo) o;
        return size == other.size
                && manifestVersion == other.manifestVersion
                && entryCount == other.entryCount
                && path.equals(other.path)
                && name.equals(other.name)
                && version.equals(other.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, size, name, version, manifestVersion, entryCount);
    }

    @Override
    public String toString() {
        return "PackageInfo{path=" + path + ", size=" + size + ", name='" + name + "', version='" + version
                + "', manifestVersion=" + manifestVersion + ", entryCount=" + entryCount + '}';
    }
}
