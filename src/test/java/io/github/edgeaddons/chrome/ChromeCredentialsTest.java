package io.github.edgeaddons.chrome;

import static io.github.edgeaddons.chrome.ChromeTestSupport.deadline;
import static io.github.edgeaddons.chrome.ChromeTestSupport.refreshToken;
import static io.github.edgeaddons.chrome.ChromeTestSupport.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.core.Failure;
import io.github.edgeaddons.core.StoreException;
import io.github.edgeaddons.core.TokenCache;
import io.github.edgeaddons.edge.ClientTestSupport.RecordingReporter;
import io.github.edgeaddons.sim.RecordedRequest;
import io.github.edgeaddons.sim.Simulator;
import io.github.edgeaddons.sim.chrome.ChromeRoute;
import io.github.edgeaddons.sim.chrome.ChromeWebStoreSimulator;
import io.github.edgeaddons.sim.chrome.GoogleErrors;
import io.github.edgeaddons.sim.chrome.ServiceAccount;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Google's tokens for the Chrome Web Store client, against the simulator's token endpoint. */
class ChromeCredentialsTest {
    @Simulator
    private static ChromeWebStoreSimulator sim;

    @TempDir
    Path dir;

    private static String[] secrets() {
        return new String[] {ChromeWebStoreSimulator.CLIENT_SECRET, ChromeWebStoreSimulator.REFRESH_TOKEN,
            ChromeWebStoreSimulator.EXPIRED_REFRESH_TOKEN, "PRIVATE KEY"};
    }

    private static void assertNoSecret(String text) {
        for (String s : secrets()) {
            assertFalse(text.contains(s), () -> "a secret in: " + text);
        }
    }

    @Test
    void refreshTokenGrantGivesATokenTheStoreTakes() throws Exception {
        RecordingReporter log = new RecordingReporter();
        try (ChromeWebStoreClient client = new ChromeWebStoreClient(settings(sim, refreshToken()).reporter(log).build())) {
            ChromeWebStoreClient.ItemStatus s = client.fetchStatus(deadline());
            assertEquals("PUBLISHED", s.published.state);
            assertEquals("1.0.0", s.published.crxVersion);
            client.fetchStatus(deadline());
        }
        List<RecordedRequest> tokens = sim.requests(ChromeRoute.TOKEN);
        assertEquals(1, tokens.size(), "one token for both requests");
        assertTrue(tokens.get(0).bodyText().contains("grant_type=refresh_token"), tokens.get(0).bodyText());
        assertTrue(sim.requests(ChromeRoute.FETCH_STATUS).stream().allMatch(RecordedRequest::authValid));
        assertNoSecret(log.text());
    }

    @Test
    void serviceAccountAssertionIsSignedAndTaken() throws Exception {
        Path key = sim.writeServiceAccountKeyFile(dir.resolve("key.json"));
        RecordingReporter log = new RecordingReporter();
        try (ChromeWebStoreClient client = new ChromeWebStoreClient(
                settings(sim, ChromeCredentials.serviceAccount(key)).reporter(log).build())) {
            assertEquals("PUBLISHED", client.fetchStatus(deadline()).published.state);
            assertTrue(String.join(" ", client.describeAuthHeaders()).contains(ServiceAccount.CLIENT_EMAIL));
        }
        RecordedRequest token = sim.requests(ChromeRoute.TOKEN).get(0);
        assertEquals(200, token.status(), "the simulator verified the RS256 signature, iss, aud, scope, iat, exp");
        assertTrue(token.bodyText().contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer"),
                token.bodyText());
        assertTrue(sim.requests(ChromeRoute.FETCH_STATUS).get(0).authValid());
        assertNoSecret(log.text());
    }

    @Test
    void assertionWithAnotherKeyIsRefusedAsFacts() throws Exception {
        // the file names the simulator's account, but holds a key the simulator does not know
        String json = ServiceAccount.generate().keyFileJson(sim.tokenUrl());
        Path key = Files.write(dir.resolve("other.json"), json.getBytes(StandardCharsets.UTF_8));
        try (ChromeWebStoreClient client = new ChromeWebStoreClient(
                settings(sim, ChromeCredentials.serviceAccount(key)).build())) {
            StoreException e = assertThrows(StoreException.class, () -> client.fetchStatus(deadline()));
            assertEquals(StoreException.Kind.AUTH, e.kind());
            assertEquals(Failure.Request.TOKEN, e.failure().request());
            assertEquals("invalid_grant", e.failure().errorCode());
            assertTrue(e.getMessage().endsWith(ChromeHints.assertionRefused()));
            assertFalse(e.getMessage().contains("PRIVATE KEY"));
        }
        assertTrue(sim.requests(ChromeRoute.FETCH_STATUS).isEmpty(), "no store request without a token");
    }

    @Test
    void invalidGrantSaysTheRefreshTokenExpiredAndKeepsItSecret() throws Exception {
        RecordingReporter log = new RecordingReporter();
        ChromeCredentials expired = ChromeCredentials.refreshToken(ChromeWebStoreSimulator.CLIENT_ID,
                ChromeWebStoreSimulator.CLIENT_SECRET, ChromeWebStoreSimulator.EXPIRED_REFRESH_TOKEN);
        try (ChromeWebStoreClient client = new ChromeWebStoreClient(settings(sim, expired).reporter(log).build())) {
            StoreException e = assertThrows(StoreException.class, () -> client.fetchStatus(deadline()));
            assertEquals(StoreException.Kind.AUTH, e.kind());
            assertTrue(e.fromTokenEndpoint());
            assertEquals(400, e.httpStatus());
            assertEquals("invalid_grant", e.failure().errorCode());
            assertTrue(e.getMessage().endsWith(ChromeHints.refreshTokenExpiredOrRevoked()), e.getMessage());
            assertNoSecret(e.getMessage());
            assertNoSecret(String.valueOf(e.failure()));
        }
        assertEquals(1, sim.requests(ChromeRoute.TOKEN).size(), "a verdict is not repeated");
        assertNoSecret(log.text());
    }

    @Test
    void deletedClientIsARefusalOfTheClient() throws Exception {
        ChromeCredentials deleted = ChromeCredentials.refreshToken(ChromeWebStoreSimulator.DELETED_CLIENT_ID,
                ChromeWebStoreSimulator.CLIENT_SECRET, ChromeWebStoreSimulator.REFRESH_TOKEN);
        try (ChromeWebStoreClient client = new ChromeWebStoreClient(settings(sim, deleted).build())) {
            StoreException e = assertThrows(StoreException.class, () -> client.fetchStatus(deadline()));
            assertEquals(401, e.httpStatus());
            assertEquals("deleted_client", e.failure().errorCode());
            assertTrue(e.getMessage().endsWith(ChromeHints.clientRefused()));
        }
    }

    @Test
    void tokenEndpointTroubleIsSurvivedWithinTheDeadline() throws Exception {
        sim.fault(ChromeRoute.TOKEN, GoogleErrors.internal()).fault(ChromeRoute.TOKEN, GoogleErrors.throttled("0"));
        try (ChromeWebStoreClient client = new ChromeWebStoreClient(settings(sim, refreshToken()).build())) {
            assertEquals("PUBLISHED", client.fetchStatus(deadline()).published.state);
        }
        List<RecordedRequest> tokens = sim.requests(ChromeRoute.TOKEN);
        assertEquals(3, tokens.size());
        assertEquals(200, tokens.get(2).status());
    }

    @Test
    void expiredAccessTokenIsRenewed() throws Exception {
        try (ChromeWebStoreClient client = new ChromeWebStoreClient(settings(sim, refreshToken()).build())) {
            client.fetchStatus(deadline());
            sim.store().expireTokens();
            assertEquals("PUBLISHED", client.fetchStatus(deadline()).published.state);
        }
        assertEquals(2, sim.requests(ChromeRoute.TOKEN).size(), "a new token after the store's 401");
        List<RecordedRequest> status = sim.requests(ChromeRoute.FETCH_STATUS);
        assertEquals(3, status.size());
        assertEquals(401, status.get(1).status());
        assertEquals(200, status.get(2).status());
    }

    @Test
    void shortLivedTokenIsRenewedBeforeItExpires() throws Exception {
        sim.store().tokenLifetime(Duration.ofSeconds(1));
        try (ChromeWebStoreClient client = new ChromeWebStoreClient(settings(sim, refreshToken()).build())) {
            client.fetchStatus(deadline());
            Thread.sleep(1200);
            client.fetchStatus(deadline());
        }
        assertEquals(2, sim.requests(ChromeRoute.TOKEN).size());
        assertTrue(sim.requests(ChromeRoute.FETCH_STATUS).stream().allMatch(r -> r.status() == 200),
                "renewed before use, not after a 401");
    }

    @Test
    void tokensAreSharedThroughTheBuildsCache() throws Exception {
        TokenCache cache = new TokenCache();
        for (int i = 0; i < 2; i++) {
            try (ChromeWebStoreClient client = new ChromeWebStoreClient(
                    settings(sim, refreshToken()).tokenCache(cache).build())) {
                client.fetchStatus(deadline());
            }
        }
        assertEquals(1, sim.requests(ChromeRoute.TOKEN).size());
    }

    @Test
    void badKeyFileIsRefusedBeforeAnyRequestNamingTheFile() throws Exception {
        Path key = Files.write(dir.resolve("broken.json"), "{\"client_email\":\"a@b\",\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nnot a key\\n-----END PRIVATE KEY-----\"}".getBytes(StandardCharsets.UTF_8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChromeCredentials.serviceAccount(key));
        assertTrue(e.getMessage().contains(key.toString()));
        assertTrue(e.getMessage().contains("private_key"));
        Path missing = dir.resolve("missing.json");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ChromeCredentials.serviceAccount(missing))
                .getMessage().contains(missing.toString()));
        assertTrue(sim.requests().isEmpty());
    }

    @Test
    void credentialsNeverShowTheirSecrets() throws Exception {
        assertNoSecret(refreshToken().toString());
        assertNoSecret(ChromeCredentials.serviceAccount(sim.writeServiceAccountKeyFile(dir.resolve("k.json"))).toString());
    }
}
