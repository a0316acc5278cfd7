import io.github.edgeaddons.sim.ItSupport
import io.github.edgeaddons.sim.Outcome

ItSupport.start(context) { c ->
    c.publishOutcome(Outcome.failed('InProgressSubmission',
            "Can't create new submission, request is not allowed because there is an in progress submission."))
}
