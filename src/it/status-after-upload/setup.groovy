import io.github.edgeaddons.sim.ItSupport

// every operation succeeds after one poll
ItSupport.start(context)
