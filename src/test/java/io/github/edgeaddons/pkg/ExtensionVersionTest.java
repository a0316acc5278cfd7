package io.github.edgeaddons.pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExtensionVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "1.2", "1.2.3", "1.2.3.4", "65535.0.0.1", "1.10", "0.0.0.0", "65535.65535.65535.65535",
        "10.0.100"})
    void validVersions(String version) {
        assertTrue(ExtensionVersion.isValid(version), version);
        assertNull(ExtensionVersion.problem(version), version);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.2.3.4.5 | 5 parts",
        "01.2      | part '01' has a leading zero",
        "1.070     | part '070' has a leading zero",
        "1.00      | part '00' has a leading zero",
        "65536     | part '65536' is greater than 65535",
        "1.9999999999 | part '9999999999' is greater than 65535",
        "1..2      | empty part",
        ".1        | empty part",
        "1.2.      | empty part",
        "-1        | part '-1' is not a whole number",
        "+1        | part '+1' is not a whole number",
        "1.2a      | part '2a' is not a whole number",
        "v1.2      | part 'v1' is not a whole number",
        "1.2-beta  | part '2-beta' is not a whole number",
        "'1. 2'    | whitespace",
        "' 1.2'    | whitespace",
        "'1.2\t'   | whitespace",
        "'١.٢'     | not a whole number",
    })
    void invalidVersions(String version, String expectedProblem) {
        assertFalse(ExtensionVersion.isValid(version), version);
        String problem = ExtensionVersion.problem(version);
        assertNotNull(problem, version);
        assertTrue(problem.contains(expectedProblem), "problem for '" + version + "' was: " + problem);
    }

    @Test
    void emptyAndNull() {
        assertEquals("it is empty", ExtensionVersion.problem(""));
        assertFalse(ExtensionVersion.isValid(""));
        assertFalse(ExtensionVersion.isValid(null));
        assertNotNull(ExtensionVersion.problem(null));
    }

    @ParameterizedTest
    @CsvSource({"1.2.3,1.2.3", "1.2.3.4,1.2.3.4", "1.2.3-SNAPSHOT,1.2.3", "1.2.3-beta-2,1.2.3", "2.0.RC1,2.0",
            "7-SNAPSHOT,7"})
    void storeFormKeepsTheLeadingNumbers(String maven, String expected) {
        assertEquals(expected, ExtensionVersion.storeForm(maven));
        assertEquals(!maven.equals(expected), ExtensionVersion.hasQualifier(maven), maven);
    }

    @ParameterizedTest
    @ValueSource(strings = {"beta", "1.0a", "1.2.3.4.5-SNAPSHOT", "01.2-beta", "70000.1", "-1", ""})
    void storeFormIsNullWithoutLeadingStoreNumbers(String maven) {
        assertNull(ExtensionVersion.storeForm(maven), maven);
        assertFalse(ExtensionVersion.hasQualifier(maven), maven);
    }
}
