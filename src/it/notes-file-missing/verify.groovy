import io.github.edgeaddons.sim.ItSupport
import static io.github.edgeaddons.sim.Route.UPLOAD

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    // the draft in Partner Center was not replaced: no upload, no request at all
    assert sim.requests(UPLOAD).isEmpty() : ItSupport.describe(sim)
    assert sim.requests().isEmpty() : ItSupport.describe(sim)
    assert log =~ /Failed to execute goal io\.github\.edgeaddons:edge-addons-maven-plugin:\S+:upload \(publish-to-edge\)/
    def notes = new File(basedir, 'src/edge/certification-notes.txt')
    assert log.contains("edge.notesFile ${notes.path} does not exist")
    assert log.contains('publish follows in this build')
    assert !log.contains('Uploading ')
} finally {
    ItSupport.stop(context)
}
