package io.github.edgeaddons.maven;

import io.github.edgeaddons.config.ConfigException;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/**
 * Finds the extension zip: {@code edge.file}, else the main artifact of an {@code edge-extension} project
 * (unless {@code edge.classifier} names an attached one), else the attached artifact of type zip (picked by
 * {@code edge.classifier} when there are several), else a main artifact that is a zip.
 */
final class ArtifactLocator {
    private ArtifactLocator() {}

    static File locate(MavenProject project, File explicitFile, String classifier) throws ConfigException {
        if (explicitFile != null) {
            return explicitFile;
        }
        List<Artifact> zips = new ArrayList<>();
        for (Artifact a : project.getAttachedArtifacts()) {
            if (isZip(a)) {
                zips.add(a);
            }
        }
        String wanted = classifier == null || classifier.trim().isEmpty() ? null : classifier.trim();
        Artifact main = project.getArtifact();
        boolean mainIsZip = main != null && main.getFile() != null && main.getFile().isFile() && isZip(main);
        if (wanted == null && mainIsZip && PackageMojo.extensionPackaging(project.getPackaging())) {
            return main.getFile(); // an edge-extension project's zip is its main artifact, whatever else it attaches
        }
        if (wanted != null) {
            for (Artifact a : zips) {
                if (wanted.equals(a.getClassifier())) {
                    return a.getFile();
                }
            }
            throw new ConfigException("edge.classifier='" + wanted + "' matches no attached zip of "
                    + project.getArtifactId() + "; " + found(zips, mainIsZip ? main : null)
                    + " Set edge.classifier to one of those, or edge.file to the zip.");
        }
        if (zips.size() == 1) {
            return zips.get(0).getFile();
        }
        if (zips.size() > 1) {
            throw new ConfigException("Several zips are attached to " + project.getArtifactId() + ": "
                    + describe(zips) + ". Set edge.classifier to the one to publish (e.g. -Dedge.classifier="
                    + (zips.get(0).getClassifier() == null ? "..." : zips.get(0).getClassifier())
                    + "), or edge.file to its path.");
        }
        if (mainIsZip) {
            return main.getFile();
        }
        throw new ConfigException("No extension zip found for " + project.getArtifactId() + ": edge.file is not set,"
                + " no zip is attached to the project, and its main artifact is "
                + (main == null || main.getFile() == null
                        ? "not built (run the plugin in the deploy phase of the build, not on its own)"
                        : "not a zip (" + main.getFile().getName() + ")")
                + ". Build the zip before the deploy phase (e.g. maven-assembly-plugin with <format>zip</format>),"
                + " or set edge.file to its path.");
    }

    private static boolean isZip(Artifact a) {
        if (a.getFile() == null) {
            return false;
        }
        String type = a.getType() == null ? "" : a.getType().toLowerCase(Locale.ROOT);
        String ext = a.getArtifactHandler() != null && a.getArtifactHandler().getExtension() != null
                ? a.getArtifactHandler().getExtension().toLowerCase(Locale.ROOT) : "";
        return type.equals("zip") || ext.equals("zip") || a.getFile().getName().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static String found(List<Artifact> zips, Artifact mainZip) {
        if (zips.isEmpty() && mainZip == null) {
            return "no zip is attached.";
        }
        List<Artifact> all = new ArrayList<>(zips);
        if (mainZip != null) {
            all.add(0, mainZip);
        }
        return "found " + describe(all) + ".";
    }

    private static String describe(List<Artifact> artifacts) {
        StringBuilder sb = new StringBuilder();
        for (Artifact a : artifacts) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(a.getClassifier() == null || a.getClassifier().isEmpty() ? "(no classifier)"
                    : "classifier '" + a.getClassifier() + "'");
            sb.append(" -> ").append(a.getFile().getName());
        }
        return sb.toString();
    }
}
