package io.github.edgeaddons.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;

/**
 * Looks ahead from {@code upload} to the {@code publish} that will follow it in this build, so that upload
 * can check publish's certification notes file before it replaces the draft.
 *
 * <p>A publish follows when either
 * <ul>
 *   <li>the command line names the publish goal ({@code edge-addons:publish}, by coordinates, or with
 *       {@code @executionId}), or
 *   <li>upload runs from the lifecycle (not as a direct {@code edge-addons:upload} invocation) and the
 *       project's effective POM binds {@code publish} in an execution of this plugin, or the project's
 *       packaging is {@code edge-extension}, whose lifecycle binds it: both goals are in the {@code deploy}
 *       phase, so the build that reaches upload reaches publish.
 * </ul>
 * This reads the project model and the requested goals, which Maven has fixed before any mojo runs; it does
 * not ask Maven to compute an execution plan (which would repeat the lifecycle's work, and is not public API).
 *
 * <p>The notes file is the one that publish will be given, taken as Maven takes it: the {@code notesFile} of
 * the publish execution's {@code <configuration>} (for a command-line goal, the execution
 * {@code default-cli} or the one named after {@code @}), else of the plugin's, else the parameter's
 * expression {@code ${edge.notesFile}}; the value is evaluated by Maven's own
 * {@link PluginParameterExpressionEvaluator}, which looks up user, system and project properties in Maven's
 * order and evaluates nested {@code ${...}}; a relative path is taken from the project's base directory, as
 * Maven does for a {@code File} parameter. The {@code notes-lookahead} IT checks each of these sources
 * against what a real publish receives.
 */
final class PublishLookahead {
    private static final String NOTES_FILE = "notesFile";
    private static final String NOTES_EXPRESSION = "${edge.notesFile}";
    private static final String PUBLISH = "publish";
    /** The execution id that Maven gives a goal named on the command line without {@code @id}. */
    private static final String DEFAULT_CLI = "default-cli";

    private PublishLookahead() {}

    /**
     * The notes file of the publish that follows in this build, or null when no publish follows or it
     * reads no file (it sends {@code edge.notes}).
     */
    static File notesFileOfFollowingPublish(MavenSession session, MavenProject project, MojoExecution execution,
            PluginDescriptor plugin) {
        if (session == null || project == null) {
            return null;
        }
        String prefix = plugin != null && plugin.getGoalPrefix() != null ? plugin.getGoalPrefix()
                : MavenResumeCommands.PREFIX;
        Plugin model = thisPlugin(project);
        String cliExecution = publishExecutionOnCommandLine(session.getGoals(), prefix);
        PluginExecution publish;
        if (cliExecution != null) {
            publish = executionWithId(model, cliExecution);
        } else if (fromLifecycle(execution)) {
            publish = boundPublish(model);
            // the edge-extension lifecycle binds publish to deploy, right after upload
            if (publish == null && !PackageMojo.extensionPackaging(project.getPackaging())) {
                return null;
            }
        } else {
            return null;
        }
        String value = child(publish == null ? null : publish.getConfiguration(), NOTES_FILE);
        if (value == null) {
            value = child(model == null ? null : model.getConfiguration(), NOTES_FILE);
        }
        if (value == null) {
            value = execution != null ? NOTES_EXPRESSION : session.getUserProperties().getProperty(
                    "edge.notesFile", project.getProperties().getProperty("edge.notesFile"));
        }
        if (value == null || value.trim().isEmpty()) {
            return null;
        }
        Object evaluated = value;
        if (execution != null && value.contains("${")) {
            try {
                evaluated = new PluginParameterExpressionEvaluator(session, execution).evaluate(value, File.class);
            } catch (ExpressionEvaluationException e) {
                return null; // publish itself will report the expression
            }
        }
        if (evaluated == null || evaluated.toString().trim().isEmpty()) {
            return null;
        }
        File f = evaluated instanceof File ? (File) evaluated : new File(evaluated.toString().trim());
        return f.isAbsolute() || project.getBasedir() == null ? f : new File(project.getBasedir(), f.getPath());
    }

    /**
     * The execution id of the publish goal named on the command line ({@code default-cli}, or the id after
     * {@code @}), or null when the command line names none.
     */
    private static String publishExecutionOnCommandLine(List<String> goals, String prefix) {
        if (goals == null) {
            return null;
        }
        for (String g : goals) {
            int at = g.indexOf('@');
            String goal = at < 0 ? g : g.substring(0, at);
            if (goal.equals(prefix + ":" + PUBLISH)
                    || (goal.startsWith(MavenResumeCommands.GROUP_ID + ":" + MavenResumeCommands.ARTIFACT_ID + ":")
                            && goal.endsWith(":" + PUBLISH))) {
                return at < 0 ? DEFAULT_CLI : g.substring(at + 1);
            }
        }
        return null;
    }

    private static boolean fromLifecycle(MojoExecution execution) {
        return execution != null && execution.getLifecyclePhase() != null
                && execution.getSource() != MojoExecution.Source.CLI;
    }

    private static PluginExecution boundPublish(Plugin p) {
        if (p == null) {
            return null;
        }
        for (PluginExecution e : p.getExecutions()) {
            if (e.getGoals().contains(PUBLISH)) {
                return e;
            }
        }
        return null;
    }

    private static PluginExecution executionWithId(Plugin p, String id) {
        if (p == null) {
            return null;
        }
        for (PluginExecution e : p.getExecutions()) {
            if (id.equals(e.getId())) {
                return e;
            }
        }
        return null;
    }

    private static Plugin thisPlugin(MavenProject project) {
        List<Plugin> plugins = project.getBuildPlugins();
        if (plugins == null) {
            return null;
        }
        for (Plugin p : plugins) {
            if (MavenResumeCommands.ARTIFACT_ID.equals(p.getArtifactId())
                    && (p.getGroupId() == null || MavenResumeCommands.GROUP_ID.equals(p.getGroupId()))) {
                return p;
            }
        }
        return null;
    }

    /** A child's text of a {@code <configuration>} (an {@code Xpp3Dom}, read reflectively as for Maven 4). */
    private static String child(Object configuration, String name) {
        return SettingsCredentials.child(configuration, name);
    }
}
