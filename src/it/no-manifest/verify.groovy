import io.github.edgeaddons.sim.ItSupport

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    assert sim.requests().isEmpty() : ItSupport.describe(sim)
    assert log.contains('BUILD FAILURE')
    assert log =~ /Failed to execute goal io\.github\.edgeaddons:edge-addons-maven-plugin:\S+:upload \(publish-to-edge\)/
    def zip = new File(basedir, 'target/no-manifest-3.2.0-edge.zip')
    assert zip.isFile()
    assert log.contains("manifest.json is not at the root of ${zip.path}: it is inside 'no-manifest-3.2.0/'.")
    assert log.contains('<includeBaseDirectory>false</includeBaseDirectory>')
} finally {
    ItSupport.stop(context)
}
