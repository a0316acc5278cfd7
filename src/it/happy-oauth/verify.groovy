import io.github.edgeaddons.sim.EdgeApiSimulator
import io.github.edgeaddons.sim.ItSupport
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    def requests = sim.requests()
    def seen = ItSupport.describe(sim)
    def pid = EdgeApiSimulator.PRODUCT_ID

    // One token, fetched first and reused; then the same calls as under v1.1 (one InProgress answer each).
    assert ItSupport.routes(sim) == [TOKEN, UPLOAD, UPLOAD_STATUS, UPLOAD_STATUS,
                                     PUBLISH, PUBLISH_STATUS, PUBLISH_STATUS] : seen
    assert requests.every { it.status() in [200, 202] && it.authValid() } : seen

    def token = requests[0]
    assert token.method() == 'POST'
    assert token.path() == '/sim-tenant/oauth2/v2.0/token'
    assert token.header('Content-Type').startsWith('application/x-www-form-urlencoded')
    def form = token.bodyText().split('&').collectEntries { kv -> def p = kv.split('=', 2); [(p[0]): URLDecoder.decode(p[1], 'UTF-8')] }
    assert form == [grant_type: 'client_credentials', client_id: EdgeApiSimulator.CLIENT_ID, client_secret: '***',
                    scope: 'https://api.addons.microsoftedge.microsoft.com/.default'] : token.bodyText()
    assert sim.tokenScopes() == ['https://api.addons.microsoftedge.microsoft.com/.default']

    requests.drop(1).each { r ->
        assert r.header('Authorization') == 'Bearer ***' : r
    }
    def upload = requests[1]
    assert upload.path() == "/v1/products/${pid}/submissions/draft/package".toString()
    assert upload.header('Content-Type') == 'application/zip'
    def zip = new File(basedir, 'target/happy-oauth-1.0.0-edge.zip')
    assert upload.bodySha256() == ItSupport.sha256(zip)
    def publish = requests[4]
    assert publish.path() == "/v1/products/${pid}/submissions".toString()
    assert publish.header('Content-Type') == 'text/plain; charset=UTF-8'
    assert publish.bodyText() == 'Release 1.0.0 via API v1.'

    // API v1 is retired: said once for the build, not once per goal (upload, publish and await ran)
    assert log.count('uses API v1 (client secret and access token URL), which Microsoft retired') == 1 : log
    assert log.contains('[WARNING] edge.authMode=clientCredentials uses API v1')
    assert log.contains('[INFO] Upload succeeded: ')
    assert log.contains("[INFO] Submission accepted: submission ${ItSupport.SUBMISSION_ID}.")
    assert log.contains('BUILD SUCCESS')
    assert !log.contains(EdgeApiSimulator.CLIENT_SECRET)
    assert !log.contains('sim-token-')
} finally {
    ItSupport.stop(context)
}
