package io.github.edgeaddons.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the readme-commands and first-contact ITs read README and docs/: sections, blocks, mvn commands. */
class ReadmeCommandsTest {
    private static final String README = String.join("\n",
            "# tool",
            "",
            "## Use it",
            "",
            "### 1. Get it",
            "",
            "```bash",
            "git clone https://example.org/tool.git",
            "mvn -B install      # the plugin",
            "```",
            "",
            "Then `mvn deploy`.",
            "",
            "## Use it again",
            "",
            "```bash",
            "mvn -B install",
            "```",
            "",
            "## Development",
            "",
            "`mvn -B verify` runs the tests.",
            "");

    @Test
    void aSectionEndsAtTheNextHeadingOfItsLevelAndHoldsOnlyItsOwnBlocksAndCommands(@TempDir Path dir)
            throws IOException {
        ReadmeCommands readme = ReadmeCommands.parse(write(dir, "README.md", README));

        ReadmeCommands useIt = readme.section("Use it");

        assertEquals(Collections.singletonList("git clone https://example.org/tool.git\nmvn -B install      # the plugin\n"),
                useIt.blocks("bash"));
        assertEquals(Arrays.asList("mvn -B install", "mvn deploy"), list(useIt.mavenCommands()));
        assertEquals(Collections.singletonList("mvn -B install"), list(readme.section("Use it again").mavenCommands()));
        assertEquals(Collections.singletonList("mvn -B verify"), list(readme.section("Development").mavenCommands()));
        assertThrows(IllegalStateException.class, () -> readme.section("Use"));
        assertThrows(IllegalStateException.class, () -> readme.block("bash", "mvn -B install"),
                "two blocks of README hold the marker");
    }

    @Test
    void theMavenCommandsOfReadmeIncludeThoseOfTheDocsPagesBesideIt(@TempDir Path dir) throws IOException {
        Path readme = write(dir, "README.md", README);
        Files.createDirectories(dir.resolve("docs"));
        write(dir, "docs/B.md", "```bash\nmvn site    # the site\n```\n");
        write(dir, "docs/A.md", "Run `mvn -B release:prepare` first, then `mvn -B verify`.\n");
        write(dir, "docs/notes.txt", "`mvn not-a-page`\n");

        assertEquals(Arrays.asList("mvn -B install", "mvn deploy", "mvn -B verify", "mvn -B release:prepare", "mvn site"),
                list(ReadmeCommands.parse(readme).mavenCommands()));
    }

    private static List<String> list(Set<String> commands) {
        return Arrays.asList(commands.toArray(new String[0]));
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file;
    }
}
