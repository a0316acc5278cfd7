import io.github.edgeaddons.sim.ItSupport
import io.github.edgeaddons.sim.ReadmeCommands
import io.github.edgeaddons.sim.Shell

// README's "Use it", followed word for word by a new user on a machine whose local Maven repository is empty,
// against the simulator: step 1 builds and installs the plugin (Maven's own plugins come from Maven Central),
// step 2's project is written from README's blocks, step 3 starts the simulator and releases as README prints.
// What is not word for word: `git clone` is a copy of this checkout, and the port 8090 is a free one.
def root = new File(examplesDirectory).parentFile
def useIt = ReadmeCommands.parse(new File(root, 'README.md').toPath()).section('Use it')

// A machine of its own: an empty home, so that ~/.m2/repository and ~/.m2/settings.xml are empty. Java takes
// user.home from the account, not from HOME, hence -Duser.home for Maven.
def home = new File(basedir, 'home')
assert home.mkdirs() && !new File(home, '.m2').exists()
def env = [HOME      : home.absolutePath,
           PATH      : "${System.getProperty('maven.home')}/bin:${System.getenv('PATH')}".toString(),
           MAVEN_OPTS: "-Duser.home=${home.absolutePath}".toString(),
           MAVEN_ARGS: '']
def transcript = new File(basedir, 'first-contact.log')
transcript.text = ''
def sh = { File dir, String script ->
    def r = Shell.run(dir, script, env)
    transcript << r.toString() << '\n'
    r
}
def seconds = { long since -> String.format('%.0f', (System.nanoTime() - since) / 1e9d) }

// ---- 1. Get the plugin: git clone (here: this checkout, as a clone holds it), cd, mvn install
def getIt = useIt.block('bash', 'mvn -B install').readLines()
def clone = getIt[0] =~ /^git clone (https:\/\/\S+\/([\w.-]+?)\.git)$/
assert clone.matches() : "README's step 1 no longer starts with git clone: ${getIt[0]}"
def cloneDir = new File(basedir, clone.group(2))
assert getIt[1] == "cd ${clone.group(2)}".toString()
ItSupport.copyCheckout(root, cloneDir)
long t = System.nanoTime()
def install = sh(basedir, getIt.drop(1).join('\n'))
assert install.exitCode == 0 && install.output.contains('BUILD SUCCESS') : "README's step 1 failed:\n${install.output}"
def installSeconds = seconds(t)
def version = (useIt.text() =~ /`io\.github\.edgeaddons:edge-addons-maven-plugin:([^`]+)`/)[0][1]
assert new File(home, ".m2/repository/io/github/edgeaddons/edge-addons-maven-plugin/${version}/edge-addons-maven-plugin-${version}.jar").isFile()

// ---- 2. A folder and a POM: the layout README draws, each file from README's block of that name
def project = null
def dirs = []
def written = []
useIt.blocks('').find { it.startsWith('my-extension/') }.readLines().each { line ->
    int depth = (line.length() - line.stripLeading().length()).intdiv(2)
    String name = line.trim().split(/\s+/)[0]
    dirs = dirs.take(depth)
    def file = new File(basedir, (dirs + [name]).join('/'))
    if (name.endsWith('/')) {
        dirs << name.replaceAll('/$', '')
        file.mkdirs()
        project = project ?: file
    } else {
        def content = [
            'pom.xml'      : { useIt.block('xml', '<packaging>edge-extension</packaging>') },
            'manifest.json': { useIt.block('json', '"manifest_version"') },
            'popup.html'   : { useIt.block('html', '<!DOCTYPE html>') },
        ][name]
        assert content : "README's layout names ${name}, and no block of README holds it"
        file.setText(content(), 'UTF-8')
        written << name
    }
}
assert written == ['pom.xml', 'manifest.json', 'popup.html'] && project.name == 'my-extension'

// What README says happens without step 1, on a machine of its own whose local repository is empty too
def unknown = (useIt.text() =~ /first build stops with `([^`]+)`/)[0][1]
def without = new File(basedir, 'home-without-the-plugin')
assert without.mkdirs()
def skipped = Shell.run(project, 'mvn package', env + [HOME: without.absolutePath, MAVEN_OPTS: "-Duser.home=${without.absolutePath}".toString()])
transcript << skipped.toString() << '\n'
assert skipped.exitCode != 0 && skipped.output.contains(unknown) : skipped.output

// ---- 3. Try it against the simulator: started in the clone, then the release in the project's folder
def startSim = useIt.block('bash', 'io.github.edgeaddons.sim.EdgeApiSimulator').trim()
assert startSim.contains('--port 8090') && !startSim.contains('\n')
def port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort } as String
def printed = (useIt.text() =~ /It prints `([^`]+)`/)[0][1].replace('8090', port)
def simLog = new File(basedir, 'simulator.log')
def sim = new ProcessBuilder(startSim.replace('8090', port).split(/\s+/))
        .directory(cloneDir).redirectErrorStream(true).redirectOutput(simLog).start()
context.put('simulatorProcess', sim)
context.put('simulatorUrl', "http://127.0.0.1:${port}".toString())
Runtime.runtime.addShutdownHook(new Thread({ sim.destroy() }))
try {
    long deadline = System.currentTimeMillis() + 60_000 // a loaded 2-core machine starts a JVM slowly
    while (!(simLog.text.contains(printed)) && sim.alive && System.currentTimeMillis() < deadline) {
        sleep 100
    }
    assert simLog.text.contains(printed) : "the simulator did not print what README says (${printed}):\n${simLog.text}"

    def releaseBlock = useIt.block('bash', '-Dedge.apiBaseUrl=http://127.0.0.1:8090')
    t = System.nanoTime()
    def release = sh(project, releaseBlock.replace('8090', port))
    context.put('releaseOutput', release.output)
    assert release.exitCode == 0 : "README's step 3 failed:\n${release.output}"
    println "first-contact: README's step 1 on an empty local repository took ${installSeconds} s" +
            " (${new File(home, '.m2/repository').directorySize().intdiv(1_000_000)} MB downloaded or built), step 3's release ${seconds(t)} s"
} catch (Throwable e) {
    sim.destroy()
    throw e
}
return true
