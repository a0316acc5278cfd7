package io.github.edgeaddons.release;

/**
 * One store's whole release (Chrome: checks, upload, wait, publish, report; Firefox: upload, validation,
 * version, report), as the multi-store deploy runs it beside the others on a thread of its own.
 *
 * <p>Making one checks every setting, locates and checks the package and resolves the credentials, and sends
 * nothing: a deploy makes every store's release before it starts any, so that bad configuration fails
 * before the first request to any store. {@link #run()} then never throws for the store's refusal or
 * trouble: it logs the full message (through the store's reporter) and returns a failed outcome, so that one
 * store's failure neither stops nor undoes another's.
 */
public interface StoreRelease {
    /** The store's name as the summary prints it: {@code Edge}, {@code Chrome Web Store}, {@code Firefox Add-ons}. */
    String store();

    /** Releases to the store; the outcome, never an exception for the store's failure. */
    StoreOutcome run();
}
