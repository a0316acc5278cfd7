package io.github.edgeaddons.release;

import io.github.edgeaddons.client.AuthMode;
import io.github.edgeaddons.client.ClientSettings;
import io.github.edgeaddons.client.EdgeAddonsClient;
import io.github.edgeaddons.client.Redaction;
import io.github.edgeaddons.client.Reporter;
import io.github.edgeaddons.pkg.PackageInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Says what each goal would send, secrets redacted, and sends nothing. */
public final class DryRun {
    private static final String PREFIX = "[dry run] ";
    /** Stands for the operation id that the store would answer; shown as is, so not a valid URI part. */
    private static final String OPERATION_ID = "{operationId}";
    private static final String MARKER = "dry-run-operation-id";
    private final ClientSettings settings;
    private final Reporter reporter;

    public DryRun(ClientSettings settings) {
        this.settings = settings;
        this.reporter = settings.reporter();
    }

    public void upload(PackageInfo pkg) {
        tokenRequest();
        request("POST", EdgeAddonsClient.uploadUrl(settings).toString());
        reporter.info(PREFIX + "    Content-Type: application/zip; body: " + pkg.path() + " (" + pkg.size()
                + " bytes, " + pkg.name() + " " + pkg.version() + ")");
        request("GET", statusUrl(EdgeAddonsClient.uploadStatusUrl(settings, MARKER))
                + "  (until Succeeded or Failed, " + settings.pollPolicy() + ")");
    }

    public void publish(String notes) {
        tokenRequest();
        request("POST", EdgeAddonsClient.publishUrl(settings).toString());
        int bytes = notes == null ? 0 : notes.getBytes(StandardCharsets.UTF_8).length;
        reporter.info(PREFIX + "    Content-Type: text/plain; charset=UTF-8; body: " + bytes
                + " bytes of certification notes");
    }

    public void await(String operationId) {
        tokenRequest();
        boolean known = operationId != null && !OPERATION_ID.equals(operationId);
        request("GET", statusUrl(EdgeAddonsClient.publishStatusUrl(settings, known ? operationId : MARKER))
                + "  (until Succeeded or Failed, " + settings.pollPolicy() + ")");
    }

    /**
     * A status URL with {@code {operationId}} in place of the id the store would answer: the URL is built
     * with a plain marker, since braces are not allowed in a URI.
     */
    private static String statusUrl(URI url) {
        return url.toString().replace(MARKER, OPERATION_ID);
    }

    private void tokenRequest() {
        if (settings.authMode() == AuthMode.CLIENT_CREDENTIALS) {
            reporter.info(PREFIX + "POST " + settings.tokenUrl() + "  (form: client_id from <server> '"
                    + settings.serverId() + "', client_secret=" + Redaction.SECRET + ", scope="
                    + settings.scope() + ", grant_type=client_credentials; once per build)");
        }
    }

    private void request(String method, String url) {
        reporter.info(PREFIX + method + " " + url);
        List<String> headers = EdgeAddonsClient.describeAuthHeaders(settings);
        for (String h : headers) {
            reporter.info(PREFIX + "    " + h);
        }
    }
}
