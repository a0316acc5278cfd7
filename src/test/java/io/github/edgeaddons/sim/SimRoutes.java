package io.github.edgeaddons.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * For scripts: prints what a simulator started from the command line has received, one line
 * {@code ROUTE STATUS authValid} per request, from its {@code /_sim/requests} control endpoint.
 * {@code java -cp target/test-classes io.github.edgeaddons.sim.SimRoutes http://127.0.0.1:PORT}
 */
public final class SimRoutes {
    private SimRoutes() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: SimRoutes http://127.0.0.1:PORT");
            System.exit(2);
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(args[0] + "/_sim/requests")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> lines = new ArrayList<>();
        for (Object o : SimJson.parseArray(r.body())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) o;
            lines.add(m.get("route") + " " + m.get("status") + " " + m.get("authValid"));
        }
        System.out.println(String.join(System.lineSeparator(), lines));
    }
}
