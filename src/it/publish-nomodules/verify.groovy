import io.github.edgeaddons.sim.ItSupport
import static io.github.edgeaddons.sim.Route.*

// A publish with nothing new (NoModulesUpdated): the store already has this release, which is not an error.
def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    assert ItSupport.routes(sim) == [UPLOAD, UPLOAD_STATUS, UPLOAD_STATUS, PUBLISH, PUBLISH_STATUS, PUBLISH_STATUS] : ItSupport.describe(sim)
    def op = sim.operations().find { it.kind().name() == 'PUBLISH' }.id()

    assert log.contains('BUILD SUCCESS')
    assert log.contains("Edge already has this release: the store answered NoModulesUpdated for the publish (operation ${op})")
    assert log.contains("Can't create new submission: no modules were updated since the last submission.")
    assert !log.contains('[ERROR]')

    // result.json records it as already released, with the store's errorCode and message
    def result = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/edge-addons/result.json'))
    assert result.goal == 'await'
    assert result.status == 'AlreadyReleased'
    assert result.errorCode == 'NoModulesUpdated'
    assert result.message.startsWith("Can't create new submission")
    assert result.publishOperationId == op
    assert result.steps*.status == ['Succeeded', 'Succeeded', 'AlreadyReleased']
    assert result.stores.edge.status == 'AlreadyReleased'
    assert result.steps*.store == ['edge', 'edge', 'edge']
} finally {
    ItSupport.stop(context)
}
