package io.github.edgeaddons.core;

/**
 * The front end's words, handed to the client so that the hints ({@code Hints}) and {@link ResumeCommands} can speak
 * them without knowing the front end: how the user names a setting ({@code edge.productId} in Maven), how a
 * printed command gives one ({@code -Dedge.productId=...}), and which program runs a goal ({@code mvn}). As
 * jib's {@code MavenHelpfulSuggestions} hands its words to {@code HelpfulSuggestions}, the Maven side
 * ({@code maven/MavenVocabulary}) implements this; {@link #PLAIN} names settings by their bare keys.
 */
public interface Vocabulary {
    /** The settings that advice names. */
    enum Setting {
        PRODUCT_ID("productId"),
        OPERATION_ID("operationId"),
        API_BASE_URL("apiBaseUrl"),
        TOKEN_URL("tokenUrl"),
        AUTH_MODE("authMode"),
        SCOPE("scope"),
        FILE("file"),
        NOTES("notes"),
        NOTES_FILE("notesFile"),
        POLL_INTERVAL("pollInterval"),
        TIMEOUT("timeout"),
        REQUIRE_UPLOAD("requireUpload"),
        DRY_RUN("dryRun"),
        CHECK_CREDENTIALS("checkCredentials"),
        IN_REVIEW("inReview"),
        /** The Chrome Web Store's item id. */
        CHROME_ITEM_ID("chrome", "itemId"),
        /** The Chrome Web Store's publisher id. */
        CHROME_PUBLISHER_ID("chrome", "publisherId");

        private final String store;
        private final String key;

        Setting(String key) {
            this(null, key);
        }

        Setting(String store, String key) {
            this.store = store;
            this.key = key;
        }

        /** The setting's neutral key, e.g. {@code productId}. */
        public String key() {
            return key;
        }

        /**
         * The store whose own setting this is ({@code chrome}), or null for the plugin's settings, which Edge's
         * names carry.
         */
        public String store() {
            return store;
        }
    }

    /** How the user names a setting in prose, e.g. {@code edge.productId}. */
    String setting(Setting s);

    /** A setting with a value, as a printed command gives it (unquoted), e.g. {@code -Dedge.productId=ID}. */
    String argument(Setting s, String value);

    /** What runs a goal of this front end, e.g. {@code mvn}; the command is this, then the plugin and goal. */
    String launcher();

    /**
     * Where the token URL can also be kept beside the credentials, e.g. {@code <configuration><tokenUrl>} of a
     * settings.xml server; null when there is no such place.
     */
    String tokenUrlBesideCredentials();

    /**
     * Where the credentials with this id are kept, e.g. {@code <server> 'edge-addons' in settings.xml}; the client
     * ID and the secret are two places inside it ({@link #clientIdPlace}, {@link #secretPlace}).
     */
    String credentialsPlace(String id);

    /** Where the client ID of those credentials is, e.g. {@code the <username> of <server> ... in settings.xml}. */
    String clientIdPlace(String id);

    /** Where the secret (API key or client secret) is, e.g. {@code the <password> of <server> ...}. */
    String secretPlace(String id);

    /** How to keep the client ID and an API key there, as an instruction, e.g. {@code in settings.xml put ...}. */
    String putClientIdAndApiKey(String id);

    /** A setting assigned a value in prose, e.g. {@code edge.authMode=clientCredentials}. */
    default String settingIs(Setting s, String value) {
        return setting(s) + "=" + value;
    }

    /** Settings by their bare keys, commands without a launcher: a front end that brings no words of its own. */
    Vocabulary PLAIN = new Vocabulary() {
        @Override
        public String setting(Setting s) {
            return s.key();
        }

        @Override
        public String argument(Setting s, String value) {
            return s.key() + "=" + value;
        }

        @Override
        public String launcher() {
            return "";
        }

        @Override
        public String tokenUrlBesideCredentials() {
            return null;
        }

        @Override
        public String credentialsPlace(String id) {
            return "the credentials '" + id + "'";
        }

        @Override
        public String clientIdPlace(String id) {
            return "the client ID of " + credentialsPlace(id);
        }

        @Override
        public String secretPlace(String id) {
            return "the secret of " + credentialsPlace(id);
        }

        @Override
        public String putClientIdAndApiKey(String id) {
            return "give " + credentialsPlace(id) + " the client ID and the API key";
        }
    };
}
