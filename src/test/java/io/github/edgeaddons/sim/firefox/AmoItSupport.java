package io.github.edgeaddons.sim.firefox;

import io.github.edgeaddons.sim.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Starts and stops an {@link AmoSimulator} for an invoker IT ({@code setup.groovy} / {@code verify.groovy}), as
 * {@code ItSupport} does for Edge's: the forked builds get {@code -Dfirefox.apiBaseUrl=...}; the JWT issuer and
 * secret come from the IT's {@code invoker.environmentVariables} ({@code FIREFOX_JWT_ISSUER},
 * {@code FIREFOX_JWT_SECRET}), the simulator's.
 *
 * <pre>
 * // setup.groovy
 * AmoItSupport.start(context) { store -> store.invalidPackageOnNextUpload() }
 * // verify.groovy
 * def sim = AmoItSupport.simulator(context)
 * try { ... } finally { AmoItSupport.stop(context) }
 * </pre>
 */
public final class AmoItSupport {
    public static final String CONTEXT_KEY = "amoSimulator";

    private static final Set<AmoSimulator> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (AmoSimulator sim : RUNNING) {
                sim.close();
            }
        }, "amo-it-support-simulators"));
    }

    private AmoItSupport() {}

    /**
     * Starts a simulator on a free loopback port, lets {@code scenario} set up its store, keeps it in
     * {@code context} and hands the forked builds {@code -Dfirefox.apiBaseUrl}. Returns nothing: a hook script's
     * last value is its verdict.
     */
    public static void start(Map<String, Object> context, Consumer<AmoStore> scenario) {
        if (context.get(CONTEXT_KEY) != null) {
            throw new IllegalStateException("an AMO simulator is already running for this IT");
        }
        AmoSimulator sim = new AmoSimulator().start();
        try {
            scenario.accept(sim.store());
        } catch (RuntimeException | Error e) {
            sim.close();
            throw e;
        }
        RUNNING.add(sim);
        context.put(CONTEXT_KEY, sim);
        userProperties(context).put("firefox.apiBaseUrl", sim.apiBaseUrl());
    }

    public static void start(Map<String, Object> context) {
        start(context, s -> { });
    }

    public static AmoSimulator simulator(Map<String, Object> context) {
        Object sim = context.get(CONTEXT_KEY);
        if (!(sim instanceof AmoSimulator)) {
            throw new IllegalStateException("no AMO simulator in the invoker context: did setup.groovy run"
                    + " AmoItSupport.start(context)?");
        }
        return (AmoSimulator) sim;
    }

    public static void stop(Map<String, Object> context) {
        Object sim = context.remove(CONTEXT_KEY);
        if (sim instanceof AmoSimulator) {
            ((AmoSimulator) sim).close();
            RUNNING.remove(sim);
        }
    }

    /** The routes of the recorded requests, in order, e.g. {@code [ADDON, UPLOAD, UPLOAD_STATUS, ...]}. */
    public static List<String> routes(AmoSimulator sim) {
        List<String> out = new ArrayList<>();
        for (RecordedRequest r : sim.requests()) {
            out.add(r.routeName());
        }
        return out;
    }

    /**
     * The AMO secrets that occur in {@code text}: the JWT secret (and the simulators' {@code SECRET-} marker) and
     * any JWT ({@code eyJ...}, the base64 of a JSON header). Empty when the text is clean.
     */
    public static List<String> leakedSecrets(String text) {
        List<String> found = new ArrayList<>();
        for (String secret : new String[] {AmoSimulator.JWT_SECRET, "SECRET-", "eyJ"}) {
            int at = text.indexOf(secret);
            if (at >= 0) {
                int lineStart = text.lastIndexOf('\n', at) + 1;
                int lineEnd = text.indexOf('\n', at);
                found.add(secret + " in: " + text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd));
            }
        }
        return found;
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
}
