package io.github.edgeaddons.pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ManifestVersionTest {

    @Test
    void replacesOnlyTheVersionValueKeepingFormatting() throws Exception {
        String in = "{\n  \"manifest_version\": 3,\n  \"name\": \"Hi\",\n  \"version\" :  \"0.0.1\", // any\n"
                + "  \"action\": {\"version\": \"nested stays\"}\n}\n";
        String out = ManifestVersion.write(in, "1.2.3", "1.2.3");
        assertEquals(in.replace("\"0.0.1\"", "\"1.2.3\""), out);
    }

    @Test
    void aQualifierGoesToVersionNameAfterVersionWithTheSameLayout() throws Exception {
        String in = "{\n    \"name\": \"Hi\",\n    \"version\": \"9\",\n    \"manifest_version\": 3\n}";
        String out = ManifestVersion.write(in, "1.2.3", "1.2.3-beta");
        assertEquals("{\n    \"name\": \"Hi\",\n    \"version\": \"1.2.3\",\n    \"version_name\": \"1.2.3-beta\",\n"
                + "    \"manifest_version\": 3\n}", out);
    }

    @Test
    void anExistingVersionNameBeforeVersionIsReplacedEvenWithoutQualifier() throws Exception {
        String in = "{\"version_name\": \"old name\", \"name\": \"x\", \"version\": \"1\"}";
        assertEquals("{\"version_name\": \"2.0\", \"name\": \"x\", \"version\": \"2.0\"}",
                ManifestVersion.write(in, "2.0", "2.0"));
    }

    @Test
    void aMissingVersionIsAddedFirst() throws Exception {
        String in = "\uFEFF{\n  /* c */ \"name\": \"x\",\n  \"manifest_version\": 3\n}";
        String out = ManifestVersion.write(in, "1.0.0", "1.0.0-SNAPSHOT");
        assertTrue(out.startsWith("\uFEFF{"), out);
        assertTrue(out.startsWith("\uFEFF{\"version\": \"1.0.0\", \"version_name\": \"1.0.0-SNAPSHOT\","), out);
        assertTrue(out.endsWith("/* c */ \"name\": \"x\",\n  \"manifest_version\": 3\n}"), out);
        assertEquals("{\"version\": \"3\"}", ManifestVersion.write("{}", "3", "3"));
    }

    @Test
    void keysWithEscapesAndStringsWithBracesAreRead() throws Exception {
        String in = "{\"desc\": \"a } \\\" { [\", \"arr\": [1, {\"version\": 2}], \"ver\\u0073ion\": \"0\"}";
        assertEquals("{\"desc\": \"a } \\\" { [\", \"arr\": [1, {\"version\": 2}], \"ver\\u0073ion\": \"4.5\"}",
                ManifestVersion.write(in, "4.5", "4.5"));
    }

    @Test
    void notAnObjectIsReported() {
        InvalidPackageException e = assertThrows(InvalidPackageException.class,
                () -> ManifestVersion.write("[1, 2]", "1", "1"));
        assertTrue(e.getMessage().contains("manifest.json is not a JSON object"), e.getMessage());
        assertThrows(InvalidPackageException.class, () -> ManifestVersion.write("{\"name\": \"x\"", "1", "1"));
    }
}
