package io.github.edgeaddons.maven;

import io.github.edgeaddons.core.ResumeCommands;
import io.github.edgeaddons.core.Vocabulary;
import java.util.Collections;
import java.util.List;

/**
 * Maven's words, handed to the client ({@link Vocabulary}) as jib's {@code MavenHelpfulSuggestions} hands its
 * words to {@code HelpfulSuggestions}: settings are user properties {@code edge.<key>}, a printed command
 * gives them as {@code -Dedge.<key>=value} and runs with {@code mvn}, and the token URL may also sit in the
 * settings.xml server's {@code <configuration>}. Also the hints that only Maven has: settings.xml, its
 * encryption, offline mode, and a publish later in the same build.
 */
public final class MavenVocabulary implements Vocabulary {
    /** The one instance: the words do not depend on the build. */
    public static final MavenVocabulary INSTANCE = new MavenVocabulary();

    /** The prefix of every property of this plugin. */
    static final String PROPERTY_PREFIX = "edge.";

    private MavenVocabulary() {}

    /** Commands that name the plugin by its prefix and repeat no argument of the build. */
    public static ResumeCommands commands() {
        return commands("edge-addons", Collections.emptyList());
    }

    /** Commands naming the plugin as given and repeating these arguments of the build. */
    public static ResumeCommands commands(String plugin, List<String> arguments) {
        return new ResumeCommands(INSTANCE, plugin, arguments);
    }

    @Override
    public String setting(Setting s) {
        return (s.store() == null ? PROPERTY_PREFIX : s.store() + ".") + s.key();
    }

    @Override
    public String argument(Setting s, String value) {
        return "-D" + setting(s) + "=" + value;
    }

    @Override
    public String launcher() {
        return "mvn";
    }

    @Override
    public String tokenUrlBesideCredentials() {
        return "<configuration><tokenUrl>";
    }

    @Override
    public String credentialsPlace(String id) {
        return "<server> '" + id + "' in settings.xml";
    }

    @Override
    public String clientIdPlace(String id) {
        return "the <username> of " + credentialsPlace(id);
    }

    @Override
    public String secretPlace(String id) {
        return "the <password> of " + credentialsPlace(id);
    }

    @Override
    public String putClientIdAndApiKey(String id) {
        return "in settings.xml put the client ID in the <username> and the API key in the <password> of <server> '"
                + id + "'";
    }

    // ---- the hints only Maven has: settings.xml, offline, the build's later goals --------------------------

    /** No {@code <server>} with the id, and no credentials in the environment either: both ways. */
    static String addCredentials(String id, String clientIdVariable, String secretVariable, boolean oauth) {
        return "Give the client ID and " + (oauth ? "client secret" : "API key") + " from Partner Center"
                + " (Microsoft Edge > Publish API) either way: export " + clientIdVariable + " and " + secretVariable
                + " (in CI, from the repository's secrets), or add to ~/.m2/settings.xml (or the file given with -s)"
                + " <server><id>" + id + "</id><username>CLIENT_ID</username><password>"
                + (oauth ? "CLIENT_SECRET" : "API_KEY") + "</password></server>.";
    }

    /** An encrypted password that could not be decrypted. */
    static String checkMasterPassword() {
        return "Check ~/.m2/settings-security.xml (the master password made with mvn --encrypt-master-password), or"
                + " encrypt the password again with mvn --encrypt-password.";
    }

    /** A {@code <username>} that is missing. */
    static String putClientId() {
        return "put the client ID from Partner Center (Microsoft Edge > Publish API) there.";
    }

    /** A {@code <password>} that is missing. */
    static String putApiKey() {
        return "put the API key from Partner Center (Microsoft Edge > Publish API) there (or, for the retired API"
                + " v1, the client secret).";
    }

    /** An {@code ${env.X}} left unresolved. */
    static String exportVariable() {
        return "Export it before running Maven, e.g. in CI from the repository's secrets.";
    }

    /** Maven runs offline and the goal needs the store. */
    static String offline(String goal) {
        return "Maven is offline (-o, or <offline>true</offline> in settings.xml), and " + goal + " must talk to"
                + " the store: run the build without -o. To see what would be sent without any network, use "
                + INSTANCE.argument(Setting.DRY_RUN, "true") + " (without " + INSTANCE.setting(Setting.CHECK_CREDENTIALS)
                + ").";
    }

    /** The notes file that the publish of this build would read is not usable; upload checks it first. */
    static String notesBeforeUpload() {
        return "upload checks it before sending the zip because publish follows in this build: fix "
                + INSTANCE.setting(Setting.NOTES_FILE) + " first, so that the draft is not replaced by a release that"
                + " cannot be published.";
    }

    /** An extension project's deploy with no store's id set. */
    static String noStore() {
        return "No store to release to: this project's deploy releases to every store whose id is set, and none"
                + " is. Set edge.productId (Edge), chrome.itemId with chrome.publisherId (Chrome Web Store) or"
                + " firefox.addonId (Firefox Add-ons), as properties in the POM or with -D, for each store the"
                + " extension ships to.";
    }
}
