package io.github.edgeaddons.core;

/** The store answered something this client cannot read (empty, not JSON, no status, no Location). */
public final class MalformedAnswerException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedAnswerException(String message) {
        super(message);
    }
}
