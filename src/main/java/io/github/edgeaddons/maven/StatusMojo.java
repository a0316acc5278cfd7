package io.github.edgeaddons.maven;

import io.github.edgeaddons.client.ClientSettings;
import io.github.edgeaddons.client.Deadline;
import io.github.edgeaddons.client.EdgeAddonsClient;
import io.github.edgeaddons.client.EdgeApiException;
import io.github.edgeaddons.client.OperationKind;
import io.github.edgeaddons.client.OperationStatus;
import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.release.NetworkSettings;
import io.github.edgeaddons.release.StepResult;
import java.io.IOException;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Prints the status of an upload or publish operation given by {@code edge.operationId} (it asks the
 * publish endpoint first, then the upload one). Without an operation id it prints the account's products,
 * where the API offers that list.
 */
@Mojo(name = "status", requiresProject = false, threadSafe = true)
public class StatusMojo extends AbstractNetworkMojo {
    /** The operation to report on. */
    @Parameter(property = "edge.operationId")
    protected String operationId;

    @Inject
    public StatusMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected String goal() {
        return "status";
    }

    @Override
    protected void doExecute(StepResult step) throws ConfigException, EdgeApiException, MojoExecutionException {
        NetworkSettings network = networkSettings();
        if (operationId == null || operationId.trim().isEmpty()) {
            // listing products needs no product; the client still wants a well-formed id
            network.productId(productId == null ? "00000000-0000-0000-0000-000000000000" : productId);
        }
        network.checkWithoutCredentials();
        ClientSettings settings = clientSettings(network);
        Deadline deadline = Deadline.after(network.checkedTimeout(), settings.clock());
        try (EdgeAddonsClient client = new EdgeAddonsClient(settings)) {
            if (operationId == null || operationId.trim().isEmpty()) {
                getLog().info("Products: " + client.listProducts(deadline));
                return;
            }
            String id = AwaitMojo.checkedOperationId(operationId);
            OperationStatus s;
            OperationKind kind = OperationKind.PUBLISH;
            try {
                s = client.status(OperationKind.PUBLISH, id, deadline);
            } catch (EdgeApiException e) {
                if (e.httpStatus() != 404) {
                    throw e;
                }
                kind = OperationKind.UPLOAD;
                s = client.status(OperationKind.UPLOAD, id, deadline);
            }
            step.operationId(id).succeeded(kind.label() + " operation status: " + s.rawStatus());
            getLog().info(kind.label().substring(0, 1).toUpperCase() + kind.label().substring(1) + " operation "
                    + id + ": " + s.rawStatus());
            if (s.errorCode() != null) {
                getLog().info("  errorCode: " + s.errorCode());
            }
            if (s.message() != null) {
                getLog().info("  message: " + s.message());
            }
            for (String e : s.errors()) {
                getLog().info("  error: " + e);
            }
            if (s.createdTime() != null || s.lastUpdatedTime() != null) {
                getLog().info("  created " + s.createdTime() + ", last updated " + s.lastUpdatedTime());
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Could not close the HTTP client: " + e.getMessage(), e);
        }
    }
}
