package io.github.edgeaddons.maven;

import io.github.edgeaddons.edge.EdgeHints;

import io.github.edgeaddons.edge.AuthMode;
import io.github.edgeaddons.edge.ClientSettings;
import io.github.edgeaddons.core.Deadline;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.core.Reporter;
import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.config.EdgeStore;
import io.github.edgeaddons.release.DryRun;
import io.github.edgeaddons.release.NetworkSettings;
import io.github.edgeaddons.release.ResultWriter;
import io.github.edgeaddons.release.ServerCredentials;
import io.github.edgeaddons.release.StepResult;
import io.github.edgeaddons.release.StoreOutcome;
import io.github.edgeaddons.config.Text;
import java.io.IOException;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.Map;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The goals that talk to the store: their shared parameters (product, endpoint, credentials, polling,
 * timeout, dry run, key expiry), parsed once into {@link NetworkSettings} by {@link #networkSettings()}, and
 * result.json.
 */
public abstract class AbstractNetworkMojo extends AbstractEdgeMojo {

    /**
     * The product's GUID from Partner Center (Microsoft Edge &gt; Overview &gt; your extension: the GUID in
     * the page's URL). Required by the network goals; a value that is not a GUID is rejected before any
     * request.
     */
    @Parameter(property = "edge.productId")
    protected String productId;

    /** The settings.xml {@code <server>} holding the client ID (username) and API key or client secret (password). */
    @Parameter(property = "edge.serverId", defaultValue = EdgeStore.SERVER_ID)
    protected String serverId;

    /**
     * Endpoint root: requests go to this URL followed by {@code /v1/products/...}. Plain {@code http://} is
     * refused unless the host is loopback ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}).
     */
    @Parameter(property = "edge.apiBaseUrl", defaultValue = EdgeStore.API_ROOT)
    protected String apiBaseUrl;

    /**
     * How to authenticate. {@code apiKey} (API v1.1, the way to authenticate): the client ID and API key
     * from Partner Center (Microsoft Edge &gt; Publish API), in the settings.xml server's {@code <username>} and
     * {@code <password>}, sent as the {@code X-ClientID} and {@code Authorization: ApiKey} headers.
     * {@code clientCredentials}: API v1, retired legacy (a client secret exchanged for an OAuth 2.0 token at
     * the access token URL); Microsoft replaced it with API keys and the store answers its uploads with
     * {@code 410 Gone}, so choosing it prints a warning once per build. Default: {@code apiKey}, unless a token
     * URL is configured, then {@code clientCredentials}.
     */
    @Parameter(property = "edge.authMode")
    protected String authMode;

    /**
     * Only for the retired API v1 ({@code clientCredentials}): the access token URL that Partner Center used
     * to show. May also come from the server's {@code <configuration><tokenUrl>} in settings.xml. Setting it
     * selects API v1; remove it (and {@code authMode}) to use an API key.
     */
    @Parameter(property = "edge.tokenUrl")
    protected String tokenUrl;

    /** Only for the retired API v1 ({@code clientCredentials}): the OAuth scope of the token. */
    @Parameter(property = "edge.scope", defaultValue = EdgeStore.SCOPE)
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

    /**
     * The API key's expiry date as Partner Center shows it (Microsoft Edge &gt; Publish API), {@code YYYY-MM-DD};
     * API keys last 72 days. Set, the build warns from 14 days before that date (naming the date and the days
     * left), and once it has passed fails before any request, saying to create a new key. Only for
     * {@code apiKey} authentication. Set it where the key is kept, e.g. beside {@code EDGE_API_KEY} in CI.
     */
    @Parameter(property = "edge.apiKeyExpires")
    protected String apiKeyExpires;

    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    protected Settings settings;

    /** This plugin's descriptor (its version, for the commands that failure messages print). */
    @Parameter(defaultValue = "${plugin}", readonly = true)
    protected PluginDescriptor plugin;

    protected final SettingsDecrypter decrypter;

    /**
     * The process environment (a map, for tests): read for credentials when settings.xml has no server, and
     * for {@code GITHUB_STEP_SUMMARY}.
     */
    Map<String, String> environment = System.getenv();

    /** Today's date for {@code edge.apiKeyExpires}, in the build machine's zone (fixed in tests). */
    Clock clock = Clock.systemDefaultZone();

    private static final String CREDENTIALS_SOURCE = "io.github.edgeaddons.credentialsSource";

    protected AbstractNetworkMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    @Override
    protected boolean writesResult() {
        return true;
    }

    /**
     * In the deploy of several stores, Edge's failure ends Edge's part: wait for the other stores and print
     * the summary before the build fails with Edge's error.
     */
    @Override
    protected void beforeFailing(Exception e) {
        if (MultiStoreDeploy.running(project)) {
            MultiStoreDeploy.finish(project, StoreOutcome.failed(MultiStoreDeploy.EDGE,
                    Text.firstLine(e.getMessage(), 200)), getLog());
        }
    }

    @Override
    protected void recordResult(StepResult step) {
        if (step.status() == null) {
            return; // the goal did nothing for its store (the deploy of other stores without edge.productId)
        }
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
            String summary = environment == null ? null : environment.get("GITHUB_STEP_SUMMARY");
            if (summary != null && !summary.trim().isEmpty()) {
                writer.appendSummary(Paths.get(summary), step);
            }
            getLog().debug("Wrote " + writer.resultFile());
        } catch (IOException | RuntimeException e) {
            getLog().warn("Could not write the result file: " + e.getMessage());
        }
    }

    private static final String RESULT_WRITER = "io.github.edgeaddons.resultWriter";

    /** The network parameters as the user wrote them: every one of them, and nothing else. */
    protected NetworkSettings.Builder networkParameters() {
        return NetworkSettings.builder()
                .productId(productId)
                .serverId(serverId)
                .apiBaseUrl(apiBaseUrl)
                .authMode(authMode)
                .tokenUrl(tokenUrl)
                .scope(scope)
                .pollInterval(pollInterval)
                .timeout(timeout)
                .dryRun(dryRun)
                .checkCredentials(checkCredentials)
                .apiKeyExpires(apiKeyExpires);
    }

    /** The network parameters, parsed and checked; the goal's one reading of them. */
    protected NetworkSettings networkSettings() throws ConfigException {
        return networkParameters().build();
    }

    /**
     * The client's settings: {@code network} with the decrypted credentials and the settings.xml proxy; sends
     * nothing. Under API v1 ({@code clientCredentials}) it warns, once per build, that v1 is retired; with
     * {@code edge.apiKeyExpires}, it warns of a key about to expire and fails for an expired one.
     */
    protected ClientSettings clientSettings(NetworkSettings network) throws ConfigException {
        ServerCredentials server = SettingsCredentials.resolve(settings, network.serverId(), decrypter, environment,
                network.resolvedAuthMode(null) == AuthMode.CLIENT_CREDENTIALS);
        logCredentialsSource(server);
        SettingsProxies proxies = SettingsProxies.from(settings, decrypter);
        ClientSettings client = network.clientSettings(server, proxies::forUrl)
                .reporter(reporter())
                .tokenCache(BuildState.tokenCache(session))
                .resume(MavenResumeCommands.of(project, session, plugin, network))
                .build();
        if (client.authMode() == AuthMode.CLIENT_CREDENTIALS && BuildState.firstInBuild(session, "v1Warned")) {
            getLog().warn(EdgeHints.v1Retired(client));
        }
        if (client.authMode() == AuthMode.API_KEY && network.apiKeyExpires() != null) {
            ApiKeyExpiry.check(network.apiKeyExpires(), clock, client.credentialsSource(), getLog(),
                    () -> BuildState.firstInBuild(session, "apiKeyExpiryWarned"));
        }
        return client;
    }

    /** True when Maven runs offline ({@code -o}, or {@code <offline>} in settings.xml). */
    protected boolean isOffline() {
        return (session != null && session.isOffline()) || (settings != null && settings.isOffline());
    }

    /**
     * Fails before any request when Maven is offline, as maven-deploy-plugin does; not
     * {@code requiresOnline}, which would skip a goal bound to the lifecycle without a word.
     */
    protected void failIfOffline() throws ConfigException {
        if (isOffline()) {
            throw new ConfigException("Cannot run " + goal() + " while Maven is offline. " + MavenVocabulary.offline(goal()));
        }
    }

    /**
     * The network goals' start: offline check (a dry run needs the network only to check the credentials),
     * then the parameters. Sends nothing.
     */
    protected NetworkSettings checkedNetworkSettings() throws ConfigException {
        if (!dryRun || checkCredentials) {
            failIfOffline();
        }
        return networkSettings();
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
    protected void dryRunCredentialCheck(NetworkSettings network, ClientSettings client)
            throws StoreException, ConfigException {
        if (!network.checkCredentials() || project.getContextValue(CREDENTIALS_CHECKED) != null) {
            return;
        }
        failIfOffline();
        new DryRun(client).checkCredentials(Deadline.after(client.timeout(), client.clock()));
        project.setContextValue(CREDENTIALS_CHECKED, Boolean.TRUE);
    }

    private static final String CREDENTIALS_CHECKED = "io.github.edgeaddons.credentialsChecked";

    protected Reporter reporter() {
        Log log = getLog();
        boolean interactive = session != null && session.getRequest() != null && session.getRequest().isInteractiveMode();
        return new MavenReporter(log, MavenReporter.progressLine(interactive, log.isInfoEnabled(), parallel(),
                System.console()), System.out);
    }
}
