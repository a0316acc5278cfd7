import io.github.edgeaddons.sim.ItSupport
import io.github.edgeaddons.sim.Outcome

ItSupport.start(context) { c ->
    c.publishOutcome(Outcome.failed('NoModulesUpdated',
            "Can't create new submission: no modules were updated since the last submission."))
}
