import io.github.edgeaddons.sim.EdgeApiSimulator
import io.github.edgeaddons.sim.GithubWorkflow
import io.github.edgeaddons.sim.ItSupport
import java.nio.file.Files
import java.nio.file.StandardCopyOption

// the example project, .github folder included, as a user's repository would hold it
def example = new File(examplesDirectory, 'hello-extension').toPath()
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
def sim = ItSupport.simulator(context)
def workflow = GithubWorkflow.parse(target.resolve('.github/workflows/edge-release.yml'))
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
def runs = workflow.runShellSteps(basedir, runnerEnv, secrets)
context.put('workflowRuns', runs)
new File(basedir, 'workflow.log').text = runs.collect { "## ${it.name} (exit ${it.exitCode})\n${it.output}" }.join('\n')
runs.each { assert it.exitCode == 0 : "workflow step '${it.name}' failed:\n${it.output}" }
return true
