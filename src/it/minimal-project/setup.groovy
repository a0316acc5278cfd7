import io.github.edgeaddons.sim.ItSupport

// examplesDirectory: a scriptVariable of the invoker configuration (${project.basedir}/examples).
ItSupport.copyExample(new File(examplesDirectory), 'minimal-extension', basedir)

// the simulator keeps the bytes of each upload, to compare with the zip
ItSupport.start(context) { c -> c.keepUploadsIn(new File(basedir, 'uploads').toPath()) }
