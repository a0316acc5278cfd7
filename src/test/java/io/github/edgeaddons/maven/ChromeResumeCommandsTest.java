package io.github.edgeaddons.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.edgeaddons.chrome.ChromeParameters;
import org.junit.jupiter.api.Test;

/**
 * The Chrome Web Store's printed commands ({@link MavenResumeCommands#ofChrome}): the item and publisher, and the
 * endpoint and server settings that differ from their defaults, so that the command works as printed (the IT
 * chrome-release runs one).
 */
class ChromeResumeCommandsTest {
    private static ChromeParameters.Builder item() {
        return ChromeParameters.builder().itemId("abcdefghijklmnopabcdefghijklmnop").publisherId("pub-1");
    }

    @Test
    void defaultsRepeatOnlyTheIds() throws Exception {
        assertEquals("mvn edge-addons:status -Dchrome.itemId=abcdefghijklmnopabcdefghijklmnop -Dchrome.publisherId=pub-1",
                MavenResumeCommands.ofChrome(null, null, null, item().build())
                        .chromeStatus("pub-1", "abcdefghijklmnopabcdefghijklmnop"));
    }

    @Test
    void otherEndpointsAndServerAreRepeated() throws Exception {
        ChromeParameters p = item().apiBaseUrl("http://127.0.0.1:8091").tokenUrl("http://127.0.0.1:8091/token")
                .serverId("chrome-ci").build();
        assertEquals("mvn edge-addons:status -Dchrome.itemId=abcdefghijklmnopabcdefghijklmnop -Dchrome.publisherId=pub-1"
                + " -Dchrome.apiBaseUrl=http://127.0.0.1:8091 -Dchrome.tokenUrl=http://127.0.0.1:8091/token"
                + " -Dchrome.serverId=chrome-ci", MavenResumeCommands.ofChrome(null, null, null, p)
                        .chromeStatus("pub-1", "abcdefghijklmnopabcdefghijklmnop"));
    }
}
