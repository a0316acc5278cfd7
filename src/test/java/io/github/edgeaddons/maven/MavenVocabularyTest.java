package io.github.edgeaddons.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.edgeaddons.core.Vocabulary.Setting;
import org.junit.jupiter.api.Test;

/** Maven's words, and one golden test per hint that only Maven has (settings.xml, offline, the build's publish). */
class MavenVocabularyTest {
    private final MavenVocabulary words = MavenVocabulary.INSTANCE;

    @Test
    void settingsAreUserPropertiesAndCommandsRunMvn() {
        assertEquals("edge.notesFile", words.setting(Setting.NOTES_FILE));
        assertEquals("-Dedge.productId=abc", words.argument(Setting.PRODUCT_ID, "abc"));
        assertEquals("edge.authMode=clientCredentials", words.settingIs(Setting.AUTH_MODE, "clientCredentials"));
        assertEquals("mvn edge-addons:await -Dedge.productId=p -Dedge.operationId=o -s 'my settings.xml'",
                MavenVocabulary.commands("edge-addons", java.util.Arrays.asList("-s", "my settings.xml"))
                        .await("p", "o"));
    }

    @Test
    void addCredentials() {
        assertEquals("Give the client ID and API key from Partner Center (Microsoft Edge > Publish API) either way:"
                + " export A and B (in CI, from the repository's secrets), or add to ~/.m2/settings.xml (or the file"
                + " given with -s) <server><id>edge-ci</id><username>CLIENT_ID</username><password>API_KEY"
                + "</password></server>.", MavenVocabulary.addCredentials("edge-ci", "A", "B", false));
    }

    @Test
    void checkMasterPassword() {
        assertEquals("Check ~/.m2/settings-security.xml (the master password made with mvn"
                + " --encrypt-master-password), or encrypt the password again with mvn --encrypt-password.",
                MavenVocabulary.checkMasterPassword());
    }

    @Test
    void putClientId() {
        assertEquals("put the client ID from Partner Center (Microsoft Edge > Publish API) there.",
                MavenVocabulary.putClientId());
    }

    @Test
    void putApiKey() {
        assertEquals("put the API key from Partner Center (Microsoft Edge > Publish API) there (or, for the"
                + " retired API v1, the client secret).", MavenVocabulary.putApiKey());
    }

    @Test
    void exportVariable() {
        assertEquals("Export it before running Maven, e.g. in CI from the repository's secrets.",
                MavenVocabulary.exportVariable());
    }

    @Test
    void offline() {
        assertEquals("Maven is offline (-o, or <offline>true</offline> in settings.xml), and upload must talk to"
                + " the store: run the build without -o. To see what would be sent without any network, use"
                + " -Dedge.dryRun=true (without edge.checkCredentials).", MavenVocabulary.offline("upload"));
    }

    @Test
    void notesBeforeUpload() {
        assertEquals("upload checks it before sending the zip because publish follows in this build: fix"
                + " edge.notesFile first, so that the draft is not replaced by a release that cannot be published.",
                MavenVocabulary.notesBeforeUpload());
    }
}
