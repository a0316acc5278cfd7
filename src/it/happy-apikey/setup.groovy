import io.github.edgeaddons.sim.ItSupport
import io.github.edgeaddons.sim.Outcome

// Upload and publish each answer InProgress twice before they succeed.
ItSupport.start(context) { c ->
    c.uploadOutcome(Outcome.succeeded().afterPolls(2))
    c.publishOutcome(Outcome.succeeded().message(ItSupport.PUBLISH_SUCCESS_MESSAGE).afterPolls(2))
}
