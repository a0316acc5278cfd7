import io.github.edgeaddons.sim.EdgeApiSimulator
import io.github.edgeaddons.sim.ItSupport
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    // two releases, each with the four requests, each accepted by the simulator's credentials
    assert ItSupport.foldedRoutes(sim) == [UPLOAD, UPLOAD_STATUS, PUBLISH, PUBLISH_STATUS] * 2 : ItSupport.describe(sim)
    assert sim.requests().every { it.authValid() && it.header('X-ClientID') == EdgeApiSimulator.CLIENT_ID }

    def server = "[INFO] Credentials: <server> 'edge-addons' in settings.xml."
    def env = "[INFO] Credentials: the environment variables EDGE_CLIENT_ID and EDGE_API_KEY (settings.xml has no" +
            " <server> 'not-in-settings')."
    assert log.count(server) == 1 : 'build 1 says once (for upload, publish and await) that the server was used'
    assert log.count(env) == 1 : 'build 2 says once that the environment was used'
    assert log.indexOf(server) < log.indexOf(env)
    assert log.count('BUILD SUCCESS') == 2
    assert ItSupport.leakedSecrets(log).isEmpty() : ItSupport.leakedSecrets(log)
} finally {
    ItSupport.stop(context)
}
