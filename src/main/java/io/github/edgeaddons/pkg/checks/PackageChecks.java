package io.github.edgeaddons.pkg.checks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs every {@link Rule} over a package whose basics (a zip, manifest.json at its root, strict JSON,
 * manifest_version, name and version) already passed, and collects all findings at once. Which findings are
 * errors, warnings or nothing is the {@link Store}'s column of {@link Rule}; silenced rules are counted, not
 * reported.
 *
 * <p>Only names and sizes of the zip's entries are used, plus the bytes of manifest.json (already parsed), of
 * the messages.json catalogs, of declarative_net_request rule files, and the first bytes of icons and of the
 * few files that may hold a private key.
 */
public final class PackageChecks {
    static final String MANIFEST = "manifest.json";
    private static final String LOCALES = "_locales/";

    /** Compressed files Edge's upload refuses inside a package. */
    private static final Set<String> ARCHIVES = new HashSet<>(Arrays.asList(
            "zip", "crx", "xpi", "gz", "tgz", "bz2", "xz", "7z", "rar", "tar", "zst", "lz", "lzma", "cab"));
    /** Extensions of key stores and keys, secret by their name alone. */
    private static final Map<String, String> SECRET_EXTENSIONS = new HashMap<>();
    /** Whole names that hold credentials. */
    private static final Map<String, String> SECRET_NAMES = new HashMap<>();
    /** .env files that are templates by convention, not secrets. */
    private static final Set<String> ENV_TEMPLATES = new HashSet<>(Arrays.asList(
            ".env.example", ".env.sample", ".env.template", ".env.dist", ".env.defaults"));
    /** Extensions whose first bytes are read to look for a private key's header (besides names without one). */
    private static final Set<String> KEY_CANDIDATES = new HashSet<>(Arrays.asList(
            "key", "txt", "asc", "priv", "sec", "der", "private"));
    private static final long KEY_CANDIDATE_MAX_SIZE = 1024 * 1024;
    private static final Set<String> RESERVED_ALLOWED = new HashSet<>(Arrays.asList(
            "_locales", "_platform_specific", "__MACOSX"));
    /** A folder name Chromium takes for a locale (en, en_US, pt_BR, zh_TW, es_419); others it skips. */
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(_[A-Za-z0-9]{2,4})?");
    private static final Pattern PLACEHOLDER = Pattern.compile("__MSG_([A-Za-z0-9_@]+)__");

    static {
        for (String ext : new String[] {"pem", "p12", "pfx", "jks", "keystore", "ppk"}) {
            SECRET_EXTENSIONS.put(ext, "a ." + ext + " key file");
        }
        SECRET_NAMES.put(".env", "an environment file, .env");
        SECRET_NAMES.put(".npmrc", "npm's configuration, which holds registry tokens, .npmrc");
        SECRET_NAMES.put(".netrc", "login credentials, .netrc");
        SECRET_NAMES.put(".pypirc", "PyPI credentials, .pypirc");
        SECRET_NAMES.put(".git-credentials", "git credentials");
        SECRET_NAMES.put(".htpasswd", "a password file, .htpasswd");
        for (String key : new String[] {"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"}) {
            SECRET_NAMES.put(key, "an SSH private key, " + key);
        }
    }

    private final Store store;
    private final Set<Rule> ignored;

    public PackageChecks(Store store, Set<Rule> ignored) {
        this.store = store;
        this.ignored = ignored == null || ignored.isEmpty() ? EnumSet.noneOf(Rule.class) : EnumSet.copyOf(ignored);
    }

    public Store store() {
        return store;
    }

    public CheckReport check(Manifest manifest, PackageContent content) {
        Run run = new Run(manifest, content);
        run.all();
        return new CheckReport(store, run.findings, run.silenced);
    }

    /** How a manifest value names a file. */
    private enum Ref {
        /** A script, rule file...: the path as written. */
        FILE,
        /** An HTML page: may carry {@code ?query} or {@code #fragment}. */
        PAGE,
        /** An icon: must also be a non-empty image in a supported format. */
        ICON,
        /** A web-accessible resource: a file or a folder. */
        RESOURCE
    }

    /** One run over one package. */
    private final class Run {
        final Manifest manifest;
        final JsonObject json;
        final PackageContent content;
        final int manifestVersion;
        final List<Finding> findings = new ArrayList<>();
        final Map<Rule, Integer> silenced = new LinkedHashMap<>();
        /** The default locale's messages by lower-case key, or null when there is no readable catalog. */
        Map<String, String> messages;
        String defaultLocale;
        final Set<String> checkedIcons = new HashSet<>();

        Run(Manifest manifest, PackageContent content) {
            this.manifest = manifest;
            this.json = manifest.json();
            this.content = content;
            JsonElement mv = json.get("manifest_version");
            this.manifestVersion = mv != null && mv.isJsonPrimitive() && mv.getAsJsonPrimitive().isNumber()
                    ? mv.getAsInt() : 3;
        }

        void report(Rule rule, String file, int line, Object... facts) {
            Severity severity = rule.severity(store);
            if (severity == Severity.OFF) {
                return;
            }
            if (ignored.contains(rule)) {
                silenced.merge(rule, 1, Integer::sum);
                return;
            }
            findings.add(new Finding(rule, severity, file, line, rule.message(facts)));
        }

        void inManifest(Rule rule, String path, Object... facts) {
            report(rule, MANIFEST, manifest.line(path), facts);
        }

        void all() {
            locales();
            files();
            background();
            contentScripts();
            fields();
            lengths();
            placeholders();
            zipEntries();
        }

        // ------------------------------------------------------------------------ files the manifest names

        void files() {
            JsonObject icons = object(json, "icons");
            if (icons != null) {
                for (Map.Entry<String, JsonElement> e : icons.entrySet()) {
                    ref("icons." + e.getKey(), e.getValue(), Ref.ICON);
                }
                if (icons.size() > 0 && !icons.has("128")) {
                    inManifest(Rule.ICON_128_MISSING, "icons", String.join(", ", icons.keySet()));
                }
            }
            for (String action : new String[] {"action", "browser_action", "page_action"}) {
                JsonObject a = object(json, action);
                if (a == null) {
                    continue;
                }
                ref(action + ".default_popup", a.get("default_popup"), Ref.PAGE);
                JsonElement icon = a.get("default_icon");
                if (icon != null && icon.isJsonObject()) {
                    for (Map.Entry<String, JsonElement> e : icon.getAsJsonObject().entrySet()) {
                        ref(action + ".default_icon." + e.getKey(), e.getValue(), Ref.ICON);
                    }
                } else {
                    ref(action + ".default_icon", icon, Ref.ICON);
                }
            }
            JsonObject background = object(json, "background");
            if (background != null) {
                ref("background.service_worker", background.get("service_worker"), Ref.FILE);
                ref("background.page", background.get("page"), Ref.PAGE);
                refs("background.scripts", background.get("scripts"), Ref.FILE);
            }
            JsonArray scripts = array(json, "content_scripts");
            if (scripts != null) {
                for (int i = 0; i < scripts.size(); i++) {
                    if (scripts.get(i).isJsonObject()) {
                        JsonObject cs = scripts.get(i).getAsJsonObject();
                        refs("content_scripts[" + i + "].js", cs.get("js"), Ref.FILE);
                        refs("content_scripts[" + i + "].css", cs.get("css"), Ref.FILE);
                    }
                }
            }
            ref("options_page", json.get("options_page"), Ref.PAGE);
            JsonObject optionsUi = object(json, "options_ui");
            if (optionsUi != null) {
                ref("options_ui.page", optionsUi.get("page"), Ref.PAGE);
            }
            JsonObject sidePanel = object(json, "side_panel");
            if (sidePanel != null) {
                ref("side_panel.default_path", sidePanel.get("default_path"), Ref.PAGE);
            }
            ref("devtools_page", json.get("devtools_page"), Ref.PAGE);
            JsonObject overrides = object(json, "chrome_url_overrides");
            if (overrides != null) {
                for (Map.Entry<String, JsonElement> e : overrides.entrySet()) {
                    ref("chrome_url_overrides." + e.getKey(), e.getValue(), Ref.PAGE);
                }
            }
            JsonObject sandbox = object(json, "sandbox");
            if (sandbox != null) {
                refs("sandbox.pages", sandbox.get("pages"), Ref.PAGE);
            }
            JsonObject dnr = object(json, "declarative_net_request");
            JsonArray rules = dnr == null ? null : array(dnr, "rule_resources");
            if (rules != null) {
                for (int i = 0; i < rules.size(); i++) {
                    if (rules.get(i).isJsonObject()) {
                        String at = "declarative_net_request.rule_resources[" + i + "].path";
                        String path = ref(at, rules.get(i).getAsJsonObject().get("path"), Ref.FILE);
                        if (path != null) {
                            ruleFile(path);
                        }
                    }
                }
            }
            JsonArray resources = array(json, "web_accessible_resources");
            if (resources != null) {
                for (int i = 0; i < resources.size(); i++) {
                    JsonElement r = resources.get(i);
                    if (r.isJsonObject()) { // manifest V3: {"resources": [...], "matches": [...]}
                        refs("web_accessible_resources[" + i + "].resources", r.getAsJsonObject().get("resources"),
                                Ref.RESOURCE);
                    } else {                // manifest V2: a list of paths
                        ref("web_accessible_resources[" + i + "]", r, Ref.RESOURCE);
                    }
                }
            }
        }

        void refs(String path, JsonElement value, Ref kind) {
            if (value != null && value.isJsonArray()) {
                JsonArray a = value.getAsJsonArray();
                for (int i = 0; i < a.size(); i++) {
                    ref(path + "[" + i + "]", a.get(i), kind);
                }
            }
        }

        /** Checks one file reference; returns the path in the zip when the file is there. */
        String ref(String path, JsonElement value, Ref kind) {
            String written = string(value);
            if (written == null || written.trim().isEmpty() || written.contains("://")
                    || written.startsWith("data:") || PLACEHOLDER.matcher(written).find()) {
                return null;
            }
            if (written.indexOf('*') >= 0) {
                return null; // a glob (web-accessible resources, sandbox pages): it may match nothing, not an error
            }
            String file = written;
            if (kind == Ref.PAGE) {
                int cut = firstOf(file, '?', '#');
                file = cut < 0 ? file : file.substring(0, cut);
            }
            while (file.startsWith("/") || file.startsWith("./")) {
                file = file.substring(file.startsWith("/") ? 1 : 2);
            }
            if (file.isEmpty()) {
                return null;
            }
            if (content.isFile(file) || (kind == Ref.RESOURCE && content.isFolder(file))) {
                if (kind == Ref.ICON) {
                    icon(path, file);
                }
                return file;
            }
            String other = content.sameIgnoringCase(file);
            String note = other == null ? "" : " (the zip has \"" + other + "\": only the case differs)";
            inManifest(Rule.MISSING_FILE, path, path, quoted(written), note);
            return null;
        }

        void icon(String path, String file) {
            if (content.size(file) == 0) {
                inManifest(Rule.ICON_EMPTY, path, path, quoted(file));
                return;
            }
            String lower = file.toLowerCase(Locale.ROOT);
            String problem = null;
            if (lower.endsWith(".svg")) {
                problem = "an SVG image";
            } else if (lower.endsWith(".webp")) {
                problem = "a WebP image";
            } else if (checkedIcons.add(file)) {
                problem = imageProblem(file);
            }
            if (problem != null) {
                inManifest(Rule.ICON_FORMAT, path, path, quoted(file), problem);
            }
        }

        /** Null when the first bytes are those of an image Chromium decodes; else what the file is. */
        String imageProblem(String file) {
            byte[] h;
            try {
                h = content.head(file, 16);
            } catch (IOException e) {
                return null; // unreadable entries are the zip's problem, reported elsewhere if at all
            }
            if (startsWith(h, 0x89, 'P', 'N', 'G') || startsWith(h, 0xFF, 0xD8, 0xFF) || startsWith(h, 'B', 'M')
                    || startsWith(h, 0, 0, 1, 0) || startsWith(h, 'G', 'I', 'F', '8')) {
                return null;
            }
            if (h.length >= 12 && startsWith(h, 'R', 'I', 'F', 'F') && h[8] == 'W' && h[9] == 'E' && h[10] == 'B'
                    && h[11] == 'P') {
                return "a WebP image";
            }
            String text = new String(h, StandardCharsets.ISO_8859_1).trim();
            if (text.startsWith("<svg") || text.startsWith("<?xml")) {
                return "an SVG image";
            }
            return "not an image (it starts with " + describeBytes(h) + ")";
        }

        void ruleFile(String file) {
            JsonElement rules;
            try {
                rules = JsonParser.parseString(content.text(file));
            } catch (IOException e) {
                return;
            } catch (JsonParseException e) {
                report(Rule.DNR_RULES_INVALID, file, 0, "is not valid JSON (" + describe(e) + ")");
                return;
            }
            if (!rules.isJsonArray()) {
                report(Rule.DNR_RULES_INVALID, file, 0, "is " + kind(rules) + ", not a JSON array");
            }
        }

        // ------------------------------------------------------------------------ background

        void background() {
            JsonObject bg = object(json, "background");
            if (bg == null) {
                return;
            }
            boolean worker = bg.has("service_worker");
            boolean scripts = bg.has("scripts");
            boolean page = bg.has("page");
            if (manifestVersion >= 3) {
                if (scripts) {
                    inManifest(Rule.BACKGROUND_SCRIPTS_MV3, "background.scripts");
                }
                if (page) {
                    inManifest(Rule.BACKGROUND_PAGE_MV3, "background.page");
                }
                if (worker && !scripts && !page) {
                    String sw = string(bg.get("service_worker"));
                    inManifest(Rule.BACKGROUND_SERVICE_WORKER_ONLY, "background.service_worker",
                            sw == null ? "background.js" : sw);
                }
            } else {
                List<String> kinds = new ArrayList<>();
                for (String k : new String[] {"page", "scripts", "service_worker"}) {
                    if (bg.has(k)) {
                        kinds.add("\"" + k + "\"");
                    }
                }
                if (kinds.size() > 1) {
                    inManifest(Rule.BACKGROUND_MULTIPLE, "background", String.join(" and ", kinds));
                }
            }
        }

        void contentScripts() {
            JsonArray scripts = array(json, "content_scripts");
            if (scripts == null) {
                return;
            }
            for (int i = 0; i < scripts.size(); i++) {
                String at = "content_scripts[" + i + "]";
                if (!scripts.get(i).isJsonObject()) {
                    inManifest(Rule.CONTENT_SCRIPT_INVALID, at, at, "is not an object");
                    continue;
                }
                JsonObject cs = scripts.get(i).getAsJsonObject();
                if (!nonEmptyArray(cs.get("matches"))) {
                    inManifest(Rule.CONTENT_SCRIPT_INVALID, at, at, "has no \"matches\"");
                }
                if (!nonEmptyArray(cs.get("js")) && !nonEmptyArray(cs.get("css"))) {
                    inManifest(Rule.CONTENT_SCRIPT_INVALID, at, at, "has neither \"js\" nor \"css\"");
                }
            }
        }

        // ------------------------------------------------------------------------ other fields

        void fields() {
            String version = string(json.get("version"));
            if (version != null && version.matches("0(\\.0){0,3}")) {
                inManifest(Rule.VERSION_ALL_ZERO, "version", quoted(version));
            }
            if (manifestVersion == 2) {
                inManifest(Rule.MANIFEST_V2, "manifest_version");
            }
            if (json.has("key")) {
                inManifest(Rule.KEY_FIELD, "key");
            }
            if (json.has("update_url")) {
                inManifest(Rule.UPDATE_URL, "update_url");
            }
            String minimum = string(json.get("minimum_chrome_version"));
            if (manifestVersion >= 3 && minimum != null) {
                Matcher m = Pattern.compile("^(\\d+)").matcher(minimum);
                if (m.find() && m.group(1).length() < 4 && Integer.parseInt(m.group(1)) < 88) {
                    inManifest(Rule.MINIMUM_CHROME_VERSION_MV3, "minimum_chrome_version", quoted(minimum));
                }
            }
            JsonObject gecko = object(object(json, "browser_specific_settings"), "gecko");
            if (gecko == null) {
                gecko = object(object(json, "applications"), "gecko");
            }
            String where = json.has("browser_specific_settings") ? "browser_specific_settings" : "manifest_version";
            if (manifestVersion >= 3 && (gecko == null || string(gecko.get("id")) == null)) {
                inManifest(Rule.GECKO_ID_MISSING, where);
            }
            if (gecko == null || !gecko.has("data_collection_permissions")) {
                inManifest(Rule.GECKO_DATA_COLLECTION_MISSING, where);
            }
        }

        void lengths() {
            String name = string(json.get("name"));
            if (name != null) {
                String resolved = resolve(name);
                int length = resolved.codePointCount(0, resolved.length());
                if (length > store.nameLimit()) {
                    inManifest(Rule.NAME_TOO_LONG, "name", length, quoted(resolved), store.title(), store.nameLimit());
                }
            }
            String description = string(json.get("description"));
            if (description != null) {
                String resolved = resolve(description);
                int length = resolved.codePointCount(0, resolved.length());
                if (length > Store.DESCRIPTION_LIMIT) {
                    String from = resolved.equals(description) ? "" : " (resolved from " + description + ")";
                    inManifest(Rule.DESCRIPTION_TOO_LONG, "description", length, from, Store.DESCRIPTION_LIMIT);
                }
            }
        }

        /** The text with each {@code __MSG_key__} replaced by the default locale's message, where it has one. */
        String resolve(String text) {
            if (messages == null) {
                return text;
            }
            Matcher m = PLACEHOLDER.matcher(text);
            StringBuffer sb = new StringBuffer();
            while (m.find()) {
                String message = messages.get(m.group(1).toLowerCase(Locale.ROOT));
                m.appendReplacement(sb, Matcher.quoteReplacement(message == null ? m.group() : message));
            }
            m.appendTail(sb);
            return sb.toString();
        }

        // ------------------------------------------------------------------------ _locales

        void locales() {
            defaultLocale = string(json.get("default_locale"));
            Set<String> locales = new TreeSet<>();
            boolean hasLocales = false;
            for (String folder : content.folders()) {
                if (folder.startsWith(LOCALES)) {
                    hasLocales = true;
                    String rest = folder.substring(LOCALES.length());
                    int slash = rest.indexOf('/');
                    if (slash > 0 && LOCALE.matcher(rest.substring(0, slash)).matches()) {
                        locales.add(rest.substring(0, slash));
                    }
                }
            }
            if (!hasLocales) {
                for (String file : content.files()) {
                    if (file.startsWith(LOCALES)) {
                        hasLocales = true;
                        break;
                    }
                }
            }
            if (hasLocales && defaultLocale == null) {
                String suggested = locales.contains("en") ? "en" : locales.isEmpty() ? "en" : locales.iterator().next();
                report(Rule.LOCALES_WITHOUT_DEFAULT_LOCALE, MANIFEST, 0,
                        locales.isEmpty() ? "no language folders" : String.join(", ", locales), suggested);
            }
            if (defaultLocale != null && !hasLocales) {
                inManifest(Rule.DEFAULT_LOCALE_WITHOUT_LOCALES, "default_locale", defaultLocale);
                return;
            }
            if (defaultLocale != null && !locales.contains(defaultLocale)) {
                report(Rule.LOCALE_MESSAGES_MISSING, MANIFEST, manifest.line("default_locale"),
                        LOCALES + defaultLocale + "/messages.json", " (\"default_locale\" is \"" + defaultLocale + "\")",
                        "set \"default_locale\" to a language the package has (" + String.join(", ", locales) + ")");
            }
            int catalogs = 0;
            for (String locale : locales) {
                String file = LOCALES + locale + "/messages.json";
                if (!content.isFile(file)) {
                    boolean isDefault = locale.equals(defaultLocale);
                    report(Rule.LOCALE_MESSAGES_MISSING, file, 0, file, isDefault ? " (the default locale's catalog)" : "",
                            isDefault ? "set \"default_locale\" to another language" : "remove the folder _locales/"
                                    + locale + "/");
                    continue;
                }
                Map<String, String> catalog = catalog(file);
                if (catalog != null) {
                    catalogs++;
                    if (locale.equals(defaultLocale)) {
                        messages = catalog;
                    }
                }
            }
            String name = string(json.get("name"));
            String description = string(json.get("description"));
            if (catalogs > 1 && name != null && name.startsWith("__MSG_") && description != null
                    && description.startsWith("__MSG_")) {
                report(Rule.LISTING_LANGUAGES, LOCALES, 0, locales.size(), String.join(", ", locales));
            }
        }

        /** A messages.json's messages by lower-case key; null (reported) when it cannot be read as one. */
        Map<String, String> catalog(String file) {
            JsonElement root;
            try {
                root = JsonParser.parseString(content.text(file));
            } catch (IOException e) {
                return null;
            } catch (JsonParseException e) {
                report(Rule.MESSAGES_INVALID, file, 0, "is not valid JSON (" + describe(e) + ")");
                return null;
            }
            if (!root.isJsonObject()) {
                report(Rule.MESSAGES_INVALID, file, 0, "is " + kind(root) + ", not a JSON object of messages");
                return null;
            }
            Map<String, String> catalog = new HashMap<>();
            for (Map.Entry<String, JsonElement> e : root.getAsJsonObject().entrySet()) {
                if (e.getKey().startsWith("@@")) {
                    report(Rule.MESSAGE_RESERVED_KEY, file, 0, e.getKey());
                    continue;
                }
                JsonElement message = e.getValue().isJsonObject() ? e.getValue().getAsJsonObject().get("message") : null;
                if (string(message) == null) {
                    report(Rule.MESSAGES_INVALID, file, 0, "gives \"" + e.getKey() + "\" no \"message\" string");
                    continue;
                }
                catalog.put(e.getKey().toLowerCase(Locale.ROOT), message.getAsString());
            }
            return catalog;
        }

        void placeholders() {
            walk("", json);
        }

        void walk(String path, JsonElement value) {
            if (value.isJsonObject()) {
                for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
                    walk(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue());
                }
            } else if (value.isJsonArray()) {
                JsonArray a = value.getAsJsonArray();
                for (int i = 0; i < a.size(); i++) {
                    walk(path + "[" + i + "]", a.get(i));
                }
            } else if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
                Matcher m = PLACEHOLDER.matcher(value.getAsString());
                while (m.find()) {
                    String key = m.group(1);
                    if (key.startsWith("@@")) {
                        continue; // predefined (@@extension_id, @@ui_locale...)
                    }
                    String reason = null;
                    if (defaultLocale == null) {
                        reason = "manifest.json has no \"default_locale\" to take it from";
                    } else if (messages != null && !messages.containsKey(key.toLowerCase(Locale.ROOT))) {
                        reason = LOCALES + defaultLocale + "/messages.json has no \"" + key + "\"";
                    }
                    if (reason != null) {
                        inManifest(Rule.MESSAGE_UNDEFINED, path, path, m.group(), reason, key);
                    }
                }
            }
        }

        // ------------------------------------------------------------------------ every file of the zip

        void zipEntries() {
            Set<String> reservedSeen = new HashSet<>();
            for (String name : content.files()) {
                int slash = name.lastIndexOf('/');
                String base = name.substring(slash + 1);
                String lower = base.toLowerCase(Locale.ROOT);
                int dot = lower.lastIndexOf('.');
                String ext = dot < 0 ? "" : lower.substring(dot + 1);
                int top = name.indexOf('/');
                String first = top < 0 ? name : name.substring(0, top);
                if (first.startsWith("_") && !RESERVED_ALLOWED.contains(first) && reservedSeen.add(first)) {
                    report(Rule.RESERVED_NAME, top < 0 ? first : first + "/", 0, first);
                }
                if (first.equals("__MACOSX")) {
                    continue;
                }
                if (dot > 0 && ARCHIVES.contains(ext)) {
                    report(Rule.NESTED_ARCHIVE, name, 0);
                }
                String secret = secretFile(name, content.size(name), content::head);
                if (secret != null) {
                    report(Rule.SECRET_FILE, name, 0, secret);
                }
            }
        }
    }

    /**
     * What makes a file a secret (SECRET_FILE's rule, also used to keep secrets out of the Firefox sources zip):
     * its name ({@code .env}, {@code .npmrc}, {@code id_rsa}, a {@code .pem} or key store...) or, for a small
     * file without an extension or with one such as {@code .key} or {@code .txt}, a private key's header in its
     * first bytes.
     *
     * @param path the file's path with {@code /} separators (only its last part counts)
     * @param size its size in bytes, or -1 when unknown
     * @param reader reads its first bytes (a failure to read counts as not a secret)
     * @return what the secret is, for a message ("an environment file, .env"), or null
     */
    public static String secretFile(String path, long size, PackageContent.Reader reader) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        String lower = base.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String ext = dot < 0 ? "" : lower.substring(dot + 1);
        String secret = secretByName(lower, ext);
        if (secret == null && (KEY_CANDIDATES.contains(ext) || dot < 0)) {
            secret = secretByContent(path, size, reader);
        }
        return secret;
    }

    private static String secretByName(String lowerBase, String ext) {
        String named = SECRET_NAMES.get(lowerBase);
        if (named != null) {
            return named;
        }
        if (lowerBase.startsWith(".env.") && !ENV_TEMPLATES.contains(lowerBase)) {
            return "an environment file, " + lowerBase;
        }
        return SECRET_EXTENSIONS.get(ext);
    }

    private static String secretByContent(String name, long size, PackageContent.Reader reader) {
        if (size == 0 || size > KEY_CANDIDATE_MAX_SIZE) {
            return null;
        }
        byte[] head;
        try {
            head = reader.read(name, 200);
        } catch (IOException e) {
            return null;
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int begin = text.indexOf("-----BEGIN ");
        if (begin >= 0) {
            int end = text.indexOf("-----", begin + 11);
            String label = end < 0 ? "" : text.substring(begin + 11, end);
            if (label.endsWith("PRIVATE KEY") || label.endsWith("PRIVATE KEY BLOCK")) {
                return "it holds a private key: -----BEGIN " + label + "-----";
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------- JSON helpers

    private static JsonObject object(JsonObject parent, String key) {
        JsonElement e = parent == null ? null : parent.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    private static JsonArray array(JsonObject parent, String key) {
        JsonElement e = parent == null ? null : parent.get(key);
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : null;
    }

    private static String string(JsonElement e) {
        return e != null && e.isJsonPrimitive() && ((JsonPrimitive) e).isString() ? e.getAsString() : null;
    }

    private static boolean nonEmptyArray(JsonElement e) {
        return e != null && e.isJsonArray() && e.getAsJsonArray().size() > 0;
    }

    private static String kind(JsonElement e) {
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "an array";
        }
        if (e.isJsonNull()) {
            return "null";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return p.isString() ? "a string" : p.isNumber() ? "a number" : "a boolean";
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String describeBytes(byte[] h) {
        StringBuilder sb = new StringBuilder("bytes");
        for (int i = 0; i < Math.min(4, h.length); i++) {
            sb.append(String.format(Locale.ROOT, " %02X", h[i] & 0xff));
        }
        return h.length == 0 ? "nothing" : sb.toString();
    }

    /** A parse error's own words, without Gson's troubleshooting link. */
    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int see = message.indexOf("\nSee ");
        return (see >= 0 ? message.substring(0, see) : message).replace('\n', ' ').trim();
    }
}
