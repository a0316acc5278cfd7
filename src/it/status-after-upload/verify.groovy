import io.github.edgeaddons.sim.EdgeApiSimulator
import io.github.edgeaddons.sim.ItSupport
import io.github.edgeaddons.sim.Shell
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    assert log.contains('BUILD SUCCESS')
    assert ItSupport.routes(sim) == [UPLOAD, UPLOAD_STATUS, UPLOAD_STATUS] : ItSupport.describe(sim)
    def op = sim.operations()[0].id()
    def pid = EdgeApiSimulator.PRODUCT_ID

    // later, status on that operation (as a user would run it): it says what the draft holds and what comes next
    def env = [PATH: "${System.getProperty('maven.home')}/bin:${System.getenv('PATH')}".toString(),
               EDGE_CLIENT_ID: EdgeApiSimulator.CLIENT_ID, EDGE_API_KEY: EdgeApiSimulator.API_KEY,
               MAVEN_OPTS: "-Dmaven.repo.local=${localRepositoryPath}".toString()]
    def r = Shell.run(basedir, "mvn -B -Prelease edge-addons:status -Dedge.operationId=${op} -Dedge.apiBaseUrl=${sim.baseUrl()}", env)
    new File(basedir, 'status.log').text = r.output
    assert r.exitCode == 0 && r.output.contains('BUILD SUCCESS') : r.output
    assert r.output.contains("[INFO] Upload operation ${op}: Succeeded") : r.output
    assert r.output.contains('[INFO] The draft in Partner Center holds this upload. Publish it, without uploading again, with:') : r.output
    assert r.output =~ /(?m)^\s*mvn edge-addons:publish -Dedge.productId=${pid} -Dedge.requireUpload=false/ : r.output
    assert ItSupport.leakedSecrets(r.output).isEmpty()
    assert sim.requests(PUBLISH).isEmpty() : 'status publishes nothing'
} finally {
    ItSupport.stop(context)
}
