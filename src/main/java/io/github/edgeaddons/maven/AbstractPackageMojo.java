package io.github.edgeaddons.maven;

import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.pkg.InvalidPackageException;
import io.github.edgeaddons.pkg.PackageInfo;
import io.github.edgeaddons.pkg.PackageValidator;
import io.github.edgeaddons.release.VersionCheck;
import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Goals that check the extension zip locally, with no network ({@code validate}). {@code upload} takes the
 * same three parameters (it extends {@link AbstractNetworkMojo}) and the same {@link #checkedPackage} rule.
 */
public abstract class AbstractPackageMojo extends AbstractEdgeMojo {
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
     * Finds the zip ({@code edge.file}, else the project's zip artifacts) and runs the local package checks;
     * with {@code checkVersion}, the version checks too, the SNAPSHOT refusal only when {@code forRelease}.
     */
    static PackageInfo checkedPackage(MavenProject project, File file, String classifier, boolean checkVersion,
            boolean forRelease) throws ConfigException, InvalidPackageException {
        File zip = ArtifactLocator.locate(project, file, classifier);
        PackageInfo pkg = new PackageValidator().validate(zip.toPath());
        if (checkVersion) {
            if (forRelease) {
                VersionCheck.check(project.getVersion(), pkg);
            } else {
                VersionCheck.checkManifest(project.getVersion(), pkg);
            }
        }
        return pkg;
    }
}
