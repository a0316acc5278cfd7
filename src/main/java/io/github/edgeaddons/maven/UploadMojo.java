package io.github.edgeaddons.maven;

import io.github.edgeaddons.client.ClientSettings;
import io.github.edgeaddons.client.EdgeApiException;
import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.pkg.InvalidPackageException;
import io.github.edgeaddons.pkg.PackageInfo;
import io.github.edgeaddons.release.DryRun;
import io.github.edgeaddons.release.NetworkSettings;
import io.github.edgeaddons.release.Release;
import io.github.edgeaddons.release.StepResult;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Locates the extension zip, checks it locally, uploads it to the product's draft submission, and waits
 * until the store has processed it (fails the build with the store's errorCode, message and errors when it
 * did not succeed). On its own, without {@code publish}, it updates the draft for a release finished by
 * hand in Partner Center.
 */
@Mojo(name = "upload", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class UploadMojo extends AbstractPackageMojo {

    @Inject
    public UploadMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected String goal() {
        return "upload";
    }

    @Override
    protected void doExecute(StepResult step) throws ConfigException, InvalidPackageException, EdgeApiException {
        NetworkSettings network = networkSettings();
        network.checkWithoutCredentials();
        PackageInfo pkg = checkedPackage();
        ClientSettings client = clientSettings(network);
        if (dryRun) {
            dryRunCredentialCheck(client);
            new DryRun(client).upload(pkg);
            BuildState.uploadSucceeded(project, "dry-run");
            step.dryRun();
            return;
        }
        Release.UploadResult result = new Release(client, network.checkedTimeout()).upload(pkg);
        step.finished(result.status);
        BuildState.uploadSucceeded(project, result.operationId);
    }
}
