package io.github.edgeaddons.maven;

import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.pkg.InvalidPackageException;
import io.github.edgeaddons.pkg.PackageInfo;
import io.github.edgeaddons.pkg.PackageValidator;
import io.github.edgeaddons.pkg.checks.CheckReport;
import io.github.edgeaddons.pkg.checks.Finding;
import io.github.edgeaddons.pkg.checks.Rule;
import io.github.edgeaddons.pkg.checks.Store;
import io.github.edgeaddons.release.VersionCheck;
import java.io.File;
import java.nio.file.Path;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Goals that check the extension zip locally, with no network ({@code validate}). {@code upload} takes the
 * same four parameters (it extends {@link AbstractNetworkMojo}) and the same {@link #checkedPackage} rule;
 * {@code package} runs {@link #checkRules} on the zip it wrote.
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
     * Package checks to silence, by code, comma-separated (e.g. {@code KEY_FIELD,NAME_TOO_LONG}): their
     * findings are neither errors nor warnings, and the build says which rule was silenced. The codes are
     * listed in the README's table of checks; an unknown code fails the build.
     */
    @Parameter(property = "edge.ignoredChecks")
    protected String ignoredChecks;

    /** How a user names the parameter, in messages. */
    static final String IGNORED_CHECKS = "ignoredChecks (edge.ignoredChecks)";

    /**
     * Finds the zip ({@code edge.file}, else the project's zip artifacts) and runs the local package checks;
     * with {@code checkVersion}, the version checks too, the SNAPSHOT refusal only when {@code forRelease}.
     */
    static PackageInfo checkedPackage(MavenProject project, File file, String classifier, boolean checkVersion,
            String ignoredChecks, boolean forRelease, MavenSession session, Log log)
            throws ConfigException, InvalidPackageException {
        Set<Rule> ignored = Rule.parseCodes(ignoredChecks, IGNORED_CHECKS);
        File zip = ArtifactLocator.locate(project, file, classifier);
        PackageInfo pkg = checkRules(zip.toPath(), Store.EDGE, ignored, session, log);
        if (checkVersion) {
            if (forRelease) {
                VersionCheck.check(project.getVersion(), pkg);
            } else {
                VersionCheck.checkManifest(project.getVersion(), pkg);
            }
        }
        return pkg;
    }

    /**
     * Runs the local package checks (the basics and every package rule, against the given store's rules: Edge's
     * for the main zip, Firefox's for the Firefox zip) and logs the warnings and the silenced rules, then a line
     * naming the zip and the store; errors fail with the whole report (which names both too). A zip already reported in this build
     * (unchanged since {@code package} checked it) gets one line instead of its warnings again.
     */
    static PackageInfo checkRules(Path zip, Store store, Set<Rule> ignored, MavenSession session, Log log)
            throws InvalidPackageException {
        PackageInfo pkg = new PackageValidator().store(store).ignoring(ignored).validate(zip);
        CheckReport report = pkg.report();
        if (report.warnings().isEmpty() && report.silenced().isEmpty()) {
            return pkg;
        }
        File f = zip.toFile();
        String key = "checks " + store + " " + f.getAbsolutePath() + " " + f.length() + " " + f.lastModified() + " " + report.summary();
        if (!BuildState.firstInBuild(session, key)) {
            log.info("Package checks of " + zip.getFileName() + " (" + store.title() + " rules): " + report.summary()
                    + ", as reported above.");
            return pkg;
        }
        for (Finding w : report.warnings()) {
            log.warn(w.toString());
        }
        for (String line : report.silencedLines(IGNORED_CHECKS)) {
            log.info(line);
        }
        log.info("Package checks of " + zip.getFileName() + " (" + store.title() + " rules): " + report.summary() + ".");
        return pkg;
    }
}
