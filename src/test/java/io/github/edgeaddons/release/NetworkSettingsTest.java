package io.github.edgeaddons.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.edge.AuthMode;
import io.github.edgeaddons.edge.ClientSettings;
import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.config.Durations;
import io.github.edgeaddons.config.EdgeStore;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The network parameters parsed once: what each becomes, what is refused (naming it), what reaches the client. */
class NetworkSettingsTest {
    private static final String PRODUCT = "D34F98F5-F9B7-42B1-BEBB-98707202B21D";

    private static NetworkSettings.Builder product() {
        return NetworkSettings.builder().productId(PRODUCT);
    }

    private static String refused(NetworkSettings.Builder b) {
        return assertThrows(ConfigException.class, b::build).getMessage();
    }

    @Test
    void defaults() throws Exception {
        NetworkSettings s = product().build();
        assertEquals(PRODUCT.toLowerCase(java.util.Locale.ROOT), s.productId());
        assertEquals(EdgeStore.SERVER_ID, s.serverId());
        assertEquals(URI.create(EdgeStore.API_ROOT), s.apiBaseUrl());
        assertNull(s.authMode());
        assertNull(s.tokenUrl());
        assertEquals(EdgeStore.SCOPE, s.scope());
        assertTrue(s.pollPolicy().isAdaptive());
        assertEquals(ClientSettings.DEFAULT_TIMEOUT, s.timeout());
        assertNull(s.apiKeyExpires());
        // the default that the mojo declares is the one the client falls back to
        assertEquals(ClientSettings.DEFAULT_TIMEOUT, Durations.parse(NetworkSettings.DEFAULT_TIMEOUT, "edge.timeout"));
    }

    @Test
    void eachParameterParsed() throws Exception {
        NetworkSettings s = product().serverId(" ci ").apiBaseUrl("http://127.0.0.1:8080/").authMode("client-credentials")
                .tokenUrl("https://login.example.test/t").scope(" s ").pollInterval("250ms").timeout("PT90S")
                .dryRun(true).checkCredentials(true).apiKeyExpires(" 2027-02-28 ").build();
        assertEquals("ci", s.serverId());
        assertEquals(URI.create("http://127.0.0.1:8080"), s.apiBaseUrl());
        assertEquals(AuthMode.CLIENT_CREDENTIALS, s.authMode());
        assertEquals(URI.create("https://login.example.test/t"), s.tokenUrl());
        assertEquals("s", s.scope());
        assertEquals("every 250ms", s.pollPolicy().toString());
        assertEquals(Duration.ofSeconds(90), s.timeout());
        assertTrue(s.dryRun() && s.checkCredentials());
        assertEquals(LocalDate.of(2027, 2, 28), s.apiKeyExpires());
    }

    @Test
    void wrongValuesAreRefusedNamingTheSetting() {
        assertTrue(refused(NetworkSettings.builder()).startsWith("edge.productId is not set"));
        assertTrue(refused(product().timeout("soon")).startsWith("edge.timeout='soon' is not a duration"));
        assertTrue(refused(product().pollInterval("0s")).startsWith("edge.pollInterval='0s' must be longer than zero"));
        assertTrue(refused(product().apiBaseUrl("http://example.test")).startsWith("edge.apiBaseUrl='http://example.test'"));
        assertTrue(refused(product().tokenUrl("ftp://x")).startsWith("edge.tokenUrl='ftp://x'"));
        assertTrue(refused(product().authMode("basic")).startsWith("edge.authMode='basic' is not known"));
        assertEquals("edge.apiKeyExpires='2026-02-30' is not a date: write the expiry date that Partner Center shows"
                + " for the API key (Microsoft Edge > Publish API) as YYYY-MM-DD, e.g. 2026-03-31.",
                refused(product().apiKeyExpires("2026-02-30")));
        // the product first, as users meet it
        assertTrue(refused(NetworkSettings.builder().timeout("soon")).startsWith("edge.productId"));
    }

    @Test
    void theClientGetsTheTimeoutAndThePollPolicyInsideItsSettings() throws Exception {
        NetworkSettings s = product().timeout("3m").pollInterval("5s").build();
        ClientSettings c = s.clientSettings(new ServerCredentials("edge-addons", "id", "key", null), null).build();
        assertEquals(Duration.ofMinutes(3), c.timeout());
        assertEquals("every 5000ms", c.pollPolicy().toString());
        assertEquals(AuthMode.API_KEY, c.authMode());
        assertEquals(s.productId(), c.productId());
    }

    @Test
    void aTokenUrlOfTheServerSelectsApiV1() throws Exception {
        NetworkSettings s = product().build();
        ClientSettings c = s.clientSettings(
                new ServerCredentials("edge-addons", "id", "secret", "https://login.example.test/t"), null).build();
        assertEquals(AuthMode.CLIENT_CREDENTIALS, c.authMode());
        assertEquals(URI.create("https://login.example.test/t"), c.tokenUrl());

        NetworkSettings v1 = product().authMode("clientCredentials").build();
        String e = assertThrows(ConfigException.class,
                () -> v1.clientSettings(new ServerCredentials("edge-addons", "id", "secret", null), null)).getMessage();
        assertTrue(e.startsWith("edge.authMode=clientCredentials needs the access token URL"), e);
    }
}
