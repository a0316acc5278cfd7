package io.github.edgeaddons.maven;

import static io.github.edgeaddons.maven.MojoFixtures.API_KEY;
import static io.github.edgeaddons.maven.MojoFixtures.CLIENT_ID;
import static io.github.edgeaddons.maven.MojoFixtures.PRODUCT_ID;
import static io.github.edgeaddons.maven.MojoFixtures.captureLog;
import static io.github.edgeaddons.maven.MojoFixtures.server;
import static io.github.edgeaddons.maven.MojoFixtures.settingsWith;
import static io.github.edgeaddons.maven.MojoFixtures.validZip;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.maven.MojoFixtures.CapturingLog;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a goal prints in a parallel build (-T): each line names its module; failures end without a line break. */
@MojoTest
class ConsoleOutputTest {
    private static final String POM = "classpath:/unit/defaults/pom.xml";

    @TempDir
    Path dir;

    /** A real session of a build run with -T 2, as Maven's CLI sets it up. */
    @SuppressWarnings("deprecation")
    private static MavenSession parallelSession() {
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setDegreeOfConcurrency(2);
        MavenSession session = new MavenSession(null, null, request, new DefaultMavenExecutionResult());
        session.setParallel(true);
        return session;
    }

    private CapturingLog prepare(UploadMojo mojo, MavenSession session) throws Exception {
        setVariableValueToObject(mojo, "settings", settingsWith(server("edge-addons", CLIENT_ID, API_KEY)));
        setVariableValueToObject(mojo, "project", MojoFixtures.project("defaults-extension", null));
        setVariableValueToObject(mojo, "file", validZip(dir.resolve("ext.zip")).toFile());
        if (session != null) {
            setVariableValueToObject(mojo, "session", session);
        }
        return captureLog(mojo);
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    void parallelBuildNamesTheModuleOnEveryLine(UploadMojo mojo) throws Exception {
        CapturingLog log = prepare(mojo, parallelSession());

        mojo.execute();

        assertTrue(log.lines.size() > 2, log.text());
        for (String line : log.lines) {
            if (line.startsWith("[INFO]") || line.startsWith("[WARN]")) {
                assertTrue(line.matches("\\[\\w+] \\[defaults-extension] .*"), "no module name in: " + line);
            }
        }
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = PRODUCT_ID)
    @MojoParameter(name = "dryRun", value = "true")
    void sequentialBuildKeepsLinesAsTheyAre(UploadMojo mojo) throws Exception {
        CapturingLog log = prepare(mojo, null);

        mojo.execute();

        log.assertContains("POST ");
        log.assertNotContains("[defaults-extension]");
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    @MojoParameter(name = "productId", value = "not-a-guid")
    void failureMessagesEndWithoutALineBreak(UploadMojo mojo) throws Exception {
        prepare(mojo, null);

        String message = assertThrows(MojoFailureException.class, mojo::execute).getMessage();

        assertTrue(message.contains("not-a-guid"), message);
        assertEquals(message.trim(), message, "Maven appends \" -> [Help 1]\" right after the message");
        assertEquals("The store said no.\n  error: x",
                AbstractEdgeMojo.endTrimmed("The store said no.\n  error: x" + System.lineSeparator() + "\n "));
        assertFalse(AbstractEdgeMojo.endTrimmed("a\r\n").endsWith("\r"));
    }
}
