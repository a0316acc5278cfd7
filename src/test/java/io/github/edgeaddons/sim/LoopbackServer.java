package io.github.edgeaddons.sim;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lifecycle every store simulator shares: an {@link HttpServer} on 127.0.0.1 only, on a requested port or a
 * free one, with its own pool of daemon threads; stopped at once, and startable again on the same port (an
 * outage). The simulators (Edge's, the Chrome Web Store's, AMO's) keep what to answer; this keeps the socket.
 */
public final class LoopbackServer {
    private final String threadPrefix;
    private int requestedPort;             // guarded by this
    private volatile int boundPort = -1;   // kept after close() so the base URL still names the old address
    private HttpServer server;             // guarded by this
    private ExecutorService executor;      // guarded by this

    /** @param threadPrefix names the server's threads, e.g. {@code "chrome-sim-"} */
    public LoopbackServer(String threadPrefix) {
        this.threadPrefix = threadPrefix;
    }

    /** Bind 127.0.0.1 on {@link #port(int)} (0, the default: a free port) and serve with {@code handler}. */
    public synchronized void start(HttpHandler handler) {
        if (server != null) {
            throw new IllegalStateException("already started on port " + port());
        }
        SimHttp.init(); // Nagle off before the first HttpServer
        HttpServer s;
        try {
            s = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), requestedPort), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + requestedPort, e);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, threadPrefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        s.setExecutor(pool);
        s.createContext("/", handler);
        s.start();
        executor = pool;
        boundPort = s.getAddress().getPort();
        server = s;
    }

    /** The port to bind at {@link #start} (0: any free port). */
    public synchronized void port(int port) {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        requestedPort = port;
    }

    /** The bound port once started (still answered after {@link #close()}), else the port requested. */
    public synchronized int port() {
        int bound = boundPort;
        return bound >= 0 ? bound : requestedPort;
    }

    /** {@code http://127.0.0.1:PORT}, once started. */
    public String baseUrl() {
        int bound = boundPort;
        if (bound < 0) {
            throw new IllegalStateException("not started");
        }
        return "http://127.0.0.1:" + bound;
    }

    /** Stop at once; requests in flight (for example sleeping on a delay fault) are abandoned. */
    public synchronized void close() {
        HttpServer s = server;
        ExecutorService pool = executor;
        server = null;
        executor = null;
        if (s != null) {
            s.stop(0);
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
