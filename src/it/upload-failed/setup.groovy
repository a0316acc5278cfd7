import io.github.edgeaddons.sim.ItSupport
import io.github.edgeaddons.sim.Outcome

ItSupport.start(context) { c ->
    c.uploadOutcome(Outcome.failed('InvalidPackage', 'The package could not be processed.',
            "manifest.json: 'icons' has no 128px icon", 'popup.html: inline scripts are not allowed'))
}
