package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.Credentials;
import io.github.edgeaddons.core.Deadline;
import io.github.edgeaddons.core.PollPolicy;
import io.github.edgeaddons.core.Reporter;
import io.github.edgeaddons.core.RetryPolicy;
import io.github.edgeaddons.core.Sleeper;
import io.github.edgeaddons.core.StoreException;

import io.github.edgeaddons.maven.MavenVocabulary;
import io.github.edgeaddons.sim.EdgeApiSimulator;
import io.github.edgeaddons.sim.RecordedRequest;
import io.github.edgeaddons.sim.Route;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Helpers shared by the tests that drive the client against a real {@link EdgeApiSimulator}. */
public final class ClientTestSupport {
    private ClientTestSupport() {}

    /** A retry policy small enough for tests: 4 attempts, 10 ms first backoff, 40 ms at most. */
    public static final RetryPolicy FAST_RETRIES = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40));
    public static final PollPolicy FAST_POLLS = PollPolicy.fixed(Duration.ofMillis(20));

    /** Collects every message, at every level, in order. */
    public static final class RecordingReporter implements Reporter {
        public final List<String> infos = new CopyOnWriteArrayList<>();
        public final List<String> warnings = new CopyOnWriteArrayList<>();
        public final List<String> debugs = new CopyOnWriteArrayList<>();
        public final List<String> all = new CopyOnWriteArrayList<>();

        @Override
        public void info(String message) {
            infos.add(message);
            all.add("INFO " + message);
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
            all.add("WARN " + message);
        }

        @Override
        public void debug(String message) {
            debugs.add(message);
            all.add("DEBUG " + message);
        }

        @Override
        public void uploadProgress(long sent, long total) {
            all.add("PROGRESS " + sent + "/" + total);
        }

        public String text() {
            return String.join("\n", all);
        }
    }

    /**
     * Records every wait it is asked for; really sleeps at most {@code realCap} of it (zero: never), so a
     * Retry-After of seconds costs nothing while its value is still checked.
     */
    public static final class RecordingSleeper implements Sleeper {
        public final List<Duration> waits = new CopyOnWriteArrayList<>();
        private final Duration realCap;

        public RecordingSleeper(Duration realCap) {
            this.realCap = realCap;
        }

        /** Records only, never sleeps. */
        public static RecordingSleeper recordOnly() {
            return new RecordingSleeper(Duration.ZERO);
        }

        /** Records and really sleeps the whole wait. */
        public static RecordingSleeper real() {
            return new RecordingSleeper(null);
        }

        @Override
        public void sleep(Duration d) throws InterruptedException {
            waits.add(d);
            Duration real = realCap == null || d.compareTo(realCap) < 0 ? d : realCap;
            Sleeper.REAL.sleep(real);
        }

        public Duration longest() {
            return waits.isEmpty() ? Duration.ZERO : Collections.max(waits);
        }
    }

    /** A clock the test moves by hand (it starts at the real now). */
    public static final class MutableClock extends Clock {
        private volatile Instant now = Instant.now();

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /**
     * Simulated time shared by the client and the simulator: the real clock plus every wait the client asked
     * for, which the sleeper adds instead of sleeping. Requests still take their real (loopback) time, so a
     * ten-minute wait runs in well under a second and is still measured by one clock on both sides.
     */
    public static final class SimulatedTime extends Clock implements Sleeper {
        private final AtomicLong skippedNanos = new AtomicLong();
        public final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration d) {
            waits.add(d);
            if (!d.isNegative()) {
                skippedNanos.addAndGet(d.toNanos());
            }
        }

        /** Moves time on without a wait being asked for (e.g. an operation's age before a resumed await). */
        public void advance(Duration d) {
            skippedNanos.addAndGet(d.toNanos());
        }

        @Override
        public Instant instant() {
            return Instant.now().plusNanos(skippedNanos.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        /** A deadline of {@code d} on this clock. */
        public Deadline deadline(Duration d) {
            return Deadline.after(d, this);
        }
    }

    /**
     * An HTTPS server on 127.0.0.1 whose certificate (self-signed, made here with keytool) the JDK does not
     * trust; not started, no contexts.
     */
    public static HttpsServer untrustedHttpsServer(Path dir) throws Exception {
        Path keystore = dir.resolve("self-signed.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "store", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed");
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        return server;
    }

    /** Settings for v1.1 (API key) against the simulator, with fast retries and polls. */
    public static ClientSettings.Builder apiKeySettings(EdgeApiSimulator sim) {
        return ClientSettings.builder()
                .resume(MavenVocabulary.commands())
                .apiBaseUrl(URI.create(sim.baseUrl()))
                .productId(EdgeApiSimulator.PRODUCT_ID)
                .authMode(AuthMode.API_KEY)
                .credentials(new Credentials(EdgeApiSimulator.CLIENT_ID, EdgeApiSimulator.API_KEY))
                .serverId("edge-test")
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(5))
                .retryPolicy(FAST_RETRIES)
                .pollPolicy(FAST_POLLS);
    }

    /**
     * The failure carries the hint that {@link Hints} chooses for its facts (the sentence itself is pinned once,
     * in HintsTest): tests assert facts and this, not words.
     */
    public static void assertHint(StoreException e, String hint) {
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(hint),
                "expected the hint \"" + hint + "\" in: " + e.getMessage());
    }

    /** Settings for v1 (OAuth client credentials) against the simulator. */
    public static ClientSettings.Builder oauthSettings(EdgeApiSimulator sim) {
        return apiKeySettings(sim)
                .authMode(AuthMode.CLIENT_CREDENTIALS)
                .credentials(new Credentials(EdgeApiSimulator.CLIENT_ID, EdgeApiSimulator.CLIENT_SECRET))
                .tokenUrl(URI.create(sim.tokenUrl()));
    }

    /** A v1.1 (API key) client against the simulator, with fast retries and polls, reporting to {@code reporter}. */
    public static EdgeAddonsClient apiKeyClient(EdgeApiSimulator sim, Reporter reporter) {
        return new EdgeAddonsClient(apiKeySettings(sim).reporter(reporter).build());
    }

    /** A v1 (OAuth client credentials) client against the simulator, reporting to {@code reporter}. */
    public static EdgeAddonsClient oauthClient(EdgeApiSimulator sim, Reporter reporter) {
        return new EdgeAddonsClient(oauthSettings(sim).reporter(reporter).build());
    }

    public static Deadline deadline(Duration d) {
        return Deadline.after(d, Clock.systemUTC());
    }

    public static Deadline seconds(long s) {
        return deadline(Duration.ofSeconds(s));
    }

    /** A file of pseudo-random bytes (the client does not look inside; several 64 KiB blocks). */
    public static Path randomFile(Path dir, String name, int size) throws IOException {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        Path p = dir.resolve(name);
        Files.write(p, b);
        return p;
    }

    public static String sha256(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder sb = new StringBuilder();
            for (byte x : d) {
                sb.append(String.format("%02x", x & 0xff));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    /** The routes the server saw, in order. */
    public static List<Route> routes(EdgeApiSimulator sim) {
        List<Route> out = new ArrayList<>();
        for (RecordedRequest r : sim.requests()) {
            out.add(r.route());
        }
        return out;
    }

    /** The statuses the server answered on one route, in order. */
    public static List<Integer> statuses(EdgeApiSimulator sim, Route route) {
        List<Integer> out = new ArrayList<>();
        for (RecordedRequest r : sim.requests(route)) {
            out.add(r.status());
        }
        return out;
    }
}
