import io.github.edgeaddons.sim.ItSupport
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    // the token comes; the upload answers 410 once (not retried); nothing else is sent
    assert ItSupport.routes(sim) == [TOKEN, UPLOAD] : ItSupport.describe(sim)
    assert sim.requests(UPLOAD)*.status() == [410]
    assert sim.operations().isEmpty()
    // warned once, before the upload
    assert log.count('uses API v1 (client secret and access token URL), which Microsoft retired') == 1 : log
    assert log =~ /Failed to execute goal io\.github\.edgeaddons:edge-addons-maven-plugin:\S+:upload \(publish-to-edge\)/
    assert log.contains('The store answered HTTP 410 Gone to the upload of v1-retired-1.0.0-edge.zip.')
    assert log.contains('The store no longer serves this API version')
    assert log.contains("put the client ID in the <username> and the API key in the <password> of <server> 'edge-oauth'")
    assert !log.contains('HTTP 410  ')
    assert ItSupport.leakedSecrets(log).isEmpty() : ItSupport.leakedSecrets(log)
} finally {
    ItSupport.stop(context)
}
