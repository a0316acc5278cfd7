package io.github.edgeaddons.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seeded fault plan: reproducible, and injecting what it planned, request by request. */
class FaultPlanTest {
    private static final Duration READ_TIMEOUT = Duration.ofMillis(300);
    private static final Route[] ROUTES = {Route.TOKEN, Route.UPLOAD, Route.UPLOAD_STATUS, Route.PUBLISH,
        Route.PUBLISH_STATUS};

    private static String whole(FaultPlan p) {
        StringBuilder b = new StringBuilder(p.uploadOutcome() + " " + p.publishOutcome() + " " + p.faultRate());
        for (Route r : ROUTES) {
            b.append(' ').append(r).append(p.planned(r));
        }
        return b.toString();
    }

    @Test
    void theSameSeedGivesTheSamePlanAndOtherSeedsOthers() {
        List<String> plans = new ArrayList<>();
        for (long seed = 1; seed <= 40; seed++) {
            String a = whole(FaultPlan.generate(seed, READ_TIMEOUT, true));
            assertEquals(a, whole(FaultPlan.generate(seed, READ_TIMEOUT, true)), "seed " + seed);
            plans.add(a);
        }
        assertTrue(plans.stream().distinct().count() > 35, "40 seeds, few distinct plans: " + plans);
        assertNotEquals(whole(FaultPlan.generate(1, READ_TIMEOUT, true)), whole(FaultPlan.generate(2, READ_TIMEOUT, true)));
    }

    @Test
    void eachRequestGetsWhatThePlanHoldsForItAndEveryKindIsDrawn() {
        Set<FaultPlan.Kind> drawn = EnumSet.noneOf(FaultPlan.Kind.class);
        for (long seed = 1; seed <= 200; seed++) {
            FaultPlan plan = FaultPlan.generate(seed, READ_TIMEOUT, false);
            for (Route r : ROUTES) {
                List<FaultPlan.Entry> planned = plan.planned(r);
                assertEquals(FaultPlan.LENGTH, planned.size());
                for (int i = 0; i < FaultPlan.LENGTH; i++) {
                    FaultPlan.Entry e = planned.get(i);
                    if (e != null && e.kind() == FaultPlan.Kind.THROTTLED_FOR) {
                        break; // a streak answers by time from here: not one entry per request
                    }
                    assertEquals(e == null ? null : e.fault(), plan.next(r), "seed " + seed + " " + r + " #" + (i + 1));
                }
                for (FaultPlan.Entry e : planned) {
                    if (e != null) {
                        drawn.add(e.kind());
                        assertTrue(e.kind().appliesTo(r), e + " on " + r);
                    }
                }
            }
            if (plan.faultRate() == 0) {
                assertTrue(plan.injected().isEmpty(), "seed " + seed + ": " + plan.injected());
            }
        }
        Set<FaultPlan.Kind> all = EnumSet.allOf(FaultPlan.Kind.class);
        all.remove(FaultPlan.Kind.TOKEN_EXPIRY); // not a per-request fault
        assertEquals(all, drawn);
        FaultPlan none = FaultPlan.generate(1, READ_TIMEOUT, false);
        for (int i = 0; i < FaultPlan.LENGTH; i++) {
            none.next(Route.UPLOAD_STATUS);
        }
        assertNull(none.next(Route.UPLOAD_STATUS), "past the plan's length, requests are answered normally");
    }

    @Test
    void aSlowAnswerComesAfterTheReadTimeout() {
        FaultPlan plan = FaultPlan.generate(7, READ_TIMEOUT, false).withSlowAnswer(Route.PUBLISH, 1);
        Fault f = plan.next(Route.PUBLISH);
        assertEquals(Fault.Kind.DELAY, f.kind());
        assertTrue(f.delayDuration().compareTo(READ_TIMEOUT) > 0, f.toString());
        assertEquals(FaultPlan.Kind.SLOW, plan.applied(Route.PUBLISH).get(0).kind());
    }
}
