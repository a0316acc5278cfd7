package io.github.edgeaddons.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HttpTest {
    @Test
    void htmlByContentTypeOrFirstCharacter() {
        assertTrue(Http.isHtmlType("text/HTML; charset=utf-8"));
        assertFalse(Http.isHtmlType("application/json"));
        assertFalse(Http.isHtmlType(null));
        assertTrue(Http.isHtml(null, "  <!DOCTYPE html>"));
        assertTrue(Http.isHtml("text/html", ""));
        assertFalse(Http.isHtml("application/json", "{\"a\":1}"));
        assertFalse(Http.isHtml(null, null));
    }

    @Test
    void reasonPhrases() {
        assertEquals("Gone", Http.reasonPhrase(410));
        assertEquals("Too Many Requests", Http.reasonPhrase(429));
        assertNull(Http.reasonPhrase(99));
        assertNull(Http.reasonPhrase(600));
    }
}
