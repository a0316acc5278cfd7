import io.github.edgeaddons.sim.chrome.ChromeItSupport

def sim = ChromeItSupport.simulator(context)
try {
    // setup.groovy ran the releases and asserted each; here: every request carried a live token, and no
    // secret reached this build's log or the transcript of the runs
    assert sim.requests().every { it.authValid() || it.routeName() == 'TOKEN' }
    for (name in ['build.log', 'chrome-runs.log', 'target/edge-addons/result.json']) {
        def f = new File(basedir, name)
        if (f.exists()) {
            assert ChromeItSupport.leakedSecrets(sim, f.getText('UTF-8')).isEmpty() : name
        }
    }
} finally {
    ChromeItSupport.stop(context)
}
