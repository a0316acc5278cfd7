package io.github.edgeaddons.pkg.checks;

import io.github.edgeaddons.pkg.PackageInfo;
import io.github.edgeaddons.pkg.PackageValidator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The package checks' cost (issue 17), run by {@code bench/run.sh --only checks}; not a test. Writes a zip of
 * 5,000 files and 100 MB (incompressible, stored) whose manifest names icons, a popup, a service worker,
 * content scripts, locales with __MSG_ names and rule files, then times {@link PackageValidator#validate} in
 * this JVM: the first (cold) run, and the median of the next ones.
 *
 * <p>Usage: {@code ChecksBench <zip> [files] [bytes] [runs]}.
 */
public final class ChecksBench {
    private ChecksBench() {}

    public static void main(String[] args) throws Exception {
        Path zip = Paths.get(args.length > 0 ? args[0] : "target/bench/checks-5000.zip");
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        long bytes = args.length > 2 ? Long.parseLong(args[2]) : 100_000_000L;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        Files.createDirectories(zip.toAbsolutePath().getParent());
        long t0 = System.nanoTime();
        write(zip, files, bytes);
        System.out.printf(Locale.ROOT, "zip:        %s, %d files, %.1f MB on disk (written in %.1f s)%n", zip, files,
                Files.size(zip) / 1e6, (System.nanoTime() - t0) / 1e9);

        PackageValidator validator = new PackageValidator();
        long start = System.nanoTime();
        PackageInfo info = validator.validate(zip);
        double cold = (System.nanoTime() - start) / 1e6;
        double[] warm = new double[runs];
        for (int i = 0; i < runs; i++) {
            start = System.nanoTime();
            validator.validate(zip);
            warm[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "checks:     first run %.0f ms (cold JVM: class loading and JIT), then median %.1f ms,"
                + " max %.1f ms over %d runs%n", cold, warm[runs / 2], warm[runs - 1], runs);
        System.out.printf(Locale.ROOT, "result:     %d entries, %s%n", info.entryCount(), info.report().summary());
        System.out.println("goal:       well under 1 s for 5,000 files and 100 MB (only the central directory and a"
                + " few small files are read)");
        Files.deleteIfExists(zip);
    }

    private static void write(Path zip, int files, long bytes) throws IOException {
        String[] locales = {"en", "de", "fr"};
        String manifest = "{\n  \"manifest_version\": 3,\n  \"name\": \"__MSG_name__\",\n  \"version\": \"1.0.0\",\n"
                + "  \"description\": \"__MSG_description__\",\n  \"default_locale\": \"en\",\n"
                + "  \"icons\": {\"16\": \"icons/16.png\", \"48\": \"icons/48.png\", \"128\": \"icons/128.png\"},\n"
                + "  \"action\": {\"default_popup\": \"popup.html\", \"default_icon\": \"icons/16.png\"},\n"
                + "  \"background\": {\"service_worker\": \"sw.js\"},\n"
                + "  \"content_scripts\": [{\"matches\": [\"<all_urls>\"], \"js\": [\"js/file-2.js\", \"js/file-4.js\"]}],\n"
                + "  \"declarative_net_request\": {\"rule_resources\": [{\"id\": \"r\", \"enabled\": true, \"path\": \"rules.json\"}]},\n"
                + "  \"web_accessible_resources\": [{\"resources\": [\"assets/*\", \"js/file-6.js\"], \"matches\": [\"<all_urls>\"]}]\n}\n";
        String messages = "{\"name\": {\"message\": \"Bench\"}, \"description\": {\"message\": \"A big package.\"}}";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        SplittableRandom random = new SplittableRandom(17);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16);
                ZipOutputStream z = new ZipOutputStream(out)) {
            int written = 0;
            put(z, "manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
            put(z, "popup.html", "<p>".getBytes(StandardCharsets.UTF_8));
            put(z, "sw.js", "void 0;".getBytes(StandardCharsets.UTF_8));
            put(z, "rules.json", "[{\"id\": 1, \"action\": {\"type\": \"block\"}, \"condition\": {\"urlFilter\": \"ads\"}}]"
                    .getBytes(StandardCharsets.UTF_8));
            for (String size : new String[] {"16", "48", "128"}) {
                put(z, "icons/" + size + ".png", png);
            }
            for (String l : locales) {
                put(z, "_locales/" + l + "/messages.json", messages.getBytes(StandardCharsets.UTF_8));
            }
            written = 7 + locales.length;
            int rest = files - written;
            long each = Math.max(1, bytes / rest);
            byte[] buffer = new byte[(int) each];
            for (int i = 1; i <= rest; i++) {
                random.nextBytes(buffer);
                String name = i % 2 == 0 ? "js/file-" + i + ".js" : "assets/img/file-" + i + ".bin";
                put(z, name, buffer);
            }
        }
    }

    /** A stored (uncompressed) entry: random content does not compress, and storing keeps the bench quick. */
    private static void put(ZipOutputStream z, String name, byte[] content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        e.setCrc(crc.getValue());
        z.putNextEntry(e);
        z.write(content);
        z.closeEntry();
    }
}
