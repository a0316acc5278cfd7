package io.github.edgeaddons.sim.chrome;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The Chrome Web Store simulator for the invoker ITs (the Chrome side of {@code sim/ItSupport}): setup.groovy
 * starts one on a free loopback port and keeps it in the invoker's context; verify.groovy gets it and stops it.
 * Also the helpers those scripts share: a settings.xml with the Chrome servers beside the invoker's own, and the
 * check that no Chrome secret reached a log.
 */
public final class ChromeItSupport {
    /** Where the simulator is kept in the invoker's context. */
    public static final String CONTEXT_KEY = "chromeWebStoreSimulator";
    /** The settings.xml server holding the simulator's OAuth client and refresh token. */
    public static final String REFRESH_TOKEN_SERVER = "chrome-it";
    /** The settings.xml server holding the path of the simulator's service account key file. */
    public static final String SERVICE_ACCOUNT_SERVER = "chrome-it-sa";

    private static final Set<ChromeWebStoreSimulator> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (ChromeWebStoreSimulator sim : RUNNING) {
                sim.close();
            }
        }, "chrome-it-support-simulators"));
    }

    private ChromeItSupport() {}

    /**
     * Starts a simulator, lets {@code scenario} configure its store, keeps it in {@code context}. Returns nothing
     * on purpose: a hook script's last value is its verdict.
     */
    public static void start(Map<String, Object> context, Consumer<ChromeStore> scenario) {
        if (context.get(CONTEXT_KEY) != null) {
            throw new IllegalStateException("a Chrome Web Store simulator is already running for this IT");
        }
        ChromeWebStoreSimulator sim = new ChromeWebStoreSimulator();
        try {
            sim.start();
            scenario.accept(sim.store());
        } catch (RuntimeException | Error e) {
            sim.close();
            throw e;
        }
        RUNNING.add(sim);
        context.put(CONTEXT_KEY, sim);
    }

    /** The simulator {@link #start started} for this IT. */
    public static ChromeWebStoreSimulator simulator(Map<String, Object> context) {
        Object sim = context.get(CONTEXT_KEY);
        if (!(sim instanceof ChromeWebStoreSimulator)) {
            throw new IllegalStateException("no Chrome Web Store simulator in the invoker context: did setup.groovy"
                    + " run ChromeItSupport.start(context, ...)?");
        }
        return (ChromeWebStoreSimulator) sim;
    }

    /** Stops this IT's simulator (idempotent). */
    public static void stop(Map<String, Object> context) {
        Object sim = context.remove(CONTEXT_KEY);
        if (sim instanceof ChromeWebStoreSimulator) {
            ((ChromeWebStoreSimulator) sim).close();
            RUNNING.remove(sim);
        }
    }

    /**
     * Writes {@code to}: the invoker's interpolated settings (its repositories) with two Chrome servers added,
     * {@link #REFRESH_TOKEN_SERVER} (client id, secret, refresh token) and {@link #SERVICE_ACCOUNT_SERVER}
     * ({@code <privateKey>} the key file written beside it).
     */
    public static File writeSettings(ChromeWebStoreSimulator sim, File invokerSettings, File to) throws IOException {
        String text = new String(Files.readAllBytes(invokerSettings.toPath()), StandardCharsets.UTF_8);
        Path key = sim.writeServiceAccountKeyFile(to.toPath().resolveSibling("service-account.json"));
        String servers = "    <server>\n      <id>" + REFRESH_TOKEN_SERVER + "</id>\n      <username>"
                + ChromeWebStoreSimulator.CLIENT_ID + "</username>\n      <password>"
                + ChromeWebStoreSimulator.CLIENT_SECRET + "</password>\n      <passphrase>"
                + ChromeWebStoreSimulator.REFRESH_TOKEN + "</passphrase>\n    </server>\n"
                + "    <server>\n      <id>" + SERVICE_ACCOUNT_SERVER + "</id>\n      <privateKey>" + key
                + "</privateKey>\n    </server>\n";
        if (!text.contains("</servers>")) {
            throw new IllegalStateException(invokerSettings + " has no <servers>");
        }
        text = text.replace("</servers>", servers + "  </servers>");
        // the runs talk to the simulator even when the outer build is offline (-o)
        text = text.replaceAll("<offline>\\s*true\\s*</offline>", "<offline>false</offline>");
        Files.write(to.toPath(), text.getBytes(StandardCharsets.UTF_8));
        return to;
    }

    /**
     * The Chrome secrets of the simulator found in {@code text}: the client secret, the refresh token, the
     * service account's private key (its PEM marker or any line of its base64), an access token
     * ({@code ya29.}), a signed assertion (a JWT: {@code eyJ...}). Empty when the text is clean.
     */
    public static List<String> leakedSecrets(ChromeWebStoreSimulator sim, String text) {
        List<String> needles = new ArrayList<>();
        needles.add(ChromeWebStoreSimulator.CLIENT_SECRET);
        needles.add(ChromeWebStoreSimulator.REFRESH_TOKEN);
        needles.add("SECRET-");
        needles.add("PRIVATE KEY");
        needles.add("ya29.");
        needles.add("eyJhbGciOi");
        String b64 = Base64.getEncoder().encodeToString(sim.serviceAccount().privateKey().getEncoded());
        for (int i = 0; i + 40 <= b64.length(); i += 200) {
            needles.add(b64.substring(i, i + 40));
        }
        List<String> found = new ArrayList<>();
        for (String secret : needles) {
            int at = text.indexOf(secret);
            if (at >= 0) {
                int lineStart = text.lastIndexOf('\n', at) + 1;
                int lineEnd = text.indexOf('\n', at);
                found.add(secret + " in: " + text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd));
            }
        }
        return found;
    }
}
