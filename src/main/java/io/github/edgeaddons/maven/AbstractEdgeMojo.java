package io.github.edgeaddons.maven;

import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.pkg.InvalidPackageException;
import io.github.edgeaddons.release.StepResult;
import java.time.Instant;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
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
        StepResult step = new StepResult(store(), goal(), Instant.now());
        try {
            doExecute(step);
        } catch (ConfigException | InvalidPackageException e) {
            step.failed(e);
            beforeFailing(e);
            throw new MojoFailureException(endTrimmed(e.getMessage()), e);
        } catch (StoreException e) {
            step.failed(e);
            beforeFailing(e);
            if (e.isUserActionable()) {
                throw new MojoFailureException(endTrimmed(e.getMessage()), e);
            }
            throw new MojoExecutionException(endTrimmed(e.getMessage()), e);
        } catch (MojoFailureException e) {
            step.failed(e);
            beforeFailing(e);
            throw e.getMessage() != null && !e.getMessage().equals(endTrimmed(e.getMessage()))
                    ? new MojoFailureException(endTrimmed(e.getMessage()), e) : e;
        } catch (MojoExecutionException e) {
            step.failed(e);
            beforeFailing(e);
            throw e.getMessage() != null && !e.getMessage().equals(endTrimmed(e.getMessage()))
                    ? new MojoExecutionException(endTrimmed(e.getMessage()), e) : e;
        } catch (RuntimeException e) {
            step.failed(e);
            beforeFailing(e);
            throw e;
        } finally {
            if (writesResult()) {
                step.finish(Instant.now());
                recordResult(step);
            }
        }
        afterStep();
    }

    /**
     * Called after the goal succeeded and its step was recorded: the end of a deploy of several stores
     * fails the build there when another store failed, without marking this goal's own step failed.
     */
    protected void afterStep() throws MojoFailureException {}

    /** Without trailing line breaks, so that Maven's "-> [Help 1]" stays on the message's last line. */
    static String endTrimmed(String message) {
        return message == null ? null : message.replaceAll("\\s+$", "");
    }

    /**
     * The log, each line starting with the module's artifactId in a parallel build ({@code -T}), where the
     * lines of two modules interleave.
     */
    @Override
    public Log getLog() {
        Log log = super.getLog();
        return parallel() && project != null ? new ModuleLog(log, project.getArtifactId()) : log;
    }

    /** True in a parallel build ({@code -T}). */
    protected boolean parallel() {
        return session != null && (session.isParallel()
                || session.getRequest() != null && session.getRequest().getDegreeOfConcurrency() > 1);
    }

    /**
     * The goal's work. Fill {@code step} with what happened; failures are recorded from the exception.
     */
    protected abstract void doExecute(StepResult step)
            throws MojoExecutionException, MojoFailureException, ConfigException, InvalidPackageException,
                    StoreException;

    /** The goal's name, as in result.json. */
    protected abstract String goal();

    /**
     * Called with the goal's failure just before it fails the build (the deploy of several stores waits for
     * the others there and prints its summary). Must not throw.
     */
    protected void beforeFailing(Exception e) {}

    /** The store the goal talks to, as in result.json: {@code edge}, {@code chrome} or {@code firefox}. */
    protected String store() {
        return "edge";
    }

    /** Network goals write target/edge-addons/result.json and the CI step summary. */
    protected boolean writesResult() {
        return false;
    }

    /** Records the finished step (network goals: result.json and the CI step summary). */
    protected void recordResult(StepResult step) {}
}
