import io.github.edgeaddons.sim.ItSupport
import io.github.edgeaddons.sim.firefox.AmoItSupport
import java.util.zip.ZipFile

def sim = AmoItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    assert log.contains('BUILD SUCCESS') : log
    assert log.contains("Credentials for Firefox Add-ons: the environment variables FIREFOX_JWT_ISSUER and FIREFOX_JWT_SECRET") : log
    def v = sim.store().versions('sim-addon@example.com').find { it.number() == '2.0.0' }
    assert v != null
    assert v.channel() == 'unlisted'
    assert v.compatibility().contains('"android"')
    def signed = new File(basedir, 'target/firefox-unlisted-2.0.0-firefox-signed.xpi')
    assert signed.isFile()
    new ZipFile(signed).withCloseable { z ->
        assert z.getEntry('META-INF/mozilla.rsa') != null
        assert z.getEntry('background.js') != null
    }
    assert log.contains('Firefox Add-ons: released (2.0.0 unlisted, signed: firefox-unlisted-2.0.0-firefox-signed.xpi)') : log
    // attached, so installed with the zips
    def installed = new File(localRepositoryPath,
            'io/github/edgeaddons/it/firefox-unlisted/2.0.0/firefox-unlisted-2.0.0-firefox-signed.xpi')
    assert installed.isFile() : installed
    assert ItSupport.sha256(installed) == ItSupport.sha256(signed)
    assert AmoItSupport.leakedSecrets(log).isEmpty() : AmoItSupport.leakedSecrets(log)
} finally {
    AmoItSupport.stop(context)
}
