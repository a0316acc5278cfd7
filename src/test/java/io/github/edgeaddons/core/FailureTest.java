package io.github.edgeaddons.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facts of a failure: each copy adds one fact and keeps the others; nothing changes a value once made. */
class FailureTest {

    @Test
    void eachCopyAddsOneFactAndKeepsTheRest() {
        IOException cause = new IOException("reset");
        Failure base = Failure.of(StoreException.Kind.HTTP, Failure.Request.PUBLISH);
        Failure f = base.answer(502, true).store("E", "m", Arrays.asList("a")).operation("op", null)
                .mayHaveReachedStore(true).acceptedBefore(true).keyHeadersNotTaken(true).cause(cause);
        assertEquals(StoreException.Kind.HTTP, f.kind());
        assertEquals(Failure.Request.PUBLISH, f.request());
        assertEquals(502, f.httpStatus());
        assertTrue(f.htmlBody());
        assertEquals("E", f.errorCode());
        assertEquals("m", f.storeMessage());
        assertEquals(Arrays.asList("a"), f.errors());
        assertEquals("op", f.operationId());
        assertTrue(f.mayHaveReachedStore() && f.acceptedBefore() && f.keyHeadersNotTaken());
        assertSame(cause, f.cause());
        assertFalse(f.hasVerdict());
        // the original is untouched
        assertEquals(-1, base.httpStatus());
        assertNull(base.operationId());
        assertFalse(base.mayHaveReachedStore());
    }

    @Test
    void theErrorsAreACopyThatCannotChange() {
        List<String> errors = new ArrayList<>(Arrays.asList("a"));
        Failure f = Failure.of(StoreException.Kind.OPERATION_FAILED, Failure.Request.UPLOAD_STATUS)
                .store(null, null, errors);
        errors.add("b");
        assertEquals(Arrays.asList("a"), f.errors());
        assertThrows(UnsupportedOperationException.class, () -> f.errors().add("c"));
    }

    @Test
    void anUnknownOperationIsAJsonOrEmpty404ToAStatusRequest() {
        Failure json = Failure.of(StoreException.Kind.HTTP, Failure.Request.PUBLISH_STATUS).answer(404, false)
                .operation("op", null);
        assertTrue(json.unknownOperation());
        assertFalse(json.answer(404, true).unknownOperation(), "an HTML page is the front door");
        assertFalse(json.request(Failure.Request.UPLOAD).unknownOperation(), "not a status request");
        assertFalse(json.answer(410, false).unknownOperation());
    }

    @Test
    void aVerdictCarriesTheStoresWords() {
        OperationStatus s = new OperationStatus("op", OperationState.FAILED, "Failed", "msg", "InProgressSubmission",
                Arrays.asList("e"), null, null);
        Failure f = Failure.verdict(OperationKind.PUBLISH, "op", s, Failure.Verdict.FAILED);
        assertEquals(Failure.Request.PUBLISH_STATUS, f.request());
        assertTrue(f.hasVerdict());
        assertEquals("InProgressSubmission", f.errorCode());
        assertEquals("msg", f.storeMessage());
        assertEquals(Arrays.asList("e"), f.errors());
        assertSame(s, f.status());
    }
}
