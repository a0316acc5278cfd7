package io.github.edgeaddons.firefox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** AMO's error bodies read into facts, once. */
class AmoErrorTest {
    @Test
    void aDetailIsReadWithItsReason() {
        AmoError e = AmoError.parse("{\"detail\":\"JWT iat (issued at time) is invalid. Make sure your system clock"
                + " is synchronized with something like TLSdate.\"}");
        assertEquals(AmoError.Reason.CLOCK_AHEAD, e.reason());
        assertTrue(e.errors().isEmpty());
        assertNull(e.code());
        assertEquals(AmoError.Reason.TOKEN_EXPIRED, AmoError.parse("{\"detail\":\"Signature has expired.\"}").reason());
        assertEquals(AmoError.Reason.UNKNOWN_KEY, AmoError.parse("{\"detail\":\"Invalid API Key.\"}").reason());
        assertEquals(AmoError.Reason.BAD_SIGNATURE, AmoError.parse("{\"detail\":\"Error decoding signature.\"}").reason());
        assertEquals(AmoError.Reason.OTHER, AmoError.parse("{\"detail\":\"Not found.\"}").reason());
    }

    @Test
    void aThrottleSaysHowLong() {
        AmoError e = AmoError.parse("{\"detail\":\"Request was throttled. Expected available in 18 seconds.\"}");
        assertEquals(AmoError.Reason.THROTTLED, e.reason());
        assertEquals(18L, e.throttledSeconds());
        assertNull(AmoError.parse("{\"detail\":\"Request was throttled.\"}").throttledSeconds());
    }

    @Test
    void fieldErrorsNestedFieldsAndBareListsAreKeptInOrder() {
        AmoError e = AmoError.parse("{\"version\":[\"Version 1.0.0 already exists.\"]}");
        assertEquals("version", e.code());
        assertTrue(e.names("version"));
        assertEquals(List.of("version: Version 1.0.0 already exists."), e.errors());

        AmoError nested = AmoError.parse("{\"version\":{\"license\":[\"This field, or custom_license, is required for"
                + " listed versions.\"]},\"non_field_errors\":[\"Whole.\"]}");
        assertEquals(List.of("version.license: This field, or custom_license, is required for listed versions.",
                "Whole."), nested.errors());

        AmoError bare = AmoError.parse("[\"Missing \\\"channel\\\" arg.\"]");
        assertEquals(List.of("Missing \"channel\" arg."), bare.errors());
        assertEquals("Missing \"channel\" arg.", bare.words());
    }

    @Test
    void maintenanceAndPagesThatAreNotJson() {
        assertEquals("Down.", AmoError.parse("{\"error\":\"Down.\"}").detail);
        assertNull(AmoError.parse("<html>Server Error (500)</html>"));
        assertNull(AmoError.parse(""));
    }
}
