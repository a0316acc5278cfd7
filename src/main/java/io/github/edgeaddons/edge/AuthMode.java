package io.github.edgeaddons.edge;

import java.util.Locale;

/** The two ways the store authenticates a client. */
public enum AuthMode {
    /** API v1.1: {@code Authorization: ApiKey <key>} and {@code X-ClientID: <clientId>}. */
    API_KEY("apiKey"),
    /** API v1: OAuth 2.0 client-credentials token, sent as {@code Authorization: Bearer <token>}. */
    CLIENT_CREDENTIALS("clientCredentials");

    private final String setting;

    AuthMode(String setting) {
        this.setting = setting;
    }

    /** The value users write for {@code edge.authMode}. */
    public String setting() {
        return setting;
    }

    /** @return the mode, or null when the text names none */
    public static AuthMode fromSetting(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (AuthMode m : values()) {
            if (m.setting.toLowerCase(Locale.ROOT).equals(t)) {
                return m;
            }
        }
        return null;
    }
}
