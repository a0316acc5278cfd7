import io.github.edgeaddons.sim.ItSupport
import io.github.edgeaddons.sim.ReadmeCommands
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def ci = context.get('gitlabCi')
    def run = context.get('gitlabRun')

    // The job as GitLab reads it: only for v* tags, one at a time, bounded, keeping the store's answer.
    def job = ci.job('edge-release')
    assert ci.runsWith('edge-release', [CI_COMMIT_TAG: 'v2.3.4'])
    assert !ci.runsWith('edge-release', [CI_COMMIT_BRANCH: 'main']) : 'a branch push must not release'
    assert !ci.runsWith('edge-release', [CI_COMMIT_TAG: 'nightly'])
    assert job.resource_group : 'two tags pushed close together would race into InProgressSubmission'
    assert job.timeout
    assert job.artifacts.when == 'always' : 'result.json is kept when the release fails too'
    assert job.artifacts.paths == ['target/edge-addons/result.json']
    assert !job.toString().contains('EDGE_API_KEY=') : 'secrets come from CI/CD variables, not the file'
    assert ci.scriptLines('edge-release').last() == 'mvn -B deploy -Prelease -s .github/edge-settings.xml'

    // Until the plugin is on Maven Central, before_script installs it as README's "Get the plugin" says: its
    // commands are README's (run by the first-contact IT), its clone of the project's repository.
    def readme = ReadmeCommands.parse(new File(new File(examplesDirectory).parentFile, 'README.md').toPath())
    def getIt = readme.section('Use it').block('bash', 'mvn -B install').readLines()
    assert getIt.size() == 3 && getIt[0].startsWith('git clone https://') && getIt[1].startsWith('cd ')
    def before = ci.lines('edge-release', 'before_script')
    assert before.size() == 2
    assert before[0].replace('--depth 1 ', '').startsWith(getIt[0] + ' ') : before[0]
    def dir = before[0].replace('--depth 1 ', '').substring(getIt[0].length() + 1)
    assert before[1] == "(cd ${dir} && ${getIt[2]})".toString()

    // Its script ran here: the tag check, then the release against the simulator.
    assert run.exitCode == 0
    assert run.output.contains('BUILD SUCCESS')
    assert run.output.contains('Submission accepted: submission ')
    assert ItSupport.leakedSecrets(run.output).isEmpty()
    assert ItSupport.foldedRoutes(sim) == [UPLOAD, UPLOAD_STATUS, PUBLISH, PUBLISH_STATUS] : ItSupport.describe(sim)
    assert sim.requests().every { it.authValid() } : 'the ${env...} credentials reached the store'
    assert new File(basedir, 'target/edge-addons/result.json').text.contains('"status": "Succeeded"')
} finally {
    ItSupport.stop(context)
}
