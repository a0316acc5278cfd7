import io.github.edgeaddons.sim.ItSupport

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    // before any request: the simulator saw nothing
    assert sim.requests().isEmpty() : ItSupport.describe(sim)
    assert log =~ /Failed to execute goal io\.github\.edgeaddons:edge-addons-maven-plugin:\S+:upload \(default-upload\)/
    assert log.contains('The API key expired on 2020-01-31 (edge.apiKeyExpires)')
    assert log.contains('Create a new API key in Partner Center (Microsoft Edge > Publish API)')
    assert log.contains("the <password> of <server> 'edge-addons' in settings.xml")
    assert !log.contains('Uploading ')
} finally {
    ItSupport.stop(context)
}
