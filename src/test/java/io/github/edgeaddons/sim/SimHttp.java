package io.github.edgeaddons.sim;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The HTTP plumbing every store simulator shares (Edge's {@link EdgeApiSimulator}, the Chrome Web Store's
 * {@code chrome.ChromeWebStoreSimulator}): streaming a request body with its size and SHA-256, masking the
 * secrets of recorded headers, and writing an {@link Answer}. Stateless.
 */
public final class SimHttp {
    /** What a recorded secret reads as. */
    public static final String MASK = "***";

    static {
        // The JDK server writes an answer's headers and body separately; with Nagle's algorithm on (its
        // default), the body waits for the client's delayed ACK, about 40 ms per answer on Linux loopback. A
        // real server does not stall so. Read once, when the first HttpServer is made; an explicit value wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private SimHttp() {
    }

    /** Call before the first {@code HttpServer} is made: turns Nagle's algorithm off (see the class's static block). */
    public static void init() {
        // the static initializer did the work
    }

    /** A request body as read: size, SHA-256, and its bytes when they were kept. */
    public static final class Body {
        private final long size;
        private final String sha256;
        private final byte[] bytes;

        Body(long size, String sha256, byte[] bytes) {
            this.size = size;
            this.sha256 = sha256;
            this.bytes = bytes;
        }

        public long size() {
            return size;
        }

        /** Lower-case hex SHA-256 of the bytes. */
        public String sha256() {
            return sha256;
        }

        /** The bytes when the body was no larger than the limit asked for, else null. */
        public byte[] bytes() {
            return bytes;
        }

        /** The bytes as UTF-8 text, or null when they were not kept. */
        public String text() {
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * Stream the body: size and SHA-256 on the fly, its bytes kept in memory when there are at most
     * {@code keepLimit} of them (0: none kept), an optional copy to {@code saveTo}.
     */
    public static Body readBody(InputStream in, long keepLimit, Path saveTo) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream kept = keepLimit > 0 ? new ByteArrayOutputStream() : null;
        byte[] buf = new byte[64 * 1024];
        long size = 0;
        OutputStream file = saveTo == null ? null : Files.newOutputStream(saveTo);
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
                size += n;
                if (file != null) {
                    file.write(buf, 0, n);
                }
                if (kept != null) {
                    if (size <= keepLimit) {
                        kept.write(buf, 0, n);
                    } else {
                        kept = null;
                    }
                }
            }
        } finally {
            if (file != null) {
                file.close();
            }
        }
        return new Body(size, hex(sha.digest()), kept == null ? null : kept.toByteArray());
    }

    /**
     * A case-insensitive copy of the request headers for a {@link RecordedRequest}: {@code Authorization} and
     * {@code Proxy-Authorization} keep their scheme only ({@code Bearer ***}), every other value goes through
     * {@code maskLiterals}.
     */
    public static Map<String, List<String>> maskHeaders(Headers h, UnaryOperator<String> maskLiterals) {
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> e : h.entrySet()) {
            List<String> values = new ArrayList<>();
            for (String v : e.getValue()) {
                if ("Authorization".equalsIgnoreCase(e.getKey()) || "Proxy-Authorization".equalsIgnoreCase(e.getKey())) {
                    String t = v.trim();
                    int sp = t.indexOf(' ');
                    values.add(sp < 0 ? MASK : t.substring(0, sp) + " " + MASK);
                } else {
                    values.add(maskLiterals.apply(v));
                }
            }
            out.put(e.getKey(), Collections.unmodifiableList(values));
        }
        return out;
    }

    /** {@code s} with every literal occurrence of each secret (4 characters or more) replaced by {@link #MASK}. */
    public static String maskLiterals(String s, String... secrets) {
        if (s == null) {
            return null;
        }
        String out = s;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) { // a shorter "secret" would mask ordinary text
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }

    /** Write {@code answer} (or close the connection without one) and record its status in {@code rec}. */
    public static void write(HttpExchange ex, RecordedRequest rec, Answer answer) throws IOException {
        if (answer.closesConnection()) {
            rec.status(-1);
            ex.close(); // no response headers sent yet: the server drops the TCP connection
            return;
        }
        for (Map.Entry<String, String> e : answer.headers().entrySet()) {
            ex.getResponseHeaders().set(e.getKey(), e.getValue());
        }
        if (answer.contentType() != null) {
            ex.getResponseHeaders().set("Content-Type", answer.contentType());
        }
        byte[] b = answer.bodyBytes();
        rec.status(answer.status());
        if (b.length == 0) {
            ex.sendResponseHeaders(answer.status(), -1); // Content-Length: 0 (except 204/304)
            return;
        }
        ex.sendResponseHeaders(answer.status(), b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    /** Best effort after a simulator's own failure: 500 with the throwable, if no answer was started. */
    public static void answerSimulatorError(HttpExchange ex, Throwable t) {
        try {
            byte[] b = ("simulator error: " + t).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            ex.sendResponseHeaders(500, b.length);
            ex.getResponseBody().write(b);
        } catch (IOException | RuntimeException ignored) {
            // connection gone or answer already started
        }
    }

    /** Lower-case hex. */
    public static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte x : bytes) {
            sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return sb.toString();
    }
}
