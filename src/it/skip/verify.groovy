import io.github.edgeaddons.sim.ItSupport

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    assert sim.requests().isEmpty() : ItSupport.describe(sim)
    assert log.contains('BUILD SUCCESS')
    // all three goals ran, and each one skipped
    assert (log =~ /\[INFO\] Skipping: edge.skip is true\./).size() == 3
    assert !log.contains('Uploading ')
} finally {
    ItSupport.stop(context)
}
