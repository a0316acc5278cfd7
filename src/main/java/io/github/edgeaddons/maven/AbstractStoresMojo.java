package io.github.edgeaddons.maven;

import io.github.edgeaddons.chrome.ChromeParameters;
import io.github.edgeaddons.chrome.ChromeRelease;
import io.github.edgeaddons.chrome.ChromeSettings;
import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.firefox.FirefoxParameters;
import io.github.edgeaddons.firefox.FirefoxRelease;
import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;
import io.github.edgeaddons.core.Reporter;
import io.github.edgeaddons.pkg.InvalidPackageException;
import io.github.edgeaddons.pkg.PackageInfo;
import io.github.edgeaddons.pkg.checks.Store;
import java.io.File;
import java.util.Collections;
import io.github.edgeaddons.release.StepResult;
import io.github.edgeaddons.release.StoreRelease;
import org.apache.maven.plugins.annotations.Parameter;
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

    /**
     * The Chrome Web Store item's id: 32 letters a to p, the last part of the item's URL in the developer
     * dashboard. Set, the deploy of an {@code edge-extension} project releases to the Chrome Web Store, and
     * {@code status} prints the item's revisions; {@code chrome-release} and {@code chrome-rollout} need it.
     */
    @Parameter(property = "chrome.itemId")
    protected String chromeItemId;

    /**
     * The publisher id of the Chrome Web Store developer account (the Account page of the developer dashboard
     * shows it). Required with {@code chrome.itemId}.
     */
    @Parameter(property = "chrome.publisherId")
    protected String chromePublisherId;

    /**
     * The settings.xml {@code <server>} of the Chrome Web Store credentials: {@code <username>} OAuth client id,
     * {@code <password>} client secret and {@code <passphrase>} refresh token; or {@code <privateKey>} the path
     * of a service account's JSON key file. When no such server exists, the environment variables
     * {@code CHROME_CLIENT_ID}, {@code CHROME_CLIENT_SECRET} and {@code CHROME_REFRESH_TOKEN} are read, else
     * {@code GOOGLE_APPLICATION_CREDENTIALS} (a key file's path).
     */
    @Parameter(property = "chrome.serverId", defaultValue = ChromeParameters.SERVER_ID)
    protected String chromeServerId;

    /**
     * The Chrome Web Store API's root: requests go to this URL followed by {@code /v2/publishers/...} (uploads
     * to {@code /upload/v2/...}). Plain {@code http://} is refused unless the host is loopback.
     */
    @Parameter(property = "chrome.apiBaseUrl", defaultValue = "https://chromewebstore.googleapis.com")
    protected String chromeApiBaseUrl;

    /**
     * Google's OAuth token endpoint, where the refresh token or the service account's signed assertion (whose
     * audience it is) is exchanged for an access token.
     */
    @Parameter(property = "chrome.tokenUrl", defaultValue = "https://oauth2.googleapis.com/token")
    protected String chromeTokenUrl;

    /**
     * How the Chrome Web Store publishes once the review approves: {@code default} (live at once) or
     * {@code staged} (held as staged until published from the dashboard).
     */
    @Parameter(property = "chrome.publishType", defaultValue = "default")
    protected String chromePublishType;

    /**
     * The percentage of users, 1 to 100, who get the new version (staged rollout); unset, the value saved in the
     * dashboard. {@code chrome-rollout} raises the published version's rollout to it.
     */
    @Parameter(property = "chrome.deployPercentage")
    protected String chromeDeployPercentage;

    /**
     * What the Chrome Web Store release does when a submission of the item is still in review (or staged):
     * {@code fail} (the default: the build fails, naming it), {@code skip} (nothing is sent; a warning, and the
     * store's outcome is "skipped") or {@code cancel} (cancel that submission, then release this version).
     */
    @Parameter(property = "chrome.inReview", defaultValue = "fail")
    protected String chromeInReview;

    /**
     * Wait, after the publish, for the review's verdict (published, staged, rejected), at most
     * {@code chrome.reviewTimeout}. Off by default: reviews take hours to days.
     */
    @Parameter(property = "chrome.awaitReview", defaultValue = "false")
    protected boolean chromeAwaitReview;

    /** How long {@code chrome.awaitReview} waits for the review's verdict; same formats as {@code edge.timeout}. */
    @Parameter(property = "chrome.reviewTimeout", defaultValue = ChromeParameters.DEFAULT_REVIEW_TIMEOUT)
    protected String chromeReviewTimeout;

    /**
     * How long the Chrome Web Store release may take on the network (status, upload and its processing,
     * publish), overriding {@code edge.timeout} for this store; same formats.
     */
    @Parameter(property = "chrome.timeout")
    protected String chromeTimeout;

    /** An explicit path to the zip released to the Chrome Web Store; default: the project's main zip. */
    @Parameter(property = "chrome.file")
    protected File chromeFile;

    /**
     * Releases the attached zip with this classifier to the Chrome Web Store, when it ships its own zip;
     * default: the project's main zip.
     */
    @Parameter(property = "chrome.classifier")
    protected String chromeClassifier;

    /** True when {@code chrome.itemId} is set: the deploy releases to the Chrome Web Store. */
    protected boolean chromeConfigured() {
        return chromeItemId != null && !chromeItemId.trim().isEmpty();
    }

    /** The Chrome parameters as the user wrote them, with the plugin-wide switches: every one of them. */
    protected ChromeParameters.Builder chromeParameters() {
        return ChromeParameters.builder()
                .itemId(chromeItemId)
                .publisherId(chromePublisherId)
                .serverId(chromeServerId)
                .apiBaseUrl(chromeApiBaseUrl)
                .tokenUrl(chromeTokenUrl)
                .publishType(chromePublishType)
                .deployPercentage(chromeDeployPercentage)
                .inReview(chromeInReview)
                .awaitReview(chromeAwaitReview)
                .reviewTimeout(chromeReviewTimeout)
                .chromeTimeout(chromeTimeout)
                .timeout(timeout)
                .pollInterval(pollInterval)
                .dryRun(dryRun)
                .checkCredentials(checkCredentials);
    }

    /**
     * The Chrome client's settings: credentials resolved (settings.xml server, else the environment), the
     * settings.xml proxy, the build's token cache, the resume commands; sends nothing.
     */
    protected ChromeSettings chromeClientSettings(ChromeParameters chrome, Reporter reporter) throws ConfigException {
        ChromeSettingsCredentials.Resolved credentials = ChromeSettingsCredentials.resolve(settings, chrome.serverId(),
                decrypter, environment, project == null || project.getBasedir() == null ? null
                        : project.getBasedir().toPath());
        if (BuildState.firstInBuild(session, "chromeCredentials " + credentials.source)) {
            reporter.info("Chrome Web Store credentials: " + credentials.source + ".");
        }
        SettingsProxies proxies = SettingsProxies.from(settings, decrypter);
        return chrome.clientSettings(credentials.credentials)
                .proxy(proxies.forUrl(chrome.apiBaseUrl()))
                .reporter(reporter)
                .tokenCache(BuildState.tokenCache(session))
                .resume(MavenResumeCommands.ofChrome(project, session, plugin, chrome))
                .build();
    }

    /**
     * The Chrome Web Store's release, checked (ids, settings, offline, package, credentials) and sending nothing
     * until it runs; null when {@code chrome.itemId} is not set.
     *
     * @param reporter where its lines go
     */
    protected StoreRelease chromeRelease(Reporter reporter) throws ConfigException, InvalidPackageException {
        return chromeConfigured() ? checkedChromeRelease(reporter) : null;
    }

    /** {@link #chromeRelease}, as the Chrome release itself (its goal runs it and throws its failure). */
    protected ChromeRelease checkedChromeRelease(Reporter reporter) throws ConfigException, InvalidPackageException {
        ChromeParameters chrome = chromeParameters().build();
        if (!chrome.dryRun() || chrome.checkCredentials()) {
            failIfOffline();
        }
        File zip = ArtifactLocator.locate(project, chromeFile, chromeClassifier);
        PackageInfo pkg = AbstractPackageMojo.checkRules(zip.toPath(), Store.CHROME, Collections.emptySet(), session,
                getLog());
        ChromeSettings client = chromeClientSettings(chrome, reporter);
        return ChromeRelease.of(chrome, client, pkg.path(), pkg.version(), this::recordStoreStep);
    }

    // ---------------------------------------------------------------- Firefox Add-ons

    /**
     * The add-on on addons.mozilla.org: its gecko id as the manifest's {@code browser_specific_settings.gecko.id}
     * has it (a UUID in braces, {@code {5f3a9c2e-...}}, or e-mail-like, {@code name@example.com}), or its slug.
     * Set, the release goes to Firefox Add-ons too; required by {@code firefox-release}.
     */
    @Parameter(property = "firefox.addonId")
    protected String firefoxAddonId;

    /**
     * The settings.xml {@code <server>} holding AMO's API key: {@code <username>} the JWT issuer
     * ({@code user:...}), {@code <password>} the JWT secret. Without such a server, the environment variables
     * {@code FIREFOX_JWT_ISSUER} and {@code FIREFOX_JWT_SECRET} are read.
     */
    @Parameter(property = "firefox.serverId", defaultValue = FirefoxParameters.SERVER_ID)
    protected String firefoxServerId;

    /**
     * AMO's root: requests go to this URL followed by {@code /api/v5/...}. Plain {@code http://} is refused
     * unless the host is loopback.
     */
    @Parameter(property = "firefox.apiBaseUrl", defaultValue = "https://addons.mozilla.org")
    protected String firefoxApiBaseUrl;

    /**
     * {@code listed}: the version is reviewed and published on addons.mozilla.org; {@code unlisted}: AMO signs it
     * for your own distribution, and the signed {@code .xpi} is downloaded into {@code target/} and attached to
     * the project (classifier {@code firefox-signed}, type {@code xpi}).
     */
    @Parameter(property = "firefox.channel", defaultValue = "listed")
    protected String firefoxChannel;

    /** Notes for AMO's reviewers (how to build the sources, test accounts...), sent with the new version. */
    @Parameter(property = "firefox.approvalNotes")
    protected String firefoxApprovalNotes;

    /** Release notes for users, sent with the new version under {@code firefox.releaseNotesLocale}. */
    @Parameter(property = "firefox.releaseNotes")
    protected String firefoxReleaseNotes;

    /** The AMO locale of {@code firefox.releaseNotes}, e.g. {@code en-US}, {@code de}, {@code pt-BR}. */
    @Parameter(property = "firefox.releaseNotesLocale", defaultValue = FirefoxParameters.DEFAULT_LOCALE)
    protected String firefoxReleaseNotesLocale;

    /**
     * The license of the version, as AMO's slug ({@code MPL-2.0}, {@code MIT}, {@code Apache-2.0},
     * {@code all-rights-reserved}...), sent only while the add-on has none (its first listed version needs one);
     * later versions inherit the add-on's license.
     */
    @Parameter(property = "firefox.license")
    protected String firefoxLicense;

    /** The applications the version is for, comma-separated: {@code firefox}, {@code android}. Unset: AMO's default. */
    @Parameter(property = "firefox.compatibility")
    protected String firefoxCompatibility;

    /**
     * Wait for the review's verdict on a listed version (approved or disabled), at most
     * {@code firefox.reviewTimeout}; when that passes, the build goes on (the review goes on at AMO). Off by
     * default: a human review can take days. An unlisted version is always waited for (AMO signs it
     * automatically), to download the signed file.
     */
    @Parameter(property = "firefox.awaitReview", defaultValue = "false")
    protected boolean firefoxAwaitReview;

    /** How long to wait for the review or the signing; same formats as {@code edge.timeout}. */
    @Parameter(property = "firefox.reviewTimeout", defaultValue = FirefoxParameters.DEFAULT_REVIEW_TIMEOUT)
    protected String firefoxReviewTimeout;

    /**
     * How long the Firefox release may take on the network (upload, validation, version), overriding
     * {@code edge.timeout} for Firefox only; same formats. AMO's validation can take minutes.
     */
    @Parameter(property = "firefox.timeout")
    protected String firefoxTimeout;

    /** An explicit path to the Firefox zip; overrides the artifact lookup. */
    @Parameter(property = "firefox.file")
    protected File firefoxFile;

    /**
     * The attached zip to release to Firefox Add-ons, by classifier. Default: the zip attached with classifier
     * {@code firefox} when {@code package} made one (from {@code manifest.firefox.json}), else the main zip.
     */
    @Parameter(property = "firefox.classifier")
    protected String firefoxClassifier;

    /**
     * The sources zip to attach to the version for AMO's reviewers. Default: the artifact attached with
     * classifier {@code firefox-sources} when {@code package} made one ({@code firefox.sources}), else none.
     */
    @Parameter(property = "firefox.sourcesFile")
    protected File firefoxSourcesFile;

    /**
     * Resume a release whose version creation may have reached AMO (the failure prints the whole command): look
     * this version number up first; when AMO has it, go on from it (sources, review state, signed file)
     * without uploading or creating it again; when it has not, release it. Must be the zip's version.
     */
    @Parameter(property = "firefox.resumeVersion")
    protected String firefoxResumeVersion;

    /** The Firefox parameters as the user wrote them: every one of them, and the plugin-wide ones they use. */
    protected FirefoxParameters.Builder firefoxParameters() {
        return FirefoxParameters.builder()
                .addonId(firefoxAddonId)
                .serverId(firefoxServerId)
                .apiBaseUrl(firefoxApiBaseUrl)
                .channel(firefoxChannel)
                .approvalNotes(firefoxApprovalNotes)
                .releaseNotes(firefoxReleaseNotes)
                .releaseNotesLocale(firefoxReleaseNotesLocale)
                .license(firefoxLicense)
                .compatibility(firefoxCompatibility)
                .awaitReview(firefoxAwaitReview)
                .reviewTimeout(firefoxReviewTimeout)
                .timeout(firefoxTimeout)
                .pluginTimeout(timeout)
                .pollInterval(pollInterval)
                .file(firefoxFile)
                .classifier(firefoxClassifier)
                .sourcesFile(firefoxSourcesFile)
                .resumeVersion(firefoxResumeVersion)
                .dryRun(dryRun)
                .checkCredentials(checkCredentials);
    }

    /** True when {@code firefox.addonId} is set: the deploy releases to Firefox Add-ons. */
    protected boolean firefoxConfigured() {
        return firefoxAddonId != null && !firefoxAddonId.trim().isEmpty();
    }

    /**
     * Firefox Add-ons' release, checked (id, settings, credentials, package) and sending nothing until it
     * runs; null when {@code firefox.addonId} is not set.
     *
     * @param reporter where its lines go
     */
    protected StoreRelease firefoxRelease(Reporter reporter) throws ConfigException, InvalidPackageException {
        return firefoxConfigured() ? makeFirefoxRelease(reporter) : null;
    }

    /**
     * The factory of Firefox Add-ons' release, for the deploy and the {@code firefox-release} goal alike: parses
     * the parameters, fails offline (unless a plain dry run), locates and checks the Firefox zip against
     * Firefox's rules, resolves the credentials and the proxy; sends nothing.
     */
    protected FirefoxRelease makeFirefoxRelease(Reporter reporter) throws ConfigException, InvalidPackageException {
        FirefoxParameters p = firefoxParameters().build();
        if (!p.dryRun() || p.checkCredentials()) {
            failIfOffline();
        }
        return new FirefoxReleases(project, session, settings, decrypter, environment, plugin, getLog())
                .make(p, reporter, this::recordStoreStep);
    }
}
