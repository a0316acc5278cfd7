package io.github.edgeaddons.firefox;

import io.github.edgeaddons.core.Deadline;
import io.github.edgeaddons.edge.ClientTestSupport;
import io.github.edgeaddons.sim.firefox.AmoSimulator;
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

/** Settings and packages for the tests that drive {@link AmoClient} and {@link FirefoxRelease} against the simulator. */
final class FirefoxTestSupport {
    private FirefoxTestSupport() {}

    static FirefoxSettings.Builder settings(AmoSimulator sim) {
        return FirefoxSettings.builder().apiBaseUrl(URI.create(sim.apiBaseUrl())).addonId(AmoSimulator.ADDON_GUID)
                .credentials(AmoSimulator.JWT_ISSUER, AmoSimulator.JWT_SECRET)
                .retryPolicy(ClientTestSupport.FAST_RETRIES).pollPolicy(ClientTestSupport.FAST_POLLS)
                // a generous budget for a loaded 2-core machine
                .timeout(Duration.ofSeconds(60));
    }

    static Deadline deadline() {
        return Deadline.after(Duration.ofSeconds(60), Clock.systemUTC());
    }

    /** A Firefox MV3 zip with the simulated add-on's gecko id and an event page. */
    static Path zip(Path dir, String version) throws IOException {
        return zip(dir, version, AmoSimulator.ADDON_GUID);
    }

    static Path zip(Path dir, String version, String geckoId) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("manifest.json"));
            z.write(("{\"manifest_version\":3,\"name\":\"Test\",\"version\":\"" + version + "\","
                    + "\"background\":{\"scripts\":[\"background.js\"]},"
                    + "\"browser_specific_settings\":{\"gecko\":{\"id\":\"" + geckoId + "\"}}}")
                    .getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("background.js"));
            z.write("console.log('hi');".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return Files.write(dir.resolve("ext-" + version + "-firefox.zip"), out.toByteArray());
    }

    static Path sources(Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("src/background.ts"));
            z.write("console.log('hi');".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return Files.write(dir.resolve("ext-firefox-sources.zip"), out.toByteArray());
    }
}
