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

    // result.json records the failed publish, with the store's errorCode and message
    def result = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/edge-addons/result.json'))
    assert result.goal == 'await'
    assert result.status == 'Failed'
    assert result.errorCode == 'NoModulesUpdated'
    assert result.message.startsWith("Can't create new submission")
    assert result.publishOperationId == op
    assert result.steps*.status == ['Succeeded', 'Succeeded', 'Failed']
} finally {
    ItSupport.stop(context)
}
