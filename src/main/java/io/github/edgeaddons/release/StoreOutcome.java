package io.github.edgeaddons.release;

import java.util.Objects;

/**
 * How one store's part of a release ended, for the deploy's summary: one line per store. The detail is a
 * fact in a few words (a version and state, the store's own words, why it was skipped), never a secret; a
 * failure's whole message has already been logged when the outcome is made.
 */
public final class StoreOutcome {
    /** What the summary line says after the store's name. */
    public enum Result {
        /** Sent, and the store took it (published, submitted for review, staged...). */
        RELEASED("released"),
        /** The store already has this release (Edge's NoModulesUpdated, AMO's existing version...): not an error. */
        ALREADY_RELEASED("already released"),
        /** Not released, on purpose (a review in progress under a skip setting...): not an error. */
        SKIPPED("skipped"),
        /** A dry run: nothing sent. */
        DRY_RUN("dry run"),
        /** The store refused, or the release could not finish: the build fails. */
        FAILED("failed");

        private final String words;

        Result(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    private final String store;
    private final Result result;
    private final String detail;

    private StoreOutcome(String store, Result result, String detail) {
        this.store = Objects.requireNonNull(store, "store");
        this.result = Objects.requireNonNull(result, "result");
        this.detail = detail;
    }

    public static StoreOutcome released(String store, String detail) {
        return new StoreOutcome(store, Result.RELEASED, detail);
    }

    public static StoreOutcome alreadyReleased(String store, String storeWords) {
        return new StoreOutcome(store, Result.ALREADY_RELEASED, storeWords);
    }

    public static StoreOutcome skipped(String store, String why) {
        return new StoreOutcome(store, Result.SKIPPED, why);
    }

    public static StoreOutcome dryRun(String store) {
        return new StoreOutcome(store, Result.DRY_RUN, null);
    }

    public static StoreOutcome failed(String store, String why) {
        return new StoreOutcome(store, Result.FAILED, why);
    }

    /** The store's name as the summary prints it: {@code Edge}, {@code Chrome Web Store}, {@code Firefox Add-ons}. */
    public String store() {
        return store;
    }

    public Result result() {
        return result;
    }

    /** A few words after the result (may be null). */
    public String detail() {
        return detail;
    }

    public boolean failed() {
        return result == Result.FAILED;
    }

    @Override
    public String toString() {
        return StoreReleases.line(this);
    }
}
