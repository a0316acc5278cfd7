package io.github.edgeaddons.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What README.md tells a user to type, read from README.md itself so that the readme-commands and
 * first-contact ITs fail when README drifts: its fenced code blocks (of the whole README or of one of its
 * sections), every {@code mvn ...} command of README and of the pages of docs/ beside it (in shell blocks
 * and in inline code), and the commands a build log prints. {@link Shell} runs them, as a user would.
 */
public final class ReadmeCommands {
    private static final Pattern FENCE = Pattern.compile("(?m)^```(\\w*)\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern INLINE = Pattern.compile("`([^`]+)`");
    private static final Pattern PRINTED = Pattern.compile("mvn \\S*edge-addons\\S*:[a-z]+");

    private final String text;
    /** README's text, then each docs/*.md page's: where {@link #mavenCommands()} looks. */
    private final List<String> documents;

    private ReadmeCommands(String text, List<String> documents) {
        this.text = text;
        this.documents = documents;
    }

    /** README.md, with the docs/*.md pages of its folder for {@link #mavenCommands()}. */
    public static ReadmeCommands parse(Path readme) throws IOException {
        String text = read(readme);
        List<String> documents = new ArrayList<>();
        documents.add(text);
        Path docs = readme.toAbsolutePath().getParent().resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> pages = Files.list(docs)) {
                for (Path page : (Iterable<Path>) pages.filter(f -> f.toString().endsWith(".md")).sorted()::iterator) {
                    documents.add(read(page));
                }
            }
        }
        return new ReadmeCommands(text, documents);
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    /** README's text. */
    public String text() {
        return text;
    }

    /**
     * The section of README under the heading {@code ## heading}, up to the next heading of that level: its
     * {@link #blocks}, {@link #block} and {@link #mavenCommands} are that section's only.
     */
    public ReadmeCommands section(String heading) {
        Matcher start = Pattern.compile("(?m)^## " + Pattern.quote(heading) + "[ \\t]*$").matcher(text);
        if (!start.find()) {
            throw new IllegalStateException("README has no section '## " + heading + "'");
        }
        Matcher next = Pattern.compile("(?m)^## ").matcher(text);
        int end = next.find(start.end()) ? next.start() : text.length();
        String part = text.substring(start.start(), end);
        return new ReadmeCommands(part, Collections.singletonList(part));
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
     * Every distinct {@code mvn} command of README and of docs/*.md, in order: lines of shell blocks (without
     * a trailing {@code # comment}) and inline code, whitespace folded to single spaces.
     */
    public Set<String> mavenCommands() {
        Set<String> out = new LinkedHashSet<>();
        for (String document : documents) {
            mavenCommands(document, out);
        }
        return out;
    }

    private static void mavenCommands(String text, Set<String> out) {
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
