import io.github.edgeaddons.sim.ItSupport
import io.github.edgeaddons.sim.chrome.ChromeItSupport
import io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator
import io.github.edgeaddons.sim.firefox.AmoItSupport
import io.github.edgeaddons.sim.firefox.AmoSimulator

ItSupport.copyExample(new File(examplesDirectory), 'minimal-extension', basedir)
// Firefox's own manifest: its gecko id (the simulator's add-on), merged into the Firefox zip only
new File(basedir, 'src/main/extension/manifest.firefox.json').text =
        '{"browser_specific_settings": {"gecko": {"id": "' + AmoSimulator.EMAIL_ADDON_GUID + '"}}}\n'

// Edge: as the live store, publishing the package already published answers NoModulesUpdated
ItSupport.start(context) { c -> c.unchangedIsNothingNew(true) }
// Chrome: 0.9.0 published; the first upload is refused as an invalid package
ChromeItSupport.start(context) { s -> s.publishedVersion('0.9.0').invalidPackageOnNextUpload() }
AmoItSupport.start(context)

def chrome = ChromeItSupport.simulator(context)
def props = context.get('userProperties')
props.put('chrome.apiBaseUrl', chrome.apiBaseUrl())
props.put('chrome.tokenUrl', chrome.tokenUrl())
props.put('chrome.itemId', ChromeWebStoreSimulator.ITEM_ID)
props.put('chrome.publisherId', ChromeWebStoreSimulator.PUBLISHER_ID)
// the add-on without a version yet: its first listed version needs a license
props.put('firefox.addonId', AmoSimulator.EMAIL_ADDON_GUID)
props.put('firefox.license', 'MPL-2.0')
true
