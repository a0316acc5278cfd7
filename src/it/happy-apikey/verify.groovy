import io.github.edgeaddons.sim.EdgeApiSimulator
import io.github.edgeaddons.sim.ItSupport
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    def requests = sim.requests()
    def seen = ItSupport.describe(sim)
    def pid = EdgeApiSimulator.PRODUCT_ID

    // The exact sequence: 2 InProgress answers + the terminal one for each operation.
    assert ItSupport.routes(sim) == [UPLOAD, UPLOAD_STATUS, UPLOAD_STATUS, UPLOAD_STATUS,
                                     PUBLISH, PUBLISH_STATUS, PUBLISH_STATUS, PUBLISH_STATUS] : seen
    assert requests.every { it.status() in [200, 202] } : seen
    assert !requests.any { it.route() in [TOKEN, PRODUCTS] } : seen

    def ops = sim.operations()
    def uploadOp = ops.find { it.kind().name() == 'UPLOAD' }.id()
    def publishOp = ops.find { it.kind().name() == 'PUBLISH' }.id()

    // Every request: v1.1 headers (the simulator records the key masked) that the simulator accepted.
    requests.each { r ->
        assert r.header('Authorization') == 'ApiKey ***' : r
        assert r.header('X-ClientID') == EdgeApiSimulator.CLIENT_ID : r
        assert r.authValid() : r
    }

    def upload = requests[0]
    assert upload.method() == 'POST'
    assert upload.path() == "/v1/products/${pid}/submissions/draft/package".toString()
    assert upload.header('Content-Type') == 'application/zip'
    def zip = new File(basedir, 'target/happy-apikey-1.1.0-edge.zip')
    assert zip.isFile()
    assert upload.bodySize() == zip.length()
    assert upload.bodySha256() == ItSupport.sha256(zip)
    requests.findAll { it.route() == UPLOAD_STATUS }.each {
        assert it.method() == 'GET'
        assert it.path() == "/v1/products/${pid}/submissions/draft/package/operations/${uploadOp}".toString()
    }

    def publish = requests[4]
    assert publish.method() == 'POST'
    assert publish.path() == "/v1/products/${pid}/submissions".toString()
    assert publish.header('Content-Type') == 'text/plain; charset=UTF-8'
    def notes = 'Release 1.1.0 \u2013 popup fixed; no new permissions \u2713'
    assert publish.bodyText() == notes
    assert publish.bodySize() == notes.getBytes('UTF-8').length
    requests.findAll { it.route() == PUBLISH_STATUS }.each {
        assert it.method() == 'GET'
        assert it.path() == "/v1/products/${pid}/submissions/operations/${publishOp}".toString()
    }

    // What the user reads.
    assert log.contains("[INFO] Uploading happy-apikey-1.1.0-edge.zip (")
    assert log.contains(", version 1.1.0) to product ${pid}")
    assert log.contains("waiting for the store to process it (operation ${uploadOp})")
    assert log.contains("[INFO] Upload succeeded: ${EdgeApiSimulator.UPLOAD_SUCCESS_MESSAGE}")
    assert log.contains("[INFO] Publishing the draft submission of product ${pid} with ${notes.getBytes('UTF-8').length} bytes of certification notes")
    assert log.contains("[INFO] Publish request accepted (operation ${publishOp})")
    assert log.contains("[INFO] Waiting for publish operation ${publishOp}")
    assert log.contains("[INFO] Submission accepted: submission ${ItSupport.SUBMISSION_ID}.")
    assert log.contains('BUILD SUCCESS')
    assert !log.contains(EdgeApiSimulator.API_KEY)

    // The machine-readable result: the last goal's outcome, every operation id, and each step.
    def result = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/edge-addons/result.json'))
    assert result.project == 'io.github.edgeaddons.it:happy-apikey:1.1.0'
    assert result.productId == pid
    assert result.goal == 'await'
    assert result.status == 'Succeeded'
    assert result.uploadOperationId == uploadOp
    assert result.publishOperationId == publishOp
    assert result.submissionId == ItSupport.SUBMISSION_ID
    assert result.errorCode == null
    assert result.errors == []
    assert result.steps*.goal == ['upload', 'publish', 'await']
    assert result.steps*.status == ['Succeeded', 'Succeeded', 'Succeeded']
    assert result.steps[0].operationId == uploadOp
    assert result.steps[2].message == ItSupport.PUBLISH_SUCCESS_MESSAGE
    result.steps.each { assert it.durationMillis >= 0 && it.startedAt && it.finishedAt }

    // The GitHub Actions job summary: a header once, then a row per goal.
    def summary = new File(basedir, 'target/step-summary.md').getText('UTF-8')
    assert summary.count('### Extension release: io.github.edgeaddons.it:happy-apikey:1.1.0') == 1
    assert summary.contains('Edge product `d34f98f5-f9b7-42b1-bebb-98707202b21d`')
    assert summary.contains('| store | goal | status | operation | details |')
    assert summary.contains("| upload | \u2705 Succeeded | `${uploadOp}` |")
    assert summary.contains("| publish | \u2705 Succeeded | `${publishOp}` |")
    assert summary.contains("| await | \u2705 Succeeded | `${publishOp}` | submission ${ItSupport.SUBMISSION_ID} |")
    assert !summary.contains(EdgeApiSimulator.API_KEY)
} finally {
    ItSupport.stop(context)
}
