import io.github.edgeaddons.sim.ItSupport

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    assert sim.requests().isEmpty() : ItSupport.describe(sim)
    assert log.contains('BUILD FAILURE')
    assert log =~ /Failed to execute goal io\.github\.edgeaddons:edge-addons-maven-plugin:\S+:upload \(publish-to-edge\)/
    def missing = new File(basedir, 'does-not-exist.zip')
    assert log.contains("Extension package ${missing.path} does not exist.")
    assert log.contains('Set edge.file to the zip')
} finally {
    ItSupport.stop(context)
}
