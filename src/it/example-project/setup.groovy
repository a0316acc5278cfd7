import io.github.edgeaddons.sim.ItSupport
import java.nio.file.Files
import java.nio.file.StandardCopyOption

// examplesDirectory: a scriptVariable of the invoker configuration (${project.basedir}/examples).
def example = new File(examplesDirectory, 'hello-extension').toPath()
assert Files.isRegularFile(example.resolve('pom.xml')) : "no example project at ${example}"
def target = basedir.toPath()
Files.walk(example).withCloseable { paths ->
    paths.filter { !example.relativize(it).toString().startsWith('target') }.each { from ->
        def to = target.resolve(example.relativize(from).toString())
        if (Files.isDirectory(from)) {
            Files.createDirectories(to)
        } else {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING)
        }
    }
}

ItSupport.start(context)
