package io.github.edgeaddons.release;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The multi-store deploy: every store's release on a thread of its own, so that a release to three stores
 * takes about as long as the slowest store, not the sum; and the summary of one line per store that ends
 * the build. The one place where the summary is worded.
 */
public final class StoreReleases {
    /** The stores' names, as the summary and their log lines print them. */
    public static final String EDGE = "Edge";
    public static final String CHROME = "Chrome Web Store";
    public static final String FIREFOX = "Firefox Add-ons";
    private StoreReleases() {}

    /** Releases started by {@link #start}; {@link #join} waits for all of them. */
    public static final class Running {
        private final List<StoreRelease> releases;
        private final List<Future<StoreOutcome>> outcomes;

        private Running(List<StoreRelease> releases, List<Future<StoreOutcome>> outcomes) {
            this.releases = releases;
            this.outcomes = outcomes;
        }

        /** The stores' names, in the order given to {@link #start}. */
        public List<String> stores() {
            List<String> names = new ArrayList<>();
            for (StoreRelease r : releases) {
                names.add(r.store());
            }
            return names;
        }

        /**
         * Waits for every release and returns their outcomes in the order given to {@link #start}. A release
         * that threw (a bug: {@link StoreRelease#run} returns its failures) counts as failed, with the
         * exception's class and message.
         */
        public List<StoreOutcome> join() {
            List<StoreOutcome> result = new ArrayList<>();
            boolean interrupted = false;
            for (int i = 0; i < outcomes.size(); i++) {
                String store = releases.get(i).store();
                while (true) {
                    try {
                        result.add(outcomes.get(i).get());
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true; // finish waiting: the releases must not be abandoned half-way
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause() == null ? e : e.getCause();
                        result.add(StoreOutcome.failed(store, "unexpected " + cause.getClass().getSimpleName()
                                + (cause.getMessage() == null ? "" : ": " + cause.getMessage())));
                        break;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return Collections.unmodifiableList(result);
        }
    }

    /** Starts each release on a thread of its own (named after its store) and returns at once. */
    public static Running start(List<StoreRelease> releases) {
        List<Future<StoreOutcome>> futures = new ArrayList<>();
        for (StoreRelease r : releases) {
            CompletableFuture<StoreOutcome> f = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    f.complete(r.run());
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                }
            }, "edge-addons " + r.store());
            t.setDaemon(true);
            t.start();
            futures.add(f);
        }
        return new Running(new ArrayList<>(releases), futures);
    }

    /** Runs the releases side by side and waits for all of them. */
    public static List<StoreOutcome> runAll(List<StoreRelease> releases) {
        return start(releases).join();
    }

    /** True when a store failed: the build fails. */
    public static boolean anyFailed(List<StoreOutcome> outcomes) {
        for (StoreOutcome o : outcomes) {
            if (o.failed()) {
                return true;
            }
        }
        return false;
    }

    /** The summary's lines, one per store, each starting with the store's name. */
    public static List<String> summary(List<StoreOutcome> outcomes) {
        List<String> lines = new ArrayList<>();
        for (StoreOutcome o : outcomes) {
            lines.add(line(o));
        }
        return lines;
    }

    /** A store's line: its name, what happened, and the detail in brackets. */
    public static String line(StoreOutcome o) {
        return o.store() + ": " + o.result().words()
                + (o.detail() == null || o.detail().isEmpty() ? "" : " (" + o.detail() + ")");
    }

    /** The message of the build's failure when a store failed: which failed, and that the others stand. */
    public static String failureMessage(List<StoreOutcome> outcomes) {
        List<String> failed = new ArrayList<>();
        for (StoreOutcome o : outcomes) {
            if (o.failed()) {
                failed.add(o.store());
            }
        }
        StringBuilder m = new StringBuilder("The release failed for ").append(String.join(" and ", failed)).append('.');
        if (failed.size() < outcomes.size()) {
            m.append(" The other stores' releases stand; run the deploy again once the cause is fixed: a store that"
                    + " already has this release says so and does not fail the build.");
        }
        m.append(" Each store's error is printed above the summary.");
        return m.toString();
    }
}
