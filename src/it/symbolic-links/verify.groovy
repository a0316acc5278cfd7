import io.github.edgeaddons.sim.ItSupport
import java.util.zip.ZipFile
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    def ext = new File(basedir, 'src/main/extension').canonicalFile

    // build 1: refused before any request, naming the link, its target and the setting
    assert log.contains('has a symbolic link leading out of it: shared -> ../../../shared.')
    assert log.contains('set edge.allowExternalLinks to true')

    // build 2: one release, so build 1 sent nothing
    assert ItSupport.foldedRoutes(sim) == [UPLOAD, UPLOAD_STATUS, PUBLISH, PUBLISH_STATUS] : ItSupport.describe(sim)
    assert log.contains('[WARNING] Packed shared from outside the extension folder (shared -> ../../../shared)'
            + ' because edge.allowExternalLinks is true.')
    assert log.contains('[INFO] Packed 7 files (')
    assert log.contains(', following 3 symbolic links.')

    def uploads = new File(basedir, 'uploads').listFiles()
    assert uploads.size() == 1
    def zip = new File(basedir, 'target/symbolic-links-1.4.0.zip')
    assert uploads[0].bytes == zip.bytes
    new ZipFile(zip).withCloseable { z ->
        def files = z.entries().toList().findAll { !it.directory }*.name
        assert files == ['manifest.json', 'icon.png', 'img/icon-128.png', 'js/popup.js', 'lib/popup.js',
                         'popup.html', 'shared/banner.txt']
        def text = { String name -> z.getInputStream(z.getEntry(name)).text }
        def bytes = { String name -> z.getInputStream(z.getEntry(name)).bytes }
        assert bytes('icon.png') == new File(ext, 'img/icon-128.png').bytes : 'the file a link points to, not the link'
        assert text('lib/popup.js') == 'document.title = "linked";\n'
        assert text('shared/banner.txt') == 'shared with another project\n'
    }
    // no path of the build machine in the zip
    def raw = new String(zip.bytes, 'ISO-8859-1')
    assert !raw.contains(basedir.canonicalPath) && !raw.contains(basedir.absolutePath) && !raw.contains('../')
} finally {
    ItSupport.stop(context)
}
