import io.github.edgeaddons.sim.ItSupport
import io.github.edgeaddons.sim.chrome.ChromeItSupport
import io.github.edgeaddons.sim.firefox.AmoItSupport
import static io.github.edgeaddons.sim.Route.*

def edge = ItSupport.simulator(context)
def chrome = ChromeItSupport.simulator(context)
def amo = AmoItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    def builds = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).findAll { it.contains('Release summary:') }
    assert builds.size() == 2 : "two deploys with a summary each, found ${builds.size()}"
    def (first, second) = builds

    // 1. Chrome refused the package; Edge and Firefox released all the same; one line per store; failure
    assert first.contains('[INFO]   Edge: released (submission ')
    assert first.contains('[ERROR]   Chrome Web Store: failed (INVALID_PACKAGE, HTTP 400)')
    assert first.contains('[Chrome Web Store]   PKG_MANIFEST_PARSE_ERROR: ')
    assert first.contains('[INFO]   Firefox Add-ons: released (')
    assert first.contains('The release failed for Chrome Web Store. The other stores\' releases stand')
    assert first.contains('BUILD FAILURE')
    assert first.contains('[Chrome Web Store] ') && first.contains('[Firefox Add-ons] ')

    // 2. again: the stores that have it say so, Chrome releases; green
    assert second.contains('[INFO]   Edge: already released (NoModulesUpdated')
    assert second.contains('[INFO]   Chrome Web Store: released (')
    assert second.contains('[INFO]   Firefox Add-ons: already released (')
    assert second.contains('BUILD SUCCESS')

    // Edge got the main zip twice; Firefox its own zip, whose manifest has the gecko id
    def zip = new File(basedir, 'target/minimal-extension-1.0.0.zip')
    def firefoxZip = new File(basedir, 'target/minimal-extension-1.0.0-firefox.zip')
    assert zip.isFile() && firefoxZip.isFile()
    assert edge.requests(UPLOAD)*.bodySha256() == [ItSupport.sha256(zip)] * 2
    def amoUploads = amo.store().uploads()
    assert !amoUploads.isEmpty()
    assert amoUploads.every { it.bytes() == firefoxZip.bytes } : 'Firefox got another zip than its own'
    assert firefoxZip.bytes != zip.bytes
    assert amo.store().versions(io.github.edgeaddons.sim.firefox.AmoSimulator.EMAIL_ADDON_GUID)*.number() == ['1.0.0']

    // result.json: every store's steps, each named by its store
    def result = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/edge-addons/result.json'))
    assert result.stores.keySet() == ['edge', 'chrome', 'firefox'] as Set : result.stores
    assert result.stores.edge.status == 'AlreadyReleased'

    // no secret of any store in the log
    assert ItSupport.leakedSecrets(log).isEmpty() : ItSupport.leakedSecrets(log)
    assert ChromeItSupport.leakedSecrets(chrome, log).isEmpty() : ChromeItSupport.leakedSecrets(chrome, log)
    assert AmoItSupport.leakedSecrets(log).isEmpty() : AmoItSupport.leakedSecrets(log)
} finally {
    ItSupport.stop(context)
    ChromeItSupport.stop(context)
    AmoItSupport.stop(context)
}
