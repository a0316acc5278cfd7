import io.github.edgeaddons.sim.ItSupport

// a file big enough that a second crossing of the proxy would be plain in its counts (300 KB, kept out of git)
def data = new byte[300000]
new Random(16).nextBytes(data)
new File(basedir, 'src/main/extension/data.bin').bytes = data

ItSupport.start(context) { c -> c.keepUploadsIn(new File(basedir, 'uploads').toPath()) }
ItSupport.startProxy(context, 'proxy-user', 'proxy-pass-SECRET-3333')

// invoker.settingsFile replaces src/it/settings.xml for this IT: the shared settings plus a proxy on the port
// known only now (examplesDirectory: a scriptVariable, ${project.basedir}/examples)
def port = String.valueOf(ItSupport.proxy(context).port())
def shared = new File(examplesDirectory, '../src/it/settings.xml').text
def proxies = new File(basedir, 'proxies.xml').text.replace('PROXY_PORT', port)
new File(basedir, 'proxy-settings.xml').text = shared.replace('</settings>', proxies + '</settings>')
null // a hook's last value is its verdict: null passes
