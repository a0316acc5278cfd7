package io.github.edgeaddons.pkg.checks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every finding of one run of the checks against one store's rules, and the rules the user silenced. The
 * report's lines are composed here, once.
 */
public final class CheckReport {
    private final Store store;
    private final List<Finding> findings;
    private final Map<Rule, Integer> silenced;

    CheckReport(Store store, List<Finding> findings, Map<Rule, Integer> silenced) {
        this.store = store;
        this.findings = Collections.unmodifiableList(new ArrayList<>(findings));
        this.silenced = Collections.unmodifiableMap(new TreeMap<>(silenced));
    }

    /** A report with nothing in it (for packages checked before these rules existed, and for tests). */
    public static CheckReport empty(Store store) {
        return new CheckReport(store, Collections.emptyList(), Collections.emptyMap());
    }

    public Store store() {
        return store;
    }

    /** Errors and warnings, in the order found; silenced rules are not here. */
    public List<Finding> findings() {
        return findings;
    }

    public List<Finding> errors() {
        return of(Severity.ERROR);
    }

    public List<Finding> warnings() {
        return of(Severity.WARNING);
    }

    public boolean hasErrors() {
        return !errors().isEmpty();
    }

    /** The silenced rules that did apply to this package, with how many findings each would have given. */
    public Map<Rule, Integer> silenced() {
        return silenced;
    }

    /** The codes of every finding, for tests and result files. */
    public Set<Rule> rules() {
        Set<Rule> rules = EnumSet.noneOf(Rule.class);
        for (Finding f : findings) {
            rules.add(f.rule());
        }
        return rules;
    }

    private List<Finding> of(Severity severity) {
        List<Finding> list = new ArrayList<>();
        for (Finding f : findings) {
            if (f.severity() == severity) {
                list.add(f);
            }
        }
        return list;
    }

    /** "2 errors, 1 warning" (and ", 1 silenced" when a silenced rule applied). */
    public String summary() {
        int silencedCount = 0;
        for (int n : silenced.values()) {
            silencedCount += n;
        }
        return count(errors().size(), "error") + ", " + count(warnings().size(), "warning")
                + (silencedCount > 0 ? ", " + silencedCount + " silenced" : "");
    }

    /** One line per silenced rule that applied: what the build says instead of the finding. */
    public List<String> silencedLines(String setting) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Rule, Integer> e : silenced.entrySet()) {
            lines.add("Check " + e.getKey().code() + " is silenced by " + setting + " (" + count(e.getValue(), "finding")
                    + " not reported).");
        }
        return lines;
    }

    /**
     * The failure's text: a first line naming the package and the store, each error (then each warning) on a
     * line of its own, the summary, and how to silence a rule.
     */
    public String failureMessage(String packageName, String setting) {
        StringBuilder sb = new StringBuilder();
        sb.append("Extension package ").append(packageName).append(" fails the ").append(store.title())
                .append(" store's checks (nothing was sent):");
        for (Finding f : errors()) {
            sb.append("\n  ").append(f);
        }
        for (Finding f : warnings()) {
            sb.append("\n  ").append(f);
        }
        sb.append("\n").append(summary()).append(". Fix the errors; if the store is known to accept one for this"
                + " extension, silence its rule by code with ").append(setting).append('.');
        return sb.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
