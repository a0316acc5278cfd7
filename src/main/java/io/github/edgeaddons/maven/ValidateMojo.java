package io.github.edgeaddons.maven;

import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.config.Plurals;
import io.github.edgeaddons.pkg.InvalidPackageException;
import io.github.edgeaddons.pkg.PackageInfo;
import io.github.edgeaddons.release.StepResult;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Runs the local package checks that {@code upload} runs first, on their own, with no network: the zip
 * exists and is readable, has {@code manifest.json} at its root with {@code manifest_version}, {@code name}
 * and a {@code version} in the store's format, and is within the size limit; then every package rule of the
 * store (files the manifest names, _locales and __MSG_ messages, background, icons, secrets, nested
 * archives...), reported all at once with their codes; errors fail the build, warnings are logged.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ValidateMojo extends AbstractPackageMojo {

    @Override
    protected String goal() {
        return "validate";
    }

    @Override
    protected void doExecute(StepResult step) throws ConfigException, InvalidPackageException {
        PackageInfo pkg = checkedPackage(project, file, classifier, checkVersion, ignoredChecks, false,
                session, getLog());
        getLog().info("Extension package " + pkg.path().getFileName() + " is valid: " + pkg.name() + " version "
                + pkg.version() + ", manifest_version " + pkg.manifestVersion() + ", "
                + Plurals.count(pkg.entryCount(), "entry", "entries") + ", " + Plurals.count(pkg.size(), "byte") + ".");
    }
}
