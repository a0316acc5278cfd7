import io.github.edgeaddons.sim.ItSupport

// A store that would accept everything: the build must fail before asking it anything.
ItSupport.start(context)
