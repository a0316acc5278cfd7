import io.github.edgeaddons.sim.EdgeApiSimulator
import io.github.edgeaddons.sim.ItSupport
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    def requests = sim.requests()
    assert ItSupport.foldedRoutes(sim) == [UPLOAD, UPLOAD_STATUS, PUBLISH, PUBLISH_STATUS] : ItSupport.describe(sim)
    assert requests.every { it.authValid() && it.status() in [200, 202] } : ItSupport.describe(sim)

    // the real example was built (not the placeholder), with the plugin under test
    assert log.contains('Building hello-extension 1.0.0')
    assert log =~ /--- edge-addons-maven-plugin:\S+:upload \(publish-to-edge\) @ hello-extension ---/
    def zip = new File(basedir, 'target/hello-extension-1.0.0-edge.zip')
    assert zip.isFile()
    assert sim.requests(UPLOAD)[0].bodySha256() == ItSupport.sha256(zip)
    // manifest.json got its version from the POM (resource filtering)
    assert log.contains(', version 1.0.0) to product ' + EdgeApiSimulator.PRODUCT_ID)
    assert sim.requests(PUBLISH)[0].bodyText() == 'Release 1.0.0. No new permissions.'

    assert log.contains("[INFO] Submission accepted: submission ${ItSupport.SUBMISSION_ID}.")
    assert log.contains('BUILD SUCCESS')
    assert ItSupport.leakedSecrets(log).isEmpty() : ItSupport.leakedSecrets(log)
} finally {
    ItSupport.stop(context)
}
