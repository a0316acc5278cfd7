import io.github.edgeaddons.sim.ItSupport

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    assert sim.requests().isEmpty() : ItSupport.describe(sim)
    assert log.contains('BUILD FAILURE')
    // the package goal checks the zip it wrote, so the build stops there, before validate and install
    assert log =~ /Failed to execute goal io\.github\.edgeaddons:edge-addons-maven-plugin:\S+:package \(default-package\)/
    assert !log.contains('validate (default-validate)')
    assert log.contains("fails the Edge Add-ons store's checks (nothing was sent):")
    assert log =~ /manifest\.json:\d+: error MISSING_FILE: "action\.default_popup" names "popup\.html", which is not in the zip\./
    assert log.contains('Add the file to the extension, or fix the path in manifest.json')
    assert log.contains('1 error, 0 warnings.')
} finally {
    ItSupport.stop(context)
}
