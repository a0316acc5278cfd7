package io.github.edgeaddons.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutputTimestampTest {

    @Test
    void isoAndEpochSecondsAsMavenArchiverReadsThem() throws Exception {
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), OutputTimestamp.parse("2026-01-01T00:00:00Z"));
        assertEquals(Instant.parse("2025-12-31T23:00:00Z"), OutputTimestamp.parse("2026-01-01T00:00:00+01:00"));
        assertEquals(Instant.ofEpochSecond(1767225600), OutputTimestamp.parse("1767225600"));
    }

    @Test
    void unsetOrOneCharacterMeansNotReproducible() throws Exception {
        assertNull(OutputTimestamp.parse(null));
        assertNull(OutputTimestamp.parse(""));
        assertNull(OutputTimestamp.parse("a"));
    }

    @Test
    void otherTextAndTimesAZipCannotHoldAreRefusedNamingTheProperty() {
        ConfigException e = assertThrows(ConfigException.class, () -> OutputTimestamp.parse("yesterday"));
        assertTrue(e.getMessage().startsWith("project.build.outputTimestamp='yesterday' is not a time"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> OutputTimestamp.parse("1970-01-01T00:00:00Z"));
        assertTrue(e.getMessage().contains("outside what a zip can hold"), e.getMessage());
    }
}
