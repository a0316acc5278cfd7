package io.github.edgeaddons.release;

import io.github.edgeaddons.client.ClientSettings;
import io.github.edgeaddons.client.Deadline;
import io.github.edgeaddons.client.EdgeAddonsClient;
import io.github.edgeaddons.client.EdgeApiException;
import io.github.edgeaddons.client.Hints;
import io.github.edgeaddons.client.OperationKind;
import io.github.edgeaddons.client.OperationStatus;
import io.github.edgeaddons.client.Reporter;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;

/**
 * The {@code status} goal as plain code: one look at an operation whose kind the user may not know (the
 * publish endpoint is asked first, then the upload one), or the account's product list.
 */
public final class Status {
    private final ClientSettings settings;
    private final Reporter reporter;
    private final Duration timeout;
    private final Function<ClientSettings, EdgeAddonsClient> clients;

    public Status(ClientSettings settings, Duration timeout) {
        this(settings, timeout, EdgeAddonsClient::new);
    }

    Status(ClientSettings settings, Duration timeout, Function<ClientSettings, EdgeAddonsClient> clients) {
        this.settings = settings;
        this.reporter = settings.reporter();
        this.timeout = timeout;
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
    public Report operation(String operationId) throws EdgeApiException {
        Deadline deadline = Deadline.after(timeout, settings.clock());
        try (EdgeAddonsClient client = clients.apply(settings)) {
            Report report;
            try {
                report = new Report(OperationKind.PUBLISH, client.status(OperationKind.PUBLISH, operationId, deadline));
            } catch (EdgeApiException publish) {
                if (!isUnknownOperation(publish)) {
                    throw publish;
                }
                reporter.debug("Not a publish operation (HTTP 404); asking the upload endpoint");
                try {
                    report = new Report(OperationKind.UPLOAD, client.status(OperationKind.UPLOAD, operationId, deadline));
                } catch (EdgeApiException upload) {
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
    public String products() throws EdgeApiException {
        Deadline deadline = Deadline.after(timeout, settings.clock());
        try (EdgeAddonsClient client = clients.apply(settings)) {
            String list = client.listProducts(deadline);
            reporter.info("Products: " + list);
            return list;
        } catch (IOException e) {
            throw Release.closeFailure(e);
        }
    }

    /**
     * True for the store's JSON or empty 404 to a status request: it does not know the operation. An HTML
     * 404 page is the store's front door failing, not an answer about the id.
     */
    private static boolean isUnknownOperation(EdgeApiException e) {
        return e.failure().unknownOperation();
    }

    private EdgeApiException unknownToBoth(String operationId, EdgeApiException publish, EdgeApiException upload) {
        String nl = System.lineSeparator();
        String m = "Neither the publish nor the upload endpoint knows operation " + operationId + " of product "
                + settings.productId() + ":" + nl
                + "  publish status: " + firstLine(publish.getMessage()) + nl
                + "  upload status: " + firstLine(upload.getMessage()) + nl
                + Hints.unknownToBothEndpoints(settings);
        return new EdgeApiException(upload.failure().cause(upload), m);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
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
    }
}
