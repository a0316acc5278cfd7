import io.github.edgeaddons.sim.EdgeApiSimulator
import io.github.edgeaddons.sim.ItSupport
import java.util.zip.ZipFile
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    def pom = new File(basedir, 'pom.xml')
    // the example, not the placeholder, and small
    assert pom.text.contains('<packaging>edge-extension</packaging>')
    assert pom.readLines().size() <= 20 : "the minimal POM has ${pom.readLines().size()} lines"
    assert !pom.text.contains('maven-assembly-plugin') && !pom.text.contains('<profile>')
    assert !pom.text.contains('distributionManagement') && !pom.text.contains('maven.deploy.skip')

    // mvn deploy: the four documented requests, with the simulator's credentials from settings.xml
    assert ItSupport.foldedRoutes(sim) == [UPLOAD, UPLOAD_STATUS, PUBLISH, PUBLISH_STATUS] : ItSupport.describe(sim)
    assert sim.requests().every { it.authValid() && it.status() in [200, 202] } : ItSupport.describe(sim)
    assert sim.requests(PUBLISH)[0].bodyText() == 'Release 1.0.0. No new permissions.'

    // the lifecycle of the packaging, in order, and no maven-deploy-plugin
    def order = ['package (default-package)', 'validate (default-validate)', 'maven-install-plugin:3.1.4:install',
                 'upload (default-upload)', 'publish (default-publish)', 'await (default-await)']
    def at = order.collect { log.indexOf(it) }
    assert at.every { it >= 0 } && at == at.sort(false) : "lifecycle order ${order} at ${at}"
    assert !log.contains('maven-deploy-plugin')
    assert log.contains('[INFO] Packed 2 files (')
    assert log.contains(' bytes) from src/main/extension into target/minimal-extension-1.0.0.zip (')
    assert log.contains('[INFO] Extension package minimal-extension-1.0.0.zip is valid: Minimal Extension version 1.0.0')
    assert log.contains("[INFO] Submission accepted: submission ${ItSupport.SUBMISSION_ID}.")
    // the deploy ends with one line per store
    assert log.contains("[INFO] Release summary:")
    assert log.contains("[INFO]   Edge: released (submission ${ItSupport.SUBMISSION_ID}, in certification review)")
    assert ItSupport.leakedSecrets(log).isEmpty() : ItSupport.leakedSecrets(log)

    // the second, clean build made the same bytes as those the first one uploaded
    def zip = new File(basedir, 'target/minimal-extension-1.0.0.zip')
    def uploads = new File(basedir, 'uploads').listFiles()
    assert uploads.size() == 1
    assert uploads[0].bytes == zip.bytes : 'a clean rebuild gave another zip than the uploaded one'
    assert sim.requests(UPLOAD)[0].bodySha256() == ItSupport.sha256(zip)
    assert log.count('[INFO] Packed 2 files (') == 2 : 'both builds packed'

    // the zip: manifest.json at the root with the POM's version (the source folder keeps its 0.0.0)
    new ZipFile(zip).withCloseable { z ->
        assert z.entries().toList()*.name == ['manifest.json', 'popup.html']
        def manifest = new groovy.json.JsonSlurper().parse(z.getInputStream(z.getEntry('manifest.json')))
        assert manifest.version == '1.0.0'
        assert manifest.version_name == null
        assert manifest.name == 'Minimal Extension'
        z.entries().each { assert it.lastModifiedTime.toInstant().toString() == '2026-01-01T00:00:00Z' }
    }
    assert new File(basedir, 'src/main/extension/manifest.json').text.contains('"version": "0.0.0"')

    // mvn install put the zip into the local repository as the project's artifact
    def installed = new File(localRepositoryPath, 'com/example/minimal-extension/1.0.0/minimal-extension-1.0.0.zip')
    assert installed.isFile() && installed.bytes == zip.bytes
} finally {
    ItSupport.stop(context)
}
