package io.github.edgeaddons.sim.chrome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.sim.SimJson;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
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

/** The Chrome Web Store simulator's command line ({@link ChromeSimulatorCli}): options, the banner, a real process. */
class ChromeSimulatorCliTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    @Test
    void optionsSetTheStoresState() throws Exception {
        ChromeSimulatorCli.Parsed p = ChromeSimulatorCli.parse(new String[] {"--published", "2.0", "--in-review", "2.1",
                "--taken-down", "--processing-polls", "3", "--token-lifetime", "30", "--port-file",
                tmp.resolve("port").toString(), "--key-file", tmp.resolve("key.json").toString(), "--log-requests"});
        ChromeStore s = p.simulator.store();
        assertEquals("2.0", s.published().crxVersion());
        assertEquals("PENDING_REVIEW", s.submitted().state());
        assertEquals("2.1", s.submitted().crxVersion());
        assertEquals(3, s.processingPolls());
        assertEquals(Duration.ofSeconds(30), s.tokenLifetime());
        assertEquals(tmp.resolve("port"), p.portFile);
        assertEquals(tmp.resolve("key.json"), p.keyFile);
        assertNull(ChromeSimulatorCli.parse(new String[] {"--published", "none"}).simulator.store().published());
        assertTrue(ChromeSimulatorCli.parse(new String[] {"--help"}).help);
    }

    @Test
    void theBannerNamesTheUrlsTheIdsAndTheCredentials() throws Exception {
        try (ChromeWebStoreSimulator sim = ChromeSimulatorCli.parse(new String[] {"--processing-polls", "2"})
                .simulator.start()) {
            String[] lines = ChromeSimulatorCli.banner(sim, null).split(System.lineSeparator());
            assertEquals(Arrays.asList("Chrome Web Store API simulator listening on " + sim.apiBaseUrl(),
                    "  point a build at it:  -Dchrome.apiBaseUrl=" + sim.apiBaseUrl() + " -Dchrome.tokenUrl="
                            + sim.tokenUrl(),
                    "  ids:                  -Dchrome.publisherId=" + ChromeWebStoreSimulator.PUBLISHER_ID
                            + " -Dchrome.itemId=" + ChromeWebStoreSimulator.ITEM_ID,
                    "  OAuth client:         client id " + ChromeWebStoreSimulator.CLIENT_ID + ", client secret "
                            + ChromeWebStoreSimulator.CLIENT_SECRET + ", refresh token "
                            + ChromeWebStoreSimulator.REFRESH_TOKEN + " ("
                            + ChromeWebStoreSimulator.EXPIRED_REFRESH_TOKEN + " answers invalid_grant)",
                    "  service account:      " + ServiceAccount.CLIENT_EMAIL
                            + ", key file not written (--key-file FILE writes it)",
                    "  published:            PUBLISHED 1.0.0 at 100%",
                    "  uploads:              IN_PROGRESS for 2 fetchStatus polls",
                    "  access tokens live:   3599 s"), Arrays.asList(lines));
        }
    }

    @Test
    void wrongOptionsAreUsageErrors() {
        for (String[] args : new String[][] {{"--bogus"}, {"--store", "chrome"}, {"--port"}, {"--port", "70000"},
                {"--published", "one"}, {"--in-review", "1.2.3.4.5"}, {"--processing-polls", "-1"},
                {"--token-lifetime", "0"}, {"--in-progress-word", "RUNNING"}, {"positional"}}) {
            assertThrows(ChromeSimulatorCli.UsageException.class, () -> ChromeSimulatorCli.parse(args),
                    Arrays.toString(args));
        }
    }

    private static Process java(String... args) throws Exception {
        Path classes = Paths.get(ChromeWebStoreSimulator.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(Arrays.asList(java, "-Xmx64m", "-cp", classes.toString(),
                ChromeSimulatorCli.class.getName()));
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
    void aRealProcessWritesTheKeyFileAndServesTokensAndTheApi() throws Exception {
        Path portFile = tmp.resolve("port");
        Path keyFile = tmp.resolve("sa/key.json");
        Process p = java("--port-file", portFile.toString(), "--key-file", keyFile.toString(), "--published", "3.0");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertNotNull(line, "the simulator printed nothing");
            assertTrue(line.matches("Chrome Web Store API simulator listening on http://127\\.0\\.0\\.1:\\d+"), line);
            String base = "http://127.0.0.1:"
                    + new String(Files.readAllBytes(portFile), StandardCharsets.US_ASCII).trim();
            Map<String, Object> key = SimJson.parseObject(new String(Files.readAllBytes(keyFile), StandardCharsets.UTF_8));
            assertEquals(base + "/token", key.get("token_uri"));

            HttpResponse<String> t = http.send(HttpRequest.newBuilder(URI.create(base + "/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id="
                            + URLEncoder.encode(ChromeWebStoreSimulator.CLIENT_ID, StandardCharsets.UTF_8)
                            + "&client_secret=" + URLEncoder.encode(ChromeWebStoreSimulator.CLIENT_SECRET,
                                    StandardCharsets.UTF_8)
                            + "&refresh_token=" + URLEncoder.encode(ChromeWebStoreSimulator.REFRESH_TOKEN,
                                    StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, t.statusCode(), t.body());
            HttpResponse<String> s = http.send(HttpRequest.newBuilder(URI.create(base + "/v2/publishers/"
                    + ChromeWebStoreSimulator.PUBLISHER_ID + "/items/" + ChromeWebStoreSimulator.ITEM_ID + ":fetchStatus"))
                    .header("Authorization", "Bearer " + SimJson.parseObject(t.body()).get("access_token")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, s.statusCode(), s.body());
            assertTrue(s.body().contains("\"crxVersion\":\"3.0\""), s.body());

            List<Object> requests = SimJson.parseArray(http.send(HttpRequest.newBuilder(
                    URI.create(base + "/_sim/requests")).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(2, requests.size(), "control requests are not recorded");
            assertEquals("TOKEN", ((Map<?, ?>) requests.get(0)).get("route"));
            assertEquals("FETCH_STATUS", ((Map<?, ?>) requests.get(1)).get("route"));
            assertEquals(Boolean.TRUE, ((Map<?, ?>) requests.get(1)).get("authValid"));
        } finally {
            p.destroy();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the simulator did not stop on SIGTERM");
        }
    }
}
