import io.github.edgeaddons.sim.ItSupport
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    // 1. no id: the three properties named, before any request (the requests below are all build 2's)
    assert log.contains('No store to release to: this project\'s deploy releases to every store whose id is set, and none is.')
    assert log.contains('Set edge.productId (Edge), chrome.itemId with chrome.publisherId (Chrome Web Store) or firefox.addonId (Firefox Add-ons)')
    // 2. Edge only: one release, the lifecycle of edge-extension, the summary
    assert ItSupport.foldedRoutes(sim) == [UPLOAD, UPLOAD_STATUS, PUBLISH, PUBLISH_STATUS] : ItSupport.describe(sim)
    assert log.contains('upload (default-upload)') && log.contains('await (default-await)')
    assert log.contains("[INFO]   Edge: released (submission ${ItSupport.SUBMISSION_ID}, in certification review)")
    assert log.contains('BUILD SUCCESS')
    assert new File(basedir, 'target/browser-extension-1.0.0.zip').isFile()
} finally {
    ItSupport.stop(context)
}
