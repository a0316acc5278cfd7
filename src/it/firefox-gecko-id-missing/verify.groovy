def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log =~ /Failed to execute goal io\.github\.edgeaddons:edge-addons-maven-plugin:\S+:package \(default-package\)/
assert !log.contains('validate (default-validate)')
// the Firefox zip, against Firefox's rules; the main zip passed Edge's (it has no gecko id either)
assert log =~ /Extension package \S*target[\/\\]firefox-gecko-id-missing-1\.0\.0-firefox\.zip fails the Firefox Add-ons store's checks/
assert log =~ /manifest\.json:\d+: error GECKO_ID_MISSING: "browser_specific_settings\.gecko\.id" is missing/
assert !log.contains("fails the Edge Add-ons store's checks")
assert new File(basedir, 'target/firefox-gecko-id-missing-1.0.0.zip').isFile()
