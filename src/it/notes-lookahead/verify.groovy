import io.github.edgeaddons.sim.ItSupport
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    // builds 1 to 5 and 8 each released once, sending the file that Maven gave publish; the others sent nothing
    assert sim.requests(UPLOAD).size() == 6 : ItSupport.describe(sim)
    assert sim.requests(PUBLISH)*.bodyText() ==
            ['exec notes', 'plugin notes', 'cli notes', 'prop notes', 'expr notes', 'opts notes'] : ItSupport.describe(sim)
    assert !log.contains('decoy-')
    // 6 and 7: upload named the file that publish would have read, evaluated and taken from the project folder
    assert log.contains("edge.notesFile ${new File(basedir, 'src/edge/none.txt').path} does not exist")
    assert log.contains("edge.notesFile ${new File(basedir, 'src/edge/none-4.0.0.txt').path} does not exist")
    // 9 and 10: goals named on the command line take their execution's configuration
    assert log.contains("edge.notesFile ${new File(basedir, 'src/edge/none-cli.txt').path} does not exist")
    assert log.contains("edge.notesFile ${new File(basedir, 'src/edge/none-named.txt').path} does not exist")
    // each failure is upload's, before the zip was sent
    def failures = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }
    assert failures.size() == 4 : failures
    assert failures.every { it =~ /:upload \((publish-to-edge|default-cli)\) on project notes-lookahead: edge\.notesFile / } : failures
} finally {
    ItSupport.stop(context)
}
