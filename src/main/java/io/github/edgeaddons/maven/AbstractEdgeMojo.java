package io.github.edgeaddons.maven;

import io.github.edgeaddons.client.ClientSettings;
import io.github.edgeaddons.client.EdgeApiException;
import io.github.edgeaddons.client.Reporter;
import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.pkg.InvalidPackageException;
import io.github.edgeaddons.release.NetworkSettings;
import io.github.edgeaddons.release.ServerCredentials;
import io.github.edgeaddons.client.Deadline;
import io.github.edgeaddons.release.DryRun;
import io.github.edgeaddons.release.ResultWriter;
import io.github.edgeaddons.release.StepResult;
import java.io.IOException;
import java.nio.file.Paths;
import java.time.Instant;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Parameters every goal shares, and the one place where problems become Maven failures: bad
 * configuration, a bad package, and what the store refused are {@link MojoFailureException}s (the user
 * fixes them); network and server trouble are {@link MojoExecutionException}s.
 */
public abstract class AbstractEdgeMojo extends AbstractMojo {
    static final String DEFAULT_API_BASE_URL = "https://api.addons.microsoftedge.microsoft.com";
    static final String DEFAULT_SERVER_ID = "edge-addons";

    /** Skip every goal of this plugin. */
    @Parameter(property = "edge.skip", defaultValue = "false")
    protected boolean skip;

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
     * number of seconds. Set, it is obeyed as given: the first poll at once, then one per interval. Unset:
     * the adaptive policy, counted from the moment the store accepted the operation: the first poll after
     * 0.75 s, the second 2 s later, then gaps growing 1.25 times each, at most 5.8 s during the first
     * minute and at most 28 s after it; never two polls less than 2 s apart after the first. The store's
     * {@code Retry-After} wins when it asks for longer, and error answers or throttling lengthen the gaps.
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

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    protected Settings settings;

    /** This plugin's descriptor (its version, for the commands that failure messages print). */
    @Parameter(defaultValue = "${plugin}", readonly = true)
    protected PluginDescriptor plugin;

    protected final SettingsDecrypter decrypter;

    protected AbstractEdgeMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: edge.skip is true.");
            return;
        }
        StepResult step = new StepResult(goal(), Instant.now());
        try {
            doExecute(step);
        } catch (ConfigException | InvalidPackageException e) {
            step.failed(e);
            throw new MojoFailureException(e.getMessage(), e);
        } catch (EdgeApiException e) {
            step.failed(e);
            if (e.isUserActionable()) {
                throw new MojoFailureException(e.getMessage(), e);
            }
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (MojoExecutionException | MojoFailureException | RuntimeException e) {
            step.failed(e);
            throw e;
        } finally {
            if (writesResult()) {
                step.finish(Instant.now());
                recordResult(step);
            }
        }
    }

    /**
     * The goal's work. Fill {@code step} with what happened; failures are recorded from the exception.
     */
    protected abstract void doExecute(StepResult step)
            throws MojoExecutionException, MojoFailureException, ConfigException, InvalidPackageException,
                    EdgeApiException;

    /** The goal's name, as in result.json. */
    protected abstract String goal();

    /** Network goals write target/edge-addons/result.json and the CI step summary. */
    protected boolean writesResult() {
        return true;
    }

    private void recordResult(StepResult step) {
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
        ServerCredentials server = SettingsCredentials.resolve(settings, serverId, decrypter);
        SettingsProxies proxies = SettingsProxies.from(settings, decrypter);
        return network.toClientSettings(server, proxies::forUrl, reporter());
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
