import io.github.edgeaddons.sim.EdgeApiSimulator
import io.github.edgeaddons.sim.ItSupport
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    assert ItSupport.foldedRoutes(sim) == [UPLOAD, UPLOAD_STATUS, PUBLISH, PUBLISH_STATUS] : ItSupport.describe(sim)
    def polls = sim.requests(PUBLISH_STATUS)
    assert polls.size() >= 2 : ItSupport.describe(sim)
    assert polls.every { it.status() == 200 } : ItSupport.describe(sim)
    // await gave up after its 2 s (plus one last look and slack for a busy machine), not the default 10 minutes
    def waited = java.time.Duration.between(polls[0].receivedAt(), polls[-1].receivedAt())
    assert waited.toMillis() >= 1_500 && waited.toMillis() < 30_000 : waited
    def op = sim.operations().find { it.kind().name() == 'PUBLISH' }.id()

    assert log.contains('BUILD FAILURE')
    assert log =~ /Failed to execute goal io\.github\.edgeaddons:edge-addons-maven-plugin:\S+:await \(publish-to-edge\)/
    assert log.contains("Timed out after 2 s (edge.timeout) waiting for publish operation ${op}")
    assert log.contains("-Dedge.operationId=${op}")
    assert log.contains("mvn edge-addons:await -Dedge.productId=${EdgeApiSimulator.PRODUCT_ID} -Dedge.operationId=${op}")

    // result.json says it timed out and keeps the operation id for a resumed await
    def result = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/edge-addons/result.json'))
    assert result.goal == 'await'
    assert result.status == 'TimedOut'
    assert result.publishOperationId == op
} finally {
    ItSupport.stop(context)
}
