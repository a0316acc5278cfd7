package io.github.edgeaddons.sim;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Glue between maven-invoker-plugin's hook scripts and an {@link EdgeApiSimulator}: one simulator per
 * integration test, started by the test's {@code setup.groovy}, checked and stopped by its
 * {@code verify.groovy}. The hooks run in the invoker's JVM (the plugin's {@code addTestClassPath}), and
 * share the invoker's {@code context} map, in which the simulator is kept under {@link #CONTEXT_KEY}.
 *
 * <pre>
 * // setup.groovy
 * io.github.edgeaddons.sim.ItSupport.start(context) { c -&gt; c.uploadOutcome(Outcome.succeeded().afterPolls(2)) }
 * // verify.groovy
 * def sim = ItSupport.simulator(context)
 * try { assert ... sim.requests() ... } finally { ItSupport.stop(context) }
 * </pre>
 */
public final class ItSupport {

    /** Where the simulator is kept in the invoker's {@code context} map. */
    public static final String CONTEXT_KEY = "edgeApiSimulator";
    /** Where {@link #startProxy} keeps its proxy in the invoker's {@code context} map. */
    public static final String PROXY_KEY = "authenticatingProxy";
    /** The submission id in the publish success message of every IT simulator: 19 digits, as the live store's. */
    public static final String SUBMISSION_ID = "1152921505701822265";
    /** The publish success message: the live service's wording with {@link #SUBMISSION_ID}. */
    public static final String PUBLISH_SUCCESS_MESSAGE = "Successfully created submission with ID " + SUBMISSION_ID;

    /** Simulators started and not yet stopped, closed at JVM exit if a verify script never ran. */
    private static final Set<EdgeApiSimulator> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (EdgeApiSimulator sim : RUNNING) {
                sim.close();
            }
        }, "it-support-simulators"));
    }

    private ItSupport() {}

    /** {@link #start(Map, Consumer)} with the default scenario: every operation succeeds after one poll. */
    public static void start(Map<String, Object> context) {
        start(context, c -> { });
    }

    /**
     * Starts a simulator on a free loopback port, lets {@code scenario} configure it, keeps it in
     * {@code context}, and hands the forked build {@code -Dedge.apiBaseUrl=...} and
     * {@code -Dedge.sim.tokenUrl=...} (read by the {@code edge-oauth} server of {@code src/it/settings.xml})
     * through the invoker's {@code userProperties} (maven-invoker-plugin 3.7.0+).
     *
     * <p>Returns nothing on purpose: a hook script's last value is its verdict, and anything but
     * null or true fails the IT. Get the simulator with {@link #simulator(Map)}.
     */
    public static void start(Map<String, Object> context, Consumer<Config> scenario) {
        if (context.get(CONTEXT_KEY) != null) {
            throw new IllegalStateException("a simulator is already running for this IT");
        }
        EdgeApiSimulator sim = new EdgeApiSimulator();
        sim.config().publishOutcome(Outcome.succeeded().message(PUBLISH_SUCCESS_MESSAGE));
        try {
            scenario.accept(sim.config());
            sim.start();
        } catch (RuntimeException | Error e) {
            sim.close();
            throw e;
        }
        RUNNING.add(sim);
        context.put(CONTEXT_KEY, sim);
        Map<String, String> props = userProperties(context);
        props.put("edge.apiBaseUrl", sim.baseUrl());
        props.put("edge.sim.tokenUrl", sim.tokenUrl());
    }

    /** The simulator {@link #start started} for this IT. */
    public static EdgeApiSimulator simulator(Map<String, Object> context) {
        Object sim = context.get(CONTEXT_KEY);
        if (!(sim instanceof EdgeApiSimulator)) {
            throw new IllegalStateException("no simulator in the invoker context: did setup.groovy run"
                    + " ItSupport.start(context)?");
        }
        return (EdgeApiSimulator) sim;
    }

    /**
     * Starts an {@link AuthenticatingProxy} in front of this IT's simulator (start that first), wanting
     * {@code user:password}, and hands the forked build its port as {@code -Dedge.sim.proxyPort=...} for the
     * IT's settings.xml {@code <proxy>}. {@link #stop} stops it too.
     */
    public static void startProxy(Map<String, Object> context, String user, String password) {
        AuthenticatingProxy proxy = new AuthenticatingProxy(user, password, simulator(context).baseUrl());
        context.put(PROXY_KEY, proxy);
        userProperties(context).put("edge.sim.proxyPort", String.valueOf(proxy.port()));
    }

    /** The proxy {@link #startProxy started} for this IT. */
    public static AuthenticatingProxy proxy(Map<String, Object> context) {
        Object proxy = context.get(PROXY_KEY);
        if (!(proxy instanceof AuthenticatingProxy)) {
            throw new IllegalStateException("no proxy in the invoker context: did setup.groovy run"
                    + " ItSupport.startProxy(context, ...)?");
        }
        return (AuthenticatingProxy) proxy;
    }

    /** Stops this IT's simulator, and its proxy if it has one (idempotent). */
    public static void stop(Map<String, Object> context) {
        Object proxy = context.remove(PROXY_KEY);
        if (proxy instanceof AuthenticatingProxy) {
            ((AuthenticatingProxy) proxy).close();
        }
        Object sim = context.remove(CONTEXT_KEY);
        if (sim instanceof EdgeApiSimulator) {
            ((EdgeApiSimulator) sim).close();
            RUNNING.remove(sim);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> userProperties(Map<String, Object> context) {
        Object props = context.get("userProperties");
        if (!(props instanceof Map)) {
            throw new IllegalStateException("the invoker context has no userProperties map: maven-invoker-plugin"
                    + " 3.7.0 or later is needed");
        }
        return (Map<String, String>) props;
    }

    // ------------------------------------------------------------------ helpers for verify.groovy

    /** The routes of the recorded requests, in order of arrival. */
    public static List<Route> routes(EdgeApiSimulator sim) {
        List<Route> out = new ArrayList<>();
        for (RecordedRequest r : sim.requests()) {
            out.add(r.route());
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The routes with consecutive repeats of a status route folded into one, e.g.
     * {@code UPLOAD, UPLOAD_STATUS, UPLOAD_STATUS, PUBLISH} becomes {@code UPLOAD, UPLOAD_STATUS, PUBLISH}.
     */
    public static List<Route> foldedRoutes(EdgeApiSimulator sim) {
        List<Route> out = new ArrayList<>();
        for (Route r : routes(sim)) {
            boolean status = r == Route.UPLOAD_STATUS || r == Route.PUBLISH_STATUS;
            if (status && !out.isEmpty() && out.get(out.size() - 1) == r) {
                continue;
            }
            out.add(r);
        }
        return Collections.unmodifiableList(out);
    }

    /** Lower-case hex SHA-256 of a file, streamed. */
    public static String sha256(File file) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file.toPath()), sha)) {
            byte[] buf = new byte[64 * 1024];
            while (in.read(buf) > 0) {
                // digest only
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return EdgeApiSimulator.hex(sha.digest());
    }

    /** The IT's {@code build.log}, as UTF-8 text. */
    public static String buildLog(File basedir) {
        Path log = basedir.toPath().resolve("build.log");
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    /**
     * The credentials of the simulator that occur in {@code text}: the API key, the client secret, and any
     * access token it issued ({@code sim-token-...}). Empty when the text is clean.
     */
    public static List<String> leakedSecrets(String text) {
        List<String> found = new ArrayList<>();
        for (String secret : new String[] {EdgeApiSimulator.API_KEY, EdgeApiSimulator.CLIENT_SECRET, "SECRET-",
                "sim-token-"}) {
            int at = text.indexOf(secret);
            if (at >= 0) {
                int lineStart = text.lastIndexOf('\n', at) + 1;
                int lineEnd = text.indexOf('\n', at);
                found.add(secret + " in: " + text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd));
            }
        }
        return found;
    }

    /** A short listing of the recorded requests, for assertion messages. */
    public static String describe(EdgeApiSimulator sim) {
        StringBuilder sb = new StringBuilder();
        for (RecordedRequest r : sim.requests()) {
            sb.append(System.lineSeparator()).append("  ").append(r);
        }
        return sb.length() == 0 ? " (no requests)" : sb.toString();
    }

    /**
     * Copies {@code examples/hello-extension} (its {@code .github} folder included, its {@code target} left out)
     * over an IT's placeholder project, so the IT runs the example exactly as committed.
     */
    public static void copyExample(File examplesDirectory, File basedir) throws IOException {
        copyExample(examplesDirectory, "hello-extension", basedir);
    }

    /** What a clone of the repository does not hold: build output, git's own files, IDE files (.gitignore). */
    private static final Set<String> NOT_IN_A_CLONE = new HashSet<>(Arrays.asList(
            "target", ".git", ".idea", ".vscode", ".settings", ".classpath", ".project", "build.log"));

    /**
     * Copies this checkout ({@code root}, the folder of pom.xml and README.md) to {@code to} as a fresh clone
     * of it would be: its files as they are, without build output ({@code target/}, at any depth), git's
     * files and IDE files. For the first-contact IT, where a user's {@code git clone} would be.
     */
    public static void copyCheckout(File root, File to) throws IOException {
        Path from = root.toPath();
        if (!Files.isRegularFile(from.resolve("pom.xml")) || !Files.isRegularFile(from.resolve("README.md"))) {
            throw new IllegalStateException("not the plugin's checkout: " + root);
        }
        Path dest = to.toPath();
        Files.walkFileTree(from, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a)
                    throws IOException {
                if (!dir.equals(from) && notInAClone(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(dest.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a)
                    throws IOException {
                if (!notInAClone(file)) {
                    Files.copy(file, dest.resolve(from.relativize(file).toString()),
                            StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean notInAClone(Path p) {
        String name = p.getFileName().toString();
        return NOT_IN_A_CLONE.contains(name) || name.endsWith(".iml");
    }

    /** Copies the example project {@code examples/<name>} over an IT's placeholder project (see above). */
    public static void copyExample(File examplesDirectory, String name, File basedir) throws IOException {
        Path example = new File(examplesDirectory, name).toPath();
        if (!Files.isRegularFile(example.resolve("pom.xml"))) {
            throw new IllegalStateException("no example project at " + example);
        }
        Path target = basedir.toPath();
        try (Stream<Path> paths = Files.walk(example)) {
            for (Path from : (Iterable<Path>) paths::iterator) {
                String relative = example.relativize(from).toString();
                if (relative.startsWith("target")) {
                    continue;
                }
                Path to = target.resolve(relative);
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
