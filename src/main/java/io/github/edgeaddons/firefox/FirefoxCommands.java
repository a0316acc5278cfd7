package io.github.edgeaddons.firefox;

/**
 * The commands a Firefox failure prints so that the user can pick up where the release stopped, in the front
 * end's words (the Maven side: {@code mvn edge-addons:firefox-release -Dfirefox.resumeVersion=...} with the
 * arguments of this build that must be repeated). Each works as printed.
 */
public interface FirefoxCommands {
    /**
     * Looks up version {@code version} of the add-on on AMO and, when it is there, goes on from it (sources,
     * review state, signed file) without creating it again; when it is not, releases it.
     */
    String resume(String version);

    /** Commands with no front end: the setting by its bare key. */
    FirefoxCommands PLAIN = version -> "firefox-release resumeVersion=" + version;
}
