import io.github.edgeaddons.sim.EdgeApiSimulator
import io.github.edgeaddons.sim.Fault
import io.github.edgeaddons.sim.ItSupport
import io.github.edgeaddons.sim.Outcome
import io.github.edgeaddons.sim.ReadmeCommands
import io.github.edgeaddons.sim.Shell
import static io.github.edgeaddons.sim.Route.*

def examples = new File(examplesDirectory)
def readme = ReadmeCommands.parse(new File(examples.parentFile, 'README.md').toPath())

// README's project is examples/minimal-extension, byte for byte (so the demo and this IT run what README shows)
ItSupport.copyExample(examples, 'minimal-extension', basedir)
assert readme.block('xml', '<packaging>edge-extension</packaging>') == new File(basedir, 'pom.xml').getText('UTF-8')
assert readme.block('json', '"manifest_version"') ==
        new File(basedir, 'src/main/extension/manifest.json').getText('UTF-8')
assert readme.block('html', '<!DOCTYPE html>') == new File(basedir, 'src/main/extension/popup.html').getText('UTF-8')
def pid = EdgeApiSimulator.PRODUCT_ID
assert new File(basedir, 'pom.xml').text.contains("<edge.productId>${pid}</edge.productId>")

// the variables README exports are the ones the plugin reads; their values here are the simulator's
def exported = readme.block('bash', "export EDGE_CLIENT_ID='").readLines().findAll { it.startsWith('export ') }
        .collect { it.substring('export '.length(), it.indexOf('=')) }
assert exported == ['EDGE_CLIENT_ID', 'EDGE_API_KEY']

ItSupport.start(context)
def sim = ItSupport.simulator(context)
def repo = "-Dmaven.repo.local=${localRepositoryPath}"
def env = [PATH: "${System.getProperty('maven.home')}/bin:${System.getenv('PATH')}".toString(),
           EDGE_CLIENT_ID: EdgeApiSimulator.CLIENT_ID, EDGE_API_KEY: EdgeApiSimulator.API_KEY,
           // what is added to README's commands: the simulator's URL and this IT's local repository
           MAVEN_OPTS: "${repo} -Dedge.apiBaseUrl=${sim.baseUrl()}".toString()]
def transcript = new File(basedir, 'readme-commands.log')
transcript.text = ''
def run = { String command, Map extra = [:] ->
    def r = Shell.run(basedir, command, env + extra)
    transcript << r.toString() << '\n'
    r
}
def ok = { String command, Map extra = [:] ->
    def r = run(command, extra)
    assert r.exitCode == 0 && r.output.contains('BUILD SUCCESS') : "README's `${command}` failed:\n${r.output}"
    assert ItSupport.leakedSecrets(r.output).isEmpty() : ItSupport.leakedSecrets(r.output)
    r
}

def ran = [] as Set
def readmeRun = { String command, Closure check = { } ->
    assert command in readme.mavenCommands() : "README no longer prints `${command}`"
    ran << command
    check(ok(command))
}

// ---- the release, as README tells it
def packed = (readme.text() =~ /`(Packed [^`]+)`/)[0][1].replaceAll(/\s+/, ' ')
readmeRun('mvn package') { assert it.output.contains("[INFO] ${packed}") : "README's sample line: ${packed}" }
readmeRun('mvn verify') { assert it.output.contains('edge-addons-maven-plugin:1.0.0-SNAPSHOT:validate (default-validate)') }
readmeRun('mvn deploy') {
    assert it.output.contains('[INFO] Credentials: the environment variables EDGE_CLIENT_ID and EDGE_API_KEY')
    assert it.output.contains("[INFO] Submission accepted: submission ${ItSupport.SUBMISSION_ID}.")
}
readmeRun('mvn -B deploy')
readmeRun('mvn -X deploy')
readmeRun('mvn package edge-addons:upload') { assert it.output.contains('[INFO] Upload succeeded') }
readmeRun('mvn package edge-addons:validate')
readmeRun('mvn edge-addons:help -Ddetail') { assert it.output.contains('edge-addons:package') }
readmeRun('mvn edge-addons:publish -Dedge.requireUpload=false') { assert it.output.contains('Publish request accepted') }

// ---- a release that times out in await: the command it prints resumes it, as printed
sim.config().publishOutcome(Outcome.succeeded().message(ItSupport.PUBLISH_SUCCESS_MESSAGE).afterPolls(20))
def stopped = run('mvn deploy', [MAVEN_OPTS: "${env.MAVEN_OPTS} -Dedge.timeout=4s".toString()])
assert stopped.exitCode != 0 && stopped.output.contains('Timed out after 4 s') : stopped.output
def op = sim.operations().findAll { it.kind().name() == 'PUBLISH' }[-1].id()
def printed = ReadmeCommands.printedCommands(stopped.output)
assert printed == ["mvn edge-addons:await -Dedge.productId=${pid} -Dedge.operationId=${op} -Dedge.apiBaseUrl=${sim.baseUrl()}".toString()]
printed.each { c ->
    def r = ok(c, [MAVEN_OPTS: repo]) // as printed: its -Dedge.apiBaseUrl is the printed one
    assert r.output.contains("[INFO] Waiting for publish operation ${op}")
    assert r.output.contains("[INFO] Submission accepted: submission ${ItSupport.SUBMISSION_ID}.")
}
context.put('resumedOperation', op)

// README's own resume commands, with the operation id it says to put in
[readme.mavenCommands().find { it.contains('-Dedge.operationId=OPERATION_ID') },
 'mvn edge-addons:await -Dedge.productId=... -Dedge.operationId=...',
 'mvn edge-addons:await -Dedge.operationId=<id printed>'].each { c ->
    assert c in readme.mavenCommands() : "README no longer prints `${c}`"
    ran << c
    def r = ok(c.replace('-Dedge.productId=...', "-Dedge.productId=${pid}").replace('-Dedge.operationId=...',
            "-Dedge.operationId=${op}").replace('<id printed>', op).replace('OPERATION_ID', op))
    assert r.output.contains("[INFO] Waiting for publish operation ${op}")
}

// ---- a publish whose answer may have reached the store: the printed command publishes the kept draft
sim.config().publishOutcome(Outcome.succeeded().message(ItSupport.PUBLISH_SUCCESS_MESSAGE))
sim.config().fault(PUBLISH, Fault.status(500))
def lost = run('mvn deploy')
assert lost.exitCode != 0 : lost.output
def publishDraft = ReadmeCommands.printedCommands(lost.output)
assert publishDraft == ["mvn edge-addons:publish -Dedge.productId=${pid} -Dedge.requireUpload=false -Dedge.apiBaseUrl=${sim.baseUrl()}".toString()]
publishDraft.each { c -> assert ok(c, [MAVEN_OPTS: repo]).output.contains('Publish request accepted') }

// ---- an upload the store is still processing at the timeout: the printed status command reports on it
sim.config().uploadOutcome(Outcome.succeeded().afterPolls(1000))
def slow = run('mvn deploy', [MAVEN_OPTS: "${env.MAVEN_OPTS} -Dedge.timeout=4s".toString()])
assert slow.exitCode != 0 && slow.output.contains('Timed out after 4 s') : slow.output
def uploadOp = sim.operations().findAll { it.kind().name() == 'UPLOAD' }[-1].id()
def status = ReadmeCommands.printedCommands(slow.output)
assert status == ["mvn edge-addons:status -Dedge.productId=${pid} -Dedge.operationId=${uploadOp} -Dedge.apiBaseUrl=${sim.baseUrl()}".toString()]
status.each { c -> assert ok(c, [MAVEN_OPTS: repo]).output.contains("[INFO] Upload operation ${uploadOp}: InProgress") }

// ---- every mvn command of README and docs/*.md ran here, or elsewhere for the reason given
def elsewhere = [
    'mvn -B install -DskipTests -Dinvoker.skip=true'     : "Use it, step 1 (the plugin's own build): the first-contact IT, on an empty local repository",
    'mvn deploy -Dedge.apiBaseUrl=http://127.0.0.1:8090' : 'Use it, step 3: the first-contact IT, against the simulator started as README says',
    'mvn test -Dtest=ReferenceDocTest -DupdateDocs'      : "docs/REFERENCE.md's regeneration; ReferenceDocTest itself runs in mvn verify",
    'mvn -B verify'                                      : "this repository's own build",
    'mvn --encrypt-password'                             : "Maven's own (interactive) password tool",
    'mvn -X'                                             : 'an option named in a sentence; mvn -X deploy ran here',
    'mvn deploy -Prelease'                               : 'examples/hello-extension: the example-project IT',
    'mvn -B deploy -Prelease -s .github/edge-settings.xml': 'the example workflow: the github-workflow IT',
    'mvn edge-addons:status ...'                         : 'the status command the plugin prints: run above, as printed',
    'mvn -o'                                             : 'an option named in a sentence; the offline IT runs deploy -o',
    'mvn -B release:prepare'                             : "a maintainer's release step (it pushes); its dry run is next",
    'mvn -B release:prepare -DdryRun=true'               : 'ci/release-dry-run.sh, run by .ci/run',
    'mvn -B release:perform'                             : "a maintainer's release step (signs, uploads to Central); ci/central-bundle.sh builds the same bundle",
    'mvn site'                                           : 'ci/site.sh, run by .ci/run',
    'mvn edge-addons:chrome-rollout -Dchrome.deployPercentage=50': 'the chrome-release IT, against the Chrome Web Store simulator',
    'mvn package edge-addons:firefox-release': 'the firefox-release IT, against the AMO simulator',
    'mvn edge-addons:firefox-release ... -Dfirefox.resumeVersion=...': 'the firefox-release IT runs the printed resume command',
    'mvn edge-addons:firefox-release ... -Dfirefox.resumeVersion=1.2.3': 'the firefox-release IT runs the printed resume command',
]
assert readme.mavenCommands() as Set == (ran + elsewhere.keySet()) as Set :
        "the mvn commands of README and docs/ changed: ran ${ran}, elsewhere ${elsewhere.keySet()}, README has ${readme.mavenCommands()}"
return true
