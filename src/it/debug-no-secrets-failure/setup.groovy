import io.github.edgeaddons.sim.ItSupport
import io.github.edgeaddons.sim.Route

ItSupport.start(context) { c -> c.failAlways(Route.PUBLISH, 401) }
