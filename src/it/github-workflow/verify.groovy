import io.github.edgeaddons.sim.EdgeApiSimulator
import io.github.edgeaddons.sim.ItSupport
import io.github.edgeaddons.sim.ReadmeCommands
import static io.github.edgeaddons.sim.Route.*

def sim = ItSupport.simulator(context)
try {
    def workflow = context.get('workflow')
    def runs = context.get('workflowRuns')

    // The workflow as GitHub reads it: on a pushed v* tag, one job, secrets only through env.
    assert workflow.pushTags() == ['v*']
    def steps = workflow.steps()
    // actions pinned by commit SHA, the tag in a comment
    def uses = steps*.uses.findAll { it }
    assert uses*.replaceAll('@.*', '') == ['actions/checkout', 'actions/setup-java', 'actions/upload-artifact']
    assert uses.every { it ==~ /[\w-]+\/[\w-]+@[0-9a-f]{40}/ } : uses
    def yml = new File(basedir, '.github/workflows/edge-release.yml').getText('UTF-8')
    uses.each { assert yml =~ (java.util.regex.Pattern.quote(it) + / # v\d+\.\d+\.\d+/) : "no tag comment after ${it}" }
    // one release at a time (InProgressSubmission otherwise), bounded in time
    assert workflow.root().concurrency.group && workflow.root().concurrency.'cancel-in-progress' == false
    assert workflow.root().jobs.'edge-addons'.'timeout-minutes' > 0
    def release = steps.find { it.run?.contains('deploy -Prelease') }
    assert release.env == [EDGE_CLIENT_ID: '${{ secrets.EDGE_CLIENT_ID }}', EDGE_API_KEY: '${{ secrets.EDGE_API_KEY }}']
    assert release.run.trim() == 'mvn -B deploy -Prelease -s .github/edge-settings.xml'
    def keep = steps.find { it.uses?.startsWith('actions/upload-artifact@') }
    assert keep.with.path == 'target/edge-addons/result.json'

    // Until the plugin is on Maven Central, a step installs it as README's "Get the plugin" says, before the
    // release: its commands are README's (run by the first-contact IT), its clone of the project's repository.
    def readme = ReadmeCommands.parse(new File(new File(examplesDirectory).parentFile, 'README.md').toPath())
    def getIt = readme.section('Use it').block('bash', 'mvn -B install').readLines()
    assert getIt.size() == 3 && getIt[0].startsWith('git clone https://') && getIt[1].startsWith('cd ')
    def install = workflow.step(context.get('installStep'))
    assert steps.indexOf(install) < steps.indexOf(release)
    def installLines = install.run.readLines()
    assert installLines[0].replace('--depth 1 ', '').startsWith(getIt[0] + ' ') : installLines[0]
    assert installLines.last() == getIt[2]
    assert !install.env : 'the install step needs no secret'

    // Its other shell steps ran here: the tag check, then the release against the simulator.
    assert runs*.name == ['Check that the tag is the project version', "Upload, publish and await the store's verdict"]
    assert runs.every { it.exitCode == 0 }
    def releaseOutput = runs[1].output
    assert releaseOutput.contains('BUILD SUCCESS')
    assert releaseOutput.contains('Submission accepted: submission ')
    assert ItSupport.leakedSecrets(releaseOutput).isEmpty()
    assert ItSupport.foldedRoutes(sim) == [UPLOAD, UPLOAD_STATUS, PUBLISH, PUBLISH_STATUS] : ItSupport.describe(sim)
    assert sim.requests().every { it.authValid() } : 'the ${env...} credentials reached the store'

    // The job summary the runner would show.
    def summary = new File(basedir, 'step-summary.md').getText('UTF-8')
    assert summary.contains('### Extension release: com.example:hello-extension:1.0.0')
    assert summary.contains('| upload | \u2705 Succeeded |')
    assert summary.contains('| await | \u2705 Succeeded |')
    assert new File(basedir, 'target/edge-addons/result.json').text.contains('"status": "Succeeded"')
} finally {
    ItSupport.stop(context)
}
