package io.github.edgeaddons.sim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A forward HTTP proxy on 127.0.0.1 that wants Basic credentials, as a corporate proxy does: a request without
 * them is read in full, body included, and answered 407 with {@code Proxy-Authenticate}; a request with them
 * is relayed to a base URL (the simulator) with the store's headers, and the answer relayed back. It records,
 * per request, the {@code Proxy-Authorization} it carried and the body bytes that crossed it, so a test can
 * count how often an upload crossed it. Plain-http targets only (no CONNECT).
 */
public final class AuthenticatingProxy implements AutoCloseable {
    private static final String[] RELAYED_REQUEST_HEADERS = {"Authorization", "X-ClientID", "Content-Type"};
    private static final String[] RELAYED_ANSWER_HEADERS = {"Location", "Content-Type", "Retry-After"};

    private final String expected;
    private final List<String> proxyAuthorizations = new CopyOnWriteArrayList<>();
    private final List<Long> bodyBytes = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService pool;
    private final HttpClient relay = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Starts it on a free port; requests with {@code user:password} go to {@code targetBaseUrl}. */
    public AuthenticatingProxy(String user, String password, String targetBaseUrl) {
        expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "authenticating-proxy");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", ex -> {
            try {
                byte[] body = ex.getRequestBody().readAllBytes();
                String auth = ex.getRequestHeaders().getFirst("Proxy-Authorization");
                proxyAuthorizations.add(String.valueOf(auth));
                bodyBytes.add((long) body.length);
                if (!expected.equals(auth)) {
                    ex.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"corporate proxy\"");
                    ex.sendResponseHeaders(407, -1);
                    return;
                }
                HttpRequest.Builder forward = HttpRequest.newBuilder(
                        URI.create(targetBaseUrl + ex.getRequestURI().getRawPath()))
                        .method(ex.getRequestMethod(), body.length == 0
                                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
                for (String h : RELAYED_REQUEST_HEADERS) {
                    String v = ex.getRequestHeaders().getFirst(h);
                    if (v != null) {
                        forward.header(h, v);
                    }
                }
                HttpResponse<byte[]> r = relay.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                for (String h : RELAYED_ANSWER_HEADERS) {
                    r.headers().firstValue(h).ifPresent(v -> ex.getResponseHeaders().set(h, v));
                }
                ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
                if (r.body().length > 0) {
                    ex.getResponseBody().write(r.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.sendResponseHeaders(502, -1);
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code Basic ...} of the credentials it wants. */
    public String expectedAuthorization() {
        return expected;
    }

    /** The {@code Proxy-Authorization} of each request, in order ("null" when it had none). */
    public List<String> proxyAuthorizations() {
        return Collections.unmodifiableList(new ArrayList<>(proxyAuthorizations));
    }

    /** The body size of each request, in order, whether answered 407 or relayed. */
    public List<Long> bodyBytes() {
        return Collections.unmodifiableList(new ArrayList<>(bodyBytes));
    }

    /** How many requests carried a body of exactly {@code size} bytes across it. */
    public long crossings(long size) {
        return bodyBytes.stream().filter(b -> b == size).count();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
