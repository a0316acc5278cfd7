package io.github.edgeaddons.release;

import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.pkg.ExtensionVersion;
import io.github.edgeaddons.pkg.PackageInfo;

/**
 * Saves a failed release: a SNAPSHOT is not shipped to the store, and the zip's manifest.json
 * {@code version} must be the project version in store form ({@link ExtensionVersion#storeForm}: Maven
 * {@code 1.2.3} or {@code 1.2.3.4} maps to itself, {@code 1.2.3-beta} to {@code 1.2.3}, as the
 * {@code package} goal writes it).
 */
public final class VersionCheck {
    private static final String SWITCH = " Set edge.checkVersion=false to ship it anyway.";

    private VersionCheck() {}

    /** Before a release: no SNAPSHOT, and {@link #checkManifest}. */
    public static void check(String projectVersion, PackageInfo pkg) throws ConfigException {
        if (projectVersion == null) {
            return;
        }
        if (projectVersion.endsWith("-SNAPSHOT")) {
            throw new ConfigException("The project version " + projectVersion + " is a SNAPSHOT: the store gets"
                    + " releases only. Release a version (e.g. with maven-release-plugin or mvn versions:set)"
                    + " first." + SWITCH);
        }
        checkManifest(projectVersion, pkg);
    }

    /** The manifest's {@code version} is the project version in store form (a SNAPSHOT is fine here). */
    public static void checkManifest(String projectVersion, PackageInfo pkg) throws ConfigException {
        if (projectVersion == null) {
            return;
        }
        String expected = ExtensionVersion.storeForm(projectVersion);
        if (expected == null) {
            throw new ConfigException("The project version " + projectVersion + " has no store form (1 to 4"
                    + " numbers from 0 to 65535 first, like 1.2.3 or 1.2.3-beta), so it cannot be checked against"
                    + " manifest.json's version " + pkg.version() + "." + SWITCH);
        }
        if (!expected.equals(pkg.version())) {
            throw new ConfigException("manifest.json in " + pkg.path().getFileName() + " has version "
                    + pkg.version() + ", but the project version is " + projectVersion
                    + (expected.equals(projectVersion) ? "" : " (store form " + expected + ")") + ". Let Maven"
                    + " write it: build the zip with the edge-extension packaging (or the package goal), or put"
                    + " \"version\": \"${project.version}\" in manifest.json with resource filtering." + SWITCH);
        }
    }
}
