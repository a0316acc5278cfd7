import io.github.edgeaddons.sim.ItSupport
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    assert ItSupport.routes(sim) == [UPLOAD, UPLOAD_STATUS, UPLOAD_STATUS, PUBLISH, PUBLISH_STATUS, PUBLISH_STATUS] : ItSupport.describe(sim)
    def op = sim.operations().find { it.kind().name() == 'PUBLISH' }.id()
    def pid = io.github.edgeaddons.sim.EdgeApiSimulator.PRODUCT_ID

    // edge.inReview=skip: the review in progress ends the build successfully, with a warning
    assert log.contains('BUILD SUCCESS')
    assert log.contains("[WARNING] The store did not publish: another submission of this product is still in review (operation ${op}, errorCode InProgressSubmission).")
    assert log.contains('edge.inReview=skip, so the build goes on: the draft in Partner Center holds this version, and it is not published.')
    assert log.contains("  mvn edge-addons:publish -Dedge.productId=${pid} -Dedge.requireUpload=false")
    assert !log.contains('Resume waiting with')
    assert !log.contains('Submission accepted')

    // result.json says what happened: not published, for a review in progress
    def result = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/edge-addons/result.json'))
    assert result.goal == 'await'
    assert result.status == 'NotPublishedInReview'
    assert result.errorCode == 'InProgressSubmission'
    assert result.publishOperationId == op
} finally {
    ItSupport.stop(context)
}
