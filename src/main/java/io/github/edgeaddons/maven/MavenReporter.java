package io.github.edgeaddons.maven;

import io.github.edgeaddons.client.Reporter;
import java.io.PrintStream;
import java.util.Locale;
import org.apache.maven.plugin.logging.Log;

/**
 * The client's reports in the build log. In batch mode the log stays line-oriented; in an interactive
 * terminal the upload shows its progress on one updating line, as Maven shows transfers.
 */
final class MavenReporter implements Reporter {
    private final Log log;
    private final boolean interactiveProgress;
    private final PrintStream console;
    private long lastProgressNanos;
    private boolean progressShown;

    MavenReporter(Log log, boolean interactiveProgress, PrintStream console) {
        this.log = log;
        this.interactiveProgress = interactiveProgress;
        this.console = console;
    }

    @Override
    public void info(String message) {
        endProgressLine();
        log.info(message);
    }

    @Override
    public void warn(String message) {
        endProgressLine();
        log.warn(message);
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            endProgressLine();
            log.debug(message);
        }
    }

    /**
     * In batch mode (CI) an INFO line each time; in an interactive terminal the same text on the one updating
     * line, as the upload progress is shown.
     */
    @Override
    public void waiting(String line) {
        if (!interactiveProgress || console == null) {
            info(line);
            return;
        }
        console.print("\r" + line + "   ");
        console.flush();
        progressShown = true;
    }

    @Override
    public void uploadProgress(long sent, long total) {
        if (!interactiveProgress || console == null) {
            return;
        }
        long now = System.nanoTime();
        if (sent < total && now - lastProgressNanos < 200_000_000L) {
            return;
        }
        lastProgressNanos = now;
        console.print(String.format(Locale.ROOT, "\rUploading: %s/%s (%d%%)   ", mb(sent), mb(total),
                total == 0 ? 100 : sent * 100 / total));
        console.flush();
        progressShown = true;
    }

    private void endProgressLine() {
        if (progressShown) {
            console.println();
            progressShown = false;
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
