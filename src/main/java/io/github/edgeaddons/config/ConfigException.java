package io.github.edgeaddons.config;

/**
 * A setting the user must fix. The message names the setting and says what to do; it is shown as a
 * build failure before any request is sent.
 */
public class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
