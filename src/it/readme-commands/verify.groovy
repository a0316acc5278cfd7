import io.github.edgeaddons.sim.ItSupport
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    // the commands reached the simulator (setup.groovy asserted each one's outcome)
    def op = context.get('resumedOperation')
    assert op != null
    assert sim.requests(PUBLISH_STATUS).findAll { it.path().endsWith("/operations/${op}") }.size() >= 20
    assert sim.requests(UPLOAD).size() >= 6 : ItSupport.describe(sim)
    assert sim.requests().every { it.authValid() } : ItSupport.describe(sim)
} finally {
    ItSupport.stop(context)
}
