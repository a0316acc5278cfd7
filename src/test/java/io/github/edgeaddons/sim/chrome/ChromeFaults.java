package io.github.edgeaddons.sim.chrome;

import io.github.edgeaddons.sim.Fault;
import io.github.edgeaddons.sim.FaultPlan;
import io.github.edgeaddons.sim.Route;

import java.time.Duration;
import java.util.Random;

/**
 * The fault kinds of the Edge fault campaign ({@link FaultPlan.Kind}) on the Chrome Web Store's routes: which
 * route each applies to (as on the Edge route of the same role: the token, an upload, a status poll, a POST
 * that changes the store) and the fault it stands for, in Google's shape where Google has one (429
 * {@code RESOURCE_EXHAUSTED}, 500 {@code INTERNAL}, 503 {@code UNAVAILABLE}, its HTML 404), else the campaign's.
 */
public final class ChromeFaults {
    private ChromeFaults() {
    }

    /** The Edge route whose role this Chrome route has. */
    static Route role(ChromeRoute route) {
        switch (route) {
            case TOKEN:
                return Route.TOKEN;
            case UPLOAD:
                return Route.UPLOAD;
            case FETCH_STATUS:
                return Route.UPLOAD_STATUS;
            case PUBLISH:
            case CANCEL_SUBMISSION:
            case SET_DEPLOY_PERCENTAGE:
                return Route.PUBLISH;
            default:
                return Route.UNKNOWN;
        }
    }

    /** Whether a campaign may inject {@code kind} on {@code route}. */
    public static boolean appliesTo(FaultPlan.Kind kind, ChromeRoute route) {
        return kind.appliesTo(role(route));
    }

    /** The fault {@code kind} stands for on the Chrome Web Store ({@code slow}: the delay of {@code SLOW}). */
    public static Fault of(FaultPlan.Kind kind, Random rnd, Duration slow) {
        switch (kind) {
            case THROTTLED:
            case THROTTLED_FOR:
                return GoogleErrors.throttled(null);
            case THROTTLED_RETRY_AFTER:
                return GoogleErrors.throttled(String.valueOf(1 + rnd.nextInt(5)));
            case SERVER_ERROR:
                return GoogleErrors.internal();
            case UNAVAILABLE:
                return GoogleErrors.unavailable();
            case NOT_FOUND_HTML:
                return Fault.status(404).body("text/html; charset=UTF-8", GoogleErrors.html404("/").body());
            default:
                return FaultPlan.fault(kind, rnd, slow);
        }
    }
}
