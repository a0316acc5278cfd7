package io.github.edgeaddons.sim;

import java.time.Instant;

/** Snapshot of one upload or publish operation the simulator created. */
public final class Operation {

    /** Which POST created the operation. */
    public enum Kind {
        UPLOAD, PUBLISH
    }

    private final String id;
    private final Kind kind;
    private final String productId;
    private final Instant created;
    private final Instant terminalAt;
    private final String status;
    private final String errorCode;
    private final boolean succeeded;
    private final boolean terminal;
    private final int polls;

    Operation(String id, Kind kind, String productId, Instant created, Instant terminalAt, String status,
            String errorCode, boolean succeeded, boolean terminal, int polls) {
        this.id = id;
        this.kind = kind;
        this.productId = productId;
        this.created = created;
        this.terminalAt = terminalAt;
        this.status = status;
        this.errorCode = errorCode;
        this.succeeded = succeeded;
        this.terminal = terminal;
        this.polls = polls;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String productId() {
        return productId;
    }

    public Instant created() {
        return created;
    }

    /**
     * When the operation became (or becomes) terminal: for {@code afterPolls(n)} the instant of the
     * status GET that first answered terminal (null until then); for {@code after(d)} created + d.
     */
    public Instant terminalAt() {
        return terminalAt;
    }

    /**
     * The final status word, in the vocabulary the operation was created with ({@code Succeeded},
     * {@code Failed}, {@code SUCCESS}, {@code IN-REVIEW}, {@code CONFLICT}, ...), even while still in
     * progress; see {@link #terminal()}. For an id+message-only failure: {@code Failed} / {@code FAILED}.
     */
    public String status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public boolean succeeded() {
        return succeeded;
    }

    /** Whether the operation had reached its terminal state when this snapshot was taken. */
    public boolean terminal() {
        return terminal;
    }

    /** Status GETs answered for this operation so far (faulted requests not counted). */
    public int polls() {
        return polls;
    }

    @Override
    public String toString() {
        return "Operation[" + kind + " " + id + " " + status + (terminal ? "" : " (pending)") + "]";
    }
}
