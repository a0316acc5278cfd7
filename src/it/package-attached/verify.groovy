import io.github.edgeaddons.sim.ItSupport
import java.util.zip.ZipFile
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    assert log.contains('BUILD SUCCESS')
    assert ItSupport.foldedRoutes(sim) == [UPLOAD, UPLOAD_STATUS, PUBLISH, PUBLISH_STATUS] : ItSupport.describe(sim)

    // the jar stays the main artifact; the zip is attached beside it and is what upload sent
    def jar = new File(basedir, 'target/package-attached-2.1.0-beta.jar')
    def zip = new File(basedir, 'target/package-attached-2.1.0-beta.zip')
    assert jar.isFile() && zip.isFile()
    assert sim.requests(UPLOAD)[0].bodySha256() == ItSupport.sha256(zip)
    assert log.contains('[INFO] Packed 4 files (')
    assert log.contains(' from dist into target/package-attached-2.1.0-beta.zip (')
    assert log.contains('manifest.json version 2.1.0, version_name 2.1.0-beta.')
    assert log.contains('Uploading package-attached-2.1.0-beta.zip (')
    def repo = new File(localRepositoryPath, 'io/github/edgeaddons/it/package-attached/2.1.0-beta')
    assert new File(repo, 'package-attached-2.1.0-beta.jar').isFile()
    assert new File(repo, 'package-attached-2.1.0-beta.zip').bytes == zip.bytes : 'the attached zip is installed'

    new ZipFile(zip).withCloseable { z ->
        assert z.entries().toList().findAll { !it.directory }*.name ==
                ['manifest.json', 'bundle.js', 'icons/icon16.png', 'popup.html'] // *.map excluded
        def text = z.getInputStream(z.getEntry('manifest.json')).getText('UTF-8')
        assert text == '{\n  "manifest_version": 3,\n  "name": "Built Elsewhere",\n  "version": "2.1.0",\n' +
                '  "version_name": "2.1.0-beta",\n  "action": {"default_popup": "popup.html"}\n}\n'
    }
} finally {
    ItSupport.stop(context)
}
