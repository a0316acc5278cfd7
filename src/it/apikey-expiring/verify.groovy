import io.github.edgeaddons.sim.ItSupport
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    def expires = context.userProperties.get('edge.apiKeyExpires')
    // the release went through
    assert ItSupport.routes(sim).containsAll([UPLOAD, UPLOAD_STATUS, PUBLISH, PUBLISH_STATUS]) : ItSupport.describe(sim)
    assert log.contains('BUILD SUCCESS')
    // one warning for the three goals, with the date and the days left (4 if the build crossed midnight)
    def warnings = log.readLines().findAll { it.startsWith('[WARNING]') && it.contains('edge.apiKeyExpires') }
    assert warnings.size() == 1 : warnings
    assert warnings[0] =~ /The API key expires on ${expires} \(edge\.apiKeyExpires\), in [45] days\. Create a new API key in Partner Center/
} finally {
    ItSupport.stop(context)
}
