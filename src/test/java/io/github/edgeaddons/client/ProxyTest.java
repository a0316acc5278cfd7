package io.github.edgeaddons.client;

import static io.github.edgeaddons.client.ClientTestSupport.apiKeySettings;
import static io.github.edgeaddons.client.ClientTestSupport.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.edgeaddons.sim.EdgeApiSimulator;
import io.github.edgeaddons.sim.RecordedRequest;
import io.github.edgeaddons.sim.Route;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy from settings.xml is used, and nonProxyHosts bypasses it. The simulator plays the proxy: a
 * forward proxy receives requests with the absolute URL in the request line, which the JDK server takes
 * apart like any other. The target, {@code localhost} on a port where nothing listens, cannot be reached
 * directly, so a request succeeds only if it went through the proxy.
 */
class ProxyTest {
    private static EdgeApiSimulator proxyAndStore;
    private static int closedPort;

    @BeforeAll
    static void start() throws IOException {
        proxyAndStore = new EdgeApiSimulator().start();
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
    }

    @AfterAll
    static void stop() {
        proxyAndStore.close();
    }

    @BeforeEach
    void reset() {
        proxyAndStore.reset();
    }

    private static ClientSettings settings(ProxySettings proxy) {
        return apiKeySettings(proxyAndStore)
                .apiBaseUrl(URI.create("http://localhost:" + closedPort))
                .proxy(proxy)
                .build();
    }

    @Test
    void requestsGoThroughTheConfiguredProxy() throws Exception {
        ProxySettings proxy = new ProxySettings("127.0.0.1", proxyAndStore.port(), null, null, "");
        try (EdgeAddonsClient client = new EdgeAddonsClient(settings(proxy))) {
            assertTrue(client.credentialsAccepted(seconds(10)));
        }
        RecordedRequest r = proxyAndStore.requests().get(0);
        assertEquals(Route.PUBLISH_STATUS, r.route());
        assertTrue(r.authValid(), "the store credentials travel through the proxy");
        assertEquals("localhost:" + closedPort, r.header("Host"), "the request names the real target");
    }

    @Test
    void hostsInNonProxyHostsGoDirect() throws Exception {
        ProxySettings proxy = new ProxySettings("127.0.0.1", proxyAndStore.port(), null, null, "example.com|local*");
        assertTrue(proxy.bypasses("localhost"));
        assertFalse(proxy.bypasses("api.addons.microsoftedge.microsoft.com"));
        try (EdgeAddonsClient client = new EdgeAddonsClient(settings(proxy))) {
            EdgeApiException e = assertThrows(EdgeApiException.class, () -> client.credentialsAccepted(seconds(5)));
            assertEquals(EdgeApiException.Kind.NETWORK, e.kind());
            assertTrue(e.getMessage().contains("localhost:" + closedPort), e.getMessage());
        }
        assertTrue(proxyAndStore.requests().isEmpty(), "nothing went through the proxy");
    }

    @Test
    void nonProxyHostsFollowsMavenSyntax() {
        ProxySettings p = new ProxySettings("proxy", 3128, "u", "p", "*.corp.example|localhost, 127.0.0.1");
        assertTrue(p.bypasses("build.corp.example"));
        assertTrue(p.bypasses("LOCALHOST"));
        assertTrue(p.bypasses("127.0.0.1"));
        assertFalse(p.bypasses("corp.example.org"));
        assertFalse(p.bypasses("api.addons.microsoftedge.microsoft.com"));
        assertFalse(p.toString().contains("p,"), "the proxy password is not shown: " + p);
    }

    @Test
    void proxyCredentialsAnswerTheProxysChallenge() throws Exception {
        // a forward proxy that wants Basic credentials (407 first), then relays GETs to the store
        List<String> proxyAuthorizations = new CopyOnWriteArrayList<>();
        HttpServer proxy =
                HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        HttpClient relay = HttpClient.newHttpClient();
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString("proxy-user:proxy-pass".getBytes(StandardCharsets.UTF_8));
        proxy.createContext("/", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Proxy-Authorization");
            proxyAuthorizations.add(String.valueOf(auth));
            if (!expected.equals(auth)) {
                ex.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"corporate proxy\"");
                ex.sendResponseHeaders(407, -1);
                ex.close();
                return;
            }
            try {
                HttpRequest.Builder forward = HttpRequest.newBuilder(
                        URI.create(proxyAndStore.baseUrl() + ex.getRequestURI().getRawPath()));
                for (String h : new String[] {"Authorization", "X-ClientID"}) {
                    String v = ex.getRequestHeaders().getFirst(h);
                    if (v != null) {
                        forward.header(h, v);
                    }
                }
                HttpResponse<byte[]> r =
                        relay.send(forward.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
                if (r.body().length > 0) {
                    ex.getResponseBody().write(r.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.sendResponseHeaders(502, -1);
            }
            ex.close();
        });
        proxy.start();
        try {
            ProxySettings settings = new ProxySettings("127.0.0.1", proxy.getAddress().getPort(), "proxy-user",
                    "proxy-pass", null);
            try (EdgeAddonsClient client = new EdgeAddonsClient(settings(settings))) {
                assertTrue(client.credentialsAccepted(seconds(10)));
            }
        } finally {
            proxy.stop(0);
        }
        assertEquals(2, proxyAuthorizations.size(), "a challenge, then the answer: " + proxyAuthorizations);
        assertEquals("null", proxyAuthorizations.get(0));
        assertEquals(expected, proxyAuthorizations.get(1));
        assertEquals(1, proxyAndStore.requests().size(), "the store saw the relayed request once");
        assertTrue(proxyAndStore.requests().get(0).authValid());
    }
}
