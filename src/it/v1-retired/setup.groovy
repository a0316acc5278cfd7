import io.github.edgeaddons.sim.ItSupport

// the store as from February 2025: v1 tokens are issued, v1 API requests answer 410 Gone
ItSupport.start(context) { c -> c.v1Retired(true) }
