import io.github.edgeaddons.sim.ItSupport

// The example as a new user would break it: manifest.json still names the popup that was deleted.
ItSupport.copyExample(new File(examplesDirectory), 'minimal-extension', basedir)
def popup = new File(basedir, 'src/main/extension/popup.html')
assert popup.delete()

// a store that would accept everything: the build must fail before asking it anything
ItSupport.start(context)
