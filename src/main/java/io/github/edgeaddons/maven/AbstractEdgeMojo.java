package io.github.edgeaddons.maven;

import io.github.edgeaddons.client.EdgeApiException;
import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.pkg.InvalidPackageException;
import io.github.edgeaddons.release.StepResult;
import java.time.Instant;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares ({@code edge.skip}, the project and session), and the one place where problems
 * become Maven failures: bad configuration, a bad package, and what the store refused are
 * {@link MojoFailureException}s (the user fixes them); network and server trouble are
 * {@link MojoExecutionException}s. The goals that talk to the store extend {@link AbstractNetworkMojo}.
 */
public abstract class AbstractEdgeMojo extends AbstractMojo {
    /** Skip every goal of this plugin. */
    @Parameter(property = "edge.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: edge.skip is true.");
            return;
        }
        StepResult step = new StepResult(goal(), Instant.now());
        try {
            doExecute(step);
        } catch (ConfigException | InvalidPackageException e) {
            step.failed(e);
            throw new MojoFailureException(e.getMessage(), e);
        } catch (EdgeApiException e) {
            step.failed(e);
            if (e.isUserActionable()) {
                throw new MojoFailureException(e.getMessage(), e);
            }
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (MojoExecutionException | MojoFailureException | RuntimeException e) {
            step.failed(e);
            throw e;
        } finally {
            if (writesResult()) {
                step.finish(Instant.now());
                recordResult(step);
            }
        }
    }

    /**
     * The goal's work. Fill {@code step} with what happened; failures are recorded from the exception.
     */
    protected abstract void doExecute(StepResult step)
            throws MojoExecutionException, MojoFailureException, ConfigException, InvalidPackageException,
                    EdgeApiException;

    /** The goal's name, as in result.json. */
    protected abstract String goal();

    /** Network goals write target/edge-addons/result.json and the CI step summary. */
    protected boolean writesResult() {
        return false;
    }

    /** Records the finished step (network goals: result.json and the CI step summary). */
    protected void recordResult(StepResult step) {}
}
