package io.github.edgeaddons.sim.chrome;

import io.github.edgeaddons.sim.SimulatorCli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The Chrome Web Store simulator's command line: {@code java -cp target/test-classes
 * io.github.edgeaddons.sim.chrome.ChromeSimulatorCli [options]} starts a {@link ChromeWebStoreSimulator} on
 * 127.0.0.1, prints where it listens and which credentials and ids it takes, and runs until killed. A wrong
 * option prints what is wrong and the usage (exit code 2).
 */
public final class ChromeSimulatorCli {
    static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -cp target/test-classes io.github.edgeaddons.sim.chrome.ChromeSimulatorCli [options]",
            "  --port N                   listen on this port (default 0: a free one)",
            "  --port-file FILE           write the port to FILE once listening",
            "  --key-file FILE            write the test service account's JSON key file to FILE",
            "  --published VERSION|none   the published version (default 1.0.0)",
            "  --in-review VERSION        a submission of VERSION is pending review",
            "  --staged VERSION           a submission of VERSION is approved and STAGED",
            "  --taken-down               the item is taken down",
            "  --invalid-package          the first upload is refused as an invalid package",
            "  --processing-polls N       fetchStatus answers an upload IN_PROGRESS N times (default 0)",
            "  --in-progress-word WORD    IN_PROGRESS (default) or UPLOAD_IN_PROGRESS",
            "  --token-lifetime SECONDS   access tokens expire after this (default 3599)",
            "  --review-polls N           a submission is approved after N fetchStatus polls (default: never)",
            "  --publish-warning TEXT     every publish answers this warning (repeatable)",
            "  --log-requests             print one line per request answered",
            "  --help                     print this");

    private static final Set<String> WITH_VALUE = new HashSet<>(Arrays.asList("--port", "--port-file", "--key-file",
            "--published", "--in-review", "--staged", "--processing-polls", "--in-progress-word", "--token-lifetime",
            "--review-polls", "--publish-warning"));

    /** A command line that cannot be run: what is wrong, for the user. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** What the command line asks for: a configured simulator, not started yet. */
    static final class Parsed {
        final ChromeWebStoreSimulator simulator = new ChromeWebStoreSimulator();
        Path portFile;
        Path keyFile;
        boolean help;
    }

    private ChromeSimulatorCli() {
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
        ChromeWebStoreSimulator sim = p.simulator.enableControlEndpoints().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "chrome-sim-shutdown"));
        if (p.keyFile != null) {
            sim.writeServiceAccountKeyFile(p.keyFile);
        }
        if (p.portFile != null) {
            SimulatorCli.writePort(p.portFile, sim.port());
        }
        System.out.println(banner(sim, p.keyFile));
        System.out.flush();
        stopped.await();
    }

    static Parsed parse(String[] args) throws UsageException {
        Parsed p = new Parsed();
        ChromeStore s = p.simulator.store();
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
            if ("--taken-down".equals(a)) {
                s.takenDown(true);
                continue;
            }
            if ("--invalid-package".equals(a)) {
                s.invalidPackageOnNextUpload();
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
                case "--key-file":
                    p.keyFile = path(a, v);
                    break;
                case "--published":
                    s.publishedVersion("none".equals(v) ? null : version(a, v));
                    break;
                case "--in-review":
                    s.inReview(version(a, v));
                    break;
                case "--staged":
                    s.staged(version(a, v), 100);
                    break;
                case "--processing-polls":
                    s.processingPolls(integer(a, v));
                    break;
                case "--in-progress-word":
                    if (!ChromeStore.IN_PROGRESS.equals(v) && !ChromeStore.UPLOAD_IN_PROGRESS.equals(v)) {
                        throw new UsageException("--in-progress-word must be IN_PROGRESS or UPLOAD_IN_PROGRESS: " + v);
                    }
                    s.inProgressWord(v);
                    break;
                case "--token-lifetime":
                    int seconds = integer(a, v);
                    if (seconds == 0) {
                        throw new UsageException("--token-lifetime takes seconds, 1 or more: " + v);
                    }
                    s.tokenLifetime(Duration.ofSeconds(seconds));
                    break;
                case "--review-polls":
                    s.reviewPolls(integer(a, v));
                    break;
                case "--publish-warning":
                    s.publishWarning("SIMULATED_WARNING", v);
                    break;
                default:
                    throw new UsageException("unknown option " + a);
            }
        }
        return p;
    }

    /** What a user needs to point a build at the simulator: its URLs, the credentials and the ids. */
    static String banner(ChromeWebStoreSimulator sim, Path keyFile) {
        ChromeStore s = sim.store();
        String nl = System.lineSeparator();
        ChromeStore.Revision published = s.published();
        return "Chrome Web Store API simulator listening on " + sim.apiBaseUrl() + nl
                + "  point a build at it:  -Dchrome.apiBaseUrl=" + sim.apiBaseUrl() + " -Dchrome.tokenUrl="
                + sim.tokenUrl() + nl
                + "  ids:                  -Dchrome.publisherId=" + ChromeWebStoreSimulator.PUBLISHER_ID
                + " -Dchrome.itemId=" + ChromeWebStoreSimulator.ITEM_ID + nl
                + "  OAuth client:         client id " + ChromeWebStoreSimulator.CLIENT_ID + ", client secret "
                + ChromeWebStoreSimulator.CLIENT_SECRET + ", refresh token " + ChromeWebStoreSimulator.REFRESH_TOKEN
                + " (" + ChromeWebStoreSimulator.EXPIRED_REFRESH_TOKEN + " answers invalid_grant)" + nl
                + "  service account:      " + s.serviceAccount().clientEmail() + ", key file "
                + (keyFile == null ? "not written (--key-file FILE writes it)" : keyFile.toAbsolutePath()) + nl
                + "  published:            " + (published == null ? "nothing" : published) + nl
                + "  uploads:              " + (s.processingPolls() == 0 ? "processed at once"
                        : "IN_PROGRESS for " + s.processingPolls() + " fetchStatus polls") + nl
                + "  access tokens live:   " + s.tokenLifetime().getSeconds() + " s";
    }

    private static Path path(String option, String v) throws UsageException {
        try {
            return Paths.get(v);
        } catch (InvalidPathException e) {
            throw new UsageException(option + " is not a path: " + v);
        }
    }

    private static String version(String option, String v) throws UsageException {
        if (!v.matches("[0-9]+(\\.[0-9]+){0,3}")) {
            throw new UsageException(option + " takes a version of 1 to 4 numbers (e.g. 1.2.3): " + v);
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
