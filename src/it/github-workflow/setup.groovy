import io.github.edgeaddons.sim.EdgeApiSimulator
import io.github.edgeaddons.sim.GithubWorkflow
import io.github.edgeaddons.sim.ItSupport

final String INSTALL_STEP = 'Install edge-addons-maven-plugin (not on Maven Central yet)'
context.put('installStep', INSTALL_STEP)

// the example project, .github folder included, as a user's repository would hold it
ItSupport.copyExample(new File(examplesDirectory), basedir)

ItSupport.start(context)
def sim = ItSupport.simulator(context)
def workflow = GithubWorkflow.parse(new File(basedir, '.github/workflows/edge-release.yml').toPath())
context.put('workflow', workflow)

def summary = new File(basedir, 'step-summary.md')
summary.text = ''
def mavenHome = System.getProperty('maven.home')
def runnerEnv = [
    GITHUB_REF_NAME    : 'v1.0.0',
    GITHUB_REF         : 'refs/tags/v1.0.0',
    GITHUB_WORKSPACE   : basedir.absolutePath,
    GITHUB_STEP_SUMMARY: summary.absolutePath,
    CI                 : 'true',
    PATH               : "${mavenHome}/bin:${System.getenv('PATH')}".toString(),
    // the plugin under test (installed by the invoker) and the store simulated on loopback; the example's
    // default plugin version is the one under test
    MAVEN_OPTS         : "-Dmaven.repo.local=${localRepositoryPath} -Dedge.apiBaseUrl=${sim.baseUrl()}".toString(),
]
def secrets = [EDGE_CLIENT_ID: EdgeApiSimulator.CLIENT_ID, EDGE_API_KEY: EdgeApiSimulator.API_KEY]
// The step that builds and installs the plugin (it is not on Maven Central yet) is left out: it would clone
// the plugin from GitHub, and the invoker has installed the plugin under test in this IT's local repository.
// verify.groovy checks that the step runs README's commands, which the first-contact IT runs.
def runs = workflow.runShellSteps(basedir, runnerEnv, secrets, [INSTALL_STEP] as Set)
context.put('workflowRuns', runs)
new File(basedir, 'workflow.log').text = runs.collect { "## ${it.name} (exit ${it.exitCode})\n${it.output}" }.join('\n')
runs.each { assert it.exitCode == 0 : "workflow step '${it.name}' failed:\n${it.output}" }
return true
