import io.github.edgeaddons.sim.ItSupport
import io.github.edgeaddons.sim.firefox.AmoItSupport

def sim = AmoItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    def routes = AmoItSupport.routes(sim)

    // 1. the validator's messages, with their type, file and line
    assert log.contains("AMO's validator refused firefox-release-1.1.0-firefox.zip") : log
    assert log.contains('error: background.js line 12: ') : log
    assert log.contains('error: manifest.json line 14: ') : log

    // 2. the creation was sent once, and the command that resumes was printed
    def command = "mvn edge-addons:firefox-release '-Dfirefox.addonId={5f3a9c2e-7b1d-4e8a-9c6f-0d2b4a6e8c10}'" +
            " -Dfirefox.file=target/firefox-release-1.1.0-firefox.zip" +
            " -Dfirefox.sourcesFile=target/firefox-release-1.1.0-firefox-sources.zip"
    assert log.contains('may have reached AMO, so it was not sent again') : log
    assert log.contains(command) : log
    assert log.contains('-Dfirefox.resumeVersion=1.1.0') : log

    // 3. that command released 1.1.0 with its notes and sources
    def versions = sim.store().versions().findAll { it.number() == '1.1.0' }
    assert versions.size() == 1
    def v = versions[0]
    assert v.channel() == 'listed'
    assert v.approvalNotes() == 'Build: npm ci, then mvn package.'
    assert v.releaseNotes().get('en-US') == 'Fixes the popup.'
    assert v.sourceName() == 'firefox-release-1.1.0-firefox-sources.zip'
    assert log.contains('AMO has no version 1.1.0 of add-on {5f3a9c2e-7b1d-4e8a-9c6f-0d2b4a6e8c10}; releasing it.') : log
    assert log.contains('Firefox Add-ons: released (1.1.0 listed, awaiting review)') : log

    // 4. already released, in AMO's words, and the build green
    assert log.contains('Firefox Add-ons: already released (Version 1.1.0 already exists.)') : log
    assert routes.count('CREATE_VERSION') == 3 : routes
    // every path with its slash, the braces of the guid kept, percent-encoded
    assert sim.requests().every { it.path().endsWith('/') } : routes
    assert sim.requests().findAll { it.routeName() == 'CREATE_VERSION' }.every { it.path().contains('%7B5f3a9c2e') }
    // -X was on in the last invocation, and still no secret and no token anywhere
    assert log.contains('[DEBUG] Goal:          io.github.edgeaddons:edge-addons-maven-plugin:')
    assert AmoItSupport.leakedSecrets(log).isEmpty() : AmoItSupport.leakedSecrets(log)
    def result = new File(basedir, 'target/edge-addons/result.json').text
    assert result.contains('"firefox-version"') : result
    assert AmoItSupport.leakedSecrets(result).isEmpty()
} finally {
    AmoItSupport.stop(context)
}
