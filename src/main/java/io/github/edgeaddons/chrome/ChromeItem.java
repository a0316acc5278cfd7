package io.github.edgeaddons.chrome;

import io.github.edgeaddons.chrome.ChromeWebStoreClient.ItemStatus;
import io.github.edgeaddons.core.Deadline;
import io.github.edgeaddons.core.Failure;
import io.github.edgeaddons.core.StoreException;
import java.io.IOException;

/**
 * What the goals other than the release do with a Chrome Web Store item: print its published and submitted
 * revisions ({@code status}), and raise the published version's rollout ({@code chrome-rollout}). No Maven types.
 */
public final class ChromeItem {
    private final ChromeParameters parameters;
    private final ChromeSettings settings;

    public ChromeItem(ChromeParameters parameters, ChromeSettings settings) {
        this.parameters = parameters;
        this.settings = settings;
    }

    /** Reads fetchStatus and prints the item's revisions: state, version, percentage; returns that line. */
    public String status() throws StoreException {
        ItemStatus s;
        try (ChromeWebStoreClient client = new ChromeWebStoreClient(settings)) {
            s = client.fetchStatus(Deadline.after(parameters.timeout(), settings.clock));
        } catch (IOException e) {
            throw closing(e);
        }
        String line = "Chrome Web Store item " + settings.itemId + ": published " + ChromeRelease.describe(s.published)
                + ", submitted " + ChromeRelease.describe(s.submitted)
                + (s.takenDown ? "; TAKEN DOWN" : "") + (s.warned ? "; warned" : "")
                + (s.lastAsyncUploadState == null ? "" : "; last upload " + s.lastAsyncUploadState) + ".";
        settings.reporter.info(line);
        return line;
    }

    /**
     * Raises the published version's rollout to {@code chrome.deployPercentage}; checked against fetchStatus first
     * (something published, a percentage above the current one).
     */
    public String rollout() throws StoreException {
        int wanted = parameters.deployPercentage();
        Deadline deadline = Deadline.after(parameters.timeout(), settings.clock);
        String name = settings.apiBaseUrl.toString().replaceAll("/+$", "") + "/v2/publishers/"
                + settings.publisherId + "/items/" + settings.itemId;
        if (parameters.dryRun() && !parameters.checkCredentials()) {
            settings.reporter.info("[dry run] GET " + name + ":fetchStatus");
            settings.reporter.info("[dry run] POST " + name + ":setPublishedDeployPercentage  body: {\"deployPercentage\":"
                    + wanted + "}");
            return "dry run";
        }
        try (ChromeWebStoreClient client = new ChromeWebStoreClient(settings)) {
            ItemStatus s = client.fetchStatus(deadline);
            if (s.published == null) {
                throw refusal(ChromeHints.nothingPublished(settings));
            }
            if (s.published.deployPercentage >= wanted) {
                throw refusal(ChromeHints.rolloutNotHigher(settings, s.published.deployPercentage, wanted));
            }
            if (parameters.dryRun()) {
                settings.reporter.info("[dry run] POST " + name + ":setPublishedDeployPercentage  body:"
                        + " {\"deployPercentage\":" + wanted + "}");
                return "dry run";
            }
            client.setPublishedDeployPercentage(wanted, deadline);
            String line = "Version " + s.published.crxVersion + " of item " + settings.itemId + " now rolls out to "
                    + wanted + "% of users (was " + s.published.deployPercentage + "%).";
            settings.reporter.info(line);
            return line;
        } catch (IOException e) {
            throw closing(e);
        }
    }

    private static StoreException refusal(String message) {
        return new StoreException(Failure.of(StoreException.Kind.OPERATION_FAILED, Failure.Request.ROLLOUT)
                .store("ROLLOUT_NOT_POSSIBLE", message, null).verdict(Failure.Verdict.FAILED), message);
    }

    private static StoreException closing(IOException e) {
        return new StoreException(Failure.of(StoreException.Kind.NETWORK, Failure.Request.NONE).cause(e),
                "Could not close the connection to the Chrome Web Store: " + e.getMessage());
    }
}
