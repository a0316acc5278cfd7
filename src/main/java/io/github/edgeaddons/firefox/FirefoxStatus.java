package io.github.edgeaddons.firefox;

import io.github.edgeaddons.core.Deadline;
import io.github.edgeaddons.core.Failure;
import io.github.edgeaddons.core.StoreException;
import java.io.IOException;

/** The {@code status} goal's Firefox part: the add-on's state and its current version, from one read. */
public final class FirefoxStatus {
    private FirefoxStatus() {}

    /** Reads the add-on and reports it; the line it printed. */
    public static String report(FirefoxSettings settings) throws StoreException {
        AmoClient.Addon a;
        try (AmoClient client = new AmoClient(settings)) {
            a = client.addon(Deadline.after(settings.timeout, settings.clock));
        } catch (IOException e) {
            throw new StoreException(Failure.of(StoreException.Kind.NETWORK, Failure.Request.NONE).cause(e),
                    "Could not close the connection to AMO: " + e.getMessage());
        }
        String line = FirefoxRelease.STORE + ": add-on " + a.slug + " (" + a.guid + "), status " + a.status
                + (a.currentVersion == null ? ", no public listed version"
                        : ", current version " + a.currentVersion.number + " (file " + a.currentVersion.fileStatus + ")")
                + ".";
        settings.reporter.info(line);
        return line;
    }
}
