package io.github.edgeaddons.pkg.checks;

/** What a finding does to the build, per store. */
public enum Severity {
    /** The store (or the browser loading the package) refuses it: the goal fails before any request. */
    ERROR,
    /** Only a reviewer or the listing would object: logged, the build goes on. */
    WARNING,
    /** Not a rule of this store. */
    OFF;

    /** "error" / "warning", as in a finding's line. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
