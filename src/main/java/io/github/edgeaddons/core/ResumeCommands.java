package io.github.edgeaddons.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The commands a failure message prints so that the user can pick up where the build stopped: follow an
 * accepted operation ({@code await}, {@code status}) or publish the draft that is already in the store's dashboard.
 * Each command is meant to work exactly as printed, from the folder the build ran in: the Maven side
 * ({@code maven/MavenResumeCommands}) decides how the plugin is named (its prefix when the POM declares it,
 * else its full coordinates) and which arguments of this build must be repeated ({@code -s}, {@code -f},
 * {@code -P}, non-default endpoints), and the {@link Vocabulary} how a command gives a setting.
 *
 * <p>This is the one place where such a command is written.
 */
public final class ResumeCommands {
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");
    private static final ResumeCommands DEFAULT =
            new ResumeCommands(Vocabulary.PLAIN, "edge-addons", Collections.emptyList());

    private final Vocabulary vocabulary;
    private final String plugin;
    private final List<String> arguments;

    /**
     * @param vocabulary the front end's words: how a command gives a setting, what runs a goal
     * @param plugin how the plugin is named on the command line: its prefix {@code edge-addons}, or
     *     {@code groupId:artifactId:version}
     * @param arguments arguments of this build that the command must repeat, unquoted (e.g. {@code -s},
     *     {@code path}); they follow the goal's own arguments
     */
    public ResumeCommands(Vocabulary vocabulary, String plugin, List<String> arguments) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.plugin = Objects.requireNonNull(plugin, "plugin");
        this.arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    /** Commands in the {@link Vocabulary#PLAIN plain} vocabulary, with no further arguments. */
    public static ResumeCommands defaults() {
        return DEFAULT;
    }

    /** The front end's words, which the hints ({@code Hints}) speaks too. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Follows a publish operation to its end. */
    public String await(String productId, String operationId) {
        return command("await", vocabulary.argument(Vocabulary.Setting.PRODUCT_ID, productId),
                vocabulary.argument(Vocabulary.Setting.OPERATION_ID, operationId));
    }

    /** Prints the status of an (upload or publish) operation. */
    public String status(String productId, String operationId) {
        return command("status", vocabulary.argument(Vocabulary.Setting.PRODUCT_ID, productId),
                vocabulary.argument(Vocabulary.Setting.OPERATION_ID, operationId));
    }

    /** Publishes the draft already in the store's dashboard, without uploading again. */
    public String publishDraft(String productId) {
        return command("publish", vocabulary.argument(Vocabulary.Setting.PRODUCT_ID, productId),
                vocabulary.argument(Vocabulary.Setting.REQUIRE_UPLOAD, "false"));
    }

    /** Prints a Chrome Web Store item's published and submitted revisions. */
    public String chromeStatus(String publisherId, String itemId) {
        return command("status", vocabulary.argument(Vocabulary.Setting.CHROME_ITEM_ID, itemId),
                vocabulary.argument(Vocabulary.Setting.CHROME_PUBLISHER_ID, publisherId));
    }

    private String command(String goal, String... goalArguments) {
        String launcher = vocabulary.launcher();
        StringBuilder b = new StringBuilder(launcher.isEmpty() ? "" : launcher + " ").append(plugin).append(':').append(goal);
        for (String a : goalArguments) {
            b.append(' ').append(quote(a));
        }
        for (String a : arguments) {
            b.append(' ').append(quote(a));
        }
        return b.toString();
    }

    /** POSIX shell quoting, only where needed, so that the command can be pasted as printed. */
    public static String quote(String argument) {
        if (!argument.isEmpty() && SHELL_SAFE.matcher(argument).matches()) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    @Override
    public String toString() {
        return command("<goal>");
    }
}
