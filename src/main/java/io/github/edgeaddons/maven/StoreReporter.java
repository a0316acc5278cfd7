package io.github.edgeaddons.maven;

import io.github.edgeaddons.core.Reporter;

/**
 * The reporter of a store released on a thread of its own beside others (the multi-store deploy): every line
 * starts with the store's name in brackets, since the stores' lines interleave; no progress line, which
 * would fight the other stores' lines for the console's last row.
 */
final class StoreReporter implements Reporter {
    private final Reporter log;
    private final String prefix;

    StoreReporter(Reporter log, String store) {
        this.log = log;
        this.prefix = "[" + store + "] ";
    }

    @Override
    public void info(String message) {
        log.info(prefixed(message));
    }

    @Override
    public void warn(String message) {
        log.warn(prefixed(message));
    }

    @Override
    public void debug(String message) {
        log.debug(prefixed(message));
    }

    @Override
    public void waiting(String line) {
        log.info(prefixed(line));
    }

    /** Each line of a message prefixed, so that a multi-line error stays attributable. */
    private String prefixed(String message) {
        if (message == null) {
            return prefix;
        }
        return prefix + message.replace(System.lineSeparator(), System.lineSeparator() + prefix);
    }
}
