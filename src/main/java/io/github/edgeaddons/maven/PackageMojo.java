package io.github.edgeaddons.maven;

import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.config.OutputTimestamp;
import io.github.edgeaddons.config.Plurals;
import io.github.edgeaddons.pkg.ExtensionPackager;
import io.github.edgeaddons.pkg.InvalidPackageException;
import io.github.edgeaddons.pkg.SourcesPackager;
import io.github.edgeaddons.pkg.checks.Rule;
import io.github.edgeaddons.pkg.checks.Store;
import io.github.edgeaddons.release.StepResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
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
 *
 * <p>A Firefox zip: when the extension folder holds {@code manifest.firefox.json} (or
 * {@code firefox.manifestOverlay} names another file), a second zip, named like the main one with
 * {@code -firefox} before {@code .zip}, is written beside it and attached with classifier {@code firefox}: the
 * same files, with the overlay merged into manifest.json (objects merged key by key, arrays and values
 * replaced, {@code null} removes a key). The overlay itself is in no zip. It is reproducible like the main zip,
 * gets the version from the POM, and is checked against the Firefox Add-ons rules (the main zip against
 * Edge's).
 *
 * <p>A sources zip for Firefox's reviewers: with {@code firefox.sources} {@code true}, the project folder's
 * files (without the build directory, VCS folders, Maven's default excludes, node_modules and secret files
 * such as {@code .env}, each secret left out named in a warning) are zipped into a zip named like the main one
 * with {@code -firefox-sources}; with a path, that file is taken as it is. Either is attached with classifier
 * {@code firefox-sources}.
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PackageMojo extends AbstractEdgeMojo {
    static final String PACKAGING = "edge-extension";
    /** The store-neutral alias of {@link #PACKAGING}: the same lifecycle and artifact. */
    static final String PACKAGING_ALIAS = "browser-extension";

    /** True for {@code edge-extension} and {@code browser-extension}: the extension is the project's artifact. */
    static boolean extensionPackaging(String packaging) {
        return PACKAGING.equals(packaging) || PACKAGING_ALIAS.equals(packaging);
    }
    /** The classifier of the Firefox zip. */
    static final String FIREFOX_CLASSIFIER = "firefox";
    /** The classifier of the sources zip for Firefox's reviewers (not maven-source-plugin's "sources"). */
    static final String FIREFOX_SOURCES_CLASSIFIER = "firefox-sources";
    static final String OVERLAY_FILE = "manifest.firefox.json";
    private static final String OVERLAY_SETTING = "firefox.manifestOverlay";

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

    /**
     * The Firefox manifest overlay: a JSON object merged into manifest.json for the Firefox zip. Unset: the
     * extension folder's {@code manifest.firefox.json}, when it exists (no Firefox zip otherwise); a path (relative
     * to the project folder): that file, which must exist; {@code none}: no Firefox zip. The overlay file is
     * left out of every zip.
     */
    @Parameter(property = "firefox.manifestOverlay")
    protected String firefoxManifestOverlay;

    /**
     * The sources zip for Firefox Add-ons' reviewers, attached with classifier {@code firefox-sources}: unset or
     * {@code false}: none; {@code true}: the project folder zipped (see {@code firefox.sourcesIncludes} and
     * {@code firefox.sourcesExcludes}); a path (relative to the project folder): that file, as it is.
     */
    @Parameter(property = "firefox.sources")
    protected String firefoxSources;

    /**
     * Ant-style patterns of the project files to put in the sources zip, relative to the project folder.
     * Default: every file.
     */
    @Parameter(property = "firefox.sourcesIncludes")
    protected String[] firefoxSourcesIncludes;

    /**
     * Ant-style patterns of project files to leave out of the sources zip, on top of the build directory, Maven's
     * default excludes (.git, .svn, .hg, editor backups...), {@code **}{@code /node_modules/**} and secret files
     * (.env, .npmrc, keys..., always left out).
     */
    @Parameter(property = "firefox.sourcesExcludes")
    protected String[] firefoxSourcesExcludes;

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
        Path base = project.getBasedir() == null ? null : project.getBasedir().toPath();
        Path overlay = firefoxOverlay(base);
        Path defaultOverlay = extensionDirectory.toPath().resolve(OVERLAY_FILE);
        Path zip = outputDirectory.toPath().resolve(finalName + ".zip");
        Path firefoxZip = outputDirectory.toPath().resolve(finalName + "-" + FIREFOX_CLASSIFIER + ".zip");
        Instant time = OutputTimestamp.parse(outputTimestamp);
        ExtensionPackager.Result packed = pack(zip, "edge-extension", defaultOverlay, overlay, null, null);
        ExtensionPackager.Result firefox = overlay == null ? null
                : pack(firefoxZip, "edge-extension-firefox", defaultOverlay, overlay, overlay,
                        shown(base, overlay) + " (" + OVERLAY_SETTING + ")");
        if (extensionPackaging(project.getPackaging())) {
            project.getArtifact().setFile(zip.toFile());
        } else {
            projectHelper.attachArtifact(project, "zip", null, zip.toFile());
        }
        getLog().info("Packed " + Plurals.count(packed.files, "file") + " ("
                + Plurals.count(packed.contentBytes, "byte") + ") from "
                + shown(base, extensionDirectory.toPath()) + " into " + shown(base, zip) + " (" + packed.zipBytes
                + " bytes), manifest.json version " + packed.version
                + (packed.versionName == null ? "" : ", version_name " + packed.versionName)
                + (packed.links.isEmpty() ? "" : ", following " + Plurals.count(packed.links.size(), "symbolic link"))
                + ".");
        packed.externalLinks.forEach((link, target) -> getLog().warn("Packed " + link + " from outside the extension"
                + " folder (" + link + " -> " + target + ") because edge.allowExternalLinks is true."));
        if (firefox != null) {
            projectHelper.attachArtifact(project, "zip", FIREFOX_CLASSIFIER, firefoxZip.toFile());
            getLog().info("Packed " + Plurals.count(firefox.files, "file") + " into " + shown(base, firefoxZip) + " ("
                    + firefox.zipBytes + " bytes) for Firefox Add-ons, manifest.json merged with "
                    + shown(base, overlay) + ", version " + firefox.version + "; attached with classifier "
                    + FIREFOX_CLASSIFIER + ".");
        }
        packSources(base, time);
        AbstractPackageMojo.checkRules(zip, Store.EDGE, ignored, session, getLog());
        if (firefox != null) {
            AbstractPackageMojo.checkRules(firefoxZip, Store.FIREFOX, ignored, session, getLog());
        }
    }

    /** The Firefox overlay to merge, or null for no Firefox zip. */
    private Path firefoxOverlay(Path base) throws ConfigException {
        String set = firefoxManifestOverlay == null ? "" : firefoxManifestOverlay.trim();
        if (set.equalsIgnoreCase("none")) {
            return null;
        }
        if (set.isEmpty()) {
            Path found = extensionDirectory.toPath().resolve(OVERLAY_FILE);
            return Files.isRegularFile(found) ? found : null;
        }
        Path named = resolve(base, set);
        if (!Files.isRegularFile(named)) {
            throw new ConfigException("The Firefox manifest overlay " + named + " (" + OVERLAY_SETTING + ") does not"
                    + " exist. Point " + OVERLAY_SETTING + " at a JSON file merged into manifest.json for the Firefox"
                    + " zip, leave it unset to use " + OVERLAY_FILE + " in the extension folder, or set it to none.");
        }
        return named;
    }

    private ExtensionPackager.Result pack(Path zip, String work, Path defaultOverlay, Path overlay, Path merged,
            String mergedName) throws ConfigException, InvalidPackageException, MojoExecutionException {
        ExtensionPackager packager = new ExtensionPackager(extensionDirectory.toPath(), "edge.extensionDirectory")
                .includes(list(includes))
                .excludes(list(excludes))
                .fixedTime(OutputTimestamp.parse(outputTimestamp))
                .allowExternalLinks(allowExternalLinks, "edge.allowExternalLinks")
                .leaveOut(defaultOverlay)
                .manifestOverlay(merged, mergedName);
        if (overlay != null) {
            packager.leaveOut(overlay);
        }
        try {
            return packager.pack(zip, outputDirectory.toPath().resolve(work), project.getVersion());
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the extension zip " + zip + ": " + e.getMessage(), e);
        }
    }

    /** The sources zip for Firefox's reviewers, when {@code firefox.sources} asks for it. */
    private void packSources(Path base, Instant time) throws ConfigException, MojoExecutionException {
        String set = firefoxSources == null ? "" : firefoxSources.trim();
        if (set.isEmpty() || set.equalsIgnoreCase("false")) {
            return;
        }
        if (!set.equalsIgnoreCase("true")) {
            Path given = resolve(base, set);
            if (!Files.isRegularFile(given)) {
                throw new ConfigException("The sources file " + given + " (firefox.sources) does not exist. Point"
                        + " firefox.sources at the archive of the extension's sources, set it to true to have the"
                        + " project folder zipped, or leave it unset.");
            }
            String name = given.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String type = name.endsWith(".tar.gz") ? "tar.gz" : dot < 0 ? "zip" : name.substring(dot + 1);
            projectHelper.attachArtifact(project, type, FIREFOX_SOURCES_CLASSIFIER, given.toFile());
            getLog().info("Sources for Firefox Add-ons' reviewers: " + shown(base, given) + " (firefox.sources),"
                    + " attached with classifier " + FIREFOX_SOURCES_CLASSIFIER + ".");
            return;
        }
        if (base == null) {
            throw new ConfigException("firefox.sources is true but the project has no folder to zip. Point"
                    + " firefox.sources at the archive of the extension's sources instead.");
        }
        Path sources = outputDirectory.toPath().resolve(finalName + "-" + FIREFOX_SOURCES_CLASSIFIER + ".zip");
        SourcesPackager.Result result;
        try {
            result = new SourcesPackager(base)
                    .skip(outputDirectory.toPath())
                    .includes(list(firefoxSourcesIncludes))
                    .excludes(list(firefoxSourcesExcludes))
                    .fixedTime(time)
                    .pack(sources);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the sources zip " + sources + ": " + e.getMessage(), e);
        }
        result.secrets.forEach((file, what) -> getLog().warn("Left out of the sources zip: " + file
                + ", which looks like a secret (" + what + ")."));
        result.links.forEach(link -> getLog().info("Left out of the sources zip: " + link + ", a symbolic link."));
        projectHelper.attachArtifact(project, "zip", FIREFOX_SOURCES_CLASSIFIER, sources.toFile());
        getLog().info("Packed " + Plurals.count(result.files, "file") + " of the project's sources into "
                + shown(base, sources) + " (" + result.zipBytes + " bytes) for Firefox Add-ons' reviewers; attached"
                + " with classifier " + FIREFOX_SOURCES_CLASSIFIER + ".");
    }

    private static Path resolve(Path base, String path) {
        Path p = Paths.get(path);
        return p.isAbsolute() || base == null ? p : base.resolve(p);
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
