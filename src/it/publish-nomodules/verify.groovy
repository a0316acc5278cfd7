import io.github.edgeaddons.sim.ItSupport
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    assert ItSupport.routes(sim) == [UPLOAD, UPLOAD_STATUS, UPLOAD_STATUS, PUBLISH, PUBLISH_STATUS, PUBLISH_STATUS] : ItSupport.describe(sim)
    def op = sim.operations().find { it.kind().name() == 'PUBLISH' }.id()

    assert log.contains('BUILD FAILURE')
    assert log.contains("The store reports that the publish failed (operation ${op}, status Failed, errorCode NoModulesUpdated).")
    assert log.contains("  message: Can't create new submission: no modules were updated since the last submission.")
    assert log.contains('The draft is identical to the version already in the store: there is nothing to publish.')
    assert log.contains('raise "version" in manifest.json')
} finally {
    ItSupport.stop(context)
}
