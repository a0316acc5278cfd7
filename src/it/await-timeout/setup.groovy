import io.github.edgeaddons.sim.ItSupport
import io.github.edgeaddons.sim.Outcome

// The upload is done at its first poll; the publish operation stays InProgress for good.
ItSupport.start(context) { c ->
    c.uploadOutcome(Outcome.succeeded().afterPolls(0))
    c.publishOutcome(Outcome.succeeded().afterPolls(1_000_000))
}
