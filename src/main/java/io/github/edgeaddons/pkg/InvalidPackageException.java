package io.github.edgeaddons.pkg;

import io.github.edgeaddons.pkg.checks.CheckReport;

/**
 * The extension package fails a local check. The message is meant to be shown to the user as is
 * (as a Maven build failure): it names the file, says what is wrong and what to do. When the package rules
 * failed it, {@link #report()} holds every finding.
 */
public final class InvalidPackageException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient CheckReport report;

    public InvalidPackageException(String message) {
        this(message, null);
    }

    public InvalidPackageException(String message, CheckReport report) {
        super(message);
        this.report = report;
    }

    /** The package rules' findings when they failed the package, else null (a basic check failed). */
    public CheckReport report() {
        return report;
    }
}
