package io.github.edgeaddons.sim;

/** Which status words the simulator answers in operation status bodies. */
public enum Vocabulary {
    /** Current reference: {@code InProgress} / {@code Succeeded} / {@code Failed}. */
    MODERN,
    /**
     * The 2021 proposal: upload {@code IN-PROGRESS} / {@code SUCCESS} / {@code FAILED} (errors as
     * {@code [{"id": ..., "message": ...}]}); publish {@code IN-PROGRESS} while pending, then
     * {@code IN-REVIEW} (success), {@code NOTHING-TO-PUBLISH}, {@code CONFLICT} or {@code FAILED}.
     */
    LEGACY_2021
}
