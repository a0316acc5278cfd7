package io.github.edgeaddons.chrome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.chrome.ChromeParameters.InReview;
import io.github.edgeaddons.chrome.ChromeWebStoreClient.PublishType;
import io.github.edgeaddons.config.ConfigException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link ChromeParameters}: each setting checked before any request, the error naming it. */
class ChromeParametersTest {
    private static ChromeParameters.Builder valid() {
        return ChromeParameters.builder().itemId("abcdefghijklmnopabcdefghijklmnop").publisherId("pub-1");
    }

    private static String refused(ChromeParameters.Builder b) {
        return assertThrows(ConfigException.class, b::build).getMessage();
    }

    @Test
    void defaults() throws Exception {
        ChromeParameters p = valid().build();
        assertEquals("chrome-webstore", p.serverId());
        assertEquals("https://chromewebstore.googleapis.com", p.apiBaseUrl().toString());
        assertEquals("https://oauth2.googleapis.com/token", p.tokenUrl().toString());
        assertNull(p.publishType(), "default: the body names no type");
        assertNull(p.deployPercentage());
        assertEquals(InReview.FAIL, p.inReview());
        assertFalse(p.awaitReview());
        assertEquals(Duration.ofHours(1), p.reviewTimeout());
        assertEquals(Duration.ofMinutes(10), p.timeout());
        assertTrue(p.pollPolicy().isAdaptive());
    }

    @Test
    void itemIdIsRequiredAndChecked() {
        assertTrue(refused(ChromeParameters.builder().publisherId("p")).startsWith("chrome.itemId is not set"));
        assertTrue(refused(valid().itemId("abcdefghijklmnopabcdefghijklmnoz")).startsWith(
                "chrome.itemId='abcdefghijklmnopabcdefghijklmnoz' is not a Chrome Web Store item id"));
        assertTrue(refused(valid().itemId("abc")).startsWith("chrome.itemId='abc'"));
    }

    @Test
    void publisherIdIsRequiredWithTheItem() {
        assertTrue(refused(valid().publisherId(null)).startsWith("chrome.publisherId is not set, and chrome.itemId"
                + " needs it"));
        assertTrue(refused(valid().publisherId("a b")).startsWith("chrome.publisherId='a b'"));
    }

    @Test
    void publishTypeAndPercentage() throws Exception {
        ChromeParameters p = valid().publishType("staged").deployPercentage("10").build();
        assertEquals(PublishType.STAGED_PUBLISH, p.publishType());
        assertEquals(10, p.deployPercentage());
        assertNull(valid().publishType("DEFAULT").build().publishType());
        assertTrue(refused(valid().publishType("later")).startsWith("chrome.publishType='later' is not known"));
        for (String bad : new String[] {"0", "101", "ten", "-5", "50%"}) {
            assertTrue(refused(valid().deployPercentage(bad)).startsWith("chrome.deployPercentage='" + bad
                    + "' is not a whole number from 1 to 100"), bad);
        }
        assertEquals(100, valid().deployPercentage("100").build().deployPercentage());
        assertEquals(1, valid().deployPercentage(" 1 ").build().deployPercentage());
    }

    @Test
    void rolloutNeedsAPercentage() throws Exception {
        assertTrue(assertThrows(ConfigException.class, () -> valid().buildForRollout()).getMessage()
                .startsWith("chrome.deployPercentage is not set: chrome-rollout raises"));
        assertEquals(50, valid().deployPercentage("50").buildForRollout().deployPercentage());
    }

    @Test
    void inReviewPolicy() throws Exception {
        assertEquals(InReview.SKIP, valid().inReview("skip").build().inReview());
        assertEquals(InReview.CANCEL, valid().inReview("Cancel").build().inReview());
        assertTrue(refused(valid().inReview("wait")).startsWith("chrome.inReview='wait' is not known: use fail"));
    }

    @Test
    void timesAndEndpoints() throws Exception {
        assertEquals(Duration.ofMinutes(3), valid().timeout("3m").build().timeout());
        assertEquals(Duration.ofMinutes(2), valid().timeout("3m").chromeTimeout("2m").build().timeout(),
                "chrome.timeout overrides edge.timeout");
        assertTrue(refused(valid().chromeTimeout("soon")).startsWith("chrome.timeout='soon'"));
        assertTrue(refused(valid().reviewTimeout("0s")).startsWith("chrome.reviewTimeout='0s'"));
        assertTrue(refused(valid().apiBaseUrl("http://example.com")).contains("chrome.apiBaseUrl"));
        assertTrue(refused(valid().tokenUrl("not a url")).contains("chrome.tokenUrl"));
        assertEquals("http://127.0.0.1:9/", valid().apiBaseUrl("http://127.0.0.1:9/").build().apiBaseUrl()
                .toString().replaceAll("/?$", "/"));
    }
}
