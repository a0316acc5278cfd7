import io.github.edgeaddons.sim.ItSupport
import java.nio.file.Files
import java.nio.file.Paths

// git does not keep symbolic links everywhere: make them here, relative as a user would
def ext = new File(basedir, 'src/main/extension').toPath()
Files.createSymbolicLink(ext.resolve('icon.png'), Paths.get('img/icon-128.png'))   // a file inside
Files.createSymbolicLink(ext.resolve('lib'), Paths.get('js'))                      // a folder inside
Files.createSymbolicLink(ext.resolve('shared'), Paths.get('../../../shared'))      // a folder outside

ItSupport.start(context) { c -> c.keepUploadsIn(new File(basedir, 'uploads').toPath()) }
