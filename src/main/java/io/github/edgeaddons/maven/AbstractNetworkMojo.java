package io.github.edgeaddons.maven;

import io.github.edgeaddons.client.AuthMode;
import io.github.edgeaddons.client.ClientSettings;
import io.github.edgeaddons.client.EdgeApiException;
import io.github.edgeaddons.client.Reporter;
import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.release.NetworkSettings;
import io.github.edgeaddons.release.ServerCredentials;
import io.github.edgeaddons.client.Deadline;
import io.github.edgeaddons.release.DryRun;
import io.github.edgeaddons.release.ResultWriter;
import io.github.edgeaddons.release.StepResult;
import java.io.IOException;
import java.nio.file.Paths;
import java.util.Map;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The goals that talk to the store: their shared parameters (product, endpoint, credentials, polling,
 * timeout, dry run), the settings they are checked into, and result.json.
 */
public abstract class AbstractNetworkMojo extends AbstractEdgeMojo {
    static final String DEFAULT_API_BASE_URL = "https://api.addons.microsoftedge.microsoft.com";
    static final String DEFAULT_SERVER_ID = "edge-addons";

    /**
     * The product's GUID from Partner Center (Microsoft Edge &gt; Overview &gt; your extension: the GUID in
     * the page's URL). Required by the network goals; a value that is not a GUID is rejected before any
     * request.
     */
    @Parameter(property = "edge.productId")
    protected String productId;

    /** The settings.xml {@code <server>} holding the client ID (username) and API key or client secret (password). */
    @Parameter(property = "edge.serverId", defaultValue = DEFAULT_SERVER_ID)
    protected String serverId;

    /**
     * Endpoint root: requests go to this URL followed by {@code /v1/products/...}. Plain {@code http://} is
     * refused unless the host is loopback ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}).
     */
    @Parameter(property = "edge.apiBaseUrl", defaultValue = DEFAULT_API_BASE_URL)
    protected String apiBaseUrl;

    /**
     * {@code apiKey} (API v1.1: {@code Authorization: ApiKey} and {@code X-ClientID} headers) or
     * {@code clientCredentials} (API v1: OAuth 2.0 token from the token URL). Default: {@code apiKey},
     * unless a token URL is configured, then {@code clientCredentials}.
     */
    @Parameter(property = "edge.authMode")
    protected String authMode;

    /**
     * The access token URL shown in Partner Center, for API v1 ({@code clientCredentials}). May also come
     * from the server's {@code <configuration><tokenUrl>} in settings.xml.
     */
    @Parameter(property = "edge.tokenUrl")
    protected String tokenUrl;

    /** OAuth scope for API v1. */
    @Parameter(property = "edge.scope", defaultValue = ClientSettings.DEFAULT_SCOPE)
    protected String scope;

    /**
     * Time between status polls: ISO-8601 ({@code PT5S}), {@code 200ms}, {@code 5s}, {@code 2m}, or a
     * number of seconds. Unset: an adaptive policy (every 500 ms for the first 5 seconds, then growing to
     * every 10 seconds). The store's {@code Retry-After} wins when it asks for longer.
     */
    @Parameter(property = "edge.pollInterval")
    protected String pollInterval;

    /**
     * How long each goal may take on the network: {@code upload} to send the zip and wait for the store to
     * process it, {@code publish} for its request, {@code await} to follow the publish operation. Same
     * formats as {@code pollInterval}. On timeout the build fails naming the operation id, so
     * {@code await -Dedge.operationId=...} can resume.
     */
    @Parameter(property = "edge.timeout", defaultValue = NetworkSettings.DEFAULT_TIMEOUT)
    protected String timeout;

    /**
     * Resolve the credentials, locate and check the package, and print each request that would be sent
     * (secrets redacted); send nothing.
     */
    @Parameter(property = "edge.dryRun", defaultValue = "false")
    protected boolean dryRun;

    /**
     * With {@code dryRun}: also ask the store whether the credentials are accepted, without side effects (a
     * status request under the all-zero product GUID, which answers 401 for bad credentials, 404 for good).
     */
    @Parameter(property = "edge.checkCredentials", defaultValue = "false")
    protected boolean checkCredentials;

    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    protected Settings settings;

    /** This plugin's descriptor (its version, for the commands that failure messages print). */
    @Parameter(defaultValue = "${plugin}", readonly = true)
    protected PluginDescriptor plugin;

    protected final SettingsDecrypter decrypter;

    /** The process environment, read for credentials when settings.xml has no server (a map, for tests). */
    Map<String, String> environment = System.getenv();

    private static final String CREDENTIALS_SOURCE = "io.github.edgeaddons.credentialsSource";

    protected AbstractNetworkMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    @Override
    protected boolean writesResult() {
        return true;
    }

    @Override
    protected void recordResult(StepResult step) {
        if (project == null || project.getBuild() == null || project.getFile() == null) {
            return; // no project (e.g. status run outside one): nowhere sensible to write
        }
        try {
            ResultWriter writer = (ResultWriter) project.getContextValue(RESULT_WRITER);
            if (writer == null) {
                writer = new ResultWriter(Paths.get(project.getBuild().getDirectory(), "edge-addons", "result.json"),
                        productId, project.getGroupId() + ":" + project.getArtifactId() + ":" + project.getVersion());
                project.setContextValue(RESULT_WRITER, writer);
            }
            writer.write(step);
            String summary = System.getenv("GITHUB_STEP_SUMMARY");
            if (summary != null && !summary.trim().isEmpty()) {
                writer.appendSummary(Paths.get(summary), step);
            }
            getLog().debug("Wrote " + writer.resultFile());
        } catch (IOException | RuntimeException e) {
            getLog().warn("Could not write the result file: " + e.getMessage());
        }
    }

    private static final String RESULT_WRITER = "io.github.edgeaddons.resultWriter";

    /** The network parameters as written, not yet checked. */
    protected NetworkSettings networkSettings() {
        return new NetworkSettings()
                .productId(productId)
                .apiBaseUrl(apiBaseUrl)
                .authMode(authMode)
                .tokenUrl(tokenUrl)
                .scope(scope)
                .pollInterval(pollInterval)
                .timeout(timeout)
                .tokenCache(BuildState.tokenCache(session))
                .resume(MavenResumeCommands.of(project, session, plugin, this));
    }

    /** Checked settings with decrypted credentials and the settings.xml proxy; sends nothing. */
    protected ClientSettings clientSettings(NetworkSettings network) throws ConfigException {
        network.checkWithoutCredentials();
        ServerCredentials server = SettingsCredentials.resolve(settings, serverId, decrypter, environment,
                network.resolvedAuthMode(null) == AuthMode.CLIENT_CREDENTIALS);
        logCredentialsSource(server);
        SettingsProxies proxies = SettingsProxies.from(settings, decrypter);
        return network.toClientSettings(server, proxies::forUrl, reporter());
    }

    /** Once per project (not per goal): where the credentials came from, never what they are. */
    private void logCredentialsSource(ServerCredentials server) {
        if (!server.source().equals(project == null ? null : project.getContextValue(CREDENTIALS_SOURCE))) {
            getLog().info("Credentials: " + server.source() + ".");
            if (project != null) {
                project.setContextValue(CREDENTIALS_SOURCE, server.source());
            }
        }
    }

    /** In a dry run with {@code edge.checkCredentials}: the side-effect-free credential check, once per build. */
    protected void dryRunCredentialCheck(ClientSettings client) throws EdgeApiException, ConfigException {
        if (!checkCredentials || project.getContextValue(CREDENTIALS_CHECKED) != null) {
            return;
        }
        new DryRun(client).checkCredentials(Deadline.after(networkSettings().checkedTimeout(), client.clock()));
        project.setContextValue(CREDENTIALS_CHECKED, Boolean.TRUE);
    }

    private static final String CREDENTIALS_CHECKED = "io.github.edgeaddons.credentialsChecked";

    protected Reporter reporter() {
        boolean interactive = session != null && session.getRequest() != null
                && session.getRequest().isInteractiveMode() && System.console() != null;
        return new MavenReporter(getLog(), interactive, System.out);
    }
}
