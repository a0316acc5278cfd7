import io.github.edgeaddons.sim.EdgeApiSimulator
import io.github.edgeaddons.sim.ItSupport
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    assert ItSupport.foldedRoutes(sim) == [UPLOAD, UPLOAD_STATUS, PUBLISH, PUBLISH_STATUS] : ItSupport.describe(sim)
    assert log.contains('BUILD SUCCESS')
    // -X was on, HttpClient 5's own DEBUG logging included (its exec chain: "ex-NNNNNNNNNN executing ...")
    assert log.contains('[DEBUG] Goal:          io.github.edgeaddons:edge-addons-maven-plugin:')
    assert log =~ /\[DEBUG\] ex-\d{10} executing POST \/v1\/products\/${EdgeApiSimulator.PRODUCT_ID}\/submissions\/draft\/package/
    assert log =~ /\[DEBUG\] ex-\d{10} executing GET \/v1\/products\/${EdgeApiSimulator.PRODUCT_ID}\/submissions\/operations\//
    // ... and still no credential anywhere
    assert ItSupport.leakedSecrets(log).isEmpty() : ItSupport.leakedSecrets(log)
} finally {
    ItSupport.stop(context)
}
