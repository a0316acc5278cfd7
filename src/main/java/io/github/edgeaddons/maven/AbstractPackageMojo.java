package io.github.edgeaddons.maven;

import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.pkg.InvalidPackageException;
import io.github.edgeaddons.pkg.PackageInfo;
import io.github.edgeaddons.pkg.PackageValidator;
import io.github.edgeaddons.release.VersionCheck;
import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** Goals that work on the extension zip: locating it and checking it locally. */
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
     * Refuse a SNAPSHOT project version, and a manifest.json {@code version} that differs from the project
     * version (Maven {@code 1.2.3} or {@code 1.2.3.4} must equal the manifest's {@code 1.2.3} or
     * {@code 1.2.3.4}). Set to {@code false} to ship such a package anyway.
     */
    @Parameter(property = "edge.checkVersion", defaultValue = "true")
    protected boolean checkVersion;

    protected AbstractPackageMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    /** Finds the zip and runs the local package checks. */
    protected PackageInfo checkedPackage() throws ConfigException, InvalidPackageException {
        File zip = ArtifactLocator.locate(project, file, classifier);
        PackageInfo pkg = new PackageValidator().validate(zip.toPath());
        if (checkVersion) {
            VersionCheck.check(project.getVersion(), pkg);
        }
        return pkg;
    }
}
