package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.MalformedAnswerException;
import io.github.edgeaddons.core.OperationState;
import io.github.edgeaddons.core.OperationStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusParserTest {

    private static OperationStatus parse(String json) throws MalformedAnswerException {
        return StatusParser.parse(json, "op-from-url");
    }

    @ParameterizedTest
    @CsvSource({
        "InProgress, IN_PROGRESS",
        "Succeeded, SUCCEEDED",
        "Failed, FAILED",
        "IN-PROGRESS, IN_PROGRESS",
        "SUCCESS, SUCCEEDED",
        "FAILED, FAILED",
        "IN-REVIEW, SUCCEEDED",
        "NOTHING-TO-PUBLISH, FAILED",
        "CONFLICT, FAILED",
        "inprogress, IN_PROGRESS",
        "Queued, UNKNOWN",
        "Cancelled, STOPPED",
        "Canceled, STOPPED",
        "ABORTED, STOPPED"
    })
    void mapsBothVocabularies(String word, OperationState expected) throws MalformedAnswerException {
        OperationStatus s = parse("{\"id\":\"op1\",\"status\":\"" + word + "\"}");
        assertEquals(expected, s.state());
        assertEquals(word, s.rawStatus());
        assertEquals("op-from-url", s.operationId(), "named by the id asked about, not the body's");
    }

    @Test
    void legacyPublishWordsBecomeTheErrorCode() throws MalformedAnswerException {
        assertEquals("NOTHING-TO-PUBLISH", parse("{\"status\":\"NOTHING-TO-PUBLISH\"}").errorCode());
        assertEquals("CONFLICT", parse("{\"status\":\"CONFLICT\"}").errorCode());
    }

    @Test
    void readsAFullFailure() throws MalformedAnswerException {
        OperationStatus s = parse("{\"id\":\"o\",\"createdTime\":\"2025-01-01T00:00:00Z\",\"lastUpdatedTime\":null,"
                + "\"status\":\"Failed\",\"message\":\"Can't publish\",\"errorCode\":\"InProgressSubmission\","
                + "\"errors\":[\"first\",\"second\"]}");
        assertEquals(OperationState.FAILED, s.state());
        assertEquals("InProgressSubmission", s.errorCode());
        assertEquals("Can't publish", s.message());
        assertEquals(Arrays.asList("first", "second"), s.errors());
        assertEquals("2025-01-01T00:00:00Z", s.createdTime());
        assertNull(s.lastUpdatedTime());
    }

    @Test
    void readsErrorsAsObjects() throws MalformedAnswerException {
        OperationStatus s = parse("{\"status\":\"Failed\",\"errorCode\":\"ModuleStateUnPublishable\","
                + "\"errors\":[{\"message\":\"Invalid module : Properties\"}]}");
        assertEquals(Collections.singletonList("Invalid module : Properties"), s.errors());
    }

    @Test
    void readsLegacyErrorsWithIds() throws MalformedAnswerException {
        OperationStatus s = parse("{\"status\":\"FAILED\",\"errors\":[{\"id\":\"MANIFEST_FILE_MISSING\","
                + "\"message\":\"No manifest\"}]}");
        assertEquals(Collections.singletonList("MANIFEST_FILE_MISSING: No manifest"), s.errors());
    }

    @Test
    void emptyOrNullErrorCodeAndErrorsMeanNone() throws MalformedAnswerException {
        OperationStatus s = parse("{\"status\":\"Failed\",\"errorCode\":\"\",\"errors\":null,\"message\":null}");
        assertNull(s.errorCode());
        assertNull(s.message());
        assertTrue(s.errors().isEmpty());
    }

    @Test
    void aBodyWithOnlyIdAndMessageIsAFailure() throws MalformedAnswerException {
        OperationStatus s = parse("{\"id\":\"o9\",\"message\":\"An unexpected error occurred. contact support"
                + " Correlation ID: abc Timestamp: 2025\"}");
        assertEquals(OperationState.FAILED, s.state());
        assertTrue(s.message().contains("Correlation ID"));
        assertEquals("op-from-url", s.operationId());
    }

    @Test
    void missingIdFallsBackToTheRequestedOne() throws MalformedAnswerException {
        assertEquals("op-from-url", parse("{\"status\":\"Succeeded\"}").operationId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{\"status\": ", "<html>502</html>", "[1,2]", "{\"id\":\"x\"}",
        "{\"id\":\"x\",\"createdTime\":\"t\",\"status\":null,\"lastUpdatedTime\":\"t\"}"})
    void unreadableAnswersAreReportedNotThrownAsNullPointers(String body) {
        MalformedAnswerException e = assertThrows(MalformedAnswerException.class, () -> parse(body));
        assertTrue(e.getMessage().startsWith("the status answer"), e.getMessage());
    }

    @Test
    void theIdAskedAboutWinsOverTheBodysPlaceholder() throws Exception {
        OperationStatus s = StatusParser.parse("{\"id\":\"{operationID}\",\"status\":\"Failed\",\"message\":\"x\"}",
                "6f3a0000-0000-4000-8000-000000000001");
        assertEquals("6f3a0000-0000-4000-8000-000000000001", s.operationId());
        s = StatusParser.parse("{\"id\":\"{operationID}\",\"message\":\"An error occurred\"}",
                "6f3a0000-0000-4000-8000-000000000001");
        assertEquals("6f3a0000-0000-4000-8000-000000000001", s.operationId());
        assertEquals("body-id", StatusParser.parse("{\"id\":\"body-id\",\"status\":\"Failed\"}", null).operationId(),
                "without an id asked about, the body's");
    }
}
