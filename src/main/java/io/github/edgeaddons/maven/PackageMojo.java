package io.github.edgeaddons.maven;

import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.config.OutputTimestamp;
import io.github.edgeaddons.config.Plurals;
import io.github.edgeaddons.pkg.ExtensionPackager;
import io.github.edgeaddons.pkg.InvalidPackageException;
import io.github.edgeaddons.pkg.checks.Rule;
import io.github.edgeaddons.release.StepResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Zips the extension folder ({@code edge.extensionDirectory}) into
 * {@code ${project.build.directory}/${project.build.finalName}.zip}, its content at the zip's root, with
 * manifest.json's {@code version} set to the project version in store form ({@code 1.2.3-beta}: version
 * {@code 1.2.3} and {@code version_name} {@code 1.2.3-beta}); the source manifest.json is not changed. The
 * zip is the main artifact of an {@code edge-extension} project, and is attached (type zip) to a project of
 * another packaging. With {@code project.build.outputTimestamp} set, two builds give byte-identical zips.
 * The zip then gets the package checks of {@code validate} (a manifest.json syntax error is reported with its
 * line and column before anything is written).
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PackageMojo extends AbstractEdgeMojo {
    static final String PACKAGING = "edge-extension";

    /** The folder whose content becomes the zip's root; it must hold manifest.json. */
    @Parameter(property = "edge.extensionDirectory", defaultValue = "${project.basedir}/src/main/extension")
    protected File extensionDirectory;

    /** Ant-style patterns of the files to pack, relative to the extension folder. Default: every file. */
    @Parameter(property = "edge.includes")
    protected String[] includes;

    /**
     * Ant-style patterns of files to leave out, on top of Maven's default excludes (.git, .svn, .DS_Store,
     * editor backups...) and Thumbs.db / desktop.ini. Source maps are packed unless excluded here
     * ({@code <exclude>**}{@code /*.map</exclude>}).
     */
    @Parameter(property = "edge.excludes")
    protected String[] excludes;

    /**
     * Pack the files that symbolic links in the extension folder point to when they lie outside the folder.
     * Links are never stored as links: one to a file or folder inside the extension folder always gives the
     * files it points to; one that leads out of the folder fails the build (naming the link and its target)
     * unless this is {@code true}.
     */
    @Parameter(property = "edge.allowExternalLinks", defaultValue = "false")
    protected boolean allowExternalLinks;

    /** Entry time of every file in the zip, for reproducible builds (ISO-8601 or seconds since 1970). */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    protected String outputTimestamp;

    /**
     * Package checks to silence, by code, comma-separated (e.g. {@code KEY_FIELD,NAME_TOO_LONG}): their
     * findings are neither errors nor warnings, and the build says which rule was silenced. The codes are
     * listed in the README's table of checks; an unknown code fails the build.
     */
    @Parameter(property = "edge.ignoredChecks")
    protected String ignoredChecks;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    protected File outputDirectory;

    @Parameter(defaultValue = "${project.build.finalName}", readonly = true, required = true)
    protected String finalName;

    private final MavenProjectHelper projectHelper;

    @Inject
    public PackageMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    @Override
    protected String goal() {
        return "package";
    }

    @Override
    protected void doExecute(StepResult step)
            throws ConfigException, InvalidPackageException, MojoExecutionException {
        Set<Rule> ignored = Rule.parseCodes(ignoredChecks, AbstractPackageMojo.IGNORED_CHECKS);
        Path zip = outputDirectory.toPath().resolve(finalName + ".zip");
        ExtensionPackager.Result packed;
        try {
            packed = new ExtensionPackager(extensionDirectory.toPath(), "edge.extensionDirectory")
                    .includes(list(includes))
                    .excludes(list(excludes))
                    .fixedTime(OutputTimestamp.parse(outputTimestamp))
                    .allowExternalLinks(allowExternalLinks, "edge.allowExternalLinks")
                    .pack(zip, outputDirectory.toPath().resolve("edge-extension"), project.getVersion());
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the extension zip " + zip + ": " + e.getMessage(), e);
        }
        if (PACKAGING.equals(project.getPackaging())) {
            project.getArtifact().setFile(zip.toFile());
        } else {
            projectHelper.attachArtifact(project, "zip", null, zip.toFile());
        }
        Path base = project.getBasedir() == null ? null : project.getBasedir().toPath();
        getLog().info("Packed " + Plurals.count(packed.files, "file") + " ("
                + Plurals.count(packed.contentBytes, "byte") + ") from "
                + shown(base, extensionDirectory.toPath()) + " into " + shown(base, zip) + " (" + packed.zipBytes
                + " bytes), manifest.json version " + packed.version
                + (packed.versionName == null ? "" : ", version_name " + packed.versionName)
                + (packed.links.isEmpty() ? "" : ", following " + Plurals.count(packed.links.size(), "symbolic link"))
                + ".");
        packed.externalLinks.forEach((link, target) -> getLog().warn("Packed " + link + " from outside the extension"
                + " folder (" + link + " -> " + target + ") because edge.allowExternalLinks is true."));
        AbstractPackageMojo.checkRules(zip, ignored, session, getLog());
    }

    private static List<String> list(String[] patterns) {
        return patterns == null ? null : Arrays.asList(patterns);
    }

    private static String shown(Path base, Path file) {
        Path f = file.toAbsolutePath().normalize();
        return base != null && f.startsWith(base.toAbsolutePath().normalize())
                ? base.toAbsolutePath().normalize().relativize(f).toString() : f.toString();
    }
}
