package io.github.edgeaddons.pkg.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.pkg.InvalidPackageException;
import io.github.edgeaddons.pkg.PackageInfo;
import io.github.edgeaddons.pkg.PackageValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No false alarms: realistic extensions, written for this project in the shapes of the big public sample
 * collections (service workers, content scripts, _locales with __MSG_ names, side panels, rule files, options
 * and devtools pages, overrides, sandbox pages, several icon sizes, manifest V2), zipped as the package goal
 * zips them, pass the Edge and Chrome rules without an error; the only warnings are the ones each one earns.
 */
class CorpusTest {
    private static final Path CORPUS = Paths.get("src/test/resources/corpus");

    /** The warnings an extension of the corpus earns for Edge, on purpose; every other one has none. */
    private static final Map<String, Set<Rule>> EXPECTED_EDGE_WARNINGS = new TreeMap<>();

    static {
        EXPECTED_EDGE_WARNINGS.put("i18n-localized", EnumSet.of(Rule.LISTING_LANGUAGES));
        EXPECTED_EDGE_WARNINGS.put("mv2-page-action", EnumSet.of(Rule.MANIFEST_V2));
    }

    @TempDir
    Path dir;

    static Stream<String> extensions() throws IOException {
        try (Stream<Path> list = Files.list(CORPUS)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .collect(Collectors.toList()).stream();
        }
    }

    @Test
    void theCorpusHasTheShapesItPromises() throws Exception {
        List<String> names = extensions().collect(Collectors.toList());
        assertTrue(names.size() >= 10, names::toString);
        String all = names.stream().map(n -> read(CORPUS.resolve(n).resolve("manifest.json")))
                .collect(Collectors.joining("\n"));
        for (String shape : new String[] {"service_worker", "content_scripts", "__MSG_", "side_panel", "rule_resources",
                "options_ui", "options_page", "devtools_page", "chrome_url_overrides", "sandbox",
                "web_accessible_resources", "\"manifest_version\": 2", "\"128\""}) {
            assertTrue(all.contains(shape), "no extension of the corpus has " + shape);
        }
    }

    @ParameterizedTest
    @MethodSource("extensions")
    void passesTheEdgeRulesWithoutAnError(String name) throws Exception {
        CheckReport report = check(name, Store.EDGE);
        assertEquals(EXPECTED_EDGE_WARNINGS.getOrDefault(name, Collections.emptySet()),
                report.warnings().stream().map(Finding::rule).collect(Collectors.toSet()), report.findings()::toString);
    }

    @ParameterizedTest
    @MethodSource("extensions")
    void passesTheChromeRulesWithoutAnError(String name) throws Exception {
        check(name, Store.CHROME);
    }

    private CheckReport check(String name, Store store) throws IOException {
        Path zip = TestZips.zipFolder(CORPUS.resolve(name), dir.resolve(name + ".zip"));
        try {
            PackageInfo info = new PackageValidator().store(store).validate(zip);
            return info.report();
        } catch (InvalidPackageException e) {
            throw new AssertionError("a false alarm on " + name + ":\n" + e.getMessage(), e);
        }
    }

    private static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
