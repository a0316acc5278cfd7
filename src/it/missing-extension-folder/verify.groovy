import io.github.edgeaddons.sim.ItSupport

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    assert sim.requests().isEmpty() : ItSupport.describe(sim)
    assert log.contains('BUILD FAILURE')
    assert log =~ /Failed to execute goal io\.github\.edgeaddons:edge-addons-maven-plugin:\S+:package \(default-package\)/
    def folder = new File(basedir, 'src/main/extension').absolutePath
    assert log.contains("The extension folder ${folder} does not exist (edge.extensionDirectory). Put manifest.json" +
            " and the extension's files there, or set edge.extensionDirectory to the folder your build writes them to.")
    assert !new File(basedir, 'target/missing-extension-folder-1.0.0.zip').exists()
} finally {
    ItSupport.stop(context)
}
