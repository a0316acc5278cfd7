import io.github.edgeaddons.sim.ItSupport

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    assert sim.requests().isEmpty() : ItSupport.describe(sim)
    assert log.contains('BUILD FAILURE')
    assert log =~ /Failed to execute goal io\.github\.edgeaddons:edge-addons-maven-plugin:\S+:upload \(publish-to-edge\)/
    assert log.contains("No <server> with id 'no-such-server' in settings.xml (edge.serverId); the servers there are [edge-addons, edge-oauth].")
    assert log.contains('<server><id>no-such-server</id><username>CLIENT_ID</username><password>API_KEY</password></server>')
} finally {
    ItSupport.stop(context)
}
