package io.github.edgeaddons.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.sim.EdgeApiSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HttpClient's own logging (headers, wire, exec chain) at TRACE must never carry a credential, as under
 * {@code mvn -X}. slf4j-simple reads its configuration once per JVM, so the exchange runs in a child JVM
 * ({@link HttpClientLoggingProbe}) started with every logger at TRACE; this test reads what it logged.
 */
class SecretLoggingTest {

    @TempDir
    Path tmp;

    @Test
    void httpClientTraceLoggingCarriesNoCredentialInEitherAuthMode() throws Exception {
        Path log = tmp.resolve("slf4j.log");
        Path out = tmp.resolve("stdout.txt");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(Arrays.asList(java,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                "-Dorg.slf4j.simpleLogger.logFile=" + log,
                "-Dorg.slf4j.simpleLogger.showLogName=true",
                "-cp", System.getProperty("java.class.path"),
                HttpClientLoggingProbe.class.getName(), tmp.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the probe finished");
        String stdout = new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), stdout);
        assertTrue(stdout.contains("[probe] done"), stdout);
        String logged = Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";

        // proof that the logging was on: HttpClient logged its exchanges at DEBUG/TRACE
        long hcLines = logged.lines().filter(l -> l.contains("org.apache.hc.client5")).count();
        assertTrue(hcLines >= 20, "HttpClient logged " + hcLines + " lines:\n" + logged);
        assertTrue(logged.contains("DEBUG") || logged.contains("TRACE"), logged);
        // and the probe did both exchanges: both refusals reached the user
        assertEquals(2, stdout.lines().filter(l -> l.startsWith("[failure]")).count(), stdout);
        Matcher tokens = Pattern.compile("tokens (\\d+)").matcher(stdout);
        assertTrue(tokens.find() && Integer.parseInt(tokens.group(1)) >= 3, "token requests made: " + stdout);

        String everything = logged + "\n" + stdout;
        for (String secret : Arrays.asList(EdgeApiSimulator.API_KEY, EdgeApiSimulator.CLIENT_SECRET,
                "rotated-api-key-0000", "rotated-secret-0000", "sim-token-")) {
            assertFalse(everything.contains(secret), "'" + secret + "' leaked:\n" + excerpt(everything, secret));
        }
        // nor under their URL-encoded form in a wire dump of the token request
        assertFalse(everything.contains("client_secret="), excerpt(everything, "client_secret="));
        assertFalse(everything.contains("ApiKey sim"), excerpt(everything, "ApiKey sim"));
    }

    private static String excerpt(String text, String needle) {
        int i = text.indexOf(needle);
        return i < 0 ? "" : text.substring(Math.max(0, i - 300), Math.min(text.length(), i + 300));
    }
}
