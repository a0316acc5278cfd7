import io.github.edgeaddons.sim.ItSupport

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    assert sim.requests().isEmpty() : ItSupport.describe(sim)
    assert log.contains('BUILD FAILURE')
    assert log =~ /Failed to execute goal io\.github\.edgeaddons:edge-addons-maven-plugin:\S+:upload \(publish-to-edge\)/
    assert log.contains("edge.productId='ngkbbbfpfomlbhmmlpeofjgaogdkhlae' is not a GUID.")
    assert log.contains("not the store listing's ID")
} finally {
    ItSupport.stop(context)
}
