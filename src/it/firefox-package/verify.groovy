import groovy.json.JsonSlurper
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
def target = new File(basedir, 'target')
def main = new File(target, 'firefox-package-1.0.0.zip')
def firefox = new File(target, 'firefox-package-1.0.0-firefox.zip')
def sources = new File(target, 'firefox-package-1.0.0-firefox-sources.zip')
assert main.isFile() && firefox.isFile() && sources.isFile()

def entries = { File zip -> new ZipFile(zip).withCloseable { z -> z.entries().findAll { !it.directory }*.name } }
def manifest = { File zip ->
    new ZipFile(zip).withCloseable { z -> new JsonSlurper().parse(z.getInputStream(z.getEntry('manifest.json'))) }
}

// the same files in both, the overlay in neither
assert entries(main) == ['manifest.json', 'background.js', 'popup.html']
assert entries(firefox) == ['manifest.json', 'background.js', 'popup.html']

// Edge/Chrome: the manifest as written, with the POM's version
def edge = manifest(main)
assert edge.version == '1.0.0'
assert edge.background == [service_worker: 'background.js']
assert edge.browser_specific_settings == null
// Firefox: the overlay merged in, with the POM's version too
def gecko = manifest(firefox)
assert gecko.version == '1.0.0'
assert gecko.background == [scripts: ['background.js']]
assert gecko.browser_specific_settings.gecko.id == 'firefox-package@example.com'
assert gecko.action == edge.action && gecko.name == edge.name

// each zip checked against its own store's rules: Firefox's warns that data_collection_permissions is missing
assert log.contains('[WARNING] manifest.json:') && log.contains('warning GECKO_DATA_COLLECTION_MISSING')
assert log.contains('[INFO] Package checks of firefox-package-1.0.0-firefox.zip (Firefox Add-ons rules): 0 errors, 1 warning.')
assert !log.contains('Package checks of firefox-package-1.0.0.zip')
assert log.contains('[INFO] Packed 3 files into target/firefox-package-1.0.0-firefox.zip (')
assert log.contains(' bytes) for Firefox Add-ons, manifest.json merged with src/main/extension/manifest.firefox.json,'
        + ' version 1.0.0; attached with classifier firefox.')

// the sources zip: the project, without target/, the build log, and the secrets (named, never shown)
assert entries(sources) == ['invoker.properties', 'pom.xml', 'setup.groovy', 'src/main/extension/background.js',
                            'src/main/extension/manifest.firefox.json', 'src/main/extension/manifest.json',
                            'src/main/extension/popup.html', 'verify.groovy']
assert log.contains('[WARNING] Left out of the sources zip: .env, which looks like a secret (an environment file, .env).')
assert log.contains('[WARNING] Left out of the sources zip: keys/signing, which looks like a secret (it holds a private key')
assert !log.contains('it-must-never-be-shipped-4242')
assert log.contains('bytes) for Firefox Add-ons\' reviewers; attached with classifier firefox-sources.')

// install put the three zips into the local repository, and the clean rebuild made the same bytes
def repo = new File(localRepositoryPath, 'io/github/edgeaddons/it/firefox-package/1.0.0')
assert new File(repo, 'firefox-package-1.0.0.zip').bytes == main.bytes
assert new File(repo, 'firefox-package-1.0.0-firefox.zip').bytes == firefox.bytes
assert new File(repo, 'firefox-package-1.0.0-firefox-sources.zip').bytes == sources.bytes
assert log.count('attached with classifier firefox.') == 2 : 'both builds packed'
