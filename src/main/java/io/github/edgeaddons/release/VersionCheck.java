package io.github.edgeaddons.release;

import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.pkg.ExtensionVersion;
import io.github.edgeaddons.pkg.PackageInfo;

/**
 * Saves a failed release: a SNAPSHOT is not shipped to the store, and the zip's manifest.json
 * {@code version} must be the project version (Maven {@code 1.2.3} or {@code 1.2.3.4} maps to the same
 * manifest version; qualifiers such as {@code -beta} cannot be mapped).
 */
public final class VersionCheck {
    private static final String SWITCH = " Set edge.checkVersion=false to ship it anyway.";

    private VersionCheck() {}

    public static void check(String projectVersion, PackageInfo pkg) throws ConfigException {
        if (projectVersion == null) {
            return;
        }
        if (projectVersion.endsWith("-SNAPSHOT")) {
            throw new ConfigException("The project version " + projectVersion + " is a SNAPSHOT: the store gets"
                    + " releases only. Release a version (e.g. with maven-release-plugin or mvn versions:set)"
                    + " first." + SWITCH);
        }
        String expected = ExtensionVersion.fromMavenVersion(projectVersion);
        if (expected == null) {
            throw new ConfigException("The project version " + projectVersion + " cannot be a store version (1"
                    + " to 4 numbers from 0 to 65535, like 1.2.3 or 1.2.3.4, without qualifiers), so it cannot be"
                    + " checked against manifest.json's version " + pkg.version() + "." + SWITCH);
        }
        if (!expected.equals(pkg.version())) {
            throw new ConfigException("manifest.json in " + pkg.path().getFileName() + " has version "
                    + pkg.version() + ", but the project version is " + projectVersion + ". Let Maven write it:"
                    + " \"version\": \"${project.version}\" in manifest.json, with resource filtering (see the"
                    + " example project)." + SWITCH);
        }
    }
}
