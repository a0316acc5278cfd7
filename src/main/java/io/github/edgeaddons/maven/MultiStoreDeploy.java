package io.github.edgeaddons.maven;

import io.github.edgeaddons.release.StoreOutcome;
import io.github.edgeaddons.release.StoreReleases;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * The deploy phase of an extension project ({@code edge-extension}, or its store-neutral alias
 * {@code browser-extension}): it releases to every store whose id is set. Edge's release runs in the
 * lifecycle's own goals ({@code upload}, {@code publish}, {@code await}); the other stores' releases are
 * started by {@code upload} on threads of their own, before Edge's first request, and joined when Edge's
 * part ends: after {@code await}, or at once when one of Edge's goals fails, so that Edge's failure neither
 * stops nor undoes theirs. Then the summary: one line per store, and the build fails when any store failed.
 */
final class MultiStoreDeploy {
    /** The packagings whose deploy phase releases to every configured store. */
    static final List<String> PACKAGINGS = Collections.unmodifiableList(Arrays.asList(
            PackageMojo.PACKAGING, PackageMojo.PACKAGING_ALIAS));
    static final String EDGE = StoreReleases.EDGE;

    private static final String RUNNING = "io.github.edgeaddons.deploy.running";
    private static final String EDGE_OUTCOME = "io.github.edgeaddons.deploy.edge";
    private static final String EDGE_OFF = "io.github.edgeaddons.deploy.edgeOff";

    private MultiStoreDeploy() {}

    /**
     * True for a goal run by the deploy phase of an extension project (not named on the command line, not
     * bound in an execution of a project of another packaging).
     */
    static boolean applies(MavenProject project, MojoExecution execution) {
        return project != null && execution != null && PACKAGINGS.contains(project.getPackaging())
                && execution.getSource() != MojoExecution.Source.CLI && execution.getLifecyclePhase() != null
                && execution.getExecutionId() != null && execution.getExecutionId().startsWith("default-");
    }

    /** The other stores, started by upload; Edge's part is {@code edgeReleased} (false: edge.productId unset). */
    static void started(MavenProject project, StoreReleases.Running others, boolean edgeReleased) {
        project.setContextValue(RUNNING, others);
        project.setContextValue(EDGE_OFF, edgeReleased ? null : Boolean.TRUE);
    }

    /** True when this project's deploy releases to other stores beside Edge and they are not joined yet. */
    static boolean running(MavenProject project) {
        return project != null && project.getContextValue(RUNNING) != null;
    }

    /** True when this project's deploy does not release to Edge (edge.productId unset). */
    static boolean edgeOff(MavenProject project) {
        return project != null && Boolean.TRUE.equals(project.getContextValue(EDGE_OFF));
    }

    /** Edge's outcome so far (already released, skipped...), for the summary; the last one given wins. */
    static void edge(MavenProject project, StoreOutcome outcome) {
        if (project != null) {
            project.setContextValue(EDGE_OUTCOME, outcome);
        }
    }

    /** Edge's outcome recorded by an earlier goal of this deploy, or null. */
    static StoreOutcome edgeOutcome(MavenProject project) {
        return project == null ? null : (StoreOutcome) project.getContextValue(EDGE_OUTCOME);
    }

    /**
     * Edge's part is over: waits for the other stores, prints the summary (Edge's line first, when Edge was
     * released to) and returns every store's outcome. Joins once; later calls return an empty list.
     */
    static List<StoreOutcome> finish(MavenProject project, StoreOutcome edge, Log log) {
        StoreReleases.Running others = (StoreReleases.Running) project.getContextValue(RUNNING);
        project.setContextValue(RUNNING, null);
        List<StoreOutcome> all = new ArrayList<>();
        if (edge != null) {
            all.add(edge);
        }
        if (others != null) {
            if (log.isInfoEnabled()) {
                log.info("Waiting for " + String.join(", ", others.stores()) + "...");
            }
            all.addAll(others.join());
        }
        log.info("Release summary:");
        for (StoreOutcome o : all) {
            if (o.failed()) {
                log.error("  " + StoreReleases.line(o));
            } else {
                log.info("  " + StoreReleases.line(o));
            }
        }
        return all;
    }
}
