import io.github.edgeaddons.sim.ItSupport

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    assert sim.requests().isEmpty() : ItSupport.describe(sim)
    assert log.contains('BUILD FAILURE')
    assert log =~ /Failed to execute goal io\.github\.edgeaddons:edge-addons-maven-plugin:\S+:upload \(publish-to-edge\)/
    // both ways to give credentials are named
    assert log.contains("No credentials: settings.xml has no <server> with id 'no-such-server' (edge.serverId); the servers there are [edge-addons, edge-oauth], and the environment variables EDGE_CLIENT_ID and EDGE_API_KEY are not set.")
    assert log.contains('export EDGE_CLIENT_ID and EDGE_API_KEY')
    assert log.contains('<server><id>no-such-server</id><username>CLIENT_ID</username><password>API_KEY</password></server>')
} finally {
    ItSupport.stop(context)
}
