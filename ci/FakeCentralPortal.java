import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

/**
 * A stand-in for the Central Portal's publisher API on 127.0.0.1, for ci/central-bundle.sh: accepts the
 * bundle upload (POST /api/v1/publisher/upload), keeps the request body and its query, and reports the
 * deployment VALIDATED when asked (POST /api/v1/publisher/status). Nothing leaves the machine.
 * Usage: java ci/FakeCentralPortal.java DIR (writes DIR/port, DIR/upload.body, DIR/requests.log).
 */
public class FakeCentralPortal {
    public static void main(String[] args) throws IOException {
        Path dir = Paths.get(args[0]);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> handle(exchange, dir));
        server.start();
        Files.write(dir.resolve("port"), String.valueOf(server.getAddress().getPort()).getBytes(StandardCharsets.UTF_8));
    }

    private static void handle(HttpExchange exchange, Path dir) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String line = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " auth="
                + (auth == null ? "none" : auth.split(" ")[0]) + "\n";
        Files.write(dir.resolve("requests.log"), line.getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        try (InputStream in = exchange.getRequestBody()) {
            if (path.equals("/api/v1/publisher/upload")) {
                Files.copy(in, dir.resolve("upload.body"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                answer(exchange, 201, "text/plain", "00000000-0000-0000-0000-00000000c1c1");
            } else if (path.equals("/api/v1/publisher/status")) {
                in.readAllBytes();
                answer(exchange, 200, "application/json", "{\"deploymentId\":\"00000000-0000-0000-0000-00000000c1c1\","
                        + "\"deploymentName\":\"ci\",\"deploymentState\":\"VALIDATED\",\"purls\":[]}");
            } else {
                in.readAllBytes();
                answer(exchange, 404, "text/plain", "not part of the fake portal: " + path);
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
