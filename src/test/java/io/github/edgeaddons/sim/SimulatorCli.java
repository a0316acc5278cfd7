package io.github.edgeaddons.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * The simulator's command line: {@code java -cp target/test-classes io.github.edgeaddons.sim.SimulatorCli
 * [options]} starts an {@link EdgeApiSimulator} on 127.0.0.1, prints where it listens and which credentials
 * and product ids it takes, and runs until killed. Unlike the simulator of the tests, it takes any product
 * id unless {@code --products} names them. A wrong option prints what is wrong and the usage (exit code 2).
 * docs/SIMULATOR.md is the user's guide.
 */
public final class SimulatorCli {
    static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -cp target/test-classes io.github.edgeaddons.sim.SimulatorCli [options]",
            "  --port N                   listen on this port (default 0: a free one)",
            "  --port-file FILE           write the port to FILE once listening",
            "  --products ID[,ID...]      the only product ids it knows; others answer 404 (default: any id)",
            "  --upload-outcome WHAT      Succeeded (default) or InvalidPackage: the store fails the upload",
            "  --upload-error TEXT        an error of a failed upload (repeatable; implies InvalidPackage)",
            "  --publish-outcome WHAT     Succeeded (default), InProgressSubmission (a review is in progress)",
            "                             or NoModulesUpdated (nothing new to publish): the store fails the publish",
            "  --upload-polls N           status requests answered InProgress before the upload ends (default 1)",
            "  --publish-polls N          the same for the publish (default 1)",
            "  --upload-after SECONDS     the upload ends after this time instead",
            "  --publish-after SECONDS    the publish ends after this time instead",
            "  --vocabulary modern|legacy the status words (default modern: InProgress, Succeeded, Failed)",
            "  --location bare|path|path-without-v1|absolute   the shape of the Location header (default bare)",
            "  --log-requests             print one line per request answered",
            "  --help                     print this");

    /** The message of an upload failed with {@code --upload-outcome InvalidPackage}. */
    static final String INVALID_PACKAGE_MESSAGE = "The package could not be processed.";
    /** Its errors when no {@code --upload-error} is given. */
    static final String DEFAULT_UPLOAD_ERROR = "manifest.json: 'icons' has no 128px icon (simulated)";

    private static final Set<String> WITH_VALUE = new HashSet<>(Arrays.asList("--port", "--port-file",
            "--products", "--upload-outcome", "--upload-error", "--publish-outcome", "--upload-polls",
            "--publish-polls", "--upload-after", "--publish-after", "--vocabulary", "--location"));
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** A command line that cannot be run: what is wrong, for the user. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** What the command line asks for: a configured simulator, not started yet. */
    static final class Parsed {
        final EdgeApiSimulator simulator = new EdgeApiSimulator();
        Path portFile;
        boolean help;
    }

    private SimulatorCli() {
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
        EdgeApiSimulator sim = p.simulator.enableControlEndpoints().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "edge-api-sim-shutdown"));
        if (p.portFile != null) {
            writePort(p.portFile, sim.port());
        }
        System.out.println(banner(sim));
        System.out.flush();
        stopped.await();
    }

    static Parsed parse(String[] args) throws UsageException {
        Parsed p = new Parsed();
        Config c = p.simulator.config().acceptAnyProduct();
        Integer uploadPolls = null;
        Integer publishPolls = null;
        Duration uploadAfter = null;
        Duration publishAfter = null;
        Outcome upload = Outcome.succeeded();
        List<String> uploadErrors = new ArrayList<>();
        Outcome publish = Outcome.succeeded();
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
                    try {
                        p.portFile = Paths.get(v);
                    } catch (InvalidPathException e) {
                        throw new UsageException("--port-file is not a path: " + v);
                    }
                    break;
                case "--products":
                    List<String> ids = new ArrayList<>();
                    for (String id : v.split(",")) {
                        if (!GUID.matcher(id.trim()).matches()) {
                            throw new UsageException("--products takes product GUIDs separated by commas: " + id);
                        }
                        ids.add(id.trim());
                    }
                    c.products(ids.toArray(new String[0]));
                    break;
                case "--upload-outcome":
                    upload = uploadOutcome(v);
                    break;
                case "--upload-error":
                    uploadErrors.add(v);
                    break;
                case "--publish-outcome":
                    publish = publishOutcome(v);
                    break;
                case "--upload-polls":
                    uploadPolls = integer(a, v);
                    break;
                case "--publish-polls":
                    publishPolls = integer(a, v);
                    break;
                case "--upload-after":
                    uploadAfter = seconds(a, v);
                    break;
                case "--publish-after":
                    publishAfter = seconds(a, v);
                    break;
                case "--vocabulary":
                    c.vocabulary(vocabulary(v));
                    break;
                case "--location":
                    c.locationShape(location(v));
                    break;
                default:
                    throw new UsageException("unknown option " + a);
            }
        }
        if (!uploadErrors.isEmpty()) {
            upload = Outcome.failed("InvalidPackage", INVALID_PACKAGE_MESSAGE, uploadErrors.toArray());
        }
        if (uploadPolls != null) {
            upload = upload.afterPolls(uploadPolls);
        }
        if (uploadAfter != null) {
            upload = upload.after(uploadAfter);
        }
        if (publishPolls != null) {
            publish = publish.afterPolls(publishPolls);
        }
        if (publishAfter != null) {
            publish = publish.after(publishAfter);
        }
        c.uploadOutcome(upload).publishOutcome(publish);
        return p;
    }

    /** What a user needs to point a build at the simulator: its URL, the credentials and the product ids. */
    static String banner(EdgeApiSimulator sim) {
        Config c = sim.config();
        String nl = System.lineSeparator();
        return "Edge API simulator listening on " + sim.baseUrl() + nl
                + "  point a build at it:  -Dedge.apiBaseUrl=" + sim.baseUrl() + nl
                + "  API key (v1.1):       client id " + c.clientId() + ", API key " + c.apiKey()
                + " (a settings.xml <server> with these as <username> and <password>, e.g. examples/demo-settings.xml)" + nl
                + "  client secret (v1):   " + c.clientSecret() + ", token URL " + sim.tokenUrl() + nl
                + "  product ids:          " + (c.acceptsAnyProduct() ? "any" : String.join(", ", c.products())
                        + " (any other answers 404)") + nl
                + "  upload:               " + describe(c.uploadOutcome()) + nl
                + "  publish:              " + describe(c.publishOutcome());
    }

    private static String describe(Outcome o) {
        String end = o.isSuccess() ? "Succeeded" : "Failed (" + o.errorCode() + ")";
        String when = o.delay() != null ? "after " + o.delay().toMillis() / 1000.0 + " s"
                : "after " + o.polls() + " status request" + (o.polls() == 1 ? "" : "s");
        return end + ", " + when;
    }

    /** Write the port to {@code portFile} atomically (a script polling for the file never reads half of it). */
    public static void writePort(Path portFile, int port) throws IOException {
        Path abs = portFile.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        Files.write(tmp, String.valueOf(port).getBytes(StandardCharsets.US_ASCII));
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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

    private static Duration seconds(String option, String v) throws UsageException {
        try {
            double s = Double.parseDouble(v.trim());
            if (s >= 0 && !Double.isInfinite(s)) {
                return Duration.ofNanos(Math.round(s * 1_000_000_000d));
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException(option + " takes seconds, 0 or more (e.g. 2 or 0.5): " + v);
    }

    private static Vocabulary vocabulary(String v) throws UsageException {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "modern":
                return Vocabulary.MODERN;
            case "legacy":
            case "legacy_2021":
                return Vocabulary.LEGACY_2021;
            default:
                throw new UsageException("--vocabulary must be modern or legacy: " + v);
        }
    }

    private static LocationShape location(String v) throws UsageException {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "bare":
            case "bare_id":
                return LocationShape.BARE_ID;
            case "path":
                return LocationShape.PATH;
            case "path-without-v1":
            case "path_without_v1":
                return LocationShape.PATH_WITHOUT_V1;
            case "absolute":
            case "absolute_url":
                return LocationShape.ABSOLUTE_URL;
            default:
                throw new UsageException("--location must be bare, path, path-without-v1 or absolute: " + v);
        }
    }

    private static Outcome uploadOutcome(String v) throws UsageException {
        switch (v) {
            case "Succeeded":
                return Outcome.succeeded();
            case "InvalidPackage":
                return Outcome.failed("InvalidPackage", INVALID_PACKAGE_MESSAGE, DEFAULT_UPLOAD_ERROR);
            default:
                throw new UsageException("--upload-outcome must be Succeeded or InvalidPackage: " + v);
        }
    }

    private static Outcome publishOutcome(String v) throws UsageException {
        switch (v) {
            case "Succeeded":
                return Outcome.succeeded();
            case "NoModulesUpdated":
                return Outcome.failed("NoModulesUpdated",
                        "Can't create new submission: no modules were updated since the last submission.");
            case "InProgressSubmission":
                return Outcome.failed("InProgressSubmission",
                        "Can't create new submission, request is not allowed because there is an in progress"
                                + " submission.");
            default:
                throw new UsageException(
                        "--publish-outcome must be Succeeded, NoModulesUpdated or InProgressSubmission: " + v);
        }
    }
}
