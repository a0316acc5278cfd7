package io.github.edgeaddons.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Keeps the documentation from drifting: docs/REFERENCE.md is generated from the plugin descriptor that
 * maven-plugin-plugin builds from the mojos' annotations and Javadoc, and README's parameter table must
 * name every property with its default. Regenerate with {@code mvn test -Dtest=ReferenceDocTest -DupdateDocs}.
 */
class ReferenceDocTest {
    private static final Path DESCRIPTOR = Paths.get("target/classes/META-INF/maven/plugin.xml");
    private static final Path REFERENCE = Paths.get("docs/REFERENCE.md");
    private static final Path README = Paths.get("README.md");

    /** goal -> its description, phase and parameters. */
    private static final Map<String, Goal> GOALS = new LinkedHashMap<>();

    static final class Param {
        String name;
        String property;
        String defaultValue;
        String description;
        List<String> goals = new ArrayList<>();
    }

    static final class Goal {
        String name;
        String phase;
        String description;
        List<Param> params = new ArrayList<>();
    }

    @BeforeAll
    static void readDescriptor() throws Exception {
        assertTrue(Files.isRegularFile(DESCRIPTOR), "run after process-classes: " + DESCRIPTOR);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(DESCRIPTOR.toFile());
        NodeList mojos = doc.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            Goal g = new Goal();
            g.name = text(mojo, "goal");
            g.phase = text(mojo, "phase");
            g.description = text(mojo, "description");
            Element config = child(mojo, "configuration");
            Map<String, Element> configByName = new TreeMap<>();
            if (config != null) {
                for (Node n = config.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element) {
                        configByName.put(n.getNodeName(), (Element) n);
                    }
                }
            }
            Element params = child(mojo, "parameters");
            for (Node n = params == null ? null : params.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element)) {
                    continue;
                }
                Element p = (Element) n;
                if (!"true".equals(text(p, "editable"))) {
                    continue;
                }
                Param param = new Param();
                param.name = text(p, "name");
                param.description = text(p, "description");
                Element c = configByName.get(param.name);
                if (c != null) {
                    String expr = c.getTextContent().trim();
                    param.property = expr.startsWith("${") ? expr.substring(2, expr.length() - 1) : null;
                    param.defaultValue = c.hasAttribute("default-value") ? c.getAttribute("default-value") : null;
                }
                g.params.add(param);
            }
            GOALS.put(g.name, g);
        }
    }

    @Test
    void everyGoalOfTheSpecExists() {
        for (String goal : new String[] {"upload", "publish", "await", "validate", "status", "help"}) {
            assertTrue(GOALS.containsKey(goal), "goal " + goal + " missing from the descriptor: " + GOALS.keySet());
        }
        assertEquals("deploy", GOALS.get("upload").phase);
        assertEquals("deploy", GOALS.get("publish").phase);
        assertEquals("deploy", GOALS.get("await").phase);
        assertEquals("verify", GOALS.get("validate").phase);
    }

    @Test
    void referenceMatchesTheDescriptor() throws Exception {
        String expected = render();
        String actual = Files.isRegularFile(REFERENCE)
                ? new String(Files.readAllBytes(REFERENCE), StandardCharsets.UTF_8) : "";
        if (!expected.equals(actual) && System.getProperty("updateDocs") != null) {
            Files.createDirectories(REFERENCE.getParent());
            Files.write(REFERENCE, expected.getBytes(StandardCharsets.UTF_8));
            actual = expected;
        }
        assertEquals(expected, actual, REFERENCE + " is out of date with the mojos: run"
                + " mvn test -Dtest=ReferenceDocTest -DupdateDocs and commit the result");
    }

    @Test
    void renderingIsTheSameEachTimeAndListsEachGoalOnce() {
        String first = render();
        assertEquals(first, render(), "rendering must not change what the next rendering sees");
        for (Param p : allParams().values()) {
            assertEquals(new java.util.LinkedHashSet<>(p.goals).size(), p.goals.size(),
                    p.name + " lists a goal twice: " + p.goals);
        }
    }

    @Test
    void readmeTableNamesEveryPropertyWithItsDefault() throws Exception {
        String readme = new String(Files.readAllBytes(README), StandardCharsets.UTF_8);
        Map<String, Param> all = allParams();
        List<String> problems = new ArrayList<>();
        for (Param p : all.values()) {
            if (p.property == null) {
                continue;
            }
            String rowStart = "| " + p.name + " | `" + p.property + "` | ";
            int at = readme.indexOf(rowStart);
            if (at < 0) {
                problems.add("no README row for " + p.name + " (" + p.property + ")");
                continue;
            }
            String row = readme.substring(at, readme.indexOf('\n', at));
            String defaultCell = row.split(" \\| ")[2];
            if (p.defaultValue != null && !defaultCell.contains("`" + p.defaultValue + "`")) {
                problems.add("README row of " + p.name + " does not give the default `" + p.defaultValue + "`: " + row);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * Every parameter once, with the goals that take it. Built afresh on each call from the descriptor's
     * goals, which it never changes, so that the tests pass in any order and any number of times.
     */
    private static Map<String, Param> allParams() {
        Map<String, Param> all = new TreeMap<>();
        for (Goal g : GOALS.values()) {
            if (g.name.equals("help")) {
                continue;
            }
            for (Param p : g.params) {
                all.computeIfAbsent(p.name, n -> copyWithoutGoals(p)).goals.add(g.name);
            }
        }
        return all;
    }

    private static Param copyWithoutGoals(Param p) {
        Param c = new Param();
        c.name = p.name;
        c.property = p.property;
        c.defaultValue = p.defaultValue;
        c.description = p.description;
        return c;
    }

    private static String render() {
        StringBuilder md = new StringBuilder();
        md.append("# edge-addons-maven-plugin reference\n\n")
                .append("Generated from the plugin descriptor by `ReferenceDocTest`; do not edit by hand.\n")
                .append("Regenerate with `mvn test -Dtest=ReferenceDocTest -DupdateDocs`.\n\n")
                .append("## Goals\n\n");
        for (Goal g : GOALS.values()) {
            md.append("### `edge-addons:").append(g.name).append("`\n\n");
            md.append("Default phase: ").append(g.phase == null ? "none" : "`" + g.phase + "`").append("\n\n");
            md.append(oneLine(g.description)).append("\n\n");
            if (!g.params.isEmpty()) {
                md.append("Parameters: ");
                List<String> names = new ArrayList<>();
                for (Param p : g.params) {
                    names.add("`" + p.name + "`");
                }
                md.append(String.join(", ", names)).append(".\n\n");
            }
        }
        md.append("## Parameters\n\n| parameter | property | default | goals | description |\n|---|---|---|---|---|\n");
        for (Param p : allParams().values()) {
            md.append("| ").append(p.name).append(" | ")
                    .append(p.property == null ? "" : "`" + p.property + "`").append(" | ")
                    .append(p.defaultValue == null ? "" : "`" + p.defaultValue + "`").append(" | ")
                    .append(String.join(", ", p.goals)).append(" | ")
                    .append(oneLine(p.description).replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    private static Element child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && n.getNodeName().equals(name)) {
                return (Element) n;
            }
        }
        return null;
    }

    private static String text(Element e, String name) {
        Element c = child(e, name);
        return c == null ? null : c.getTextContent();
    }
}
