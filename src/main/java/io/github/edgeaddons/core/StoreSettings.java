package io.github.edgeaddons.core;

import java.time.Clock;
import java.time.Duration;

/**
 * What the core ({@link Transport} and {@link Poller}) needs of a store client's settings: the connection, the
 * rulebook and the schedule, time, where to report, the front end's resume commands, and the store's advice.
 * A store adapter's settings implement it (Edge's {@code edge.ClientSettings}) and add their own: endpoints,
 * product id, auth mode.
 */
public interface StoreSettings {
    /** The id of the product (extension, item) in the store, named in advice and resume commands. */
    String productId();

    /** Where the user sees the product on the store's side, named in advice, e.g. {@code Partner Center}. */
    String dashboard();

    /** The proxy for the store's hosts, or null for a direct connection. */
    ProxySettings proxy();

    Duration connectTimeout();

    Duration responseTimeout();

    /** The User-Agent header of every request. */
    String userAgent();

    /** The rulebook: what to do with each answer or failure. */
    RetryPolicy retryPolicy();

    /** When a wait asks for the status. */
    PollPolicy pollPolicy();

    Clock clock();

    Sleeper sleeper();

    Reporter reporter();

    /** The commands that resume a release, in the front end's words. */
    ResumeCommands resume();

    /** The sentences the core prints that only the store can word. */
    StoreAdvice advice();

    /**
     * The command that shows whether a publish whose answer was lost reached the store, or null when the
     * dashboard is the only place to look (Edge: its publish operation is unknown then).
     */
    default String publishCheckCommand() {
        return null;
    }

    /**
     * The command that publishes again after a lost publish turned out not to have reached the store, or null
     * when the release itself is run again (Chrome: the store takes the same version while it is unpublished).
     */
    default String publishAgainCommand() {
        return resume().publishDraft(productId());
    }
}
