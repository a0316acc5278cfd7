package io.github.edgeaddons.maven;

import io.github.edgeaddons.chrome.ChromeItem;
import io.github.edgeaddons.chrome.ChromeParameters;
import io.github.edgeaddons.chrome.ChromeRelease;
import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.release.StepResult;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Raises the rollout of the Chrome Web Store item's published version to {@code chrome.deployPercentage}
 * ({@code setPublishedDeployPercentage}); checks first that something is published below that percentage. The
 * store allows it only for items with enough users. Needs no project; fails before any request when Maven is
 * offline.
 */
@Mojo(name = "chrome-rollout", requiresProject = false, threadSafe = true)
public class ChromeRolloutMojo extends AbstractStoresMojo {

    @Inject
    public ChromeRolloutMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected String goal() {
        return "chrome-rollout";
    }

    @Override
    protected String store() {
        return ChromeRelease.KEY;
    }

    @Override
    protected void doExecute(StepResult step) throws ConfigException, StoreException {
        ChromeParameters chrome = chromeParameters().buildForRollout();
        if (!chrome.dryRun() || chrome.checkCredentials()) {
            failIfOffline();
        }
        String line = new ChromeItem(chrome, chromeClientSettings(chrome, reporter())).rollout();
        if (chrome.dryRun()) {
            step.dryRun();
        } else {
            step.succeeded(line);
        }
    }
}
