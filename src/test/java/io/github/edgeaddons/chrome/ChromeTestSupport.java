package io.github.edgeaddons.chrome;

import io.github.edgeaddons.core.Deadline;
import io.github.edgeaddons.edge.ClientTestSupport;
import io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Settings and packages for the tests that drive {@link ChromeWebStoreClient} against the simulator. */
final class ChromeTestSupport {
    private ChromeTestSupport() {}

    static ChromeSettings.Builder settings(ChromeWebStoreSimulator sim, ChromeCredentials credentials) {
        return ChromeSettings.builder().apiBaseUrl(URI.create(sim.apiBaseUrl())).tokenUrl(URI.create(sim.tokenUrl()))
                .publisherId(ChromeWebStoreSimulator.PUBLISHER_ID).itemId(ChromeWebStoreSimulator.ITEM_ID)
                .credentials(credentials).retryPolicy(ClientTestSupport.FAST_RETRIES)
                .pollPolicy(ClientTestSupport.FAST_POLLS);
    }

    static ChromeCredentials refreshToken() {
        return ChromeCredentials.refreshToken(ChromeWebStoreSimulator.CLIENT_ID, ChromeWebStoreSimulator.CLIENT_SECRET,
                ChromeWebStoreSimulator.REFRESH_TOKEN);
    }

    /** A generous deadline for a loaded 2-core machine. */
    static Deadline deadline() {
        return Deadline.after(Duration.ofSeconds(60), Clock.systemUTC());
    }

    static Path zip(Path dir, String version) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("manifest.json"));
            z.write(("{\"manifest_version\":3,\"name\":\"Test\",\"version\":\"" + version + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return Files.write(dir.resolve("ext-" + version + ".zip"), out.toByteArray());
    }
}
