import io.github.edgeaddons.sim.Fault
import io.github.edgeaddons.sim.firefox.AmoItSupport
import io.github.edgeaddons.sim.firefox.FirefoxRoute

// the first upload is refused by the validator; the first version creation answers 500 (its answer lost)
AmoItSupport.start(context) { store -> store.invalidPackageOnNextUpload() }
AmoItSupport.simulator(context).fault(FirefoxRoute.CREATE_VERSION, Fault.status(500))
true
