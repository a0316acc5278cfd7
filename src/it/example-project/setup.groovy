import io.github.edgeaddons.sim.ItSupport

// examplesDirectory: a scriptVariable of the invoker configuration (${project.basedir}/examples).
ItSupport.copyExample(new File(examplesDirectory), basedir)

ItSupport.start(context)
