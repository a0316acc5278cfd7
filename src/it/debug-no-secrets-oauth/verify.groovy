import io.github.edgeaddons.sim.EdgeApiSimulator
import io.github.edgeaddons.sim.ItSupport
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    assert ItSupport.foldedRoutes(sim) == [TOKEN, UPLOAD, UPLOAD_STATUS, PUBLISH, PUBLISH_STATUS] : ItSupport.describe(sim)
    assert sim.requests().drop(1).every { it.header('Authorization') == 'Bearer ***' && it.authValid() } : ItSupport.describe(sim)
    assert log.contains('BUILD SUCCESS')
    // -X was on, HttpClient 5's own DEBUG logging included, for the token request too
    assert log =~ /\[DEBUG\] ex-\d{10} executing POST \/sim-tenant\/oauth2\/v2.0\/token/
    assert log =~ /\[DEBUG\] ex-\d{10} executing POST \/v1\/products\/${EdgeApiSimulator.PRODUCT_ID}\/submissions\/draft\/package/
    // ... and neither the client secret nor the access token is in the log
    assert ItSupport.leakedSecrets(log).isEmpty() : ItSupport.leakedSecrets(log)
} finally {
    ItSupport.stop(context)
}
