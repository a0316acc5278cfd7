package io.github.edgeaddons.maven;

import io.github.edgeaddons.config.Text;
import io.github.edgeaddons.core.Reporter;
import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Locale;
import org.apache.maven.plugin.logging.Log;

/**
 * The client's reports in the build log. In batch mode the log stays line-oriented; in an interactive
 * terminal the upload shows its progress on one updating line, as Maven shows transfers. No such line under
 * {@code -q}, in a parallel build ({@code -T}, where lines of several modules interleave), or when the
 * console is not a terminal.
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
        console.print(String.format(Locale.ROOT, "\rUploading: %s/%s (%d%%)   ", Text.size(sent, total),
                Text.size(total), total == 0 ? 100 : sent * 100 / total));
        console.flush();
        progressShown = true;
    }

    /**
     * Whether the upload may show its one updating line: an interactive build (not {@code -B}) that logs
     * INFO (not {@code -q}), runs one module at a time (not {@code -T}), and has a terminal.
     */
    static boolean progressLine(boolean interactiveMode, boolean infoEnabled, boolean parallel, Console console) {
        return interactiveMode && infoEnabled && !parallel && isTerminal(console);
    }

    /**
     * From JDK 22 {@code System.console()} also exists when the streams are redirected; only
     * {@code Console.isTerminal()} (JDK 22+, called reflectively: this code targets 11) tells. Before 22 a
     * console exists only for a terminal.
     */
    static boolean isTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private void endProgressLine() {
        if (progressShown) {
            console.println();
            progressShown = false;
        }
    }
}
