package io.github.edgeaddons.maven;

import org.apache.maven.plugin.logging.Log;

/**
 * A log whose lines start with {@code [artifactId]}: in a parallel build ({@code -T}) the lines of two
 * modules interleave, and two extensions released in one build must be told apart.
 */
final class ModuleLog implements Log {
    private final Log log;
    private final String prefix;

    ModuleLog(Log log, String module) {
        this.log = log;
        this.prefix = "[" + module + "] ";
    }

    private CharSequence named(CharSequence content) {
        return content == null ? prefix : prefix + content;
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public void debug(CharSequence content) {
        log.debug(named(content));
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        log.debug(named(content), error);
    }

    @Override
    public void debug(Throwable error) {
        log.debug(prefix, error);
    }

    @Override
    public boolean isInfoEnabled() {
        return log.isInfoEnabled();
    }

    @Override
    public void info(CharSequence content) {
        log.info(named(content));
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        log.info(named(content), error);
    }

    @Override
    public void info(Throwable error) {
        log.info(prefix, error);
    }

    @Override
    public boolean isWarnEnabled() {
        return log.isWarnEnabled();
    }

    @Override
    public void warn(CharSequence content) {
        log.warn(named(content));
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        log.warn(named(content), error);
    }

    @Override
    public void warn(Throwable error) {
        log.warn(prefix, error);
    }

    @Override
    public boolean isErrorEnabled() {
        return log.isErrorEnabled();
    }

    @Override
    public void error(CharSequence content) {
        log.error(named(content));
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        log.error(named(content), error);
    }

    @Override
    public void error(Throwable error) {
        log.error(prefix, error);
    }
}
