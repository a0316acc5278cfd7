import io.github.edgeaddons.sim.ReadmeCommands
import io.github.edgeaddons.sim.Shell
import io.github.edgeaddons.sim.chrome.ChromeItSupport
import io.github.edgeaddons.sim.chrome.ChromeRoute
import io.github.edgeaddons.sim.chrome.ChromeStore
import io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

// the package: a zip the local checks accept, version 1.1.0 (the store publishes 1.0.0)
new ZipOutputStream(new FileOutputStream(new File(basedir, 'ext.zip'))).withCloseable { z ->
    z.putNextEntry(new ZipEntry('manifest.json'))
    z.write('{"manifest_version":3,"name":"Chrome IT","version":"1.1.0","description":"An IT."}'.getBytes('UTF-8'))
    z.closeEntry()
}

ChromeItSupport.start(context) { ChromeStore s ->
    s.invalidPackageOnNextUpload(ChromeStore.PKG_INVALID_ZIP, 'The package is not a valid <b>zip</b> file.')
}
def sim = ChromeItSupport.simulator(context)
def item = ChromeWebStoreSimulator.ITEM_ID
def publisher = ChromeWebStoreSimulator.PUBLISHER_ID

// the invoker's settings (its repositories) with the Chrome servers added
def invokerSettings = basedir.parentFile.listFiles().find { it.name.endsWith('settings.xml') }
assert invokerSettings != null : "no interpolated settings beside ${basedir}: ${basedir.parentFile.list()}"
ChromeItSupport.writeSettings(sim, invokerSettings, new File(basedir, 'chrome-settings.xml'))

def repo = "-Dmaven.repo.local=${localRepositoryPath}"
def env = [PATH: "${System.getProperty('maven.home')}/bin:${System.getenv('PATH')}".toString(),
           MAVEN_OPTS: "${repo} -Dchrome.apiBaseUrl=${sim.apiBaseUrl()} -Dchrome.tokenUrl=${sim.tokenUrl()}".toString()]
def transcript = new File(basedir, 'chrome-runs.log')
transcript.text = ''
def run = { String command, Map extra = [:] ->
    def r = Shell.run(basedir, command, env + extra)
    transcript << r.toString() << '\n'
    assert ChromeItSupport.leakedSecrets(sim, r.output).isEmpty() : ChromeItSupport.leakedSecrets(sim, r.output)
    r
}
def ok = { String command, Map extra = [:] ->
    def r = run(command, extra)
    assert r.exitCode == 0 && r.output.contains('BUILD SUCCESS') : "`${command}` failed:\n${r.output}"
    r
}
def fails = { String command, Map extra = [:] ->
    def r = run(command, extra)
    assert r.exitCode != 0 && r.output.contains('BUILD FAILURE') : "`${command}` did not fail:\n${r.output}"
    r
}
def routes = { sim.requests().collect { it.routeName() }.findAll { it != 'TOKEN' } }
def settings = '-s chrome-settings.xml'
def refresh = "-Dchrome.serverId=${ChromeItSupport.REFRESH_TOKEN_SERVER}"

// 1. an invalid package (refresh token from settings.xml, -X): the store's PKG_* reason and description, HTML stripped
def r = fails("mvn -B -X ${settings} ${refresh} deploy")
assert r.output.contains('PKG_INVALID_ZIP: The package is not a valid zip file.') : r.output
assert routes() == ['FETCH_STATUS', 'UPLOAD']
assert r.output.contains('Chrome Web Store credentials: <server> \'chrome-it\' in settings.xml (refresh token).')

// 2. a staged publish to 10% (-X)
sim.reset()
r = ok("mvn -B -X ${settings} ${refresh} deploy -Dchrome.publishType=staged -Dchrome.deployPercentage=10")
assert routes() == ['FETCH_STATUS', 'UPLOAD', 'PUBLISH']
assert sim.requests(ChromeRoute.PUBLISH)[0].bodyText() ==
        '{"publishType":"STAGED_PUBLISH","deployInfos":[{"deployPercentage":10}]}'
assert r.output.contains("[INFO] Submitted version 1.1.0 of item ${item} for review (staged publish to 10% of users):" +
        ' it is pending review; once approved it is held as staged until published from the dashboard.')
assert sim.store().submitted().staged() && sim.store().submitted().deployPercentage() == 10
def result = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/edge-addons/result.json'))
assert result.toString().contains('chrome-publish') : result

// 3. the submission is in review: chrome.inReview=fail (the default) fails before any upload
sim.store().reviewPolls(-1)
def before = sim.requests(ChromeRoute.UPLOAD).size()
r = fails("mvn -B ${settings} ${refresh} deploy")
assert r.output.contains("Item ${item} has a submission pending review (version 1.1.0), so nothing was uploaded.")
assert sim.requests(ChromeRoute.UPLOAD).size() == before

// 4. chrome.inReview=skip: a warning, the build passes, nothing sent
r = ok("mvn -B ${settings} ${refresh} deploy -Dchrome.inReview=skip")
assert r.output.contains("[WARNING] Item ${item} has a submission pending review (version 1.1.0), and chrome.inReview=skip")
assert r.output.contains('Chrome Web Store: skipped (a submission of 1.1.0 is pending review)')
assert sim.requests(ChromeRoute.UPLOAD).size() == before

// 5. chrome.inReview=cancel, with credentials from the environment only (no such server in settings.xml)
sim.reset()
sim.store().inReview('1.0.5')
r = ok("mvn -B ${settings} deploy -Dchrome.inReview=cancel", [CHROME_CLIENT_ID: ChromeWebStoreSimulator.CLIENT_ID,
        CHROME_CLIENT_SECRET: ChromeWebStoreSimulator.CLIENT_SECRET, CHROME_REFRESH_TOKEN: ChromeWebStoreSimulator.REFRESH_TOKEN])
assert r.output.contains('Chrome Web Store credentials: the environment variables CHROME_CLIENT_ID, CHROME_CLIENT_SECRET, CHROME_REFRESH_TOKEN')
assert routes() == ['FETCH_STATUS', 'CANCEL_SUBMISSION', 'UPLOAD', 'PUBLISH']
assert sim.store().submitted().crxVersion() == '1.1.0'

// 6. a service account (GOOGLE_APPLICATION_CREDENTIALS, -X): its signed assertion, never shown
sim.reset()
r = ok("mvn -B -X ${settings} deploy", [GOOGLE_APPLICATION_CREDENTIALS: new File(basedir, 'service-account.json').path])
assert sim.store().grants() == ['jwt-bearer'] : sim.store().grants()
assert routes() == ['FETCH_STATUS', 'UPLOAD', 'PUBLISH']

// 7. the service account of the settings.xml server's <privateKey>; the publish's connection drops: not repeated,
// and the command printed to check it works as printed
sim.reset()
sim.fault(ChromeRoute.PUBLISH, io.github.edgeaddons.sim.Fault.closeConnection())
r = fails("mvn -B ${settings} -Dchrome.serverId=${ChromeItSupport.SERVICE_ACCOUNT_SERVER} deploy")
assert sim.requests(ChromeRoute.PUBLISH).size() == 1
def printed = ReadmeCommands.printedCommands(r.output)
def expected = "mvn edge-addons:status -Dchrome.itemId=${item} -Dchrome.publisherId=${publisher} -s chrome-settings.xml" +
        " -Dchrome.apiBaseUrl=${sim.apiBaseUrl()} -Dchrome.tokenUrl=${sim.tokenUrl()}" +
        " -Dchrome.serverId=${ChromeItSupport.SERVICE_ACCOUNT_SERVER}"
assert printed == [expected.toString()] : printed
r = ok(printed[0], [MAVEN_OPTS: repo]) // as printed: its endpoints are the printed ones
// the connection dropped before the store took the publish: nothing submitted, so the release is run again
assert r.output.contains("[INFO] Chrome Web Store item ${item}: published 1.0.0 (PUBLISHED, 100%), submitted none.")
r = ok("mvn -B ${settings} -Dchrome.serverId=${ChromeItSupport.SERVICE_ACCOUNT_SERVER} deploy")
assert r.output.contains('[INFO] Chrome Web Store: released (1.1.0 pending review)')
assert sim.requests(ChromeRoute.PUBLISH).size() == 2

// 8. README's rollout command (with this IT's settings and server): 10% raised to 50%
sim.reset()
sim.store().published('1.0.0', 10)
r = ok("mvn edge-addons:chrome-rollout -Dchrome.deployPercentage=50 -B ${settings} ${refresh}")
assert r.output.contains("[INFO] Version 1.0.0 of item ${item} now rolls out to 50% of users (was 10%).")
assert sim.store().published().deployPercentage() == 50
