package io.github.edgeaddons.pkg.checks;

/**
 * A store whose package rules {@link Rule} knows. Each rule gives its severity per store; the few limits that
 * differ by store are here. Adding a store is one constant here and one severity column in {@link Rule}.
 */
public enum Store {
    /** Microsoft Edge Add-ons: the listing takes a name of at most 45 characters (MDN manifest.json/name). */
    EDGE("Edge Add-ons", 45),
    /** Chrome Web Store: names up to 75 characters. */
    CHROME("Chrome Web Store", 75),
    /** Firefox Add-ons (AMO): names up to 50 characters. */
    FIREFOX("Firefox Add-ons", 50);

    /** The Chrome Web Store's limit for {@code description}, the one store that documents a refusal. */
    public static final int DESCRIPTION_LIMIT = 132;

    private final String title;
    private final int nameLimit;

    Store(String title, int nameLimit) {
        this.title = title;
        this.nameLimit = nameLimit;
    }

    /** The store's name for messages, e.g. "Edge Add-ons". */
    public String title() {
        return title;
    }

    /** The longest {@code name} (after resolving {@code __MSG_} placeholders) the store's listing takes. */
    public int nameLimit() {
        return nameLimit;
    }
}
