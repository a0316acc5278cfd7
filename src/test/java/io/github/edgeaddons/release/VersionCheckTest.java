package io.github.edgeaddons.release;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.pkg.PackageInfo;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class VersionCheckTest {
    private static PackageInfo pkg(String version) {
        return new PackageInfo(Paths.get("ext.zip"), 100, "x", version, 3, 1);
    }

    @Test
    void aMatchingReleaseVersionPasses() {
        assertDoesNotThrow(() -> VersionCheck.check("1.2.3", pkg("1.2.3")));
        assertDoesNotThrow(() -> VersionCheck.check("1.2.3.4", pkg("1.2.3.4")));
        assertDoesNotThrow(() -> VersionCheck.check("2", pkg("2")));
    }

    @Test
    void aSnapshotIsRefusedNamingTheSwitch() {
        ConfigException e = assertThrows(ConfigException.class, () -> VersionCheck.check("1.2.3-SNAPSHOT", pkg("1.2.3")));
        assertTrue(e.getMessage().contains("1.2.3-SNAPSHOT is a SNAPSHOT"), e.getMessage());
        assertTrue(e.getMessage().contains("edge.checkVersion=false"), e.getMessage());
    }

    @Test
    void aMismatchNamesBothVersionsAndTheFix() {
        ConfigException e = assertThrows(ConfigException.class, () -> VersionCheck.check("1.2.4", pkg("1.2.3")));
        assertTrue(e.getMessage().contains("has version 1.2.3, but the project version is 1.2.4"), e.getMessage());
        assertTrue(e.getMessage().contains("${project.version}"), e.getMessage());
    }

    @Test
    void aQualifiedVersionNeedsItsStoreForm() {
        assertDoesNotThrow(() -> VersionCheck.check("1.2.3-beta", pkg("1.2.3")));
        ConfigException e = assertThrows(ConfigException.class, () -> VersionCheck.check("1.2.4-beta", pkg("1.2.3")));
        assertTrue(e.getMessage().contains("the project version is 1.2.4-beta (store form 1.2.4)"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> VersionCheck.check("beta", pkg("1.2.3")));
        assertTrue(e.getMessage().contains("The project version beta has no store form"), e.getMessage());
    }

    @Test
    void checkManifestAllowsASnapshotButNotAMismatch() {
        assertDoesNotThrow(() -> VersionCheck.checkManifest("1.2.3-SNAPSHOT", pkg("1.2.3")));
        assertThrows(ConfigException.class, () -> VersionCheck.checkManifest("1.2.3-SNAPSHOT", pkg("1.2.2")));
    }
}
