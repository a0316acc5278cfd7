package io.github.edgeaddons.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What README.md tells a user to type, read from README.md itself so that the readme-commands IT fails
 * when README drifts: its fenced code blocks, every {@code mvn ...} command (in shell blocks and in inline
 * code), and the commands a build log prints. {@link Shell} runs them, as a user would.
 */
public final class ReadmeCommands {
    private static final Pattern FENCE = Pattern.compile("(?m)^```(\\w*)\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern INLINE = Pattern.compile("`([^`]+)`");
    private static final Pattern PRINTED = Pattern.compile("mvn \\S*edge-addons\\S*:[a-z]+");

    private final String text;

    private ReadmeCommands(String text) {
        this.text = text;
    }

    public static ReadmeCommands parse(Path readme) throws IOException {
        return new ReadmeCommands(new String(Files.readAllBytes(readme), StandardCharsets.UTF_8));
    }

    /** README's text. */
    public String text() {
        return text;
    }

    /** The content of every fenced block with this info string ({@code xml}, {@code json}, {@code bash}). */
    public List<String> blocks(String language) {
        List<String> out = new ArrayList<>();
        Matcher m = FENCE.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(language)) {
                out.add(m.group(2));
            }
        }
        return out;
    }

    /** The one block of this language that contains {@code marker}. */
    public String block(String language, String marker) {
        String found = null;
        for (String b : blocks(language)) {
            if (b.contains(marker)) {
                if (found != null) {
                    throw new IllegalStateException("several " + language + " blocks of README contain " + marker);
                }
                found = b;
            }
        }
        if (found == null) {
            throw new IllegalStateException("no " + language + " block of README contains " + marker);
        }
        return found;
    }

    /**
     * Every distinct {@code mvn} command of README, in order: lines of shell blocks (without a trailing
     * {@code # comment}) and inline code, whitespace folded to single spaces.
     */
    public Set<String> mavenCommands() {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = FENCE.matcher(text);
        StringBuilder prose = new StringBuilder();
        int last = 0;
        while (m.find()) {
            prose.append(text, last, m.start());
            last = m.end();
            if (m.group(1).equals("bash")) {
                for (String line : m.group(2).split("\n")) {
                    String command = line.replaceAll("\\s+#.*$", "").trim();
                    if (command.startsWith("mvn ")) {
                        out.add(command);
                    }
                }
            }
        }
        prose.append(text.substring(last));
        Matcher inline = INLINE.matcher(prose);
        while (inline.find()) {
            String code = inline.group(1).replaceAll("\\s+", " ").trim();
            if (code.startsWith("mvn ")) {
                out.add(code);
            }
        }
        return out;
    }

    /**
     * The commands a build log prints for picking up a release ({@code mvn edge-addons:await ...}, or with
     * the plugin's coordinates): from {@code mvn} to the end of the command's arguments, without the
     * sentence's closing punctuation.
     */
    public static List<String> printedCommands(String log) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PRINTED.matcher(log);
        while (m.find()) {
            StringBuilder command = new StringBuilder(m.group());
            int i = m.end();
            boolean takesValue = false;
            while (i < log.length() && log.charAt(i) == ' ') {
                int start = i + 1;
                int end = start;
                if (end < log.length() && log.charAt(end) == '\'') {
                    end = log.indexOf('\'', end + 1) + 1;
                } else {
                    while (end < log.length() && !Character.isWhitespace(log.charAt(end))) {
                        end++;
                    }
                }
                String token = log.substring(start, end);
                if (!takesValue && !token.startsWith("-")) {
                    break;
                }
                takesValue = token.equals("-f") || token.equals("-s") || token.equals("-gs");
                boolean last = token.endsWith(".") || token.endsWith(",") || token.endsWith(";");
                command.append(' ').append(last ? token.substring(0, token.length() - 1) : token);
                i = end;
                if (last) {
                    break;
                }
            }
            out.add(command.toString());
        }
        return new ArrayList<>(out);
    }
}
