package io.github.edgeaddons.core;

/** Where the client reports what it does; the Maven side adapts this to the build log. Never given secrets. */
public interface Reporter {
    void info(String message);

    void warn(String message);

    void debug(String message);

    /**
     * A line about a wait in progress (state, time waited, time left), about every 30 s, so a CI log never
     * sits silent; by default an info line.
     */
    default void waiting(String line) {
        info(line);
    }

    /** Bytes of the package sent so far; called often, implementations throttle their output. */
    default void uploadProgress(long sent, long total) {}

    Reporter SILENT = new Reporter() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void debug(String message) {}
    };
}
