package io.github.edgeaddons.maven;

import io.github.edgeaddons.chrome.ChromeRelease;
import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.pkg.InvalidPackageException;
import io.github.edgeaddons.release.StepResult;
import io.github.edgeaddons.release.StoreOutcome;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Releases the extension to the Chrome Web Store (API v2): reads the item's status first (an item taken down,
 * a submission in review as {@code chrome.inReview} says, a version not above the published one are reported
 * before any upload; the published version itself is "already released"), uploads the zip and waits while the
 * store processes it, publishes ({@code chrome.publishType}, {@code chrome.deployPercentage}), prints the store's
 * warnings and the submitted state, and with {@code chrome.awaitReview} waits for the review's verdict. Bound to
 * {@code deploy} by default; projects of other packagings bind it in an execution. Fails before any request when
 * Maven is offline or a setting is wrong.
 */
@Mojo(name = "chrome-release", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class ChromeReleaseMojo extends AbstractStoresMojo {

    @Inject
    public ChromeReleaseMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected String goal() {
        return "chrome-release";
    }

    @Override
    protected String store() {
        return ChromeRelease.KEY;
    }

    @Override
    protected void doExecute(StepResult step) throws ConfigException, InvalidPackageException, StoreException {
        if (!chromeConfigured()) {
            throw new ConfigException("chrome.itemId is not set: chrome-release needs the item's id (32 letters a to"
                    + " p, the last part of the item's URL in the Chrome Web Store developer dashboard) and"
                    + " chrome.publisherId.");
        }
        ChromeRelease release = checkedChromeRelease(reporter());
        StoreOutcome outcome = release.release();
        getLog().info(outcome.toString());
        if (outcome.result() == StoreOutcome.Result.DRY_RUN) {
            step.dryRun();
        } else {
            step.succeeded(outcome.result().words() + (outcome.detail() == null ? "" : ": " + outcome.detail()));
        }
    }
}
