package io.github.edgeaddons.release;

import io.github.edgeaddons.edge.EdgeHints;
import io.github.edgeaddons.core.Hints;

import io.github.edgeaddons.config.Text;
import io.github.edgeaddons.edge.ClientSettings;
import io.github.edgeaddons.core.Deadline;
import io.github.edgeaddons.edge.EdgeAddonsClient;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.core.OperationKind;
import io.github.edgeaddons.core.OperationStatus;
import io.github.edgeaddons.core.Reporter;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.edgeaddons.core.OperationState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code status} goal as plain code: one look at an operation whose kind the user may not know (the
 * publish endpoint is asked first, then the upload one), or the account's product list.
 */
public final class Status {
    private final ClientSettings settings;
    private final Reporter reporter;
    private final Function<ClientSettings, EdgeAddonsClient> clients;

    /** Each goal within {@link ClientSettings#timeout()} ({@code edge.timeout}). */
    public Status(ClientSettings settings) {
        this(settings, EdgeAddonsClient::new);
    }

    Status(ClientSettings settings, Function<ClientSettings, EdgeAddonsClient> clients) {
        this.settings = settings;
        this.reporter = settings.reporter();
        this.clients = clients;
    }

    /** What one look found. */
    public static final class Report {
        public final OperationKind kind;
        public final OperationStatus status;

        Report(OperationKind kind, OperationStatus status) {
            this.kind = kind;
            this.status = status;
        }
    }

    /**
     * Reads the operation's status and prints it. A JSON or empty 404 from the publish endpoint means "not a
     * publish operation": the upload endpoint is asked next. When neither knows it, the failure reports both
     * answers. An HTML 404 is the store's front door failing, not an answer about the id, so it is reported
     * as it is.
     */
    public Report operation(String operationId) throws StoreException {
        Deadline deadline = Deadline.after(settings.timeout(), settings.clock());
        try (EdgeAddonsClient client = clients.apply(settings)) {
            Report report;
            try {
                report = new Report(OperationKind.PUBLISH, client.status(OperationKind.PUBLISH, operationId, deadline));
            } catch (StoreException publish) {
                if (!isUnknownOperation(publish)) {
                    throw publish;
                }
                reporter.debug("Not a publish operation (HTTP 404); asking the upload endpoint");
                try {
                    report = new Report(OperationKind.UPLOAD, client.status(OperationKind.UPLOAD, operationId, deadline));
                } catch (StoreException upload) {
                    if (!isUnknownOperation(upload)) {
                        throw upload;
                    }
                    throw unknownToBoth(operationId, publish, upload);
                }
            }
            print(operationId, report);
            return report;
        } catch (IOException e) {
            throw Release.closeFailure(e);
        }
    }

    /** The account's products (endpoint 5, where the API offers it), printed as the store answered. */
    public String products() throws StoreException {
        Deadline deadline = Deadline.after(settings.timeout(), settings.clock());
        try (EdgeAddonsClient client = clients.apply(settings)) {
            String list = client.listProducts(deadline);
            List<String> table = productTable(list);
            if (table == null) {
                reporter.info("Products: " + list); // not the documented shape: as the store answered
            } else {
                for (String line : table) {
                    reporter.info(line);
                }
            }
            return list;
        } catch (IOException e) {
            throw Release.closeFailure(e);
        }
    }

    /**
     * True for the store's JSON or empty 404 to a status request: it does not know the operation. An HTML
     * 404 page is the store's front door failing, not an answer about the id.
     */
    private static boolean isUnknownOperation(StoreException e) {
        return e.failure().unknownOperation();
    }

    /**
     * Both lookups answered the JSON or empty 404 of an unknown operation: said once, with the store's own
     * words (once when both said the same), then what to check.
     */
    private StoreException unknownToBoth(String operationId, StoreException publish, StoreException upload) {
        String p = publish.failure().storeMessage();
        String u = upload.failure().storeMessage();
        String words = p == null && u == null ? ""
                : p == null || u == null || p.equals(u) ? "; the store: " + (p == null ? u : p)
                : "; the store: " + p + " (publish), " + u + " (upload)";
        String m = "Neither the publish nor the upload endpoint knows operation " + operationId + " of product "
                + settings.productId() + " (both answered HTTP 404" + words + ")." + System.lineSeparator()
                + EdgeHints.unknownToBothEndpoints(settings);
        return new StoreException(upload.failure().cause(upload), m);
    }

    /**
     * The product list (endpoint 5: a JSON array of {@code {id, name, status, lastUpdatedDate}}) as a table, one
     * product a line; null when the answer has another shape.
     */
    static List<String> productTable(String json) {
        JsonArray products;
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonArray()) {
                return null;
            }
            products = e.getAsJsonArray();
        } catch (RuntimeException e) {
            return null;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"id", "status", "last updated", "name"});
        for (JsonElement p : products) {
            if (!p.isJsonObject()) {
                return null;
            }
            JsonObject o = p.getAsJsonObject();
            rows.add(new String[] {text(o, "id"), text(o, "status"), text(o, "lastUpdatedDate"), text(o, "name")});
        }
        int[] width = new int[3];
        for (String[] r : rows) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("Products (" + products.size() + "):");
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder(" ");
            for (int i = 0; i < width.length; i++) {
                b.append(' ').append(r[i]);
                for (int pad = r[i].length(); pad < width[i] + 1; pad++) {
                    b.append(' ');
                }
            }
            lines.add(b.append(' ').append(r[3]).toString().replaceAll("\\s+$", ""));
        }
        return lines;
    }

    private static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? "-" : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    private void print(String operationId, Report r) {
        OperationStatus s = r.status;
        String label = r.kind.label();
        reporter.info(Character.toUpperCase(label.charAt(0)) + label.substring(1) + " operation " + operationId + ": "
                + s.rawStatus());
        if (s.errorCode() != null) {
            reporter.info("  errorCode: " + s.errorCode());
        }
        if (s.message() != null) {
            reporter.info("  message: " + s.message());
        }
        for (String e : s.errors()) {
            reporter.info("  error: " + e);
        }
        if (s.createdTime() != null || s.lastUpdatedTime() != null) {
            reporter.info("  created " + s.createdTime() + ", last updated " + s.lastUpdatedTime());
        }
        if (r.kind == OperationKind.UPLOAD && s.state() == OperationState.SUCCEEDED) {
            reporter.info(Hints.uploadInDraft(settings)); // what comes next
        }
    }
}
