import io.github.edgeaddons.sim.ItSupport
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    // 1 sent nothing; 2 released with the plugin's notes file
    assert sim.requests(UPLOAD).size() == 1 : ItSupport.describe(sim)
    assert sim.requests(PUBLISH)*.bodyText() == ['plugin notes'] : ItSupport.describe(sim)
    assert log =~ /\[ERROR\] Failed to execute goal io\.github\.edgeaddons:edge-addons-maven-plugin:\S+:upload \(default-upload\)/
    assert log.contains("edge.notesFile ${new File(basedir, 'src/edge/none.txt').path} does not exist")
    assert log.contains('publish follows in this build')
} finally {
    ItSupport.stop(context)
}
