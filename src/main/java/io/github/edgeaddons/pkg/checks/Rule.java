package io.github.edgeaddons.pkg.checks;

import static io.github.edgeaddons.pkg.checks.Severity.ERROR;
import static io.github.edgeaddons.pkg.checks.Severity.OFF;
import static io.github.edgeaddons.pkg.checks.Severity.WARNING;

import io.github.edgeaddons.config.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The package rules: one constant per rule, its stable code (the constant's name, which users write in
 * {@code ignoredChecks}), its severity in each store, and the sentence a finding prints (what is wrong and
 * what to do; {@code %1$s}... are the finding's facts). The checks themselves are in {@link PackageChecks}.
 *
 * <p>Sources: ../shared/PACKAGE-RULES.md (Chromium's loader, Edge's upload refusals, Chrome Web Store
 * refusals, Edge's listing) and the Firefox section of FIREFOX-API.md. A store's column is data: adding a
 * store is one more severity per rule, not a new class. Codes never change once released; a rule that is
 * retired keeps its code.
 */
public enum Rule {
    // ---------------------------------------------------------------------------- files the manifest names
    MISSING_FILE(ERROR, ERROR, ERROR,
            "a file the manifest names is not in the zip, with the same case",
            "Chromium refuses a missing icon, options page or content script; Edge's upload refuses any missing"
                    + " file reference (\"Manifest file reference ... does not exist in the zip archive\")",
            "\"%1$s\" names %2$s, which is not in the zip%3$s. Add the file to the extension, or fix the path in"
                    + " manifest.json (paths are relative to the zip's root, and case matters in the store)."),
    ICON_EMPTY(ERROR, ERROR, ERROR,
            "an icon the manifest names is an empty file",
            "Chromium refuses it: \"Could not load icon\"",
            "\"%1$s\" names %2$s, which is an empty file (0 bytes). Replace it with the real image."),
    ICON_FORMAT(ERROR, ERROR, OFF,
            "an icon is not an image Chromium decodes (PNG, JPEG, BMP, ICO, GIF); SVG and WebP are not",
            "Chromium cannot decode it (\"Could not decode image\") and the install fails",
            "\"%1$s\" names %2$s, which is %3$s; Chromium takes PNG (best), JPEG, BMP or ICO icons. Export the icon as"
                    + " PNG (16, 32, 48 and 128 pixels)."),
    ICON_128_MISSING(WARNING, WARNING, OFF,
            "\"icons\" has no 128-pixel icon",
            "the store and the browser's extension page show the 128-pixel icon; Chromium's guide says to always"
                    + " give one",
            "\"icons\" gives sizes %1$s but no \"128\". Add a 128x128 PNG, e.g. \"128\": \"icons/icon128.png\"."),

    // ---------------------------------------------------------------------------- manifest fields
    VERSION_ALL_ZERO(ERROR, ERROR, ERROR,
            "\"version\" is all zeros (0, 0.0.0)",
            "the stores refuse it: \"The manifest has an invalid version: 0.0.0.\"",
            "\"version\" is %1$s, which is all zeros; the store refuses it. Use a version above 0, e.g. 1.0.0"
                    + " (the edge-extension packaging writes the project version)."),
    MANIFEST_V2(WARNING, WARNING, OFF,
            "manifest_version 2",
            "Edge takes no new MV2 extensions since July 2022 and retires MV2 in 2026; Chrome no longer runs them",
            "\"manifest_version\" is 2. Move to manifest_version 3 (service worker background, \"action\")"
                    + " before the store's MV2 deadline."),
    KEY_FIELD(WARNING, ERROR, OFF,
            "\"key\" is set",
            "the Chrome Web Store refuses it (\"key field is not allowed in manifest\"); Edge: unverified",
            "\"key\" is set; the Chrome Web Store refuses packages with it, and a store assigns the id itself."
                    + " Remove it from the released manifest.json."),
    DESCRIPTION_TOO_LONG(WARNING, ERROR, OFF,
            "\"description\" is over 132 characters (after resolving __MSG_ placeholders)",
            "the Chrome Web Store refuses it; Edge: unverified",
            "\"description\" is %1$d characters long%2$s; the limit is %3$d. Shorten it (the store listing has its"
                    + " own long description)."),
    NAME_TOO_LONG(WARNING, WARNING, WARNING,
            "\"name\" is longer than the store's listing takes (Edge 45, Chrome 75, Firefox 50 characters)",
            "the store's listing cuts or refuses a longer name",
            "\"name\" is %1$d characters long (%2$s); the %3$s listing takes at most %4$d. Shorten it, or set a"
                    + " shorter \"short_name\" and name."),
    MINIMUM_CHROME_VERSION_MV3(WARNING, ERROR, OFF,
            "manifest_version 3 with minimum_chrome_version below 88",
            "the Chrome Web Store refuses it (\"a manifest V3 item must require at least Chrome version 88\")",
            "\"minimum_chrome_version\" is %1$s, but manifest_version 3 needs at least 88. Raise it to 88 or"
                    + " more, or remove it."),
    CONTENT_SCRIPT_INVALID(ERROR, ERROR, ERROR,
            "a content_scripts entry has no \"matches\", or neither \"js\" nor \"css\"",
            "Chromium refuses the manifest",
            "\"%1$s\" %2$s. Give it \"matches\" (e.g. [\"https://*.example.com/*\"]) and at least one \"js\" or"
                    + " \"css\" file."),

    // ---------------------------------------------------------------------------- background
    BACKGROUND_SCRIPTS_MV3(ERROR, WARNING, OFF,
            "manifest_version 3 with \"background.scripts\" (even beside \"service_worker\")",
            "Edge's upload refuses it: \"The background.scripts field cannot be used with manifest version 3\";"
                    + " Chrome warns",
            "\"background.scripts\" is set with manifest_version 3; the Edge store refuses it even beside"
                    + " \"service_worker\". Use \"background\": {\"service_worker\": \"...\"} alone (build a"
                    + " separate zip with \"scripts\" for Firefox)."),
    BACKGROUND_PAGE_MV3(ERROR, ERROR, OFF,
            "manifest_version 3 with \"background.page\"",
            "Chromium refuses it in manifest_version 3",
            "\"background.page\" is set with manifest_version 3. Move the page's scripts into a service worker:"
                    + " \"background\": {\"service_worker\": \"background.js\"}."),
    BACKGROUND_MULTIPLE(WARNING, WARNING, OFF,
            "manifest_version 2 with more than one of background.page, scripts, service_worker",
            "older Chromium refuses it, current Chromium warns",
            "\"background\" has %1$s; Chromium uses one. Keep one of them."),
    BACKGROUND_SERVICE_WORKER_ONLY(OFF, OFF, ERROR,
            "manifest_version 3 with only \"background.service_worker\" (Firefox)",
            "Firefox has no background service worker; addons-linter refuses it",
            "\"background\" has only \"service_worker\"; Firefox runs \"background.scripts\". Add"
                    + " \"scripts\": [\"%1$s\"] beside it."),
    GECKO_ID_MISSING(OFF, OFF, ERROR,
            "manifest_version 3 without browser_specific_settings.gecko.id (Firefox)",
            "AMO needs the add-on id in a manifest V3 package",
            "\"browser_specific_settings.gecko.id\" is missing; Firefox needs it with manifest_version 3. Add"
                    + " \"browser_specific_settings\": {\"gecko\": {\"id\": \"my-extension@example.com\"}}."),
    GECKO_DATA_COLLECTION_MISSING(OFF, OFF, WARNING,
            "no browser_specific_settings.gecko.data_collection_permissions (Firefox)",
            "AMO requires it of new add-ons since 2025-11-03",
            "\"browser_specific_settings.gecko.data_collection_permissions\" is missing; AMO requires it of new"
                    + " add-ons. Add {\"required\": [\"none\"]} (or the categories collected), with"
                    + " strict_min_version 128 or more."),
    UPDATE_URL(OFF, OFF, ERROR,
            "\"update_url\" is set (Firefox)",
            "AMO refuses it (MANIFEST_UPDATE_URL): the store serves updates itself",
            "\"update_url\" is set; AMO refuses it. Remove it from the package released to the store."),

    // ---------------------------------------------------------------------------- _locales
    LOCALES_WITHOUT_DEFAULT_LOCALE(ERROR, ERROR, ERROR,
            "_locales/ is in the zip but \"default_locale\" is not set",
            "Chromium refuses it: \"Localization used, but default_locale wasn't specified in the manifest.\"",
            "the zip has _locales/ (%1$s), but manifest.json has no \"default_locale\". Add \"default_locale\":"
                    + " \"%2$s\" (the language the extension falls back to)."),
    DEFAULT_LOCALE_WITHOUT_LOCALES(ERROR, ERROR, ERROR,
            "\"default_locale\" is set but the zip has no _locales/",
            "Chromium refuses it: \"Default locale was specified, but _locales subtree is missing.\"",
            "\"default_locale\" is \"%1$s\", but the zip has no _locales/ folder. Add"
                    + " _locales/%1$s/messages.json, or remove \"default_locale\"."),
    LOCALE_MESSAGES_MISSING(ERROR, ERROR, ERROR,
            "a locale (or the default locale) has no messages.json",
            "Chromium refuses it: \"Catalog file is missing for locale\"",
            "%1$s is missing%2$s. Add it (a JSON object of messages), or %3$s."),
    MESSAGES_INVALID(ERROR, ERROR, ERROR,
            "a messages.json is not a JSON object of {\"message\": ...} entries",
            "Chromium refuses the package when a catalog cannot be read",
            "this file %1$s. Fix it: each key maps to an object like {\"message\": \"text\"}."),
    MESSAGE_RESERVED_KEY(ERROR, ERROR, ERROR,
            "a messages.json defines a key starting with @@",
            "Chromium refuses it: \"Reserved key ... found in message catalog.\"",
            "the key \"%1$s\" starts with @@, which Chromium reserves for predefined messages. Rename it."),
    MESSAGE_UNDEFINED(ERROR, ERROR, ERROR,
            "a __MSG_key__ in manifest.json is not in the default locale's messages.json",
            "Chromium refuses the package: the name or text would stay unresolved",
            "\"%1$s\" uses %2$s, but %3$s. Define \"%4$s\": {\"message\": \"...\"} in the default locale's"
                    + " _locales/<default_locale>/messages.json, or fix the key (keys are matched ignoring case)."),
    LISTING_LANGUAGES(WARNING, OFF, OFF,
            "several _locales languages with a localized name and description",
            "each becomes a Partner Center listing language that needs its own description (250+ characters) and"
                    + " logo before the submission can pass review",
            "the package has %1$d languages under _locales (%2$s) and a localized name and description: Partner"
                    + " Center makes each one a listing language, and each needs its own description and logo there"
                    + " before review. Fill them in Partner Center, or ship fewer languages."),

    // ---------------------------------------------------------------------------- the zip's files
    NESTED_ARCHIVE(ERROR, WARNING, WARNING,
            "a compressed file (zip, crx, xpi, gz, ...) inside the package",
            "Edge's upload refuses it: \"The uploaded package consists of a compressed file.\"",
            "this is a compressed file inside the package; the Edge store refuses such packages. Leave it out"
                    + " (<excludes>), or ship its content unpacked."),
    SECRET_FILE(ERROR, ERROR, ERROR,
            "a file that looks like a secret: a private key (.pem, key headers), .env, .npmrc, .netrc, ...",
            "the package is public: anyone can download it from the store and read the secret",
            "this looks like a secret (%1$s) and the package would make it public. Leave it out of the extension"
                    + " folder (or <excludes> it), and revoke it if it was ever shipped."),
    RESERVED_NAME(WARNING, WARNING, OFF,
            "a top-level name starting with \"_\" other than _locales",
            "Chromium reserves such names for the system (\"Filenames starting with \"_\" are reserved\")",
            "names starting with \"_\" at the zip's root are reserved for the browser (only _locales is allowed)."
                    + " Rename \"%1$s\"."),
    DNR_RULES_INVALID(ERROR, ERROR, ERROR,
            "a declarative_net_request rule file is not a JSON list of rules",
            "Chromium refuses to load a ruleset it cannot parse",
            "this rule file %1$s. It must be a JSON array of rules, e.g. [{\"id\": 1, ...}].");

    private final Severity edge;
    private final Severity chrome;
    private final Severity firefox;
    private final String what;
    private final String why;
    private final String template;

    Rule(Severity edge, Severity chrome, Severity firefox, String what, String why, String template) {
        this.edge = edge;
        this.chrome = chrome;
        this.firefox = firefox;
        this.what = what;
        this.why = why;
        this.template = template;
    }

    /** The stable code users see and write in {@code ignoredChecks}. */
    public String code() {
        return name();
    }

    /** What the rule checks, in a few words (README table). */
    public String what() {
        return what;
    }

    /** Why the store cares (README table). */
    public String why() {
        return why;
    }

    public Severity severity(Store store) {
        switch (store) {
            case EDGE:
                return edge;
            case CHROME:
                return chrome;
            case FIREFOX:
                return firefox;
            default:
                throw new IllegalArgumentException(String.valueOf(store));
        }
    }

    /** The finding's sentence: what is wrong and what to do, from its facts. */
    String message(Object... facts) {
        return String.format(Locale.ROOT, template, facts);
    }

    /**
     * The rules named in a comma-separated list of codes (blanks ignored, any case).
     *
     * @param setting the parameter, for the message ({@code ignoredChecks / edge.ignoredChecks})
     * @throws ConfigException naming the unknown code and the known ones
     */
    public static Set<Rule> parseCodes(String codes, String setting) throws ConfigException {
        Set<Rule> rules = EnumSet.noneOf(Rule.class);
        if (codes == null) {
            return rules;
        }
        List<String> unknown = new ArrayList<>();
        for (String raw : codes.split("[,\\s]+")) {
            String code = raw.trim().toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            try {
                rules.add(Rule.valueOf(code));
            } catch (IllegalArgumentException e) {
                unknown.add(raw.trim());
            }
        }
        if (!unknown.isEmpty()) {
            List<String> known = new ArrayList<>();
            for (Rule r : values()) {
                known.add(r.code());
            }
            Collections.sort(known);
            throw new ConfigException(setting + " names " + (unknown.size() == 1 ? "an unknown check: " : "unknown checks: ")
                    + String.join(", ", unknown) + ". The codes are: " + String.join(", ", known) + ".");
        }
        return rules;
    }
}
