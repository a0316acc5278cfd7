package io.github.edgeaddons.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "PT5S, 5000",
        "pt0.2s, 200",
        "PT2M, 120000",
        "PT1H30M, 5400000",
        "200ms, 200",
        "5s, 5000",
        "2m, 120000",
        "1h, 3600000",
        "30, 30000",
        "0.5, 500",
        "' 10s ', 10000",
        "1.5m, 90000"
    })
    void acceptsTheDocumentedForms(String text, long millis) throws ConfigException {
        assertEquals(Duration.ofMillis(millis), Durations.parse(text, "edge.timeout"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "5 minutes", "-1s", "0", "0s", "PT0S", "P", "PTX", "1d", "s", "5.s", ""})
    void rejectsAnythingElseNamingTheSetting(String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> Durations.parse(text, "edge.pollInterval"));
        assertTrue(e.getMessage().contains("edge.pollInterval"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void rejectsNullNamingTheSetting() {
        ConfigException e = assertThrows(ConfigException.class, () -> Durations.parse(null, "edge.timeout"));
        assertTrue(e.getMessage().startsWith("edge.timeout"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void errorSaysWhichFormsAreAccepted() {
        ConfigException e = assertThrows(ConfigException.class, () -> Durations.parse("soon", "edge.timeout"));
        assertTrue(e.getMessage().contains("edge.timeout='soon'"), e.getMessage());
        assertTrue(e.getMessage().contains("PT5S") && e.getMessage().contains("200ms"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"750, 750ms", "5000, 5s", "1500, 1.5s", "150000, 2m30s", "3600000, 1h", "600000, 10m"})
    void formatsForMessages(long millis, String expected) {
        assertEquals(expected, Durations.format(Duration.ofMillis(millis)));
    }
}
