package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.Deadline;
import io.github.edgeaddons.core.OperationKind;
import io.github.edgeaddons.core.StoreException;

import io.github.edgeaddons.core.Reporter;

import io.github.edgeaddons.sim.EdgeApiSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * Run in a child JVM by {@link SecretLoggingTest}, with slf4j-simple at TRACE for every logger: performs a
 * v1.1 and a v1 exchange against a simulator (successes, a token renewal after a 401, refused credentials)
 * and prints what the client reported. Everything HttpClient logs goes to the slf4j-simple log file.
 */
public final class HttpClientLoggingProbe {
    private HttpClientLoggingProbe() {}

    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args[0]);
        Reporter printing = new Reporter() {
            @Override
            public void info(String message) {
                System.out.println("[reporter] INFO " + message);
            }

            @Override
            public void warn(String message) {
                System.out.println("[reporter] WARN " + message);
            }

            @Override
            public void debug(String message) {
                System.out.println("[reporter] DEBUG " + message);
            }
        };
        Path zip = ClientTestSupport.randomFile(dir, "probe.zip", 100_000);
        try (EdgeApiSimulator sim = new EdgeApiSimulator().start()) {
            // v1.1: a full release, then a refused key
            try (EdgeAddonsClient c = new EdgeAddonsClient(ClientTestSupport.apiKeySettings(sim).reporter(printing)
                    .build())) {
                c.await(OperationKind.UPLOAD, c.startUpload(zip, Files.size(zip), deadline()), deadline());
                c.await(OperationKind.PUBLISH, c.startPublish("notes", deadline()), deadline());
            }
            sim.config().apiKey("rotated-api-key-0000");
            try (EdgeAddonsClient c = new EdgeAddonsClient(ClientTestSupport.apiKeySettings(sim).reporter(printing)
                    .build())) {
                c.startPublish("notes", deadline());
            } catch (StoreException e) {
                System.out.println("[failure] " + e.getMessage());
            }
            sim.config().restoreDefaults();
            // v1: a full release with a token renewal after a 401, then a refused secret
            try (EdgeAddonsClient c = new EdgeAddonsClient(ClientTestSupport.oauthSettings(sim).reporter(printing)
                    .build())) {
                c.await(OperationKind.UPLOAD, c.startUpload(zip, Files.size(zip), deadline()), deadline());
                sim.expireTokens();
                c.await(OperationKind.PUBLISH, c.startPublish("notes", deadline()), deadline());
            }
            sim.config().clientSecret("rotated-secret-0000");
            try (EdgeAddonsClient c = new EdgeAddonsClient(ClientTestSupport.oauthSettings(sim).reporter(printing)
                    .build())) {
                c.startPublish("notes", deadline());
            } catch (StoreException e) {
                System.out.println("[failure] " + e.getMessage());
            }
            System.out.println("[probe] requests " + sim.requests().size() + ", tokens "
                    + sim.requests(io.github.edgeaddons.sim.Route.TOKEN).size());
        }
        System.out.println("[probe] done");
    }

    private static Deadline deadline() {
        return ClientTestSupport.seconds(30);
    }
}
