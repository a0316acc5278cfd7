package io.github.edgeaddons.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.maven.MojoFixtures.CapturingLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.maven.monitor.logging.DefaultLog;
import org.apache.maven.plugin.logging.Log;
import org.codehaus.plexus.logging.Logger;
import org.codehaus.plexus.logging.console.ConsoleLogger;
import org.junit.jupiter.api.Test;

/**
 * Upload progress: one updating line in a terminal, nothing in batch mode (-B), under -q, under -T, or
 * without a terminal; sizes in KB for small zips.
 */
class MavenReporterTest {

    @Test
    void interactiveUploadShowsProgressOnOneLine() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        CapturingLog log = new CapturingLog();
        MavenReporter r = new MavenReporter(log, true, new PrintStream(console, true));
        r.uploadProgress(0, 4 * 1024 * 1024);
        r.uploadProgress(4 * 1024 * 1024, 4 * 1024 * 1024);
        r.info("Uploaded");
        String out = new String(console.toByteArray(), StandardCharsets.UTF_8);
        assertTrue(out.startsWith("\rUploading: 0.0 MB/4.0 MB (0%)"), out);
        assertTrue(out.contains("\rUploading: 4.0 MB/4.0 MB (100%)"), out);
        assertTrue(out.endsWith(System.lineSeparator()), "the progress line is ended before the next log line");
        log.assertContains("Uploaded");
    }

    @Test
    void batchModeStaysQuietAndLineOriented() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        CapturingLog log = new CapturingLog();
        MavenReporter r = new MavenReporter(log, false, new PrintStream(console, true));
        for (int i = 0; i <= 100; i++) {
            r.uploadProgress(i * 1024L, 100 * 1024L);
        }
        r.info("Uploaded");
        assertEquals(0, console.size(), "no progress output in batch mode");
        assertEquals(1, log.lines.size());
    }

    @Test
    void aWaitLineIsAnInfoLineInBatchModeAndTheUpdatingLineInATerminal() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        CapturingLog batchLog = new CapturingLog();
        new MavenReporter(batchLog, false, new PrintStream(console, true)).waiting("Still waiting: InProgress");
        assertEquals(0, console.size());
        batchLog.assertContains("Still waiting: InProgress");

        CapturingLog log = new CapturingLog();
        MavenReporter terminal = new MavenReporter(log, true, new PrintStream(console, true));
        terminal.waiting("Still waiting: InProgress, 30s waited");
        terminal.info("Submission accepted");
        String out = new String(console.toByteArray(), StandardCharsets.UTF_8);
        assertTrue(out.startsWith("\rStill waiting: InProgress, 30s waited"), out);
        assertTrue(out.endsWith(System.lineSeparator()), "the line is ended before the next log line");
        assertEquals(1, log.lines.size(), "only the info line reached the log: " + log.lines);
    }

    @Test
    void smallZipShowsKilobytes() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        MavenReporter r = new MavenReporter(new CapturingLog(), true, new PrintStream(console, true));
        r.uploadProgress(0, 340 * 1024);
        r.uploadProgress(340 * 1024, 340 * 1024);
        String out = new String(console.toByteArray(), StandardCharsets.UTF_8);
        assertTrue(out.startsWith("\rUploading: 0.0 KB/340.0 KB (0%)"), out);
        assertTrue(out.contains("\rUploading: 340.0 KB/340.0 KB (100%)"), out);
        assertFalse(out.contains("MB"), out);
        assertEquals("1.5 MB", io.github.edgeaddons.config.Text.size(1536 * 1024, 1536 * 1024));
        assertEquals("0.5 MB", io.github.edgeaddons.config.Text.size(512 * 1024, 1536 * 1024), "the unit follows the total");
    }

    @Test
    void quietParallelOrBatchBuildsGetNoProgressLine() {
        // Maven's own log types: what a mojo is given at the default level, and under -q (errors only)
        Log normal = new DefaultLog(new ConsoleLogger(Logger.LEVEL_INFO, "edge"));
        Log quiet = new DefaultLog(new ConsoleLogger(Logger.LEVEL_ERROR, "edge"));
        assertTrue(normal.isInfoEnabled());
        assertFalse(quiet.isInfoEnabled());

        assertFalse(MavenReporter.progressLine(true, quiet.isInfoEnabled(), false, System.console()), "-q");
        assertFalse(MavenReporter.progressLine(true, normal.isInfoEnabled(), true, System.console()), "-T");
        assertFalse(MavenReporter.progressLine(false, normal.isInfoEnabled(), false, System.console()), "-B");
        assertFalse(MavenReporter.progressLine(true, normal.isInfoEnabled(), false, null), "no console");
    }

    @Test
    void aConsoleThatIsNotATerminalGetsNoProgressLine() {
        // The tests' JVM has its streams redirected: no terminal. On JDK 22+ System.console() may still
        // return a Console here; Console.isTerminal() says false, and so must the reporter.
        assertFalse(MavenReporter.isTerminal(System.console()));
        assertFalse(MavenReporter.progressLine(true, true, false, System.console()));
        assertFalse(MavenReporter.isTerminal(null));
    }
}
