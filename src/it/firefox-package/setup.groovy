// What a developer's project folder holds besides its sources: secrets that must stay out of the sources zip.
// Written here, not committed, so that no file in the repository looks like a secret.
new File(basedir, '.env').text = 'AMO_JWT_SECRET=it-must-never-be-shipped-4242\n'
def keys = new File(basedir, 'keys')
keys.mkdirs()
new File(keys, 'signing').text = '-----BEGIN PRIVATE KEY-----\nit-must-never-be-shipped-4242\n-----END PRIVATE KEY-----\n'
true
