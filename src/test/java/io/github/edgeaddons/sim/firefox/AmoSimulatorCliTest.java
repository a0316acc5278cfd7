package io.github.edgeaddons.sim.firefox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.sim.SimJson;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AMO simulator's command line ({@link AmoSimulatorCli}): options, the banner, a real process. */
class AmoSimulatorCliTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    @Test
    void optionsSetTheStoresState() throws Exception {
        AmoSimulatorCli.Parsed p = AmoSimulatorCli.parse(new String[] {"--existing-version", "1.1.0",
                "--existing-unlisted", "1.2.0", "--processing-polls", "3", "--approval-polls", "4", "--signing-polls",
                "5", "--port-file", tmp.resolve("port").toString(), "--log-requests"});
        AmoStore s = p.simulator.store();
        assertEquals(Arrays.asList("1.0.0 listed", "1.1.0 listed", "1.2.0 unlisted"), describe(s));
        assertEquals(3, s.processingPolls());
        assertEquals(4, s.approvalPolls());
        assertEquals(5, s.signingPolls());
        assertEquals(tmp.resolve("port"), p.portFile);
        AmoStore added = AmoSimulatorCli.parse(new String[] {"--addon", "my-ext@example.net", "--addon",
                "{0b6f2c1e-3a4d-4e5f-8a9b-0c1d2e3f4a5b}=braced"}).simulator.store();
        assertEquals(Arrays.asList("my-ext@example.net (slug my-ext-example-net, id 2100003)",
                "{0b6f2c1e-3a4d-4e5f-8a9b-0c1d2e3f4a5b} (slug braced, id 2100004)"), added.addedAddons());
        assertTrue(added.versions("my-ext@example.net").isEmpty());
        AmoStore none = AmoSimulatorCli.parse(new String[] {"--no-license"}).simulator.store();
        assertTrue(none.versions().isEmpty());
        assertFalse(none.hasLicense());
        assertTrue(AmoSimulatorCli.parse(new String[] {"--help"}).help);
    }

    private static List<String> describe(AmoStore s) {
        List<String> out = new ArrayList<>();
        for (AmoStore.Version v : s.versions()) {
            out.add(v.number() + " " + v.channel());
        }
        return out;
    }

    @Test
    void theBannerNamesTheRootTheJwtKeyAndTheAddOns() throws Exception {
        try (AmoSimulator sim = AmoSimulatorCli.parse(new String[] {"--processing-polls", "2"}).simulator.start()) {
            String[] lines = AmoSimulatorCli.banner(sim).split(System.lineSeparator());
            assertEquals(Arrays.asList("addons.mozilla.org API v5 simulator listening on " + sim.apiBaseUrl(),
                    "  point a build at it:  -Dfirefox.apiBaseUrl=" + sim.apiBaseUrl(),
                    "  JWT key:              issuer " + AmoSimulator.JWT_ISSUER + ", secret " + AmoSimulator.JWT_SECRET,
                    "  add-ons:              " + AmoSimulator.ADDON_GUID + " (slug sim-addon, id 2100001), "
                            + "sim-addon@example.com (slug sim-email-addon, id 2100002)",
                    "  versions:             1.0.0 listed public",
                    "  uploads:              processed:false for 2 polls",
                    "  review:               listed never approved, unlisted signed after 1 reads"),
                    Arrays.asList(lines));
        }
    }

    @Test
    void wrongOptionsAreUsageErrors() {
        for (String[] args : new String[][] {{"--bogus"}, {"--port"}, {"--port", "70000"}, {"--existing-version", "one"},
                {"--processing-polls", "-1"}, {"--throttle", "3"}, {"--throttle", "a:b"}, {"--addon", "my-ext"}, {"--addon", "{my-ext@example.net}"},
                {"--addon", AmoSimulator.ADDON_GUID}, {"positional"}}) {
            assertThrows(AmoSimulatorCli.UsageException.class, () -> AmoSimulatorCli.parse(args), Arrays.toString(args));
        }
    }

    private static Process java(String... args) throws Exception {
        Path classes = Paths.get(AmoSimulator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(Arrays.asList(java, "-Xmx64m", "-cp", classes.toString(),
                AmoSimulatorCli.class.getName()));
        cmd.addAll(Arrays.asList(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    @Test
    void anUnknownOptionGetsTheUsageAndExitCode2() throws Exception {
        Process p = java("--bogus");
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the simulator did not exit");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.startsWith("error: unknown option --bogus" + System.lineSeparator() + "usage: "), out);
        assertFalse(out.contains("Exception"), out);
    }

    @Test
    void aRealProcessServesTheApiWithTheJwtKeyOfItsBanner() throws Exception {
        Path portFile = tmp.resolve("port");
        Process p = java("--port-file", portFile.toString(), "--throttle", "1:18");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertNotNull(line, "the simulator printed nothing");
            assertTrue(line.matches("addons\\.mozilla\\.org API v5 simulator listening on http://127\\.0\\.0\\.1:\\d+"),
                    line);
            String base = "http://127.0.0.1:" + new String(Files.readAllBytes(portFile), StandardCharsets.US_ASCII).trim();
            URI addon = URI.create(base + "/api/v5/addons/addon/" + AmoSimulator.ADDON_SLUG + "/");
            HttpResponse<String> throttled = http.send(HttpRequest.newBuilder(addon)
                    .header("Authorization", "JWT " + AmoSimulatorTest.jwt()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(429, throttled.statusCode(), throttled.body());
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(addon)
                    .header("Authorization", "JWT " + AmoSimulatorTest.jwt()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(AmoSimulator.ADDON_GUID, SimJson.parseObject(r.body()).get("guid"));

            List<Object> requests = SimJson.parseArray(http.send(HttpRequest.newBuilder(
                    URI.create(base + "/_sim/requests")).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(2, requests.size(), "control requests are not recorded");
            assertEquals("ADDON", ((Map<?, ?>) requests.get(1)).get("route"));
            assertEquals(200L, ((Map<?, ?>) requests.get(1)).get("status"));
            assertEquals(Boolean.TRUE, ((Map<?, ?>) requests.get(1)).get("authValid"));
        } finally {
            p.destroy();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the simulator did not stop on SIGTERM");
        }
    }
}
