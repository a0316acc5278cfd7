package io.github.edgeaddons.pkg.checks;

import java.util.Objects;

/** One rule broken at one place: the facts tests assert, and the sentence users read. Immutable. */
public final class Finding {
    private final Rule rule;
    private final Severity severity;
    private final String file;
    private final int line;
    private final String message;

    Finding(Rule rule, Severity severity, String file, int line, String message) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.message = Objects.requireNonNull(message, "message");
    }

    public Rule rule() {
        return rule;
    }

    public Severity severity() {
        return severity;
    }

    /** The file inside the zip the finding is about, e.g. {@code manifest.json} or {@code secrets/.env}. */
    public String file() {
        return file;
    }

    /** The line in {@link #file()} (manifest.json only), or 0. */
    public int line() {
        return line;
    }

    /** What is wrong and what to do. */
    public String message() {
        return message;
    }

    /** {@code manifest.json:7: error MISSING_FILE: ...}, the shape compilers and linters print. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + severity.label() + " " + rule.code() + ": " + message;
    }
}
