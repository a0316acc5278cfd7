import io.github.edgeaddons.sim.ItSupport
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    assert ItSupport.routes(sim) == [UPLOAD, UPLOAD_STATUS, UPLOAD_STATUS, PUBLISH, PUBLISH_STATUS, PUBLISH_STATUS] : ItSupport.describe(sim)
    def op = sim.operations().find { it.kind().name() == 'PUBLISH' }.id()

    assert log.contains('BUILD FAILURE')
    assert log.contains("The store reports that the publish failed (operation ${op}, status Failed, errorCode InProgressSubmission).")
    assert log.contains("  message: Can't create new submission, request is not allowed because there is an in progress submission.")
    assert log.contains('Another submission of this product is still in review')
    // the fix: the command that publishes the draft once the review is over, on a line of its own
    assert log.contains('Once that review is over, publish the draft, without uploading again, with:')
    assert log.contains("  mvn edge-addons:publish -Dedge.productId=${io.github.edgeaddons.sim.EdgeApiSimulator.PRODUCT_ID} -Dedge.requireUpload=false")
    // a verdict: no advice to wait again, which would only repeat it
    assert !log.contains('Resume waiting with') : 'no resume advice after a verdict'
    assert !log.contains('mvn edge-addons:await')
    assert !log.contains('The store had accepted the publish')
} finally {
    ItSupport.stop(context)
}
