package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.OperationKind;
import io.github.edgeaddons.core.OperationState;
import io.github.edgeaddons.core.StoreException;

import io.github.edgeaddons.core.ProxySettings;

import static io.github.edgeaddons.edge.ClientTestSupport.apiKeySettings;
import static io.github.edgeaddons.edge.ClientTestSupport.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.sim.AuthenticatingProxy;
import io.github.edgeaddons.sim.EdgeApiSimulator;
import io.github.edgeaddons.sim.RecordedRequest;
import io.github.edgeaddons.sim.Route;
import io.github.edgeaddons.sim.Simulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
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
            StoreException e = assertThrows(StoreException.class, () -> client.credentialsAccepted(seconds(5)));
            assertEquals(StoreException.Kind.NETWORK, e.kind());
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
    void proxyCredentialsGoWithTheFirstRequest() throws Exception {
        try (AuthenticatingProxy proxy = new AuthenticatingProxy("proxy-user", "proxy-pass", proxyAndStore.baseUrl())) {
            ProxySettings settings = new ProxySettings("127.0.0.1", proxy.port(), "proxy-user", "proxy-pass", null);
            try (EdgeAddonsClient client = new EdgeAddonsClient(settings(settings))) {
                assertTrue(client.credentialsAccepted(seconds(10)));
            }
            assertEquals(Collections.singletonList(proxy.expectedAuthorization()), proxy.proxyAuthorizations(),
                    "no request without credentials, so no 407");
        }
        assertEquals(1, proxyAndStore.requests().size(), "the store saw the relayed request once");
        assertTrue(proxyAndStore.requests().get(0).authValid());
    }

    @Test
    void anUploadCrossesAnAuthenticatingProxyOnce(@TempDir Path tmp) throws Exception {
        Path zip = ClientTestSupport.randomFile(tmp, "big.zip", 2_000_000);
        long size = Files.size(zip);
        try (AuthenticatingProxy proxy = new AuthenticatingProxy("proxy-user", "pässword", proxyAndStore.baseUrl())) {
            ProxySettings settings = new ProxySettings("127.0.0.1", proxy.port(), "proxy-user", "pässword", null);
            try (EdgeAddonsClient client = new EdgeAddonsClient(settings(settings))) {
                String op = client.startUpload(zip, Files.size(zip), seconds(20));
                assertEquals(OperationState.SUCCEEDED, client.await(OperationKind.UPLOAD, op, seconds(20)).state());
            }
            assertEquals(1, proxy.crossings(size), "the zip's crossings of the proxy: " + proxy.bodyBytes());
            assertFalse(proxy.proxyAuthorizations().contains("null"), "a request without proxy credentials: "
                    + proxy.proxyAuthorizations());
        }
        assertEquals(Route.UPLOAD, proxyAndStore.requests().get(0).route());
        assertEquals(Files.size(zip), proxyAndStore.requests().get(0).bodySize());
    }
}
