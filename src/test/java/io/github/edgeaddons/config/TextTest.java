package io.github.edgeaddons.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void sizesInKilobytesBelowOneMebibyteElseMegabytes() {
        assertEquals("0.5 KB", Text.size(512));
        assertEquals("1023.0 KB", Text.size(1023 * 1024));
        assertEquals("1.0 MB", Text.size(1024 * 1024));
        assertEquals("0.5 MB", Text.size(512 * 1024, 1536 * 1024), "the unit follows the scale");
    }

    @Test
    void sizesAreTheSameInEveryLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("1.5 MB", Text.size(1536 * 1024));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void firstLine() {
        assertEquals("", Text.firstLine(null));
        assertEquals("one", Text.firstLine("  one \ntwo"));
        assertEquals("abc...", Text.firstLine("abcdef\nx", 3));
        assertEquals("abc", Text.firstLine("abc", 3));
    }
}
