package io.github.edgeaddons.client;

import static io.github.edgeaddons.client.ClientTestSupport.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.edgeaddons.sim.EdgeApiSimulator;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS is verified as the JDK does: a server whose certificate the JDK does not trust (self-signed, made
 * here with keytool) is refused, with a message that says how to trust a legitimate one, and not retried.
 */
class TlsTest {
    @TempDir
    static Path dir;

    private static HttpsServer server;
    private static final AtomicInteger answered = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        Path keystore = dir.resolve("self-signed.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "store", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool failed");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/", ex -> {
            answered.incrementAndGet();
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void anUntrustedCertificateIsRefusedWithAWayOut() throws Exception {
        ClientSettings settings = ClientSettings.builder()
                .apiBaseUrl(URI.create("https://127.0.0.1:" + server.getAddress().getPort()))
                .productId(EdgeApiSimulator.PRODUCT_ID)
                .credentials(new Credentials(EdgeApiSimulator.CLIENT_ID, EdgeApiSimulator.API_KEY))
                .retryPolicy(ClientTestSupport.FAST_RETRIES)
                .build();
        try (EdgeAddonsClient client = new EdgeAddonsClient(settings)) {
            EdgeApiException e = assertThrows(EdgeApiException.class, () -> client.credentialsAccepted(seconds(20)));
            assertEquals(EdgeApiException.Kind.NETWORK, e.kind());
            assertTrue(e.getMessage().contains("TLS handshake failed"), e.getMessage());
            assertTrue(e.getMessage().contains("javax.net.ssl.trustStore"), e.getMessage());
            assertTrue(e.getMessage().contains("(GET https://127.0.0.1:"), e.getMessage());
            assertTrue(e.getMessage().contains("1 attempt)"), "a TLS failure is not retried: " + e.getMessage());
        }
        assertEquals(0, answered.get(), "no request got through the refused handshake");
    }
}
