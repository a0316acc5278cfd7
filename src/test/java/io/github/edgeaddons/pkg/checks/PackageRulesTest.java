package io.github.edgeaddons.pkg.checks;

import static io.github.edgeaddons.pkg.checks.TestZips.PNG;
import static io.github.edgeaddons.pkg.checks.TestZips.entries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.pkg.InvalidPackageException;
import io.github.edgeaddons.pkg.PackageInfo;
import io.github.edgeaddons.pkg.PackageValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per rule of {@link Rule}: a package that breaks it, checked by {@link PackageValidator} as the goals
 * check it (before any request), with the finding's code, severity, file, line and what to do; errors fail
 * with every finding in the message. Then the report's shape, silencing, and the per-store columns.
 */
class PackageRulesTest {
    @TempDir
    Path dir;

    // ---------------------------------------------------------------------------------------------- helpers

    /** A manifest V3 with name "T", version 1.0, and more members (which start on line 5). */
    private static String mv3(String... members) {
        return manifest(3, members);
    }

    private static String manifest(int mv, String... members) {
        StringBuilder sb = new StringBuilder("{\n  \"manifest_version\": " + mv + ",\n  \"name\": \"T\",\n"
                + "  \"version\": \"1.0\"");
        for (String m : members) {
            sb.append(",\n  ").append(m);
        }
        return sb.append("\n}").toString();
    }

    private CheckReport check(Store store, Set<Rule> ignored, Object... nameThenContent) throws Exception {
        Path zip = TestZips.zip(dir.resolve("ext-" + System.nanoTime() + ".zip"), entries(nameThenContent));
        PackageValidator validator = new PackageValidator().store(store).ignoring(ignored);
        try {
            PackageInfo info = validator.validate(zip);
            assertFalse(info.report().hasErrors());
            return info.report();
        } catch (InvalidPackageException e) {
            CheckReport report = e.report();
            assertNotNull(report, "a basic check failed instead of the rules: " + e.getMessage());
            assertTrue(report.hasErrors());
            // the failure names every error: its file, code and what to do
            for (Finding f : report.errors()) {
                assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
            }
            return report;
        }
    }

    private CheckReport edge(Object... nameThenContent) throws Exception {
        return check(Store.EDGE, Collections.emptySet(), nameThenContent);
    }

    /** The one finding of this rule; it has the severity the store gives the rule. */
    private static Finding the(Rule rule, CheckReport report) {
        List<Finding> of = report.findings().stream().filter(f -> f.rule() == rule).collect(Collectors.toList());
        assertEquals(1, of.size(), rule + " in " + report.findings());
        assertEquals(rule.severity(report.store()), of.get(0).severity());
        return of.get(0);
    }

    private static void assertAt(Finding f, String file, int line, String... phrases) {
        assertEquals(file, f.file(), f.toString());
        assertEquals(line, f.line(), f.toString());
        for (String p : phrases) {
            assertTrue(f.message().contains(p), "expected '" + p + "' in: " + f);
        }
    }

    private static void assertClean(CheckReport report) {
        assertEquals(Collections.emptyList(), report.findings());
    }

    // ---------------------------------------------------------------------------------------------- files

    @Test
    void missingPopupIsAnErrorNamingTheKeyTheFileAndTheLine() throws Exception {
        CheckReport r = edge("manifest.json", mv3("\"action\": {\"default_popup\": \"popup.html\"}"));
        Finding f = the(Rule.MISSING_FILE, r);
        assertEquals(Severity.ERROR, f.severity());
        assertAt(f, "manifest.json", 5, "\"action.default_popup\" names \"popup.html\"", "not in the zip",
                "Add the file to the extension, or fix the path");
    }

    @Test
    void everyKindOfFileReferenceIsChecked() throws Exception {
        CheckReport r = edge("manifest.json", mv3(
                "\"icons\": {\"128\": \"icons/128.png\"}",
                "\"action\": {\"default_popup\": \"popup.html?tab=1\", \"default_icon\": {\"32\": \"a32.png\"}}",
                "\"background\": {\"service_worker\": \"sw.js\"}",
                "\"content_scripts\": [{\"matches\": [\"<all_urls>\"], \"js\": [\"cs.js\"], \"css\": [\"cs.css\"]}]",
                "\"options_page\": \"options.html\"",
                "\"options_ui\": {\"page\": \"options2.html#x\"}",
                "\"side_panel\": {\"default_path\": \"panel.html\"}",
                "\"devtools_page\": \"devtools.html\"",
                "\"chrome_url_overrides\": {\"newtab\": \"newtab.html\"}",
                "\"sandbox\": {\"pages\": [\"sandbox.html\"]}",
                "\"declarative_net_request\": {\"rule_resources\": [{\"id\": \"r\", \"enabled\": true,"
                        + " \"path\": \"rules.json\"}]}",
                "\"web_accessible_resources\": [{\"resources\": [\"img/*.png\", \"inject.js\"],"
                        + " \"matches\": [\"<all_urls>\"]}]",
                "\"permissions\": [\"downloads.open\", \"identity.email\"]"));
        List<String> named = new ArrayList<>();
        for (Finding f : r.findings()) {
            assertEquals(Rule.MISSING_FILE, f.rule(), f.toString());
            named.add(f.message().substring(1, f.message().indexOf("\" names")));
        }
        // the glob and the permission strings are not file references
        assertEquals(Arrays.asList("icons.128", "action.default_popup", "action.default_icon.32",
                "background.service_worker", "content_scripts[0].js[0]", "content_scripts[0].css[0]", "options_page",
                "options_ui.page", "side_panel.default_path", "devtools_page", "chrome_url_overrides.newtab",
                "sandbox.pages[0]", "declarative_net_request.rule_resources[0].path",
                "web_accessible_resources[0].resources[1]"), named);
    }

    @Test
    void theSameFilesPresentGiveNoFinding() throws Exception {
        CheckReport r = edge("manifest.json", mv3(
                "\"icons\": {\"128\": \"/icons/128.png\"}",
                "\"action\": {\"default_popup\": \"./popup.html?tab=1\", \"default_icon\": \"icons/128.png\"}",
                "\"web_accessible_resources\": [{\"resources\": [\"img\", \"img/*.png\"], \"matches\": [\"<all_urls>\"]}]"),
                "icons/128.png", PNG, "popup.html", "<p>", "img/a.png", PNG);
        assertClean(r);
    }

    @Test
    void aFileThatDiffersOnlyInCaseIsMissingAndTheMessageSaysSo() throws Exception {
        CheckReport r = edge("manifest.json", mv3("\"action\": {\"default_popup\": \"popup.html\"}"),
                "Popup.html", "<p>");
        assertAt(the(Rule.MISSING_FILE, r), "manifest.json", 5, "the zip has \"Popup.html\": only the case differs");
    }

    @Test
    void mv2ReferencesAreCheckedToo() throws Exception {
        CheckReport r = edge("manifest.json", manifest(2,
                "\"browser_action\": {\"default_popup\": \"popup.html\"}",
                "\"background\": {\"scripts\": [\"bg.js\"]}",
                "\"web_accessible_resources\": [\"inject.js\"]"));
        assertEquals(3, r.findings().stream().filter(f -> f.rule() == Rule.MISSING_FILE).count(), r.findings()::toString);
    }

    @Test
    void emptyIcon() throws Exception {
        CheckReport r = edge("manifest.json", mv3("\"icons\": {\"128\": \"icon.png\"}"), "icon.png", "");
        assertAt(the(Rule.ICON_EMPTY, r), "manifest.json", 5, "\"icon.png\"", "empty file", "Replace it");
    }

    @Test
    void svgWebpAndNonImageIcons() throws Exception {
        CheckReport r = edge("manifest.json", mv3("\"icons\": {\"16\": \"a.svg\", \"48\": \"b.png\", \"128\": \"c.png\"}"),
                "a.svg", "<svg/>", "b.png", "<?xml version=\"1.0\"?><svg/>", "c.png", "hello world!");
        List<Finding> icons = r.findings().stream().filter(f -> f.rule() == Rule.ICON_FORMAT).collect(Collectors.toList());
        assertEquals(3, icons.size(), r.findings()::toString);
        assertAt(icons.get(0), "manifest.json", 5, "\"a.svg\", which is an SVG image", "Export the icon as PNG");
        assertTrue(icons.get(1).message().contains("\"b.png\", which is an SVG image"), icons.get(1).toString());
        assertTrue(icons.get(2).message().contains("not an image (it starts with bytes 68 65 6C 6C)"),
                icons.get(2).toString());
    }

    @Test
    void jpegBmpIcoAndGifIconsPass() throws Exception {
        CheckReport r = edge("manifest.json", mv3(
                        "\"icons\": {\"16\": \"a.jpg\", \"32\": \"b.bmp\", \"48\": \"c.ico\", \"64\": \"d.gif\", \"128\": \"e.png\"}"),
                "a.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, "b.bmp", "BM..",
                "c.ico", new byte[] {0, 0, 1, 0, 1}, "d.gif", "GIF89a", "e.png", PNG);
        assertClean(r);
    }

    @Test
    void iconsWithout128() throws Exception {
        CheckReport r = edge("manifest.json", mv3("\"icons\": {\"16\": \"i16.png\", \"48\": \"i48.png\"}"),
                "i16.png", PNG, "i48.png", PNG);
        Finding f = the(Rule.ICON_128_MISSING, r);
        assertEquals(Severity.WARNING, f.severity());
        assertAt(f, "manifest.json", 5, "sizes 16, 48 but no \"128\"", "Add a 128x128 PNG");
    }

    // ---------------------------------------------------------------------------------------------- fields

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "0.0.0", "0.0.0.0"})
    void allZeroVersion(String version) throws Exception {
        CheckReport r = edge("manifest.json", "{\"manifest_version\": 3, \"name\": \"T\",\n\"version\": \"" + version + "\"}");
        assertAt(the(Rule.VERSION_ALL_ZERO, r), "manifest.json", 2, "\"" + version + "\"", "Use a version above 0");
    }

    @Test
    void manifestV2IsAWarningForEdge() throws Exception {
        CheckReport r = edge("manifest.json", manifest(2));
        assertAt(the(Rule.MANIFEST_V2, r), "manifest.json", 2, "Move to manifest_version 3");
        assertFalse(r.hasErrors());
    }

    @Test
    void keyFieldWarnsForEdgeAndFailsForChrome() throws Exception {
        Object[] pkg = {"manifest.json", mv3("\"key\": \"MIIBIjANBgkq\"")};
        assertAt(the(Rule.KEY_FIELD, edge(pkg)), "manifest.json", 5, "Remove it");
        assertEquals(Severity.WARNING, the(Rule.KEY_FIELD, edge(pkg)).severity());
        assertEquals(Severity.ERROR, the(Rule.KEY_FIELD, check(Store.CHROME, Collections.emptySet(), pkg)).severity());
    }

    @Test
    void descriptionOver132CharactersAfterResolvingMessages() throws Exception {
        String long133 = "x".repeat(133);
        CheckReport r = edge("manifest.json", mv3("\"default_locale\": \"en\"", "\"description\": \"__MSG_d__\""),
                "_locales/en/messages.json", "{\"d\": {\"message\": \"" + long133 + "\"}}");
        Finding f = the(Rule.DESCRIPTION_TOO_LONG, r);
        assertEquals(Severity.WARNING, f.severity());
        assertAt(f, "manifest.json", 6, "133 characters long (resolved from __MSG_d__)", "the limit is 132");
        assertClean(edge("manifest.json", mv3("\"description\": \"" + "x".repeat(132) + "\"")));
    }

    @Test
    void nameLongerThanTheEdgeListingTakes() throws Exception {
        String name = "A name that is rather longer than forty-five chars";
        CheckReport r = edge("manifest.json", "{\"manifest_version\": 3,\n\"name\": \"__MSG_n__\", \"version\": \"1\","
                        + " \"default_locale\": \"en\"}",
                "_locales/en/messages.json", "{\"N\": {\"message\": \"" + name + "\"}}");
        assertAt(the(Rule.NAME_TOO_LONG, r), "manifest.json", 2, name.length() + " characters long (\"" + name + "\")",
                "the Edge Add-ons listing takes at most 45", "Shorten it");
        // Chrome takes 75
        assertFalse(check(Store.CHROME, Collections.emptySet(), "manifest.json", mv3().replace("\"T\"", "\"" + name + "\""))
                .rules().contains(Rule.NAME_TOO_LONG));
    }

    @Test
    void minimumChromeVersionBelow88InMv3() throws Exception {
        Finding f = the(Rule.MINIMUM_CHROME_VERSION_MV3, edge("manifest.json", mv3("\"minimum_chrome_version\": \"80.0\"")));
        assertAt(f, "manifest.json", 5, "\"80.0\"", "Raise it to 88");
        assertClean(edge("manifest.json", mv3("\"minimum_chrome_version\": \"102\"")));
    }

    @Test
    void contentScriptWithoutMatchesOrFiles() throws Exception {
        CheckReport r = edge("manifest.json", mv3("\"content_scripts\": [{\"run_at\": \"document_idle\"}]"));
        List<Finding> f = r.findings().stream().filter(x -> x.rule() == Rule.CONTENT_SCRIPT_INVALID)
                .collect(Collectors.toList());
        assertEquals(2, f.size(), r.findings()::toString);
        assertAt(f.get(0), "manifest.json", 5, "\"content_scripts[0]\" has no \"matches\"", "Give it \"matches\"");
        assertTrue(f.get(1).message().contains("has neither \"js\" nor \"css\""), f.get(1).toString());
    }

    // ---------------------------------------------------------------------------------------------- background

    @Test
    void mv3BackgroundScriptsIsAnEdgeErrorEvenBesideAServiceWorker() throws Exception {
        CheckReport r = edge("manifest.json", mv3("\"background\": {\"service_worker\": \"bg.js\", \"scripts\": [\"bg.js\"]}"),
                "bg.js", "");
        Finding f = the(Rule.BACKGROUND_SCRIPTS_MV3, r);
        assertEquals(Severity.ERROR, f.severity());
        assertAt(f, "manifest.json", 5, "even beside \"service_worker\"", "Use \"background\": {\"service_worker\"");
        assertEquals(Collections.singleton(Rule.BACKGROUND_SCRIPTS_MV3), r.rules(), "no double report");
    }

    @Test
    void mv3BackgroundPage() throws Exception {
        CheckReport r = edge("manifest.json", mv3("\"background\": {\"page\": \"bg.html\"}"), "bg.html", "");
        assertAt(the(Rule.BACKGROUND_PAGE_MV3, r), "manifest.json", 5, "Move the page's scripts into a service worker");
    }

    @Test
    void mv2WithTwoBackgroundKinds() throws Exception {
        CheckReport r = edge("manifest.json", manifest(2, "\"background\": {\"page\": \"bg.html\", \"scripts\": [\"bg.js\"]}"),
                "bg.html", "", "bg.js", "");
        assertAt(the(Rule.BACKGROUND_MULTIPLE, r), "manifest.json", 5, "\"page\" and \"scripts\"", "Keep one");
    }

    // ---------------------------------------------------------------------------------------------- _locales

    @Test
    void localesWithoutDefaultLocale() throws Exception {
        CheckReport r = edge("manifest.json", mv3(), "_locales/de/messages.json", "{}", "_locales/en/messages.json", "{}");
        assertAt(the(Rule.LOCALES_WITHOUT_DEFAULT_LOCALE, r), "manifest.json", 0, "(de, en)",
                "Add \"default_locale\": \"en\"");
    }

    @Test
    void defaultLocaleWithoutLocales() throws Exception {
        CheckReport r = edge("manifest.json", mv3("\"default_locale\": \"en\""));
        assertAt(the(Rule.DEFAULT_LOCALE_WITHOUT_LOCALES, r), "manifest.json", 5, "Add _locales/en/messages.json");
    }

    @Test
    void localeFolderWithoutMessagesAndDefaultLocaleWithoutFolder() throws Exception {
        CheckReport r = edge("manifest.json", mv3("\"default_locale\": \"fr\""),
                "_locales/en/messages.json", "{}", "_locales/de/readme.txt", "x", "_locales/not a locale/x.txt", "x");
        List<Finding> f = r.findings().stream().filter(x -> x.rule() == Rule.LOCALE_MESSAGES_MISSING)
                .collect(Collectors.toList());
        assertEquals(2, f.size(), r.findings()::toString);
        assertAt(f.get(0), "manifest.json", 5, "_locales/fr/messages.json is missing (\"default_locale\" is \"fr\")",
                "set \"default_locale\" to a language the package has (de, en)");
        assertAt(f.get(1), "_locales/de/messages.json", 0, "_locales/de/messages.json is missing", "Add it",
                "or remove the folder _locales/de/");
    }

    @Test
    void unreadableCatalogs() throws Exception {
        CheckReport r = edge("manifest.json", mv3("\"default_locale\": \"en\""),
                "_locales/en/messages.json", "{\"a\": {\"message\": \"x\"},", "_locales/de/messages.json", "[]",
                "_locales/fr/messages.json", "{\"a\": {\"description\": \"no message\"}}");
        List<Finding> f = r.findings().stream().filter(x -> x.rule() == Rule.MESSAGES_INVALID)
                .collect(Collectors.toList());
        assertEquals(3, f.size(), r.findings()::toString);
        assertAt(f.get(0), "_locales/de/messages.json", 0, "is an array, not a JSON object of messages");
        assertAt(f.get(1), "_locales/en/messages.json", 0, "is not valid JSON (");
        assertAt(f.get(2), "_locales/fr/messages.json", 0, "gives \"a\" no \"message\" string", "{\"message\": \"text\"}");
    }

    @Test
    void reservedKeyInACatalog() throws Exception {
        CheckReport r = edge("manifest.json", mv3("\"default_locale\": \"en\""),
                "_locales/en/messages.json", "{\"@@extension_id\": {\"message\": \"x\"}}");
        assertAt(the(Rule.MESSAGE_RESERVED_KEY, r), "_locales/en/messages.json", 0, "\"@@extension_id\"", "Rename it");
    }

    @Test
    void undefinedMessageAnywhereInTheManifest() throws Exception {
        CheckReport r = edge("manifest.json", mv3("\"default_locale\": \"en\"",
                        "\"action\": {\"default_title\": \"__MSG_title__\"}",
                        "\"description\": \"__MSG_DESC__ (__MSG_@@extension_id__)\""),
                "_locales/en/messages.json", "{\"desc\": {\"message\": \"d\"}}");
        Finding f = the(Rule.MESSAGE_UNDEFINED, r);
        assertAt(f, "manifest.json", 6, "\"action.default_title\" uses __MSG_title__",
                "_locales/en/messages.json has no \"title\"", "Define \"title\"");
    }

    @Test
    void messagesWithoutAnyLocale() throws Exception {
        CheckReport r = edge("manifest.json", mv3("\"description\": \"__MSG_d__\""));
        assertAt(the(Rule.MESSAGE_UNDEFINED, r), "manifest.json", 5, "manifest.json has no \"default_locale\"");
    }

    @Test
    void severalListingLanguagesAreAWarningForEdgeOnly() throws Exception {
        Object[] pkg = {"manifest.json", "{\"manifest_version\": 3, \"name\": \"__MSG_n__\", \"version\": \"1\","
                + " \"description\": \"__MSG_d__\", \"default_locale\": \"en\"}",
                "_locales/en/messages.json", "{\"n\": {\"message\": \"N\"}, \"d\": {\"message\": \"D\"}}",
                "_locales/de/messages.json", "{\"n\": {\"message\": \"N\"}, \"d\": {\"message\": \"D\"}}",
                "_locales/pt_BR/messages.json", "{\"n\": {\"message\": \"N\"}, \"d\": {\"message\": \"D\"}}"};
        Finding f = the(Rule.LISTING_LANGUAGES, edge(pkg));
        assertEquals(Severity.WARNING, f.severity());
        assertAt(f, "_locales/", 0, "3 languages under _locales (de, en, pt_BR)", "each needs its own description and logo");
        assertClean(check(Store.CHROME, Collections.emptySet(), pkg));
    }

    // ---------------------------------------------------------------------------------------------- the zip

    @ParameterizedTest
    @ValueSource(strings = {"lib/vendor.zip", "data.json.gz", "old.crx", "firefox.xpi", "a.7z", "b.tar", "c.tgz"})
    void compressedFileInsideThePackage(String name) throws Exception {
        CheckReport r = edge("manifest.json", mv3(), name, "x");
        assertAt(the(Rule.NESTED_ARCHIVE, r), name, 0, "compressed file", "Leave it out");
        assertEquals(Severity.ERROR, the(Rule.NESTED_ARCHIVE, r).severity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"key.pem", "config/.env", ".env.production", ".npmrc", "sub/.netrc", "id_rsa", "store.p12"})
    void secretsByName(String name) throws Exception {
        CheckReport r = edge("manifest.json", mv3(), name, "TOKEN=1");
        assertAt(the(Rule.SECRET_FILE, r), name, 0, "looks like a secret", "revoke it");
    }

    @Test
    void privateKeyByItsHeader() throws Exception {
        CheckReport r = edge("manifest.json", mv3(), "signing.key", "\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\n",
                "deploy_key", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n",
                "cert.txt", "-----BEGIN CERTIFICATE-----\nMIIC\n", "LICENSE", "MIT License", ".env.example", "A=");
        List<String> files = r.findings().stream().map(Finding::file).collect(Collectors.toList());
        assertEquals(Arrays.asList("signing.key", "deploy_key"), files, r.findings()::toString);
        assertTrue(r.findings().get(0).message().contains("-----BEGIN RSA PRIVATE KEY-----"));
    }

    @Test
    void reservedTopLevelNames() throws Exception {
        CheckReport r = edge("manifest.json", mv3(), "_metadata/verified_contents.json", "{}", "_x.js", "",
                "__MACOSX/._manifest.json", "", "lib/_private.js", "");
        List<Finding> f = r.findings().stream().filter(x -> x.rule() == Rule.RESERVED_NAME).collect(Collectors.toList());
        assertEquals(2, f.size(), r.findings()::toString);
        assertAt(f.get(0), "_metadata/", 0, "Rename \"_metadata\"");
        assertAt(f.get(1), "_x.js", 0, "reserved for the browser");
    }

    @Test
    void ruleFileThatIsNotAListOfRules() throws Exception {
        CheckReport r = edge("manifest.json", mv3("\"declarative_net_request\": {\"rule_resources\": ["
                        + "{\"id\": \"a\", \"enabled\": true, \"path\": \"a.json\"},"
                        + "{\"id\": \"b\", \"enabled\": false, \"path\": \"b.json\"}]}"),
                "a.json", "{\"id\": 1}", "b.json", "[{\"id\": 1,");
        List<Finding> f = r.findings().stream().filter(x -> x.rule() == Rule.DNR_RULES_INVALID).collect(Collectors.toList());
        assertEquals(2, f.size(), r.findings()::toString);
        assertAt(f.get(0), "a.json", 0, "is an object, not a JSON array", "It must be a JSON array of rules");
        assertAt(f.get(1), "b.json", 0, "is not valid JSON (");
    }

    // ---------------------------------------------------------------------------------------------- Firefox

    @Test
    void firefoxWantsScriptsAndAGeckoIdWhereEdgeRefusesScripts() throws Exception {
        Object[] crossBrowser = {"manifest.json", mv3("\"background\": {\"service_worker\": \"bg.js\", \"scripts\": [\"bg.js\"]}",
                "\"browser_specific_settings\": {\"gecko\": {\"id\": \"t@example.com\","
                        + " \"data_collection_permissions\": {\"required\": [\"none\"]}}}"), "bg.js", ""};
        assertClean(check(Store.FIREFOX, Collections.emptySet(), crossBrowser));
        assertEquals(EnumSet.of(Rule.BACKGROUND_SCRIPTS_MV3), edge(crossBrowser).rules());

        Object[] chromeShaped = {"manifest.json", mv3("\"background\": {\"service_worker\": \"bg.js\"}",
                "\"update_url\": \"https://example.com/u.xml\""), "bg.js", ""};
        CheckReport firefox = check(Store.FIREFOX, Collections.emptySet(), chromeShaped);
        assertEquals(EnumSet.of(Rule.BACKGROUND_SERVICE_WORKER_ONLY, Rule.GECKO_ID_MISSING,
                Rule.GECKO_DATA_COLLECTION_MISSING, Rule.UPDATE_URL), firefox.rules());
        assertAt(the(Rule.BACKGROUND_SERVICE_WORKER_ONLY, firefox), "manifest.json", 5, "Add \"scripts\": [\"bg.js\"]");
        assertAt(the(Rule.GECKO_ID_MISSING, firefox), "manifest.json", 2, "browser_specific_settings");
        assertEquals(Severity.WARNING, the(Rule.GECKO_DATA_COLLECTION_MISSING, firefox).severity());
        assertAt(the(Rule.UPDATE_URL, firefox), "manifest.json", 6, "AMO refuses it");
        assertClean(edge(chromeShaped));
    }

    @Test
    void firefoxTakesSvgIconsAndHasItsOwnNameLimit() throws Exception {
        String ok = "{\"manifest_version\": 2, \"name\": \"" + "n".repeat(50) + "\", \"version\": \"1\","
                + " \"icons\": {\"128\": \"i.svg\"}, \"browser_specific_settings\": {\"gecko\": {\"id\": \"a@b\","
                + " \"data_collection_permissions\": {\"required\": [\"none\"]}}}}";
        assertClean(check(Store.FIREFOX, Collections.emptySet(), "manifest.json", ok, "i.svg", "<svg/>"));
        CheckReport longer = check(Store.FIREFOX, Collections.emptySet(), "manifest.json",
                ok.replace("n".repeat(50), "n".repeat(51)), "i.svg", "<svg/>");
        assertTrue(the(Rule.NAME_TOO_LONG, longer).message().contains("the Firefox Add-ons listing takes at most 50"));
    }

    // ---------------------------------------------------------------------------------------------- cost

    @Test
    void ofFiveThousandFilesOnlyTheFewARuleNeedsAreRead() throws Exception {
        Map<String, Long> entries = new java.util.LinkedHashMap<>();
        Map<String, byte[]> bytes = new java.util.HashMap<>();
        String manifest = mv3("\"default_locale\": \"en\"", "\"description\": \"__MSG_d__\"",
                "\"icons\": {\"128\": \"icons/128.png\"}",
                "\"declarative_net_request\": {\"rule_resources\": [{\"id\": \"r\", \"path\": \"rules.json\"}]}");
        bytes.put("_locales/en/messages.json", "{\"d\": {\"message\": \"D\"}}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes.put("rules.json", "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes.put("icons/128.png", PNG);
        bytes.put("notes.txt", "plain text".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> e : bytes.entrySet()) {
            entries.put(e.getKey(), (long) e.getValue().length);
        }
        for (int i = 0; entries.size() < 5000; i++) {
            entries.put((i % 2 == 0 ? "js/f" : "img/f") + i + (i % 2 == 0 ? ".js" : ".png"), 20_000L);
        }
        List<String> read = new ArrayList<>();
        PackageContent content = new PackageContent(entries, (name, max) -> {
            read.add(name);
            byte[] b = bytes.get(name);
            return b == null ? new byte[0] : Arrays.copyOf(b, Math.min(b.length, max));
        });
        Manifest parsed = new Manifest(com.google.gson.JsonParser.parseString(manifest).getAsJsonObject(), null);

        CheckReport report = new PackageChecks(Store.EDGE, Collections.emptySet()).check(parsed, content);

        assertClean(report);
        assertEquals(new java.util.TreeSet<>(Arrays.asList("_locales/en/messages.json", "icons/128.png", "notes.txt",
                "rules.json")), new java.util.TreeSet<>(read), "read only the catalog, the rule file, the icon's head"
                + " and the head of a file that may hold a key");
    }

    // ---------------------------------------------------------------------------------------------- the report

    @Test
    void everyFindingAtOnceErrorsFirstThenWarningsThenTheSummary() throws Exception {
        Path zip = TestZips.zip(dir.resolve("ext.zip"), entries(
                "manifest.json", mv3("\"action\": {\"default_popup\": \"popup.html\"}", "\"key\": \"abc\""),
                ".env", "SECRET=1"));
        InvalidPackageException e = assertThrows(InvalidPackageException.class, () -> new PackageValidator().validate(zip));
        assertEquals("Extension package " + zip + " fails the Edge Add-ons store's checks (nothing was sent):\n"
                + "  manifest.json:5: error MISSING_FILE: \"action.default_popup\" names \"popup.html\", which is not in"
                + " the zip. Add the file to the extension, or fix the path in manifest.json (paths are relative to the"
                + " zip's root, and case matters in the store).\n"
                + "  .env: error SECRET_FILE: this looks like a secret (an environment file, .env) and the package"
                + " would make it public. Leave it out of the extension folder (or <excludes> it), and revoke it if it"
                + " was ever shipped.\n"
                + "  manifest.json:6: warning KEY_FIELD: \"key\" is set; the Chrome Web Store refuses packages with it,"
                + " and a store assigns the id itself. Remove it from the released manifest.json.\n"
                + "2 errors, 1 warning. Fix the errors; if the store is known to accept one for this extension, silence"
                + " its rule by code with <ignoredChecks> (edge.ignoredChecks, comma-separated codes).", e.getMessage());
    }

    @Test
    void aSilencedRuleIsCountedNotReported() throws Exception {
        CheckReport r = check(Store.EDGE, EnumSet.of(Rule.MISSING_FILE, Rule.KEY_FIELD),
                "manifest.json", mv3("\"action\": {\"default_popup\": \"popup.html\"}", "\"options_page\": \"o.html\""));
        assertClean(r);
        assertEquals(2, r.silenced().get(Rule.MISSING_FILE));
        assertFalse(r.silenced().containsKey(Rule.KEY_FIELD), "a silenced rule that did not apply is not mentioned");
        assertEquals("0 errors, 0 warnings, 2 silenced", r.summary());
        assertEquals(Collections.singletonList("Check MISSING_FILE is silenced by ignoredChecks (2 findings not reported)."),
                r.silencedLines("ignoredChecks"));
    }

    @Test
    void codesAreParsedFromACommaSeparatedListAndUnknownOnesAreRefused() throws Exception {
        assertEquals(EnumSet.of(Rule.KEY_FIELD, Rule.NAME_TOO_LONG), Rule.parseCodes(" key_field, NAME_TOO_LONG ,", "x"));
        assertEquals(EnumSet.noneOf(Rule.class), Rule.parseCodes(null, "x"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> Rule.parseCodes("KEY_FIELD,NO_SUCH_RULE", "ignoredChecks (edge.ignoredChecks)"));
        assertTrue(e.getMessage().startsWith("ignoredChecks (edge.ignoredChecks) names an unknown check: NO_SUCH_RULE."
                + " The codes are: "), e.getMessage());
        assertTrue(e.getMessage().contains("MISSING_FILE"), e.getMessage());
    }

    @Test
    void everyRuleHasAStoreItAppliesToAndItsText() {
        for (Rule rule : Rule.values()) {
            assertTrue(Arrays.stream(Store.values()).anyMatch(s -> rule.severity(s) != Severity.OFF), rule.code());
            assertFalse(rule.what().isEmpty() || rule.why().isEmpty(), rule.code());
            assertTrue(rule.code().matches("[A-Z0-9_]+"), rule.code());
        }
        // Edge is the store the goals check against today: its column has errors and warnings
        Map<Severity, List<Rule>> edge = Arrays.stream(Rule.values())
                .collect(Collectors.groupingBy(r -> r.severity(Store.EDGE)));
        assertTrue(edge.get(Severity.ERROR).contains(Rule.MISSING_FILE));
        assertTrue(edge.get(Severity.WARNING).contains(Rule.LISTING_LANGUAGES));
        assertTrue(edge.get(Severity.OFF).contains(Rule.GECKO_ID_MISSING));
    }
}
