import groovy.json.JsonSlurper
import io.github.edgeaddons.sim.EdgeApiSimulator
import io.github.edgeaddons.sim.ItSupport

def sim = context.get('simulatorProcess')
try {
    def output = context.get('releaseOutput')
    // what README says the release ends with
    assert output.contains('[INFO] Submission accepted: submission ')
    assert output.contains('BUILD SUCCESS')
    assert output.contains('[INFO] Credentials: the environment variables EDGE_CLIENT_ID and EDGE_API_KEY')
    assert ItSupport.leakedSecrets(output).isEmpty() : ItSupport.leakedSecrets(output)

    // what the simulator saw: README's zip uploaded, then published, both with valid credentials
    def url = context.get('simulatorUrl')
    def requests = new JsonSlurper().parse(new URL("${url}/_sim/requests"))
    def operations = new JsonSlurper().parse(new URL("${url}/_sim/operations"))
    def zip = new File(basedir, 'my-extension/target/minimal-extension-1.0.0.zip')
    assert zip.isFile()
    assert requests.every { it.authValid } : requests
    def uploads = requests.findAll { it.route == 'UPLOAD' }
    assert uploads.size() == 1 && uploads[0].bodySha256 == ItSupport.sha256(zip)
    assert requests.findAll { it.route == 'PUBLISH' }.size() == 1
    assert uploads[0].path.contains(EdgeApiSimulator.PRODUCT_ID)
    assert operations*.kind == ['UPLOAD', 'PUBLISH'] && operations.every { it.status == 'Succeeded' } : operations
    assert new File(basedir, 'my-extension/target/edge-addons/result.json').text.contains('"status": "Succeeded"')
} finally {
    sim.destroy()
    sim.waitFor()
}
