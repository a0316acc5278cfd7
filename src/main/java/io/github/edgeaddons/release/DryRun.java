package io.github.edgeaddons.release;

import io.github.edgeaddons.edge.AuthMode;
import io.github.edgeaddons.core.Deadline;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.edge.ClientSettings;
import io.github.edgeaddons.edge.EdgeAddonsClient;
import io.github.edgeaddons.core.Redaction;
import io.github.edgeaddons.core.Reporter;
import io.github.edgeaddons.config.Plurals;
import io.github.edgeaddons.pkg.PackageInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Says what each goal would send, secrets redacted, and sends nothing. */
public final class DryRun {
    private static final String PREFIX = "[dry run] ";
    /** Stands for the id the store would return; shown as is, since braces are not legal in a URI. */
    private static final String PLACEHOLDER = "{operationId}";
    private static final String URI_SAFE_PLACEHOLDER = "OPERATION-ID-PLACEHOLDER";
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
        request("GET", EdgeAddonsClient.uploadStatusUrl(settings, URI_SAFE_PLACEHOLDER).toString()
                .replace(URI_SAFE_PLACEHOLDER, PLACEHOLDER)
                + "  (until Succeeded or Failed, " + settings.pollPolicy() + ")");
    }

    public void publish(String notes) {
        tokenRequest();
        request("POST", EdgeAddonsClient.publishUrl(settings).toString());
        int bytes = notes == null ? 0 : notes.getBytes(StandardCharsets.UTF_8).length;
        reporter.info(PREFIX + "    Content-Type: text/plain; charset=UTF-8; body: "
                + Plurals.count(bytes, "byte") + " of certification notes");
    }

    public void await(String operationId) {
        tokenRequest();
        // after a dry-run publish the build holds the placeholder, not a real id
        boolean placeholder = operationId == null || PLACEHOLDER.equals(operationId);
        String url = EdgeAddonsClient.publishStatusUrl(settings, placeholder ? URI_SAFE_PLACEHOLDER : operationId)
                .toString().replace(URI_SAFE_PLACEHOLDER, PLACEHOLDER);
        request("GET", url + "  (until Succeeded or Failed, " + settings.pollPolicy() + ")");
    }

    /**
     * Asks the store whether the credentials are accepted, without side effects.
     *
     * @throws StoreException with kind AUTH when they are refused
     */
    public void checkCredentials(Deadline deadline) throws StoreException {
        reporter.info(PREFIX + "Checking the credentials with the store (GET under the all-zero product id;"
                + " no side effects)");
        EdgeAddonsClient.Refusal refusal;
        try (EdgeAddonsClient client = new EdgeAddonsClient(settings)) {
            refusal = client.credentialsCheck(deadline);
        } catch (java.io.IOException e) {
            throw Release.closeFailure(e);
        }
        String source = settings.credentialsSource().describe(settings.resume().vocabulary());
        if (refusal != null) {
            throw new StoreException(refusal.failure, "The store refused the credentials of " + source
                    + " (" + refusal.status() + "). " + refusal.hint);
        }
        reporter.info(PREFIX + "The store accepted the credentials of " + source + ".");
    }

    private void tokenRequest() {
        if (settings.authMode() == AuthMode.CLIENT_CREDENTIALS) {
            reporter.info(PREFIX + "POST " + settings.tokenUrl() + "  (form: client_id from "
                    + settings.credentialsSource().describe(settings.resume().vocabulary()) + ", client_secret="
                    + Redaction.SECRET + ", scope="
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
