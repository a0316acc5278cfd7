package io.github.edgeaddons.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PluralsTest {
    @Test
    void oneTakesTheSingularEveryOtherCountThePlural() {
        assertEquals("1 file", Plurals.count(1, "file"));
        assertEquals("0 files", Plurals.count(0, "file"));
        assertEquals("2 files", Plurals.count(2, "file"));
        assertEquals("1 entry", Plurals.count(1, "entry", "entries"));
        assertEquals("11 entries", Plurals.count(11, "entry", "entries"));
        assertEquals("1 byte", Plurals.count(1, "byte"));
    }
}
