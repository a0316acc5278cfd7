package io.github.edgeaddons.firefox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.config.ConfigException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Firefox's settings checked before any request, each failure naming the setting. */
class FirefoxParametersTest {
    private static FirefoxParameters.Builder id(String addonId) {
        return FirefoxParameters.builder().addonId(addonId);
    }

    @Test
    void theThreeFormsOfAnAddonIdAreTaken() throws Exception {
        assertEquals("{5f3a9c2e-7b1d-4e8a-9c6f-0d2b4a6e8c10}", id(" {5f3a9c2e-7b1d-4e8a-9c6f-0d2b4a6e8c10} ").build().addonId());
        assertEquals("name@example.com", id("name@example.com").build().addonId());
        assertEquals("@name", id("@name").build().addonId());
        assertEquals("my-addon", id("my-addon").build().addonId());
        assertEquals("2100001", id("2100001").build().addonId());
    }

    @Test
    void aUuidWithoutItsBracesOrBracesAroundAnythingElseAreRefused() {
        ConfigException bare = assertThrows(ConfigException.class,
                () -> id("5f3a9c2e-7b1d-4e8a-9c6f-0d2b4a6e8c10").build());
        assertTrue(bare.getMessage().startsWith("firefox.addonId='5f3a9c2e-7b1d-4e8a-9c6f-0d2b4a6e8c10' is a UUID without"
                + " its braces"), bare.getMessage());
        ConfigException braced = assertThrows(ConfigException.class, () -> id("{name@example.com}").build());
        assertTrue(braced.getMessage().contains("has braces but is not a UUID"), braced.getMessage());
        ConfigException missing = assertThrows(ConfigException.class, () -> id(" ").build());
        assertTrue(missing.getMessage().startsWith("firefox.addonId is not set"), missing.getMessage());
        assertThrows(ConfigException.class, () -> id("not an id").build());
    }

    @Test
    void defaults() throws Exception {
        FirefoxParameters p = id("a@b").build();
        assertEquals("firefox-amo", p.serverId());
        assertEquals("https://addons.mozilla.org", p.apiBaseUrl().toString());
        assertEquals("listed", p.channel());
        assertEquals("en-US", p.releaseNotesLocale());
        assertEquals(Duration.ofMinutes(15), p.reviewTimeout());
        assertEquals(Duration.ofMinutes(10), p.timeout());
        assertTrue(p.pollPolicy().isAdaptive());
        assertTrue(p.compatibility().isEmpty());
        assertFalse(p.awaitReview());
        assertNull(p.license());
        assertEquals("{\"upload\":\"U\"}", p.versionFields().json("U"));
    }

    @Test
    void firefoxTimeoutOverridesTheEdgeTimeout() throws Exception {
        assertEquals(Duration.ofMinutes(3), id("a@b").pluginTimeout("3m").build().timeout());
        assertEquals(Duration.ofMinutes(20), id("a@b").pluginTimeout("3m").timeout("20m").build().timeout());
        ConfigException e = assertThrows(ConfigException.class, () -> id("a@b").timeout("soon").build());
        assertTrue(e.getMessage().startsWith("firefox.timeout='soon' is not a duration"), e.getMessage());
    }

    @Test
    void theVersionsFieldsCarryTheNotesUnderTheirLocale() throws Exception {
        FirefoxParameters p = id("a@b").approvalNotes("How to build").releaseNotes("Neu").releaseNotesLocale("de")
                .license("MIT").compatibility("Firefox, android").build();
        assertEquals(List.of("firefox", "android"), p.compatibility());
        assertEquals("{\"upload\":\"U\",\"approval_notes\":\"How to build\",\"release_notes\":{\"de\":\"Neu\"},"
                + "\"license\":\"MIT\",\"compatibility\":[\"firefox\",\"android\"]}", p.versionFields().json("U"));
    }

    @Test
    void wrongValuesAreRefusedNamingTheSetting() {
        assertTrue(assertThrows(ConfigException.class, () -> id("a@b").channel("beta").build()).getMessage()
                .startsWith("firefox.channel='beta'"));
        assertTrue(assertThrows(ConfigException.class, () -> id("a@b").releaseNotesLocale("English").build())
                .getMessage().startsWith("firefox.releaseNotesLocale='English'"));
        assertTrue(assertThrows(ConfigException.class, () -> id("a@b").license("My License").build()).getMessage()
                .startsWith("firefox.license='My License'"));
        assertTrue(assertThrows(ConfigException.class, () -> id("a@b").compatibility("firefox,thunderbird").build())
                .getMessage().startsWith("firefox.compatibility names 'thunderbird'"));
        assertTrue(assertThrows(ConfigException.class, () -> id("a@b").apiBaseUrl("http://amo.example.test").build())
                .getMessage().startsWith("firefox.apiBaseUrl"));
        assertTrue(assertThrows(ConfigException.class, () -> id("a@b").reviewTimeout("x").build()).getMessage()
                .startsWith("firefox.reviewTimeout='x'"));
    }

    @Test
    void theChannelIsReadWhateverItsCase() throws Exception {
        assertEquals("unlisted", id("a@b").channel("Unlisted").build().channel());
    }
}
