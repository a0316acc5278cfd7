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
import io.github.edgeaddons.sim.Simulator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy from settings.xml is used, and nonProxyHosts bypasses it. The simulator plays the proxy: a
 * forward proxy receives requests with the absolute URL in the request line, which the JDK server takes
 * apart like any other. The target, {@code localhost} on a port where nothing listens, cannot be reached
 * directly, so a request succeeds only if it went through the proxy.
 */
class ProxyTest {
    @Simulator
    private static EdgeApiSimulator proxyAndStore;
    private static int closedPort;

    @BeforeAll
    static void findAClosedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
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

    /**
     * A forward proxy that wants Basic credentials: without them it reads the request, body included, and
     * answers 407; with them it relays the request (method, body, the store's headers) to the store and its
     * answer back. It counts every request and every body byte that crossed it.
     */
    private static final class AuthenticatingProxy implements AutoCloseable {
        final String expected;
        final List<String> proxyAuthorizations = new CopyOnWriteArrayList<>();
        final List<Long> bodyBytes = new CopyOnWriteArrayList<>();
        private final HttpServer server;
        private final HttpClient relay = HttpClient.newHttpClient();

        AuthenticatingProxy(String user, String password) throws IOException {
            expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", ex -> {
                byte[] body = ex.getRequestBody().readAllBytes();
                String auth = ex.getRequestHeaders().getFirst("Proxy-Authorization");
                proxyAuthorizations.add(String.valueOf(auth));
                bodyBytes.add((long) body.length);
                if (!expected.equals(auth)) {
                    ex.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"corporate proxy\"");
                    ex.sendResponseHeaders(407, -1);
                    ex.close();
                    return;
                }
                try {
                    HttpRequest.Builder forward = HttpRequest.newBuilder(
                            URI.create(proxyAndStore.baseUrl() + ex.getRequestURI().getRawPath()))
                            .method(ex.getRequestMethod(), body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
                    for (String h : new String[] {"Authorization", "X-ClientID", "Content-Type"}) {
                        String v = ex.getRequestHeaders().getFirst(h);
                        if (v != null) {
                            forward.header(h, v);
                        }
                    }
                    HttpResponse<byte[]> r = relay.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                    r.headers().firstValue("Location").ifPresent(l -> ex.getResponseHeaders().set("Location", l));
                    r.headers().firstValue("Content-Type").ifPresent(t -> ex.getResponseHeaders().set("Content-Type", t));
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
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void proxyCredentialsGoWithTheFirstRequest() throws Exception {
        try (AuthenticatingProxy proxy = new AuthenticatingProxy("proxy-user", "proxy-pass")) {
            ProxySettings settings = new ProxySettings("127.0.0.1", proxy.port(), "proxy-user", "proxy-pass", null);
            try (EdgeAddonsClient client = new EdgeAddonsClient(settings(settings))) {
                assertTrue(client.credentialsAccepted(seconds(10)));
            }
            assertEquals(Collections.singletonList(proxy.expected), proxy.proxyAuthorizations,
                    "no request without credentials, so no 407");
        }
        assertEquals(1, proxyAndStore.requests().size(), "the store saw the relayed request once");
        assertTrue(proxyAndStore.requests().get(0).authValid());
    }

    @Test
    void anUploadCrossesAnAuthenticatingProxyOnce(@TempDir Path tmp) throws Exception {
        Path zip = ClientTestSupport.randomFile(tmp, "big.zip", 2_000_000);
        long size = Files.size(zip);
        try (AuthenticatingProxy proxy = new AuthenticatingProxy("proxy-user", "pässword")) {
            ProxySettings settings = new ProxySettings("127.0.0.1", proxy.port(), "proxy-user", "pässword", null);
            try (EdgeAddonsClient client = new EdgeAddonsClient(settings(settings))) {
                String op = client.startUpload(zip, Files.size(zip), seconds(20));
                assertEquals(OperationState.SUCCEEDED, client.await(OperationKind.UPLOAD, op, seconds(20)).state());
            }
            long crossings = proxy.bodyBytes.stream().filter(b -> b == size).count();
            assertEquals(1, crossings, "the zip crossed the proxy " + crossings + " times: " + proxy.bodyBytes);
            assertFalse(proxy.proxyAuthorizations.contains("null"), "a request without proxy credentials: "
                    + proxy.proxyAuthorizations);
        }
        assertEquals(Route.UPLOAD, proxyAndStore.requests().get(0).route());
        assertEquals(Files.size(zip), proxyAndStore.requests().get(0).bodySize());
    }
}
