package io.github.edgeaddons.pkg;

/**
 * The extension package fails a local check. The message is meant to be shown to the user as is
 * (as a Maven build failure): it names the file, says what is wrong and what to do.
 */
public final class InvalidPackageException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidPackageException(String message) {
        super(message);
    }
}
