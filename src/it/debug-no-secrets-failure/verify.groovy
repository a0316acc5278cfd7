import io.github.edgeaddons.sim.EdgeApiSimulator
import io.github.edgeaddons.sim.ItSupport
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    // The publish answers 401: a fresh token is fetched once and the publish repeated once, then the build fails.
    assert ItSupport.foldedRoutes(sim) == [TOKEN, UPLOAD, UPLOAD_STATUS, PUBLISH, TOKEN, PUBLISH] : ItSupport.describe(sim)
    assert sim.requests(PUBLISH)*.status() == [401, 401]
    assert log.contains('BUILD FAILURE')
    assert log =~ /Failed to execute goal io\.github\.edgeaddons:edge-addons-maven-plugin:\S+:publish \(publish-to-edge\)/
    assert log.contains('The store answered HTTP 401 Unauthorized to the publish request.')
    // under API v1 the advice is about the client secret and the switch to an API key, never the key's 72 days
    assert log.contains("The store refused the access token (API v1)")
    assert !log.contains("72 days")
    assert log.contains("<server> 'edge-oauth' in settings.xml")
    assert log =~ /\[DEBUG\] ex-\d{10} executing POST \/v1\/products\/${EdgeApiSimulator.PRODUCT_ID}\/submissions/
    // the failure, its stack trace (-e) and HttpClient's DEBUG lines hold no credential
    assert ItSupport.leakedSecrets(log).isEmpty() : ItSupport.leakedSecrets(log)
} finally {
    ItSupport.stop(context)
}
