package io.github.edgeaddons.maven;

import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.pkg.InvalidPackageException;
import io.github.edgeaddons.pkg.PackageInfo;
import io.github.edgeaddons.pkg.PackageValidator;
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

    protected AbstractPackageMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    /** Finds the zip and runs the local package checks. */
    protected PackageInfo checkedPackage() throws ConfigException, InvalidPackageException {
        File zip = ArtifactLocator.locate(project, file, classifier);
        return new PackageValidator().validate(zip.toPath());
    }
}
