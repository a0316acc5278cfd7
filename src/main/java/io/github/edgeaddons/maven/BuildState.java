package io.github.edgeaddons.maven;

import io.github.edgeaddons.core.TokenCache;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystemSession;

/**
 * What one goal leaves for the next in the same build, per project: the upload's success for
 * {@code publish}, the publish operation id for {@code await}; and per build, the API v1 token cache.
 */
final class BuildState {
    private static final String UPLOAD = "io.github.edgeaddons.upload.operationId";
    private static final String PUBLISH = "io.github.edgeaddons.publish.operationId";

    private BuildState() {}

    static void uploadSucceeded(MavenProject project, String operationId) {
        project.setContextValue(UPLOAD, operationId);
    }

    static String succeededUpload(MavenProject project) {
        return (String) project.getContextValue(UPLOAD);
    }

    static void publishStarted(MavenProject project, String operationId) {
        project.setContextValue(PUBLISH, operationId);
    }

    static String publishOperation(MavenProject project) {
        return (String) project.getContextValue(PUBLISH);
    }

    /**
     * The build's API v1 token cache, kept in the repository session's data (which lives exactly as long
     * as the build, on every Maven version the plugin supports) under this plugin realm's class, so that the
     * goals of one build share one token. Null without a session (tests), meaning one token per goal.
     */
    /**
     * True the first time it is asked in a build, false after: so that a warning meant for the build (API v1
     * is retired) is printed once, not once per goal or per module. Kept in the repository session's data,
     * like the token cache; without a session (tests) every call is the first.
     */
    static boolean firstInBuild(MavenSession session, String what) {
        RepositorySystemSession repo = session == null ? null : session.getRepositorySession();
        if (repo == null || repo.getData() == null) {
            return true;
        }
        // compare-and-set: of two modules built in parallel, one wins
        return repo.getData().set(BuildState.class.getName() + "." + what, null, Boolean.TRUE);
    }

    static TokenCache tokenCache(MavenSession session) {
        RepositorySystemSession repo = session == null ? null : session.getRepositorySession();
        if (repo == null || repo.getData() == null) {
            return null;
        }
        Object cache = repo.getData().get(TokenCache.class);
        if (cache == null) {
            repo.getData().set(TokenCache.class, null, new TokenCache());
            cache = repo.getData().get(TokenCache.class);
        }
        return (TokenCache) cache;
    }
}
