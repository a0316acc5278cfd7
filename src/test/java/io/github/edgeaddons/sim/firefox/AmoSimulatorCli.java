package io.github.edgeaddons.sim.firefox;

import io.github.edgeaddons.sim.SimulatorCli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The AMO simulator's command line: {@code java -cp target/test-classes io.github.edgeaddons.sim.firefox.AmoSimulatorCli
 * [options]} starts an {@link AmoSimulator} on 127.0.0.1, prints where it listens and which JWT key and add-on ids it
 * takes, and runs until killed. A wrong option prints what is wrong and the usage (exit code 2).
 */
public final class AmoSimulatorCli {
    static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -cp target/test-classes io.github.edgeaddons.sim.firefox.AmoSimulatorCli [options]",
            "  --port N                   listen on this port (default 0: a free one)",
            "  --port-file FILE           write the port to FILE once listening",
            "  --addon GUID[=SLUG]        one more add-on of the key's user, with no version yet (repeatable)",
            "  --existing-version VERSION the add-on already has this listed version (repeatable)",
            "  --existing-unlisted VER    the add-on already has this unlisted version (repeatable)",
            "  --no-license               the add-on has no version and no license yet",
            "  --invalid-package          the next upload fails validation with two errors",
            "  --processing-polls N       an upload answers processed:false to N polls (default 2)",
            "  --approval-polls N         a listed version is approved after N reads (default: never)",
            "  --signing-polls N          an unlisted version is signed after N reads (default 1)",
            "  --throttle N:SECONDS       the next N requests answer 429 \"Expected available in SECONDS seconds.\"",
            "  --accept-replayed-jti      take a token id seen before (as AMO does; default: refused)",
            "  --log-requests             print one line per request answered",
            "  --help                     print this");

    private static final Set<String> WITH_VALUE = new HashSet<>(Arrays.asList("--port", "--port-file", "--addon",
            "--existing-version", "--existing-unlisted", "--processing-polls", "--approval-polls", "--signing-polls",
            "--throttle"));

    /** A command line that cannot be run: what is wrong, for the user. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** What the command line asks for: a configured simulator, not started yet. */
    static final class Parsed {
        final AmoSimulator simulator = new AmoSimulator();
        Path portFile;
        boolean help;
    }

    private AmoSimulatorCli() {
    }

    public static void main(String[] args) throws Exception {
        Parsed p;
        try {
            p = parse(args);
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (p.help) {
            System.out.println(USAGE);
            return;
        }
        AmoSimulator sim = p.simulator.enableControlEndpoints().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "amo-sim-shutdown"));
        if (p.portFile != null) {
            SimulatorCli.writePort(p.portFile, sim.port());
        }
        System.out.println(banner(sim));
        System.out.flush();
        stopped.await();
    }

    static Parsed parse(String[] args) throws UsageException {
        Parsed p = new Parsed();
        AmoStore s = p.simulator.store();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ("--help".equals(a) || "-h".equals(a)) {
                p.help = true;
                return p;
            }
            if ("--log-requests".equals(a)) {
                p.simulator.logRequests(true);
                continue;
            }
            if ("--no-license".equals(a)) {
                s.noLicense();
                continue;
            }
            if ("--invalid-package".equals(a)) {
                s.invalidPackageOnNextUpload();
                continue;
            }
            if ("--accept-replayed-jti".equals(a)) {
                s.refuseReplayedJti(false);
                continue;
            }
            if (!WITH_VALUE.contains(a)) {
                throw new UsageException("unknown option " + a);
            }
            if (i + 1 >= args.length) {
                throw new UsageException(a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--port":
                    int port = integer(a, v);
                    if (port > 65535) {
                        throw new UsageException("--port must be 0 to 65535: " + v);
                    }
                    p.simulator.port(port);
                    break;
                case "--port-file":
                    p.portFile = path(a, v);
                    break;
                case "--addon":
                    String[] g = v.split("=", 2);
                    String slug = g.length == 2 ? g[1] : g[0].replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "")
                            .toLowerCase(java.util.Locale.ROOT);
                    if (!g[0].matches("\\{[0-9a-fA-F-]{36}\\}|[^{}@\\s]*@[^{}@\\s]+") || slug.isEmpty()) {
                        throw new UsageException("--addon takes a gecko id ({uuid} or name@domain), optionally =SLUG: "
                                + v);
                    }
                    try {
                        s.addAddon(g[0], slug, false);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--addon " + v + ": " + e.getMessage());
                    }
                    break;
                case "--existing-version":
                    s.existingVersion(version(a, v), AmoStore.LISTED);
                    break;
                case "--existing-unlisted":
                    s.existingVersion(version(a, v), AmoStore.UNLISTED);
                    break;
                case "--processing-polls":
                    s.processingPolls(integer(a, v));
                    break;
                case "--approval-polls":
                    s.approvalPolls(integer(a, v));
                    break;
                case "--signing-polls":
                    s.signingPolls(integer(a, v));
                    break;
                case "--throttle":
                    String[] t = v.split(":", -1);
                    if (t.length != 2) {
                        throw new UsageException("--throttle takes N:SECONDS (e.g. 2:18): " + v);
                    }
                    s.throttle(integer(a, t[0]), integer(a, t[1]), true);
                    break;
                default:
                    throw new UsageException("unknown option " + a);
            }
        }
        return p;
    }

    /** What a user needs to point a build at the simulator: its root, the JWT key and the add-on ids. */
    static String banner(AmoSimulator sim) {
        AmoStore s = sim.store();
        String nl = System.lineSeparator();
        return "addons.mozilla.org API v5 simulator listening on " + sim.apiBaseUrl() + nl
                + "  point a build at it:  -Dfirefox.apiBaseUrl=" + sim.apiBaseUrl() + nl
                + "  JWT key:              issuer " + AmoSimulator.JWT_ISSUER + ", secret " + AmoSimulator.JWT_SECRET + nl
                + "  add-ons:              " + AmoSimulator.ADDON_GUID + " (slug " + AmoSimulator.ADDON_SLUG + ", id "
                + AmoSimulator.ADDON_ID + "), " + AmoSimulator.EMAIL_ADDON_GUID + " (slug "
                + AmoSimulator.EMAIL_ADDON_SLUG + ", id " + AmoSimulator.EMAIL_ADDON_ID + ")" + added(s) + nl
                + "  versions:             " + (s.versions().isEmpty() ? "none, no license" : versions(s)) + nl
                + "  uploads:              " + (s.processingPolls() == 0 ? "validated at once"
                        : "processed:false for " + s.processingPolls() + " polls") + nl
                + "  review:               listed " + (s.approvalPolls() < 0 ? "never approved"
                        : "approved after " + s.approvalPolls() + " reads")
                + ", unlisted signed after " + s.signingPolls() + " reads";
    }

    private static String added(AmoStore s) {
        StringBuilder b = new StringBuilder();
        for (String a : s.addedAddons()) {
            b.append(", ").append(a);
        }
        return b.toString();
    }

    private static String versions(AmoStore s) {
        StringBuilder b = new StringBuilder();
        for (AmoStore.Version v : s.versions()) {
            b.append(b.length() > 0 ? ", " : "").append(v.number()).append(' ').append(v.channel()).append(' ')
                    .append(v.fileStatus());
        }
        return b.toString();
    }

    private static Path path(String option, String v) throws UsageException {
        try {
            return Paths.get(v);
        } catch (InvalidPathException e) {
            throw new UsageException(option + " is not a path: " + v);
        }
    }

    private static String version(String option, String v) throws UsageException {
        if (!v.matches("[0-9]+(\\.[0-9]+){0,3}[a-z0-9.]*")) {
            throw new UsageException(option + " takes a version such as 1.2.3: " + v);
        }
        return v;
    }

    private static int integer(String option, String v) throws UsageException {
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException(option + " takes a whole number, 0 or more: " + v);
    }
}
