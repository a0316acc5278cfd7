import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Helpers for bench/run.sh, JDK only (compiled once with javac, or run as {@code java BenchTool.java}).
 *
 * <pre>
 * makezip OUT BYTES VERSION   a real extension zip: manifest.json + one STORED entry of random bytes
 * post URL FILE [H: V]...     POST the file with the JDK HttpClient (streamed); prints "status seconds"
 * requests BASEURL            the simulator's records, one per line: route method status bodySize receivedAt answeredAt
 * operations BASEURL          the simulator's operations: id kind createdAt terminalAt polls status
 * </pre>
 */
public class BenchTool {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "makezip": makeZip(Paths.get(args[1]), Long.parseLong(args[2]), args[3]); break;
            case "post": post(args); break;
            case "requests": table(args[1] + "/_sim/requests",
                    "route", "method", "status", "bodySize", "receivedAt", "answeredAt"); break;
            case "operations": table(args[1] + "/_sim/operations",
                    "id", "kind", "createdAt", "terminalAt", "polls", "status"); break;
            default: throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    /** Two passes over the same seeded random stream: the first for the CRC a STORED entry needs up front. */
    static void makeZip(Path out, long total, String version) throws IOException {
        byte[] manifest = ("{\n  \"manifest_version\": 3,\n  \"name\": \"Bench extension\",\n  \"version\": \""
                + version + "\",\n  \"description\": \"benchmark payload\"\n}\n").getBytes(StandardCharsets.UTF_8);
        long payload = Math.max(1, total - manifest.length - 400); // the zip's own headers are a few hundred bytes
        CRC32 crc = new CRC32();
        byte[] buf = new byte[1 << 20];
        SplittableRandom r = new SplittableRandom(42);
        for (long left = payload; left > 0; ) {
            int n = (int) Math.min(buf.length, left);
            fill(r, buf, n);
            crc.update(buf, 0, n);
            left -= n;
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
            ZipEntry m = new ZipEntry("manifest.json");
            zip.putNextEntry(m);
            zip.write(manifest);
            zip.closeEntry();
            ZipEntry big = new ZipEntry("assets/random.bin");
            big.setMethod(ZipEntry.STORED);
            big.setSize(payload);
            big.setCompressedSize(payload);
            big.setCrc(crc.getValue());
            zip.putNextEntry(big);
            r = new SplittableRandom(42);
            for (long left = payload; left > 0; ) {
                int n = (int) Math.min(buf.length, left);
                fill(r, buf, n);
                zip.write(buf, 0, n);
                left -= n;
            }
            zip.closeEntry();
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void fill(SplittableRandom r, byte[] b, int n) {
        for (int i = 0; i < n; i += 8) {
            long v = r.nextLong();
            for (int k = 0; k < 8 && i + k < n; k++) {
                b[i + k] = (byte) (v >>> (8 * k));
            }
        }
    }

    static void post(String[] args) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(args[1]))
                .POST(HttpRequest.BodyPublishers.ofFile(Paths.get(args[2])));
        for (int i = 3; i < args.length; i++) {
            int c = args[i].indexOf(':');
            b.header(args[i].substring(0, c).trim(), args[i].substring(c + 1).trim());
        }
        long t0 = System.nanoTime();
        HttpResponse<Void> resp = client.send(b.build(), HttpResponse.BodyHandlers.discarding());
        System.out.printf(java.util.Locale.ROOT, "%d %.6f%n", resp.statusCode(), (System.nanoTime() - t0) / 1e9);
    }

    private static final Pattern OBJ = Pattern.compile("\\{([^{}]*)\\}");

    /** The simulator's control JSON is an array of flat objects: pick the named fields, tab separated. */
    static void table(String url, String... fields) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String json = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = OBJ.matcher(json);
        while (m.find()) {
            String obj = m.group(1);
            List<String> row = new ArrayList<>();
            for (String f : fields) {
                Matcher v = Pattern.compile("\"" + f + "\":(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}]*)").matcher(obj);
                row.add(v.find() ? v.group(1).replace("\"", "") : "null");
            }
            System.out.println(String.join("\t", row));
        }
    }
}
