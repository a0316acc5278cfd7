import io.github.edgeaddons.sim.EdgeApiSimulator
import io.github.edgeaddons.sim.GitlabCi
import io.github.edgeaddons.sim.ItSupport

// the example project, .gitlab-ci.yml included, as a user's repository would hold it
ItSupport.copyExample(new File(examplesDirectory), basedir)

ItSupport.start(context)
def sim = ItSupport.simulator(context)
def ci = GitlabCi.parse(new File(basedir, '.gitlab-ci.yml').toPath())
context.put('gitlabCi', ci)

def mavenHome = System.getProperty('maven.home')
def pipeline = [
    CI_COMMIT_TAG : 'v1.0.0',
    CI_COMMIT_REF_NAME: 'v1.0.0',
    CI_PROJECT_DIR: basedir.absolutePath,
    CI            : 'true',
    GITLAB_CI     : 'true',
    PATH          : "${mavenHome}/bin:${System.getenv('PATH')}".toString(),
    // the plugin under test (installed by the invoker) and the store simulated on loopback
    MAVEN_OPTS    : "-Dmaven.repo.local=${localRepositoryPath} -Dedge.apiBaseUrl=${sim.baseUrl()}".toString(),
]
def variables = [EDGE_CLIENT_ID: EdgeApiSimulator.CLIENT_ID, EDGE_API_KEY: EdgeApiSimulator.API_KEY]
assert ci.runsWith('edge-release', pipeline) : 'the job does not run for the tag v1.0.0'
// before_script builds and installs the plugin (it is not on Maven Central yet) from a clone of its GitHub
// repository: left out here, where the invoker has installed the plugin under test in this IT's local
// repository. verify.groovy checks that it runs README's commands, which the first-contact IT runs.
def run = ci.runScriptWithoutBeforeScript('edge-release', basedir, pipeline, variables)
context.put('gitlabRun', run)
new File(basedir, 'gitlab-job.log').text = run.output
assert run.exitCode == 0 : "the job's script failed:\n${run.output}"
return true
