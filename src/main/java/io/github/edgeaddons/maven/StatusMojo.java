package io.github.edgeaddons.maven;

import io.github.edgeaddons.chrome.ChromeItem;
import io.github.edgeaddons.chrome.ChromeParameters;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.release.NetworkSettings;
import io.github.edgeaddons.release.Status;
import io.github.edgeaddons.release.StepResult;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Prints the status of an upload or publish operation given by {@code edge.operationId} (it asks the
 * publish endpoint first, then the upload one; when neither knows the id, the failure reports both
 * answers). Without an operation id it prints the account's products, where the API offers that list. With
 * {@code chrome.itemId} it prints the Chrome Web Store item's published and submitted revisions (state, version,
 * percentage); with {@code firefox.addonId}, the add-on's state on Firefox Add-ons and its current version; and
 * then Edge's only when {@code edge.productId} or {@code edge.operationId} is set (or no other store is asked
 * about). Fails before any request when Maven is offline.
 */
@Mojo(name = "status", requiresProject = false, threadSafe = true)
public class StatusMojo extends AbstractStoresMojo {
    /** The operation to report on. */
    @Parameter(property = "edge.operationId")
    protected String operationId;

    @Inject
    public StatusMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected String goal() {
        return "status";
    }

    @Override
    protected void doExecute(StepResult step) throws ConfigException, StoreException {
        failIfOffline();
        boolean edgeAsked = productId != null || (operationId != null && !operationId.trim().isEmpty());
        if (chromeConfigured()) {
            ChromeParameters chrome = chromeParameters().build();
            String line = new ChromeItem(chrome, chromeClientSettings(chrome, reporter())).status();
            step.succeeded(line);
        }
        if (firefoxConfigured()) {
            firefoxStatus();
        }
        if (!edgeAsked && (chromeConfigured() || firefoxConfigured())) {
            return; // only the other stores were asked about
        }
        boolean listProducts = operationId == null || operationId.trim().isEmpty();
        NetworkSettings.Builder parameters = networkParameters();
        if (listProducts && productId == null) {
            // listing products needs no product; the client still wants a well-formed id
            parameters.productId("00000000-0000-0000-0000-000000000000");
        }
        NetworkSettings network = parameters.build();
        String id = listProducts ? null : AwaitMojo.checkedOperationId(operationId);
        Status status = new Status(clientSettings(network));
        if (listProducts) {
            status.products();
            return;
        }
        Status.Report r = status.operation(id);
        step.operationId(id).succeeded(r.kind.label() + " operation status: " + r.status.rawStatus());
    }

    /** With {@code firefox.addonId}: the add-on's state on AMO and its current version (one read). */
    private void firefoxStatus() throws ConfigException, StoreException {
        io.github.edgeaddons.firefox.FirefoxParameters p = firefoxParameters().build();
        FirefoxReleases releases = new FirefoxReleases(project, session, settings, decrypter, environment, plugin,
                getLog());
        io.github.edgeaddons.firefox.FirefoxStatus.report(releases.settings(p, reporter()).build());
    }
}
