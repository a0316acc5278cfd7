package io.github.edgeaddons.core;

/** The two kinds of long-running operation the store reports on. */
public enum OperationKind {
    UPLOAD("upload"),
    PUBLISH("publish");

    private final String label;

    OperationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
