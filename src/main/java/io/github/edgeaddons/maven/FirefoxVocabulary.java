package io.github.edgeaddons.maven;

import io.github.edgeaddons.core.Vocabulary;

/**
 * Maven's words for Firefox Add-ons' release, handed to the core through the client's settings: the settings the
 * core's sentences name are Firefox's where Firefox has its own ({@code firefox.timeout}, {@code firefox.apiBaseUrl},
 * {@code firefox.addonId}), the plugin-wide ones otherwise ({@code edge.pollInterval}, {@code edge.dryRun}...).
 */
final class FirefoxVocabulary implements Vocabulary {
    static final FirefoxVocabulary INSTANCE = new FirefoxVocabulary();

    private FirefoxVocabulary() {}

    @Override
    public String setting(Setting s) {
        switch (s) {
            case TIMEOUT:
                return "firefox.timeout";
            case API_BASE_URL:
                return "firefox.apiBaseUrl";
            case PRODUCT_ID:
                return "firefox.addonId";
            default:
                return MavenVocabulary.INSTANCE.setting(s);
        }
    }

    @Override
    public String argument(Setting s, String value) {
        return "-D" + setting(s) + "=" + value;
    }

    @Override
    public String launcher() {
        return MavenVocabulary.INSTANCE.launcher();
    }

    @Override
    public String tokenUrlBesideCredentials() {
        return null;
    }

    @Override
    public String credentialsPlace(String id) {
        return MavenVocabulary.INSTANCE.credentialsPlace(id);
    }

    @Override
    public String clientIdPlace(String id) {
        return "the <username> (JWT issuer) of " + credentialsPlace(id);
    }

    @Override
    public String secretPlace(String id) {
        return "the <password> (JWT secret) of " + credentialsPlace(id);
    }

    @Override
    public String putClientIdAndApiKey(String id) {
        return "in settings.xml put AMO's JWT issuer in the <username> and the JWT secret in the <password> of"
                + " <server> '" + id + "'";
    }
}
