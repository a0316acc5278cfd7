package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.Credentials;
import io.github.edgeaddons.core.StoreException;

import static io.github.edgeaddons.edge.ClientTestSupport.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.edgeaddons.sim.EdgeApiSimulator;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Credentials never follow a redirect: the client reports it instead of sending the request elsewhere. */
class RedirectTest {
    private HttpServer redirecting;
    private HttpServer elsewhere;
    private final List<String> elsewhereSaw = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        elsewhere.createContext("/", ex -> {
            elsewhereSaw.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + ex.getRequestHeaders().keySet());
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        elsewhere.start();
        redirecting = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        redirecting.createContext("/", ex -> {
            ex.getResponseHeaders().set("Location", "http://127.0.0.1:" + elsewhere.getAddress().getPort()
                    + ex.getRequestURI());
            ex.sendResponseHeaders(307, -1);
            ex.close();
        });
        redirecting.start();
    }

    @AfterEach
    void stop() {
        redirecting.stop(0);
        elsewhere.stop(0);
    }

    @Test
    void aRedirectIsReportedAndNotFollowed() throws Exception {
        ClientSettings settings = ClientSettings.builder().resume(io.github.edgeaddons.maven.MavenVocabulary.commands())
                .apiBaseUrl(URI.create("http://127.0.0.1:" + redirecting.getAddress().getPort()))
                .productId(EdgeApiSimulator.PRODUCT_ID)
                .credentials(new Credentials(EdgeApiSimulator.CLIENT_ID, EdgeApiSimulator.API_KEY))
                .retryPolicy(ClientTestSupport.FAST_RETRIES)
                .build();
        try (EdgeAddonsClient client = new EdgeAddonsClient(settings)) {
            StoreException e = assertThrows(StoreException.class,
                    () -> client.startPublish("notes", seconds(10)));
            assertEquals(307, e.httpStatus());
            assertTrue(e.getMessage().contains("redirects are not followed"), e.getMessage());
            assertTrue(e.getMessage().contains("edge.apiBaseUrl"), e.getMessage());
            assertFalse(e.getMessage().contains(EdgeApiSimulator.API_KEY), e.getMessage());
        }
        assertTrue(elsewhereSaw.isEmpty(), "nothing reached the redirect's target: " + elsewhereSaw);
    }
}
