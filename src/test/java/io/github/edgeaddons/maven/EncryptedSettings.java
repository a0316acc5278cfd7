package io.github.edgeaddons.maven;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.cipher.PlexusCipherException;

/**
 * Real {@code mvn --encrypt-master-password} / {@code --encrypt-password} values, made with the same cipher
 * Maven 3 uses, and the {@code settings.security} system property through which Maven 3's
 * {@code DefaultSecDispatcher} finds settings-security.xml.
 */
final class EncryptedSettings {
    /** The passphrase Maven 3 encrypts the master password with. */
    private static final String MASTER_PASSPHRASE = "settings.security";

    private EncryptedSettings() {}

    /**
     * Writes a settings-security.xml holding {@code masterPassword} (encrypted) and returns
     * {@code password} encrypted with it, in the {@code {...}} form settings.xml takes.
     */
    static String write(Path securityFile, String masterPassword, String password)
            throws IOException, PlexusCipherException {
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        String master = cipher.encryptAndDecorate(masterPassword, MASTER_PASSPHRASE);
        Files.write(securityFile, ("<settingsSecurity>\n  <master>" + master + "</master>\n</settingsSecurity>\n")
                .getBytes(UTF_8));
        return cipher.encryptAndDecorate(password, masterPassword);
    }

    /** Points {@code settings.security} at the file until closed, then restores what was there. */
    static Property settingsSecurity(Path securityFile) {
        return new Property("settings.security", securityFile.toString());
    }

    static final class Property implements AutoCloseable {
        private final String name;
        private final String previous;

        Property(String name, String value) {
            this.name = name;
            this.previous = System.getProperty(name);
            System.setProperty(name, value);
        }

        @Override
        public void close() {
            if (previous == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, previous);
            }
        }
    }
}
