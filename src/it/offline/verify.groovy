import io.github.edgeaddons.sim.EdgeApiSimulator
import io.github.edgeaddons.sim.ItSupport

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    // neither the dry run nor the failed release sent anything
    assert sim.requests().isEmpty() : ItSupport.describe(sim)
    // 2: the dry run printed the requests it would send, under -o
    assert log.contains("[INFO] [dry run] POST ${sim.baseUrl()}/v1/products/${EdgeApiSimulator.PRODUCT_ID}/submissions/draft/package")
    // 3: the release failed at upload, saying Maven is offline
    assert log =~ /Failed to execute goal io\.github\.edgeaddons:edge-addons-maven-plugin:\S+:upload \(publish-to-edge\)/
    assert log.contains('Cannot run upload while Maven is offline.')
    assert log.contains('run the build without -o')
    assert !log.contains('Uploading ')
} finally {
    ItSupport.stop(context)
}
