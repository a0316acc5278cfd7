package io.github.edgeaddons.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * How a simulated operation ends, and when. Immutable: the modifiers ({@link #afterPolls(int)},
 * {@link #after(Duration)}, {@link #message(String)}, {@link #nullTimes()}) return a new instance.
 *
 * <p>By default an operation answers {@code InProgress} to the first status GET and its terminal
 * status from the second on ({@code afterPolls(1)}).
 */
public final class Outcome {

    /** The generic message the live service answers for an unexpected failure. */
    public static final String GENERIC_FAILURE_MESSAGE = "An error occurred while performing the operation";

    /** One element of the {@code errors} array. */
    public static final class ErrorItem {
        private final boolean object;
        private final String id;
        private final String message;

        ErrorItem(boolean object, String id, String message) {
            this.object = object;
            this.id = id;
            this.message = message;
        }

        /** True when rendered as {@code {"message": ...}} (or with an id), false for a plain string. */
        public boolean isObject() {
            return object;
        }

        /** The {@code id} of an error object (legacy vocabulary), or null. */
        public String id() {
            return id;
        }

        public String message() {
            return message;
        }
    }

    private final boolean success;
    private final boolean idAndMessageOnly;
    private final String errorCode;
    private final boolean messageSet;
    private final String message;
    private final List<ErrorItem> errors; // null renders JSON null
    private final int polls;              // used when after == null
    private final Duration after;         // null: poll-based
    private final boolean nullTimes;

    private Outcome(boolean success, boolean idAndMessageOnly, String errorCode, boolean messageSet, String message,
            List<ErrorItem> errors, int polls, Duration after, boolean nullTimes) {
        this.success = success;
        this.idAndMessageOnly = idAndMessageOnly;
        this.errorCode = errorCode;
        this.messageSet = messageSet;
        this.message = message;
        this.errors = errors;
        this.polls = polls;
        this.after = after;
        this.nullTimes = nullTimes;
    }

    /** The operation succeeds, with the default message for its kind. */
    public static Outcome succeeded() {
        return new Outcome(true, false, null, false, null, null, 1, null, false);
    }

    /**
     * The operation fails. {@code errorCode} may be null (rendered as JSON null). Each error is
     * rendered as a JSON string ({@code String.valueOf}); no errors (or a null array) renders
     * {@code "errors": null}.
     */
    public static Outcome failed(String errorCode, String message, Object... errors) {
        List<ErrorItem> items = null;
        if (errors != null && errors.length > 0) {
            items = new ArrayList<>();
            for (Object e : errors) {
                items.add(new ErrorItem(false, null, String.valueOf(e)));
            }
            items = Collections.unmodifiableList(items);
        }
        return new Outcome(false, false, errorCode, true, message, items, 1, null, false);
    }

    /** The operation fails with errors rendered as {@code [{"message": "..."}, ...]}. */
    public static Outcome failedWithErrorObjects(String errorCode, String message, String... errorMessages) {
        List<ErrorItem> items = null;
        if (errorMessages != null && errorMessages.length > 0) {
            items = new ArrayList<>();
            for (String m : errorMessages) {
                items.add(new ErrorItem(true, null, m));
            }
            items = Collections.unmodifiableList(items);
        }
        return new Outcome(false, false, errorCode, true, message, items, 1, null, false);
    }

    /** The terminal status body carries ONLY {@code id} and {@code message} (no status field). */
    public static Outcome failedIdAndMessageOnly(String message) {
        return new Outcome(false, true, null, true, message, null, 1, null, false);
    }

    /** {@code Failed}, {@code errorCode: null}, {@code errors: null} and the generic message (seen live). */
    public static Outcome genericFailure() {
        return failed(null, GENERIC_FAILURE_MESSAGE);
    }

    /** Answer InProgress to the first {@code n} status GETs, then terminal ({@code n = 0}: terminal at once). */
    public Outcome afterPolls(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("polls must be >= 0: " + n);
        }
        return new Outcome(success, idAndMessageOnly, errorCode, messageSet, message, errors, n, null, nullTimes);
    }

    /** Answer InProgress until {@code d} after the operation was created, then terminal. */
    public Outcome after(Duration d) {
        Objects.requireNonNull(d, "duration");
        if (d.isNegative()) {
            throw new IllegalArgumentException("negative duration: " + d);
        }
        return new Outcome(success, idAndMessageOnly, errorCode, messageSet, message, errors, polls, d, nullTimes);
    }

    /** Replace the terminal message (null renders {@code "message": null}). */
    public Outcome message(String newMessage) {
        return new Outcome(success, idAndMessageOnly, errorCode, true, newMessage, errors, polls, after, nullTimes);
    }

    /** Render {@code createdTime} and {@code lastUpdatedTime} as null (seen live). */
    public Outcome nullTimes() {
        return new Outcome(success, idAndMessageOnly, errorCode, messageSet, message, errors, polls, after, true);
    }

    public boolean isSuccess() {
        return success;
    }

    public boolean isIdAndMessageOnly() {
        return idAndMessageOnly;
    }

    public String errorCode() {
        return errorCode;
    }

    /** True when the message was set explicitly (otherwise the kind's default success message is used). */
    public boolean hasMessage() {
        return messageSet;
    }

    public String message() {
        return message;
    }

    /** The errors, or null. */
    public List<ErrorItem> errors() {
        return errors;
    }

    /** InProgress answers before terminal (meaningful when {@link #delay()} is null). */
    public int polls() {
        return polls;
    }

    /** Time-based completion, or null when poll-based. */
    public Duration delay() {
        return after;
    }

    public boolean isNullTimes() {
        return nullTimes;
    }

    @Override
    public String toString() {
        return "Outcome[" + (success ? "succeeded" : "failed " + errorCode) + ", "
                + (after != null ? "after " + after : "afterPolls " + polls) + "]";
    }
}
