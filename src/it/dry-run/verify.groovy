import io.github.edgeaddons.sim.EdgeApiSimulator
import io.github.edgeaddons.sim.ItSupport

def sim = ItSupport.simulator(context)
try {
    def log = ItSupport.buildLog(basedir)
    def api = "${sim.baseUrl()}/v1/products/${EdgeApiSimulator.PRODUCT_ID}"
    assert sim.requests().isEmpty() : ItSupport.describe(sim)
    assert log.contains('BUILD SUCCESS')
    // each request it would send: method, full URL, headers with the key redacted
    assert log.contains("[INFO] [dry run] POST ${api}/submissions/draft/package")
    assert log.contains('[INFO] [dry run]     Content-Type: application/zip; body: ')
    assert log.contains("[INFO] [dry run] GET ${api}/submissions/draft/package/operations/{operationId}")
    assert log.contains("[INFO] [dry run] POST ${api}/submissions")
    assert log.contains('[INFO] [dry run]     Content-Type: text/plain; charset=UTF-8; body: ')
    assert log.contains("[INFO] [dry run] GET ${api}/submissions/operations/{operationId}")
    assert log.contains('Authorization: ApiKey ****')
    assert !log.contains(EdgeApiSimulator.API_KEY)
    assert !log.contains('SECRET')
} finally {
    ItSupport.stop(context)
}
