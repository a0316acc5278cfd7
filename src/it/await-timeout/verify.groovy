import io.github.edgeaddons.sim.EdgeApiSimulator
import io.github.edgeaddons.sim.ItSupport
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    assert ItSupport.foldedRoutes(sim) == [UPLOAD, UPLOAD_STATUS, PUBLISH, PUBLISH_STATUS] : ItSupport.describe(sim)
    def polls = sim.requests(PUBLISH_STATUS)
    assert polls.size() >= 2 : ItSupport.describe(sim)
    assert polls.every { it.status() == 200 } : ItSupport.describe(sim)
    // await gave up after its 2 s (plus one last look and slack for a busy machine), not the default 10 minutes
    def waited = java.time.Duration.between(polls[0].receivedAt(), polls[-1].receivedAt())
    assert waited.toMillis() >= 1_500 && waited.toMillis() < 30_000 : waited
    def op = sim.operations().find { it.kind().name() == 'PUBLISH' }.id()

    assert log.contains('BUILD FAILURE')
    assert log =~ /Failed to execute goal io\.github\.edgeaddons:edge-addons-maven-plugin:\S+:await \(publish-to-edge\)/
    assert log.contains("Timed out after 2 s (edge.timeout) waiting for publish operation ${op}")
    assert log.contains("-Dedge.operationId=${op}")
    assert log.contains("mvn edge-addons:await -Dedge.productId=${EdgeApiSimulator.PRODUCT_ID} -Dedge.operationId=${op}")
    assert log.contains("The store had accepted the publish (operation ${op})")

    // result.json says it timed out and keeps the operation id for a resumed await
    def result = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/edge-addons/result.json'))
    assert result.goal == 'await'
    assert result.status == 'TimedOut'
    assert result.publishOperationId == op

    // The printed command works as printed: let the operation end, then run the command line from the
    // log, unchanged, with the Maven that runs these ITs, from the project's folder, while the simulator is up.
    def printed = (log =~ /(?m)^\s*(mvn edge-addons:await .*)$/)
    assert printed.find() : 'no resume command on a line of its own in build.log'
    def command = printed.group(1).trim()
    assert command.contains("-Dedge.operationId=${op}")
    sim.complete(op)
    def mavenHome = System.getProperty('maven.home')
    assert mavenHome != null && new File(mavenHome, 'bin/mvn').canExecute() : "maven.home: ${mavenHome}"
    def resumeLog = new File(basedir, 'resume.log')
    def pb = new ProcessBuilder('sh', '-c', command)
            .directory(basedir)
            .redirectErrorStream(true)
            .redirectOutput(resumeLog)
    pb.environment().put('PATH', new File(mavenHome, 'bin').path + File.pathSeparator + System.getenv('PATH'))
    def process = pb.start()
    assert process.waitFor(180, java.util.concurrent.TimeUnit.SECONDS) : 'the resume command did not end'
    def resumed = resumeLog.text
    assert process.exitValue() == 0 : resumed
    assert resumed.contains('BUILD SUCCESS') : resumed
    assert resumed.contains("Waiting for publish operation ${op}") : resumed
    assert resumed.contains('Submission accepted') : resumed
    assert sim.requests(PUBLISH).size() == 1 : 'the resumed await did not publish again'
    // and its result.json now says the await succeeded
    def after = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/edge-addons/result.json'))
    assert after.status == 'Succeeded'
} finally {
    ItSupport.stop(context)
}
