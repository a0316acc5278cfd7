package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.MalformedAnswerException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class OperationLocationTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "6d1b2a7c-0000-4a4a-9d9d-1234567890ab",
        "/v1/products/d34f98f5-f9b7-42b1-bebb-98707202b21d/submissions/draft/package/operations/6d1b2a7c-0000-4a4a-9d9d-1234567890ab",
        "/products/d34f98f5-f9b7-42b1-bebb-98707202b21d/submissions/operations/6d1b2a7c-0000-4a4a-9d9d-1234567890ab",
        "https://api.addons.microsoftedge.microsoft.com/v1/products/p/submissions/operations/6d1b2a7c-0000-4a4a-9d9d-1234567890ab",
        "https://api.addons.microsoftedge.microsoft.com/v1/products/p/submissions/operations/6d1b2a7c-0000-4a4a-9d9d-1234567890ab/",
        "/v1/products/p/submissions/operations/6d1b2a7c-0000-4a4a-9d9d-1234567890ab?api-version=1.1",
        "  6d1b2a7c-0000-4a4a-9d9d-1234567890ab  "
    })
    void takesTheLastPathSegmentOfEveryShape(String location) throws MalformedAnswerException {
        assertEquals("6d1b2a7c-0000-4a4a-9d9d-1234567890ab", OperationLocation.operationId(location));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "/", "https://host/", "https://host/a b", "op id with spaces"})
    void refusesLocationsWithoutAnId(String location) {
        assertThrows(MalformedAnswerException.class, () -> OperationLocation.operationId(location));
    }
}
