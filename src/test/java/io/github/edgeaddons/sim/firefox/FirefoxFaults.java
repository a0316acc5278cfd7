package io.github.edgeaddons.sim.firefox;

import io.github.edgeaddons.sim.Fault;
import io.github.edgeaddons.sim.FaultPlan;
import io.github.edgeaddons.sim.Route;

import java.time.Duration;
import java.util.Random;

/**
 * The fault kinds of the Edge fault campaign ({@link FaultPlan.Kind}) on AMO's routes: which route each applies
 * to (as on the Edge route of the same role: an upload, a status poll, a POST that changes the store, a read of
 * the state it made) and the fault it stands for, in AMO's shape where AMO has one (429 "Expected available in N
 * seconds.", Django's HTML 500, the 503 of maintenance, the front end's HTML 404), else the campaign's.
 */
public final class FirefoxFaults {
    private FirefoxFaults() {
    }

    /** The Edge route whose role this AMO route has. */
    static Route role(FirefoxRoute route) {
        switch (route) {
            case UPLOAD:
                return Route.UPLOAD;
            case UPLOAD_STATUS:
                return Route.UPLOAD_STATUS;
            case CREATE_VERSION:
            case PATCH_VERSION:
                return Route.PUBLISH;
            case VERSION:
                return Route.PUBLISH_STATUS;
            default:
                return Route.UNKNOWN;
        }
    }

    /** Whether a campaign may inject {@code kind} on {@code route}. */
    public static boolean appliesTo(FaultPlan.Kind kind, FirefoxRoute route) {
        return kind.appliesTo(role(route));
    }

    /** The fault {@code kind} stands for on AMO ({@code slow}: the delay of {@code SLOW}). */
    public static Fault of(FaultPlan.Kind kind, Random rnd, Duration slow) {
        switch (kind) {
            case THROTTLED:
            case THROTTLED_FOR:
                return AmoErrors.throttled(1 + rnd.nextInt(3), false);
            case THROTTLED_RETRY_AFTER:
                return AmoErrors.throttled(1 + rnd.nextInt(5), true);
            case SERVER_ERROR:
                return AmoErrors.serverError();
            case UNAVAILABLE:
                return AmoErrors.maintenance();
            case NOT_FOUND_HTML:
                return AmoErrors.notFoundHtml();
            default:
                return FaultPlan.fault(kind, rnd, slow);
        }
    }
}
