package io.github.edgeaddons.maven;

import io.github.edgeaddons.core.Hints;

import io.github.edgeaddons.edge.ClientSettings;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.release.DryRun;
import io.github.edgeaddons.release.NetworkSettings;
import io.github.edgeaddons.release.Notes;
import io.github.edgeaddons.release.Release;
import io.github.edgeaddons.release.StepResult;
import java.io.File;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Publishes the product's draft submission with certification notes, and records the publish operation
 * so that {@code await} can follow it. Refuses to run unless {@code upload} succeeded earlier in the same
 * build (set {@code edge.requireUpload=false} to publish the draft already in Partner Center).
 */
@Mojo(name = "publish", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PublishMojo extends AbstractNetworkMojo {
    /** Certification notes for the reviewers, sent as the publish request's body (plain text, UTF-8, as written). */
    @Parameter(property = "edge.notes")
    protected String notes;

    /** Read the certification notes from this file (UTF-8); wins over {@code notes}. */
    @Parameter(property = "edge.notesFile")
    protected File notesFile;

    /**
     * Publish only after a successful {@code upload} in this build. Set to {@code false} to publish the
     * draft that is already in Partner Center, e.g. after a publish failed with a transient error.
     */
    @Parameter(property = "edge.requireUpload", defaultValue = "true")
    protected boolean requireUpload;

    /**
     * What a publish that the store refuses because another submission of the product is still in review
     * (errorCode {@code InProgressSubmission}) does to the build: {@code fail} (the default) fails it;
     * {@code skip} lets the build succeed with a warning that the draft in Partner Center holds this version and
     * is not published, and the command that publishes it once the review is over. For scheduled releases that
     * meet a review in progress on purpose. {@code await} acts on it; {@code publish} checks the value first.
     */
    @Parameter(property = "edge.inReview", defaultValue = "fail")
    protected String inReview;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected MojoExecution mojoExecution;

    @Inject
    public PublishMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected String goal() {
        return "publish";
    }

    @Override
    protected void doExecute(StepResult step) throws ConfigException, StoreException {
        if (MultiStoreDeploy.applies(project, mojoExecution) && (productId == null || productId.trim().isEmpty())) {
            return; // the deploy of other stores only
        }
        NetworkSettings network = checkedNetworkSettings();
        AwaitMojo.checkedInReview(inReview); // before the publish, not only in await after it
        String text = Notes.read(notes, notesFile == null ? null : notesFile.toPath());
        if (requireUpload && BuildState.succeededUpload(project) == null) {
            throw new ConfigException("publish runs only after a successful upload in the same build, and none ran"
                    + " for " + project.getArtifactId() + ". List the goals upload, publish, await in that order in"
                    + " one <execution>, or set edge.requireUpload=false to publish the draft already in Partner"
                    + " Center.");
        }
        ClientSettings client = clientSettings(network);
        if (network.dryRun()) {
            dryRunCredentialCheck(network, client);
            new DryRun(client).publish(text);
            BuildState.publishStarted(project, "{operationId}");
            step.dryRun();
            return;
        }
        String operationId = new Release(client).publish(text,
                BuildState.succeededUpload(project));
        step.operationId(operationId).succeeded("Publish request accepted");
        BuildState.publishStarted(project, operationId);
        if (!awaitFollows()) {
            reporter().info(Hints.publishVerdictNotKnown(operationId, client));
        }
    }

    /**
     * Whether {@code await} follows this publish in the build: named on the command line, or, for a publish run
     * by the lifecycle, bound in an execution of this plugin or by the {@code edge-extension} packaging.
     */
    private boolean awaitFollows() {
        if (session != null && session.getGoals() != null) {
            for (String g : session.getGoals()) {
                if (g.endsWith(":await") && (g.startsWith("edge-addons:")
                        || g.startsWith(MavenResumeCommands.GROUP_ID + ":" + MavenResumeCommands.ARTIFACT_ID + ":"))) {
                    return true;
                }
            }
        }
        boolean fromLifecycle = mojoExecution != null && mojoExecution.getLifecyclePhase() != null
                && mojoExecution.getSource() != MojoExecution.Source.CLI;
        if (!fromLifecycle || project == null) {
            return false;
        }
        if (MultiStoreDeploy.PACKAGINGS.contains(project.getPackaging())) {
            return true;
        }
        for (org.apache.maven.model.Plugin p : project.getBuildPlugins()) {
            if (MavenResumeCommands.ARTIFACT_ID.equals(p.getArtifactId())) {
                for (org.apache.maven.model.PluginExecution e : p.getExecutions()) {
                    if (e.getGoals().contains("await")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
