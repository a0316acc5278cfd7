import io.github.edgeaddons.sim.ItSupport

ItSupport.start(context)
