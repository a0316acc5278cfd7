package io.github.edgeaddons.pkg.checks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * README's table of checks is {@link Rule} rendered: every code, what it checks, its severity per store and why
 * the store cares. Regenerate with {@code mvn test -Dtest=ChecksTableTest -DupdateDocs}.
 */
class ChecksTableTest {
    private static final Path README = Paths.get("README.md");
    static final String BEGIN = "<!-- checks table: generated from pkg/checks/Rule.java by ChecksTableTest -->\n";
    static final String END = "<!-- end of the checks table -->\n";

    static String render() {
        StringBuilder md = new StringBuilder("| code | what | Edge | Chrome | Firefox | why the store cares |\n"
                + "|---|---|---|---|---|---|\n");
        for (Rule r : Rule.values()) {
            md.append("| `").append(r.code()).append("` | ").append(cell(r.what()));
            for (Store s : Store.values()) {
                Severity severity = r.severity(s);
                md.append(" | ").append(severity == Severity.OFF ? "-" : severity.label());
            }
            md.append(" | ").append(cell(r.why())).append(" |\n");
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;");
    }

    @Test
    void readmeListsEveryCheckAsRuleDefinesIt() throws Exception {
        assertEquals("EDGE CHROME FIREFOX", String.join(" ",
                java.util.Arrays.stream(Store.values()).map(Enum::name).toArray(String[]::new)), "the table's columns");
        String readme = new String(Files.readAllBytes(README), UTF_8);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "README has no checks table between the markers");
        String expected = render();
        if (System.getProperty("updateDocs") != null) {
            readme = readme.substring(0, begin + BEGIN.length()) + expected + readme.substring(end);
            Files.write(README, readme.getBytes(UTF_8));
            return;
        }
        assertEquals(expected, readme.substring(begin + BEGIN.length(), end),
                "README's table of checks is out of date: run mvn test -Dtest=ChecksTableTest -DupdateDocs");
    }
}
