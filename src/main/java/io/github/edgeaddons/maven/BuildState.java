package io.github.edgeaddons.maven;

import org.apache.maven.project.MavenProject;

/**
 * What one goal leaves for the next in the same build, per project: the upload's success for
 * {@code publish}, the publish operation id for {@code await}.
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
}
