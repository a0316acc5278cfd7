import io.github.edgeaddons.sim.ItSupport
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    def seen = ItSupport.describe(sim)
    // The upload is followed to its verdict; publish and await never reach the store.
    assert ItSupport.routes(sim) == [UPLOAD, UPLOAD_STATUS, UPLOAD_STATUS] : seen
    def op = sim.operations()[0].id()

    assert log.contains('BUILD FAILURE')
    assert log.contains("The store reports that the upload failed (operation ${op}, status Failed, errorCode InvalidPackage).")
    assert log.contains('  message: The package could not be processed.')
    assert log.contains("  error: manifest.json: 'icons' has no 128px icon")
    assert log.contains('  error: popup.html: inline scripts are not allowed')
    // the fix, and no advice to look at the operation again: the verdict is in
    assert log.contains('The store refused the package: fix what the errors above name in the extension, then run the release again')
    assert !log.contains('Check it later with') : 'no resume advice after a verdict'
    assert !log.contains('mvn edge-addons:status')
    assert !log.contains('The store had accepted the upload')
    assert log =~ /edge-addons-maven-plugin:\S+:upload \(publish-to-edge\)/
    assert !(log =~ /edge-addons-maven-plugin:\S+:publish \(publish-to-edge\)/)
} finally {
    ItSupport.stop(context)
}
