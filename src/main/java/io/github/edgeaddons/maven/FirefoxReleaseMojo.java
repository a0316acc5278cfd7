package io.github.edgeaddons.maven;

import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.firefox.FirefoxParameters;
import io.github.edgeaddons.firefox.FirefoxRelease;
import io.github.edgeaddons.pkg.InvalidPackageException;
import io.github.edgeaddons.release.StepResult;
import io.github.edgeaddons.release.StoreOutcome;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Releases the extension to Firefox Add-ons (addons.mozilla.org) on its own: uploads the Firefox zip to the
 * channel ({@code firefox.channel}), waits for AMO's validation (failing with the validator's messages), creates
 * the version with the approval and release notes, attaches the sources zip, and reports the review state; for
 * the unlisted channel, downloads the signed {@code .xpi} into {@code target/} and attaches it. A version AMO
 * already has is reported as already released, and the build stays green. For a project of another packaging,
 * bind it in an execution (default phase {@code deploy}) or run it from the command line after
 * {@code package}. Requires {@code firefox.addonId}.
 */
@Mojo(name = "firefox-release", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class FirefoxReleaseMojo extends AbstractStoresMojo {

    @Inject
    public FirefoxReleaseMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected String goal() {
        return FirefoxReleases.GOAL;
    }

    /** The release's steps ({@code firefox-upload}...) are recorded in result.json, not the goal itself. */
    @Override
    protected boolean writesResult() {
        return false;
    }

    @Override
    protected void doExecute(StepResult step) throws ConfigException, InvalidPackageException, StoreException {
        if (!firefoxConfigured()) {
            // the id's own check says what to give
            firefoxParameters().build();
        }
        FirefoxRelease release = makeFirefoxRelease(reporter());
        StoreOutcome outcome = release.release();
        getLog().info(outcome.toString());
    }

    /** For the wiring test: the Firefox parameters as this goal reads them. */
    FirefoxParameters parsedFirefoxParameters() throws ConfigException {
        return firefoxParameters().build();
    }
}
