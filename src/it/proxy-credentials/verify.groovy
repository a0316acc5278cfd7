import io.github.edgeaddons.sim.ItSupport
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def proxy = ItSupport.proxy(context)
    def log = ItSupport.buildLog(basedir)

    // the release went through the proxy: every request with its credentials, none answered 407
    assert ItSupport.foldedRoutes(sim) == [UPLOAD, UPLOAD_STATUS, PUBLISH, PUBLISH_STATUS] : ItSupport.describe(sim)
    assert proxy.proxyAuthorizations().size() == sim.requests().size() : proxy.proxyAuthorizations()
    assert proxy.proxyAuthorizations().every { it == proxy.expectedAuthorization() } : proxy.proxyAuthorizations()

    // the zip crossed the proxy once
    def zip = new File(basedir, 'target/proxy-credentials-1.2.0.zip')
    assert zip.length() > 250000
    assert proxy.crossings(zip.length()) == 1 : proxy.bodyBytes()
    assert sim.requests(UPLOAD)[0].bodySha256() == ItSupport.sha256(zip)

    assert !log.contains('proxy-pass-SECRET-3333') : 'the proxy password in the build log'
    assert ItSupport.leakedSecrets(log).isEmpty() : ItSupport.leakedSecrets(log)
} finally {
    ItSupport.stop(context)
}
