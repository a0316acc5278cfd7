package io.github.edgeaddons.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's command line ({@link SimulatorCli}): options, the banner, and a real process. */
class SimulatorCliTest {
    private static final String PID = EdgeApiSimulator.PRODUCT_ID;
    private static final String OTHER = "11111111-2222-3333-4444-555555555555";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    private static String uploadPath(String pid) {
        return "/v1/products/" + pid + "/submissions/draft/package";
    }

    private static String publishPath(String pid) {
        return "/v1/products/" + pid + "/submissions";
    }

    private HttpResponse<String> send(String base, String path, String method, byte[] body, String contentType)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "ApiKey " + EdgeApiSimulator.API_KEY)
                .header("X-ClientID", EdgeApiSimulator.CLIENT_ID);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Object> endOf(String base, HttpResponse<String> accepted, String statusPathPrefix)
            throws Exception {
        assertEquals(202, accepted.statusCode(), accepted.body());
        String id = accepted.headers().firstValue("Location").orElseThrow();
        Map<String, Object> status;
        int polls = 0;
        do {
            status = SimJson.parseObject(send(base, statusPathPrefix + id, "GET", null, null).body());
        } while ("InProgress".equals(status.get("status")) && ++polls < 10);
        return status;
    }

    // ------------------------------------------------------------------ options, in process

    @Test
    void byDefaultItTakesAnyProductIdAndNamedIdsNarrowItToThem() throws Exception {
        SimulatorCli.Parsed any = SimulatorCli.parse(new String[0]);
        try (EdgeApiSimulator sim = any.simulator.start()) {
            assertEquals(202, send(sim.baseUrl(), uploadPath(OTHER), "POST", new byte[] {1}, "application/zip")
                    .statusCode());
            assertEquals(202, send(sim.baseUrl(), publishPath(PID), "POST", new byte[] {1}, "text/plain").statusCode());
            assertTrue(send(sim.baseUrl(), "/v1/products", "GET", null, null).body().contains(OTHER),
                    "the products list names the id it was used with");
        }
        SimulatorCli.Parsed named = SimulatorCli.parse(new String[] {"--products", PID});
        try (EdgeApiSimulator sim = named.simulator.start()) {
            assertEquals(404, send(sim.baseUrl(), uploadPath(OTHER), "POST", new byte[] {1}, "application/zip")
                    .statusCode());
            assertEquals(202, send(sim.baseUrl(), uploadPath(PID), "POST", new byte[] {1}, "application/zip")
                    .statusCode());
        }
    }

    @Test
    void anUploadAndAPublishCanBeMadeToFail() throws Exception {
        SimulatorCli.Parsed p = SimulatorCli.parse(new String[] {"--upload-error", "popup.html: inline script",
                "--upload-error", "icons missing", "--publish-outcome", "InProgressSubmission", "--upload-polls", "0"});
        try (EdgeApiSimulator sim = p.simulator.start()) {
            String base = sim.baseUrl();
            Map<String, Object> up = endOf(base, send(base, uploadPath(OTHER), "POST", new byte[] {1}, "application/zip"),
                    uploadPath(OTHER) + "/operations/");
            assertEquals("Failed", up.get("status"));
            assertEquals("InvalidPackage", up.get("errorCode"));
            assertEquals(Arrays.asList("popup.html: inline script", "icons missing"), up.get("errors"));
            Map<String, Object> pub = endOf(base, send(base, publishPath(OTHER), "POST", new byte[] {1}, "text/plain"),
                    publishPath(OTHER) + "/operations/");
            assertEquals("Failed", pub.get("status"));
            assertEquals("InProgressSubmission", pub.get("errorCode"));
        }
        Outcome invalid = SimulatorCli.parse(new String[] {"--upload-outcome", "InvalidPackage"}).simulator.config()
                .uploadOutcome();
        assertFalse(invalid.isSuccess());
        assertEquals("InvalidPackage", invalid.errorCode());
        assertEquals(1, invalid.errors().size(), "a default error");
    }

    @Test
    void theBannerNamesTheUrlTheCredentialsAndTheProductIds() throws Exception {
        SimulatorCli.Parsed p = SimulatorCli.parse(new String[] {"--products", PID + "," + OTHER,
                "--publish-outcome", "InProgressSubmission", "--upload-polls", "2"});
        try (EdgeApiSimulator sim = p.simulator.start()) {
            String banner = SimulatorCli.banner(sim);
            String[] lines = banner.split(System.lineSeparator());
            assertEquals("Edge API simulator listening on " + sim.baseUrl(), lines[0], "the line scripts wait for");
            assertEquals(Arrays.asList("Edge API simulator listening on " + sim.baseUrl(),
                    "  point a build at it:  -Dedge.apiBaseUrl=" + sim.baseUrl(),
                    "  API key (v1.1):       client id sim-client-id, API key sim-api-key-SECRET-1111 (a settings.xml"
                            + " <server> with these as <username> and <password>, e.g. examples/demo-settings.xml)",
                    "  client secret (v1):   sim-client-secret-SECRET-2222, token URL " + sim.tokenUrl(),
                    "  product ids:          " + PID + ", " + OTHER + " (any other answers 404)",
                    "  upload:               Succeeded, after 2 status requests",
                    "  publish:              Failed (InProgressSubmission), after 1 status request"),
                    Arrays.asList(lines));
        }
        try (EdgeApiSimulator sim = SimulatorCli.parse(new String[0]).simulator.start()) {
            assertTrue(SimulatorCli.banner(sim).contains("  product ids:          any" + System.lineSeparator()));
        }
    }

    @Test
    void theOptionsOfDemoShTheMavenMatrixAndTheBenchAreTaken() throws Exception {
        // demo.sh, ci/maven-matrix.sh and bench/run.sh start it with these
        SimulatorCli.Parsed p = SimulatorCli.parse(new String[] {"--port-file", tmp.resolve("port").toString(),
                "--upload-polls", "1", "--publish-polls", "2", "--log-requests", "--publish-after", "2"});
        assertEquals(tmp.resolve("port"), p.portFile);
        assertEquals(1, p.simulator.config().uploadOutcome().polls());
        assertEquals(Duration.ofSeconds(2), p.simulator.config().publishOutcome().delay());
        assertTrue(p.simulator.config().acceptsAnyProduct());
        assertTrue(SimulatorCli.parse(new String[] {"--help"}).help);
    }

    @Test
    void wrongOptionsAreUsageErrors() {
        for (String[] args : new String[][] {{"--bogus", "1"}, {"--bogus"}, {"--publish-outcome", "Maybe"},
                {"--upload-outcome", "Perhaps"}, {"--port"}, {"--port", "x"}, {"--port", "70000"},
                {"--upload-polls", "-1"}, {"--publish-after", "soon"}, {"--products", "not-a-guid"},
                {"--vocabulary", "ancient"}, {"--location", "here"}, {"positional"}}) {
            assertThrows(SimulatorCli.UsageException.class, () -> SimulatorCli.parse(args), Arrays.toString(args));
        }
    }

    // ------------------------------------------------------------------ a real process

    private static Process java(String... args) throws Exception {
        Path classes = Paths.get(EdgeApiSimulator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(Arrays.asList(java, "-Xmx64m", "-cp", classes.toString(),
                SimulatorCli.class.getName()));
        cmd.addAll(Arrays.asList(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    @Test
    void anUnknownOptionGetsTheUsageAndExitCode2NotAStackTrace() throws Exception {
        Process p = java("--bogus", "1");
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the simulator did not exit");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.startsWith("error: unknown option --bogus" + System.lineSeparator() + "usage: "), out);
        assertFalse(out.contains("Exception") || out.contains("\tat "), out);
    }

    @Test
    void commandLineServesTheApiAndTheControlEndpoints() throws Exception {
        Path portFile = tmp.resolve("sub/port.txt");
        // the old entry point, as scripts name it, still starts the command line
        Path classes = Paths.get(EdgeApiSimulator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String javaBin = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Xmx64m", "-cp", classes.toString(), EdgeApiSimulator.class.getName(),
                "--port", "0", "--port-file", portFile.toString(), "--upload-polls", "2",
                "--publish-outcome", "InProgressSubmission", "--publish-polls", "0", "--location", "path")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertNotNull(line, "the simulator printed nothing");
            assertTrue(line.matches("Edge API simulator listening on http://127\\.0\\.0\\.1:\\d+"), line);
            int port = Integer.parseInt(new String(Files.readAllBytes(portFile), StandardCharsets.US_ASCII).trim());
            String base = "http://127.0.0.1:" + port;
            assertTrue(line.endsWith(base), line);

            byte[] zip = new byte[100_000];
            new Random(7).nextBytes(zip);
            HttpResponse<String> up = send(base, uploadPath(PID), "POST", zip, "application/zip");
            assertEquals(202, up.statusCode());
            String location = up.headers().firstValue("Location").orElseThrow();
            assertTrue(location.startsWith("/v1/products/" + PID + "/submissions/draft/package/operations/"), location);
            List<String> statuses = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                statuses.add((String) SimJson.parseObject(send(base, location, "GET", null, null).body()).get("status"));
            }
            assertEquals(List.of("InProgress", "InProgress", "Succeeded"), statuses);
            HttpResponse<String> pub = send(base, publishPath(PID), "POST", "n".getBytes(StandardCharsets.UTF_8), null);
            Map<String, Object> ps = SimJson.parseObject(
                    send(base, pub.headers().firstValue("Location").orElseThrow(), "GET", null, null).body());
            assertEquals("Failed", ps.get("status"));
            assertEquals("InProgressSubmission", ps.get("errorCode"));

            List<Object> requests = SimJson.parseArray(http.send(HttpRequest.newBuilder(
                    URI.create(base + "/_sim/requests")).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(6, requests.size(), "control requests are not recorded");
            Map<?, ?> first = (Map<?, ?>) requests.get(0);
            assertEquals("UPLOAD", first.get("route"));
            assertEquals("POST", first.get("method"));
            assertEquals(uploadPath(PID), first.get("path"));
            assertEquals(202L, first.get("status"));
            assertEquals((long) zip.length, first.get("bodySize"));
            assertEquals(EdgeApiSimulator.hex(MessageDigest.getInstance("SHA-256").digest(zip)), first.get("bodySha256"));
            assertTrue(first.get("receivedAt") instanceof Long);

            List<Object> ops = SimJson.parseArray(http.send(HttpRequest.newBuilder(
                    URI.create(base + "/_sim/operations")).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(2, ops.size());
            Map<?, ?> op = (Map<?, ?>) ops.get(0);
            assertEquals("UPLOAD", op.get("kind"));
            assertEquals("Succeeded", op.get("status"));
            assertEquals(location.substring(location.lastIndexOf('/') + 1), op.get("id"));
            long created = (Long) op.get("createdAt");
            long terminal = (Long) op.get("terminalAt");
            assertTrue(terminal >= created, created + " > " + terminal);
            assertEquals("PUBLISH", ((Map<?, ?>) ops.get(1)).get("kind"));
            assertEquals("Failed", ((Map<?, ?>) ops.get(1)).get("status"));
        } finally {
            p.destroy();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the simulator did not stop on SIGTERM");
        }
    }
}
