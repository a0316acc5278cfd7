import io.github.edgeaddons.sim.firefox.AmoItSupport

// AMO signs an unlisted version after two reads of it
AmoItSupport.start(context) { store -> store.signingPolls(2) }
true
