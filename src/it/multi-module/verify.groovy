import io.github.edgeaddons.sim.ItSupport
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    // exactly one upload and one publish, of the extension module's zip
    assert ItSupport.foldedRoutes(sim) == [UPLOAD, UPLOAD_STATUS, PUBLISH, PUBLISH_STATUS] : ItSupport.describe(sim)
    assert sim.requests(UPLOAD).size() == 1
    assert sim.requests(PUBLISH).size() == 1
    def zip = new File(basedir, 'extension/target/multi-module-extension-6.0.0-edge.zip')
    assert sim.requests(UPLOAD)[0].bodySha256() == ItSupport.sha256(zip)

    assert log.contains('BUILD SUCCESS')
    // the plugin ran in the extension module only
    def runs = (log =~ /--- edge-addons-maven-plugin:\S+:(\w+) \(publish-to-edge\) @ (\S+) ---/).collect { it[1] + '@' + it[2] }
    assert runs == ['upload@multi-module-extension', 'publish@multi-module-extension', 'await@multi-module-extension']
    // -T 2 (invoker.properties): every line of the plugin's goals names the module it released
    def pluginLines = log.readLines().findAll { it =~ /^\[INFO\] .*(Upload|Publish|publish operation|Submission accepted)/ }
    assert pluginLines.size() >= 5 : log
    assert pluginLines.every { it.startsWith('[INFO] [multi-module-extension] ') } : pluginLines.join('\n')
    assert !new File(basedir, 'library/target').exists() || !new File(basedir, 'library/target').list().any { it.endsWith('.zip') }
} finally {
    ItSupport.stop(context)
}
