package io.github.edgeaddons.maven;

import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.core.Reporter;
import io.github.edgeaddons.pkg.InvalidPackageException;
import io.github.edgeaddons.release.StepResult;
import io.github.edgeaddons.release.StoreRelease;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The goals that know the other stores: the Chrome Web Store's and Firefox Add-ons' parameters, and how each
 * becomes a {@link StoreRelease} that sends nothing until it runs. {@code upload} extends it, because in an
 * {@code edge-extension}/{@code browser-extension} project the deploy phase releases to every store whose id
 * is set; so do the Chrome and Firefox goals.
 */
public abstract class AbstractStoresMojo extends AbstractNetworkMojo {

    protected AbstractStoresMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    /** The reporter of a store released beside others: its lines start with the store's name. */
    protected Reporter storeReporter(String store) {
        return new StoreReporter(reporter(), store);
    }

    /**
     * Records a step of a store's release in result.json and the CI step summary; safe from the stores'
     * threads.
     */
    protected void recordStoreStep(StepResult step) {
        synchronized (AbstractStoresMojo.class) {
            recordResult(step);
        }
    }

    // ---------------------------------------------------------------- Chrome Web Store

    /** True when {@code chrome.itemId} is set: the deploy releases to the Chrome Web Store. */
    protected boolean chromeConfigured() {
        return false;
    }

    /**
     * The Chrome Web Store's release, checked (ids, settings, credentials, package) and sending nothing until
     * it runs; null when {@code chrome.itemId} is not set.
     *
     * @param reporter where its lines go
     */
    protected StoreRelease chromeRelease(Reporter reporter) throws ConfigException, InvalidPackageException {
        return null;
    }

    // ---------------------------------------------------------------- Firefox Add-ons

    /** True when {@code firefox.addonId} is set: the deploy releases to Firefox Add-ons. */
    protected boolean firefoxConfigured() {
        return false;
    }

    /**
     * Firefox Add-ons' release, checked (id, settings, credentials, package) and sending nothing until it
     * runs; null when {@code firefox.addonId} is not set.
     *
     * @param reporter where its lines go
     */
    protected StoreRelease firefoxRelease(Reporter reporter) throws ConfigException, InvalidPackageException {
        return null;
    }
}
