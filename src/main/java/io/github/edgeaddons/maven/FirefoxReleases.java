package io.github.edgeaddons.maven;

import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.core.ResumeCommands;
import io.github.edgeaddons.core.Reporter;
import io.github.edgeaddons.firefox.FirefoxCommands;
import io.github.edgeaddons.firefox.FirefoxParameters;
import io.github.edgeaddons.firefox.FirefoxRelease;
import io.github.edgeaddons.firefox.FirefoxSettings;
import io.github.edgeaddons.pkg.InvalidPackageException;
import io.github.edgeaddons.pkg.PackageInfo;
import io.github.edgeaddons.pkg.checks.Store;
import io.github.edgeaddons.release.StepResult;
import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Makes Firefox Add-ons' {@link FirefoxRelease} from the parsed {@link FirefoxParameters} and the build: the
 * Firefox zip ({@code firefox.file}, the attached zip of {@code firefox.classifier}, else the {@code firefox}
 * zip that {@code package} attached, else the main zip) checked against Firefox's rules, the sources zip
 * ({@code firefox.sourcesFile}, else the {@code firefox-sources} artifact), the credentials, the proxy, the
 * command that resumes, and where the signed file of an unlisted version goes (attached as
 * {@code firefox-signed}, type {@code xpi}). Sends nothing.
 */
final class FirefoxReleases {
    static final String FIREFOX_CLASSIFIER = PackageMojo.FIREFOX_CLASSIFIER;
    static final String SOURCES_CLASSIFIER = PackageMojo.FIREFOX_SOURCES_CLASSIFIER;
    static final String SIGNED_CLASSIFIER = "firefox-signed";
    static final String GOAL = "firefox-release";

    private final MavenProject project;
    private final MavenSession session;
    private final Settings settings;
    private final SettingsDecrypter decrypter;
    private final Map<String, String> environment;
    private final PluginDescriptor plugin;
    private final Log log;

    FirefoxReleases(MavenProject project, MavenSession session, Settings settings, SettingsDecrypter decrypter,
            Map<String, String> environment, PluginDescriptor plugin, Log log) {
        this.project = project;
        this.session = session;
        this.settings = settings;
        this.decrypter = decrypter;
        this.environment = environment;
        this.plugin = plugin;
        this.log = log;
    }

    FirefoxRelease make(FirefoxParameters p, Reporter reporter, Consumer<StepResult> steps)
            throws ConfigException, InvalidPackageException {
        File zip = locate(p);
        PackageInfo pkg = AbstractPackageMojo.checkRules(zip.toPath(), Store.FIREFOX, Collections.emptySet(), session,
                log);
        if (p.resumeVersion() != null && !p.resumeVersion().equals(pkg.version())) {
            throw new ConfigException("firefox.resumeVersion=" + p.resumeVersion() + " is not the version of "
                    + zip.getName() + " (" + pkg.version() + "): resume the release of the zip's own version.");
        }
        File sources = sources(p);
        if (sources != null && !sources.isFile()) {
            throw new ConfigException("firefox.sourcesFile=" + sources + " is not a file: give the path of the sources"
                    + " zip for AMO's reviewers, or leave it unset.");
        }
        String plainVersion = pkg.version();
        FirefoxSettings s = settings(p, reporter).commands(commands(resumeArguments(p, zip, sources))).build();
        Path signed = Paths.get(project.getBuild().getDirectory(), project.getBuild().getFinalName() + "-"
                + SIGNED_CLASSIFIER + ".xpi");
        FirefoxRelease.Plan plan = new FirefoxRelease.Plan()
                .zip(zip.toPath(), plainVersion)
                .channel(p.channel())
                .fields(p.versionFields())
                .sources(sources == null ? null : sources.toPath())
                .awaitReview(p.awaitReview(), p.reviewTimeout())
                .dryRun(p.dryRun(), p.checkCredentials())
                .signedFile(signed)
                .resumeVersion(p.resumeVersion());
        return new FirefoxRelease(s, plan, steps, this::attachSigned);
    }

    /** The client's settings: the parameters, the credentials (their source logged once per build), the proxy. */
    FirefoxSettings.Builder settings(FirefoxParameters p, Reporter reporter) throws ConfigException {
        FirefoxCredentials credentials = FirefoxCredentials.resolve(settings, p.serverId(), decrypter, environment);
        if (BuildState.firstInBuild(session, "firefoxCredentials " + credentials.source)) {
            reporter.info("Credentials for Firefox Add-ons: " + credentials.source + ".");
        }
        SettingsProxies proxies = SettingsProxies.from(settings, decrypter);
        return FirefoxSettings.builder()
                .apiBaseUrl(p.apiBaseUrl())
                .addonId(p.addonId())
                .credentials(credentials.issuer, credentials.secret)
                .credentialsSource(credentials.source)
                .proxy(proxies.forUrl(p.apiBaseUrl()))
                .pollPolicy(p.pollPolicy())
                .timeout(p.timeout())
                .reporter(reporter)
                // the core's sentences (a timeout, a wrong host) name Firefox's settings
                .resume(new ResumeCommands(FirefoxVocabulary.INSTANCE, MavenResumeCommands.pluginName(project, plugin,
                        MavenResumeCommands.activeProfiles(session)), MavenResumeCommands.buildArguments(project,
                                session)));
    }

    /** The Firefox zip: the explicit file, the named classifier, the {@code firefox} zip, else the main zip. */
    File locate(FirefoxParameters p) throws ConfigException {
        if (p.file() != null) {
            if (!p.file().isFile()) {
                throw new ConfigException("firefox.file=" + p.file() + " is not a file: give the path of the Firefox"
                        + " zip, or leave it unset to release the zip that package attached.");
            }
            return p.file();
        }
        if (p.classifier() != null) {
            File f = attached(p.classifier());
            if (f == null) {
                throw new ConfigException("firefox.classifier='" + p.classifier() + "' matches no attached zip of "
                        + project.getArtifactId() + ". Set it to the classifier of the Firefox zip, or firefox.file to"
                        + " its path.");
            }
            return f;
        }
        File firefox = attached(FIREFOX_CLASSIFIER);
        if (firefox != null) {
            return firefox;
        }
        try {
            return ArtifactLocator.locate(project, null, null);
        } catch (ConfigException e) {
            throw new ConfigException("No zip to release to Firefox Add-ons: " + e.getMessage()
                    + " (Or set firefox.file to the Firefox zip.)");
        }
    }

    private File sources(FirefoxParameters p) {
        if (p.sourcesFile() != null) {
            return p.sourcesFile();
        }
        return attached(SOURCES_CLASSIFIER);
    }

    private File attached(String classifier) {
        for (Artifact a : project.getAttachedArtifacts()) {
            if (classifier.equals(a.getClassifier()) && a.getFile() != null && a.getFile().isFile()) {
                return a.getFile();
            }
        }
        return null;
    }

    /** Attaches the signed file of an unlisted version (the release's thread: one attachment at a time). */
    private void attachSigned(Path file) {
        synchronized (project) {
            DefaultArtifactHandler handler = new DefaultArtifactHandler("xpi");
            handler.setExtension("xpi");
            handler.setLanguage("none");
            handler.setAddedToClasspath(false);
            Artifact a = new DefaultArtifact(project.getGroupId(), project.getArtifactId(), project.getVersion(),
                    null, "xpi", SIGNED_CLASSIFIER, handler);
            a.setFile(file.toFile());
            project.addAttachedArtifact(a);
        }
    }

    /**
     * The Firefox settings that the resume command repeats, so that it works as printed from the folder of the
     * build: the id, the files released (the command runs no package phase), the notes and the endpoints that
     * differ from their defaults.
     */
    private List<String> resumeArguments(FirefoxParameters p, File zip, File sources) {
        List<String> args = new ArrayList<>();
        args.add("-Dfirefox.addonId=" + p.addonId());
        args.add("-Dfirefox.file=" + relative(zip));
        if (sources != null) {
            args.add("-Dfirefox.sourcesFile=" + relative(sources));
        }
        if (!FirefoxRelease.LISTED.equals(p.channel())) {
            args.add("-Dfirefox.channel=" + p.channel());
        }
        if (p.approvalNotes() != null) {
            args.add("-Dfirefox.approvalNotes=" + p.approvalNotes());
        }
        if (p.releaseNotes() != null) {
            args.add("-Dfirefox.releaseNotes=" + p.releaseNotes());
        }
        if (!FirefoxParameters.DEFAULT_LOCALE.equals(p.releaseNotesLocale())) {
            args.add("-Dfirefox.releaseNotesLocale=" + p.releaseNotesLocale());
        }
        if (p.license() != null) {
            args.add("-Dfirefox.license=" + p.license());
        }
        if (!p.compatibility().isEmpty()) {
            args.add("-Dfirefox.compatibility=" + String.join(",", p.compatibility()));
        }
        if (p.awaitReview()) {
            args.add("-Dfirefox.awaitReview=true");
        }
        if (!FirefoxSettings.DEFAULT_API_BASE_URL.equals(p.apiBaseUrl())) {
            args.add("-Dfirefox.apiBaseUrl=" + p.apiBaseUrl());
        }
        if (!FirefoxParameters.SERVER_ID.equals(p.serverId())) {
            args.add("-Dfirefox.serverId=" + p.serverId());
        }
        return args;
    }

    private String relative(File f) {
        Path cwd = Paths.get(session != null && session.getRequest() != null && session.getRequest().getBaseDirectory()
                != null ? session.getRequest().getBaseDirectory() : System.getProperty("user.dir")).toAbsolutePath()
                .normalize();
        Path abs = f.toPath().toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    /** {@code mvn <plugin>:firefox-release <firefox settings> -Dfirefox.resumeVersion=V <build arguments>}. */
    private FirefoxCommands commands(List<String> firefoxArgs) {
        List<String> profiles = MavenResumeCommands.activeProfiles(session);
        String pluginName = MavenResumeCommands.pluginName(project, plugin, profiles);
        List<String> build = MavenResumeCommands.buildArguments(project, session);
        return version -> {
            StringBuilder b = new StringBuilder("mvn ").append(pluginName).append(':').append(GOAL);
            List<String> all = new ArrayList<>(firefoxArgs);
            all.add("-Dfirefox.resumeVersion=" + version);
            all.addAll(build);
            for (String a : all) {
                b.append(' ').append(ResumeCommands.quote(a));
            }
            return b.toString();
        };
    }
}
