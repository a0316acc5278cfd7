package io.github.edgeaddons.maven;

import io.github.edgeaddons.chrome.ChromeParameters;
import io.github.edgeaddons.chrome.ChromeSettings;
import io.github.edgeaddons.core.ResumeCommands;
import io.github.edgeaddons.config.EdgeStore;
import io.github.edgeaddons.release.NetworkSettings;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.BuildBase;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.Profile;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;

/**
 * Builds the {@link ResumeCommands} of this build, so that a printed command works as printed from the
 * folder where the build was started:
 *
 * <ul>
 *   <li>the plugin is named by its prefix {@code edge-addons} when the project's own POM declares it outside
 *       any profile (Maven then resolves the prefix there), else by its full coordinates, which always resolve;
 *   <li>{@code -f} when the project is not the POM of the current folder, {@code -s}/{@code -gs} when the build
 *       used other settings files than the default ones, {@code -P} with the profiles activated on the command
 *       line, and {@code -Dmaven.repo.local} when it was given;
 *   <li>the endpoint and credential settings that differ from their defaults ({@code edge.apiBaseUrl},
 *       {@code edge.serverId}, {@code edge.authMode}, {@code edge.tokenUrl}).
 * </ul>
 */
final class MavenResumeCommands {
    static final String GROUP_ID = "io.github.edgeaddons";
    static final String ARTIFACT_ID = "edge-addons-maven-plugin";
    /** The goal prefix, as in {@code mvn edge-addons:await}. */
    static final String PREFIX = "edge-addons";

    private MavenResumeCommands() {}

    static ResumeCommands of(MavenProject project, MavenSession session, PluginDescriptor plugin,
            NetworkSettings network) {
        List<String> args = buildArguments(project, session);
        List<String> profiles = activeProfiles(session);
        if (!EdgeStore.API_ROOT.equals(network.apiBaseUrl().toString())) {
            args.add("-Dedge.apiBaseUrl=" + network.apiBaseUrl());
        }
        if (!EdgeStore.SERVER_ID.equals(network.serverId())) {
            args.add("-Dedge.serverId=" + network.serverId());
        }
        if (network.authMode() != null) {
            args.add("-Dedge.authMode=" + network.authMode().setting());
        }
        if (network.tokenUrl() != null) {
            args.add("-Dedge.tokenUrl=" + network.tokenUrl());
        }
        return MavenVocabulary.commands(pluginName(project, plugin, profiles), args);
    }

    /** The active profiles of the command line (none outside a session). */
    static List<String> activeProfiles(MavenSession session) {
        MavenExecutionRequest request = session == null ? null : session.getRequest();
        return request == null || request.getActiveProfiles() == null
                ? new ArrayList<>() : request.getActiveProfiles();
    }

    /**
     * The arguments of this build that any printed command must repeat ({@code -f}, {@code -s}, {@code -gs},
     * {@code -P}, {@code -Dmaven.repo.local}): every store's commands share them.
     */
    static List<String> buildArguments(MavenProject project, MavenSession session) {
        List<String> args = new ArrayList<>();
        MavenExecutionRequest request = session == null ? null : session.getRequest();
        List<String> profiles = request == null || request.getActiveProfiles() == null
                ? new ArrayList<>() : request.getActiveProfiles();
        Path cwd = workingDirectory(request);
        if (project != null && project.getFile() != null) {
            File pom = project.getFile().getAbsoluteFile();
            boolean here = pom.getParentFile().toPath().normalize().equals(cwd) && pom.getName().equals("pom.xml");
            if (!here) {
                args.add("-f");
                args.add(relative(cwd, pom.toPath()));
            }
        }
        if (request != null) {
            File user = request.getUserSettingsFile();
            if (user != null && !sameFile(user, new File(System.getProperty("user.home"), ".m2/settings.xml"))) {
                args.add("-s");
                args.add(relative(cwd, user.toPath()));
            }
            File global = request.getGlobalSettingsFile();
            String conf = System.getProperty("maven.conf");
            if (global != null && conf != null && !sameFile(global, new File(conf, "settings.xml"))) {
                args.add("-gs");
                args.add(relative(cwd, global.toPath()));
            }
            if (!profiles.isEmpty()) {
                args.add("-P" + String.join(",", profiles));
            }
            Properties user1 = request.getUserProperties();
            String repoLocal = user1 == null ? null : user1.getProperty("maven.repo.local");
            if (repoLocal != null) {
                args.add("-Dmaven.repo.local=" + repoLocal);
            }
        }
        return args;
    }

    /**
     * The Chrome Web Store's commands: this build's arguments and the Chrome endpoint and credential settings
     * that differ from their defaults ({@code chrome.apiBaseUrl}, {@code chrome.tokenUrl}, {@code chrome.serverId}).
     */
    static ResumeCommands ofChrome(MavenProject project, MavenSession session, PluginDescriptor plugin,
            ChromeParameters chrome) {
        List<String> args = buildArguments(project, session);
        if (!ChromeSettings.DEFAULT_API_BASE_URL.equals(chrome.apiBaseUrl())) {
            args.add("-Dchrome.apiBaseUrl=" + chrome.apiBaseUrl());
        }
        if (!ChromeSettings.DEFAULT_TOKEN_URL.equals(chrome.tokenUrl())) {
            args.add("-Dchrome.tokenUrl=" + chrome.tokenUrl());
        }
        if (!ChromeParameters.SERVER_ID.equals(chrome.serverId())) {
            args.add("-Dchrome.serverId=" + chrome.serverId());
        }
        return MavenVocabulary.commands(pluginName(project, plugin, activeProfiles(session)), args);
    }

    /**
     * The prefix when the project's own POM declares the plugin, outside profiles or in a profile that the
     * command line activated (and the printed command activates again); else the full coordinates.
     */
    static String pluginName(MavenProject project, PluginDescriptor plugin, List<String> activeProfiles) {
        if (project != null && declaresPlugin(project.getOriginalModel(), activeProfiles)) {
            return PREFIX;
        }
        String version = plugin != null && plugin.getVersion() != null ? plugin.getVersion() : null;
        return version == null ? PREFIX : GROUP_ID + ":" + ARTIFACT_ID + ":" + version;
    }

    private static boolean declaresPlugin(Model model, List<String> activeProfiles) {
        if (model == null) {
            return false;
        }
        if (declaresPlugin(model.getBuild())) {
            return true;
        }
        for (Profile profile : model.getProfiles()) {
            if (activeProfiles.contains(profile.getId()) && declaresPlugin(profile.getBuild())) {
                return true;
            }
        }
        return false;
    }

    private static boolean declaresPlugin(BuildBase build) {
        if (build == null) {
            return false;
        }
        for (Plugin p : build.getPlugins()) {
            if (ARTIFACT_ID.equals(p.getArtifactId())
                    && (p.getGroupId() == null || GROUP_ID.equals(p.getGroupId()))) {
                return true;
            }
        }
        return false;
    }

    private static Path workingDirectory(MavenExecutionRequest request) {
        String base = request == null ? null : request.getBaseDirectory();
        if (base == null) {
            base = System.getProperty("user.dir");
        }
        return new File(base).getAbsoluteFile().toPath().normalize();
    }

    private static String relative(Path cwd, Path file) {
        Path f = file.toAbsolutePath().normalize();
        return f.startsWith(cwd) ? cwd.relativize(f).toString() : f.toString();
    }

    private static boolean sameFile(File a, File b) {
        return a.getAbsoluteFile().toPath().normalize().equals(b.getAbsoluteFile().toPath().normalize());
    }
}
