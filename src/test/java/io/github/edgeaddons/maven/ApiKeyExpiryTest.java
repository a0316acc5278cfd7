package io.github.edgeaddons.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.edgeaddons.core.CredentialsSource;
import io.github.edgeaddons.config.KeyExpiry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The two sentences of {@code edge.apiKeyExpires}, word for word, and where the date falls. */
class ApiKeyExpiryTest {
    private static final CredentialsSource SERVER = CredentialsSource.server("edge-addons");
    private static final CredentialsSource ENV = CredentialsSource.environment("EDGE_CLIENT_ID", "EDGE_API_KEY",
            "EDGE_API_KEY");

    @Test
    void expired() {
        assertEquals("The API key expired on 2026-12-03 (edge.apiKeyExpires), so the store would refuse it: nothing"
                + " was sent. Create a new API key in Partner Center (Microsoft Edge > Publish API), put it in the"
                + " <password> of <server> 'edge-addons' in settings.xml and set edge.apiKeyExpires to the new key's"
                + " expiry date.", ApiKeyExpiry.expired(LocalDate.of(2026, 12, 3), SERVER));
    }

    @Test
    void expiring() {
        assertEquals("The API key expires on 2026-12-10 (edge.apiKeyExpires), in 6 days. Create a new API key in"
                + " Partner Center (Microsoft Edge > Publish API), put it in the environment variable EDGE_API_KEY"
                + " and set edge.apiKeyExpires to the new key's expiry date before then.",
                ApiKeyExpiry.expiring(LocalDate.of(2026, 12, 10), 6, ENV));
        assertEquals(true, ApiKeyExpiry.expiring(LocalDate.of(2026, 12, 5), 1, ENV).contains(", tomorrow. "));
    }

    /** In the clock's zone: late on the 4th in New York is already the 5th in UTC. */
    @Test
    void theDateFallsInTheBuildMachinesZone() {
        Instant t = Instant.parse("2026-12-05T03:00:00Z");
        LocalDate expires = LocalDate.of(2026, 12, 4);
        assertEquals(KeyExpiry.State.EXPIRED, KeyExpiry.state(expires, Clock.fixed(t, ZoneId.of("UTC"))));
        assertEquals(KeyExpiry.State.EXPIRING, KeyExpiry.state(expires, Clock.fixed(t, ZoneId.of("America/New_York"))));
        assertEquals(KeyExpiry.State.EXPIRING, KeyExpiry.state(expires.plusDays(14), Clock.fixed(t, ZoneId.of("America/New_York"))));
        assertEquals(KeyExpiry.State.VALID, KeyExpiry.state(expires.plusDays(15), Clock.fixed(t, ZoneId.of("America/New_York"))));
    }
}
