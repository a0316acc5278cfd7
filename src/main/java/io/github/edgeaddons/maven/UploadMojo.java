package io.github.edgeaddons.maven;

import io.github.edgeaddons.edge.ClientSettings;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.pkg.InvalidPackageException;
import io.github.edgeaddons.pkg.PackageInfo;
import io.github.edgeaddons.release.DryRun;
import io.github.edgeaddons.release.NetworkSettings;
import io.github.edgeaddons.release.Release;
import io.github.edgeaddons.release.StepResult;
import io.github.edgeaddons.release.Notes;
import io.github.edgeaddons.release.StoreRelease;
import io.github.edgeaddons.release.StoreReleases;
import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Locates the extension zip, checks it locally, uploads it to the product's draft submission, and waits
 * until the store has processed it (fails the build with the store's errorCode, message and errors when it
 * did not succeed). On its own, without {@code publish}, it updates the draft for a release finished by
 * hand in Partner Center. When {@code publish} follows in the same build, the certification notes file it
 * will send ({@code edge.notesFile}) is read first, so that a missing file fails before the draft is replaced.
 */
@Mojo(name = "upload", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class UploadMojo extends AbstractStoresMojo {
    /** An explicit path to the extension zip. Overrides the artifact lookup. */
    @Parameter(property = "edge.file")
    protected File file;

    /**
     * Picks the attached artifact of type zip with this classifier (for example the assembly id of a
     * maven-assembly-plugin zip), when the project attaches several zips.
     */
    @Parameter(property = "edge.classifier")
    protected String classifier;

    /**
     * Refuse a SNAPSHOT project version (in {@code upload}), and a manifest.json {@code version} that is not
     * the project version in store form ({@code 1.2.3} and {@code 1.2.3-beta} both need {@code 1.2.3}). Set to
     * {@code false} to ship such a package anyway.
     */
    @Parameter(property = "edge.checkVersion", defaultValue = "true")
    protected boolean checkVersion;

    /**
     * Package checks to silence, by code, comma-separated (e.g. {@code KEY_FIELD,NAME_TOO_LONG}): their
     * findings are neither errors nor warnings, and the build says which rule was silenced. The codes are
     * listed in the README's table of checks; an unknown code fails the build.
     */
    @Parameter(property = "edge.ignoredChecks")
    protected String ignoredChecks;

    /** This execution: whether upload runs from the lifecycle, and how publish's expressions evaluate. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected MojoExecution mojoExecution;

    @Inject
    public UploadMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    /**
     * When a publish follows in this build (see {@link PublishLookahead}), reads the notes file it will send,
     * so that a missing or unreadable {@code edge.notesFile} fails before the zip replaces the draft.
     */
    private void checkNotesOfFollowingPublish() throws ConfigException {
        File notes = PublishLookahead.notesFileOfFollowingPublish(session, project, mojoExecution, plugin);
        if (notes == null) {
            return;
        }
        try {
            Notes.read(null, notes.toPath());
        } catch (ConfigException e) {
            throw new ConfigException(e.getMessage() + " " + MavenVocabulary.notesBeforeUpload());
        }
    }

    @Override
    protected String goal() {
        return "upload";
    }

    @Override
    protected void doExecute(StepResult step) throws ConfigException, InvalidPackageException, StoreException {
        boolean deploy = MultiStoreDeploy.applies(project, mojoExecution);
        boolean edge = !deploy || (productId != null && !productId.trim().isEmpty());
        List<StoreRelease> others = deploy ? otherStores(edge) : Collections.<StoreRelease>emptyList();
        if (!edge) {
            MultiStoreDeploy.started(project, StoreReleases.start(others), false);
            getLog().info("Not releasing to Edge: edge.productId is not set.");
            return;
        }
        NetworkSettings network = checkedNetworkSettings();
        PackageInfo pkg = AbstractPackageMojo.checkedPackage(project, file, classifier, checkVersion,
                ignoredChecks, true, session, getLog());
        checkNotesOfFollowingPublish();
        ClientSettings client = clientSettings(network);
        if (!others.isEmpty()) {
            // every store's settings were checked above: the others start now, beside Edge's first request
            MultiStoreDeploy.started(project, StoreReleases.start(others), true);
        }
        if (network.dryRun()) {
            dryRunCredentialCheck(network, client);
            new DryRun(client).upload(pkg);
            BuildState.uploadSucceeded(project, "dry-run");
            step.dryRun();
            return;
        }
        Release.UploadResult result = new Release(client).upload(pkg);
        step.finished(result.status);
        BuildState.uploadSucceeded(project, result.operationId);
    }

    /**
     * The deploy of an extension project: the releases of the other stores whose id is set, each checked
     * (settings, credentials, package) and sending nothing yet; fails naming the three ids when no store's
     * id is set at all.
     */
    private List<StoreRelease> otherStores(boolean edge) throws ConfigException, InvalidPackageException {
        if (!dryRun || checkCredentials) {
            failIfOffline();
        }
        List<StoreRelease> others = new ArrayList<>();
        StoreRelease chrome = chromeRelease(storeReporter(StoreReleases.CHROME));
        if (chrome != null) {
            others.add(chrome);
        }
        StoreRelease firefox = firefoxRelease(storeReporter(StoreReleases.FIREFOX));
        if (firefox != null) {
            others.add(firefox);
        }
        if (!edge && others.isEmpty()) {
            throw new ConfigException(MavenVocabulary.noStore());
        }
        return others;
    }
}
