package io.github.edgeaddons.maven;

import io.github.edgeaddons.edge.ClientSettings;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.core.OperationState;
import io.github.edgeaddons.core.OperationStatus;
import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.release.DryRun;
import io.github.edgeaddons.release.NetworkSettings;
import io.github.edgeaddons.release.Release;
import io.github.edgeaddons.release.StepResult;
import io.github.edgeaddons.edge.EdgeHints;
import io.github.edgeaddons.release.StoreOutcome;
import io.github.edgeaddons.release.StoreReleases;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Follows the publish operation (of this build's {@code publish}, or the one named by
 * {@code edge.operationId}) until the store reports Succeeded or Failed, or {@code edge.timeout} passes;
 * fails the build on Failed or on timeout, saying which.
 */
@Mojo(name = "await", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class AwaitMojo extends AbstractNetworkMojo {
    /** Follow this publish operation instead of the one this build started (e.g. to resume after a timeout). */
    @Parameter(property = "edge.operationId")
    protected String operationId;

    /**
     * What a publish that the store refuses because another submission of the product is still in review
     * (errorCode {@code InProgressSubmission}) does to the build: {@code fail} (the default) fails it;
     * {@code skip} lets the build succeed with a warning that the draft in Partner Center holds this version and
     * is not published, and the command that publishes it once the review is over. For scheduled releases that
     * meet a review in progress on purpose. {@code await} acts on it; {@code publish} checks the value first.
     */
    @Parameter(property = "edge.inReview", defaultValue = "fail")
    protected String inReview;

    /** This execution: whether await ends the deploy of an extension project (and its summary). */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected MojoExecution mojoExecution;

    /** Edge's outcome, for the summary that ends the deploy of an extension project. */
    private StoreOutcome edgeOutcome;

    @Inject
    public AwaitMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected String goal() {
        return "await";
    }

    @Override
    protected void doExecute(StepResult step) throws ConfigException, StoreException {
        edgeOutcome = null;
        if (MultiStoreDeploy.applies(project, mojoExecution) && (productId == null || productId.trim().isEmpty())) {
            return; // the deploy of other stores only: afterStep waits for them
        }
        NetworkSettings network = checkedNetworkSettings();
        Release.InReview whenInReview = checkedInReview(inReview);
        String id = operationId != null && !operationId.trim().isEmpty()
                ? checkedOperationId(operationId)
                : BuildState.publishOperation(project);
        if (id == null) {
            throw new ConfigException("await has no publish operation to follow in " + project.getArtifactId()
                    + ": run publish before it in the same build, or give the operation id with"
                    + " -Dedge.operationId=... (printed by publish, or by a timed-out await).");
        }
        ClientSettings client = clientSettings(network);
        if (network.dryRun()) {
            dryRunCredentialCheck(network, client);
            new DryRun(client).await(id);
            step.dryRun();
            edgeOutcome = StoreOutcome.dryRun(MultiStoreDeploy.EDGE);
            return;
        }
        step.operationId(id);
        OperationStatus status = new Release(client).await(id, whenInReview);
        if (status.state() == OperationState.SUCCEEDED) {
            step.finished(status);
            edgeOutcome = StoreOutcome.released(MultiStoreDeploy.EDGE,
                    EdgeHints.summaryReleased(Release.submissionId(status.message())));
        } else if (EdgeHints.isNothingToPublish(status.errorCode())) {
            step.alreadyReleased(status); // NoModulesUpdated: Release said so; not an error
            edgeOutcome = StoreOutcome.alreadyReleased(MultiStoreDeploy.EDGE, status.errorCode()
                    + (status.message() == null ? "" : ": " + status.message()));
        } else {
            step.notPublishedInReview(status); // edge.inReview=skip: Release warned
            edgeOutcome = StoreOutcome.skipped(MultiStoreDeploy.EDGE, EdgeHints.summaryNotPublishedInReview(client));
        }
    }

    /** The end of an extension project's deploy: the other stores joined, the summary, their failure. */
    @Override
    protected void afterStep() throws MojoFailureException {
        if (!MultiStoreDeploy.applies(project, mojoExecution)) {
            return;
        }
        List<StoreOutcome> all = MultiStoreDeploy.finish(project, edgeOutcome, getLog());
        if (StoreReleases.anyFailed(all)) {
            throw new MojoFailureException(StoreReleases.failureMessage(all));
        }
    }

    /** {@code edge.inReview}, checked: {@code fail} or {@code skip}. */
    static Release.InReview checkedInReview(String value) throws ConfigException {
        Release.InReview v = Release.InReview.of(value == null ? "fail" : value);
        if (v == null) {
            throw new ConfigException("edge.inReview='" + value + "' is neither fail nor skip: give fail (the default:"
                    + " a publish refused for a review in progress fails the build) or skip (the build goes on with a"
                    + " warning).");
        }
        return v;
    }

    static String checkedOperationId(String id) throws ConfigException {
        String t = id.trim();
        if (!t.matches("[A-Za-z0-9._~-]+")) {
            throw new ConfigException("edge.operationId='" + id + "' is not an operation id: give the id printed by"
                    + " publish (letters, digits and dashes, no slashes).");
        }
        return t;
    }
}
