package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.Credentials;
import io.github.edgeaddons.core.StoreException;

import static io.github.edgeaddons.edge.ClientTestSupport.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsServer;
import io.github.edgeaddons.sim.EdgeApiSimulator;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
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
        server = ClientTestSupport.untrustedHttpsServer(dir);
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
        ClientSettings settings = ClientSettings.builder().resume(io.github.edgeaddons.maven.MavenVocabulary.commands())
                .apiBaseUrl(URI.create("https://127.0.0.1:" + server.getAddress().getPort()))
                .productId(EdgeApiSimulator.PRODUCT_ID)
                .credentials(new Credentials(EdgeApiSimulator.CLIENT_ID, EdgeApiSimulator.API_KEY))
                .retryPolicy(ClientTestSupport.FAST_RETRIES)
                .build();
        try (EdgeAddonsClient client = new EdgeAddonsClient(settings)) {
            StoreException e = assertThrows(StoreException.class, () -> client.credentialsAccepted(seconds(20)));
            assertEquals(StoreException.Kind.NETWORK, e.kind());
            assertTrue(e.getMessage().contains("TLS handshake failed"), e.getMessage());
            assertTrue(e.getMessage().contains("javax.net.ssl.trustStore"), e.getMessage());
            assertTrue(e.getMessage().contains("(GET https://127.0.0.1:"), e.getMessage());
            assertTrue(e.getMessage().contains("1 attempt)"), "a TLS failure is not retried: " + e.getMessage());
        }
        assertEquals(0, answered.get(), "no request got through the refused handshake");
    }
}
