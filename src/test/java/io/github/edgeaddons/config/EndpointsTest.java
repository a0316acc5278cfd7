package io.github.edgeaddons.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointsTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:1", "http://127.1.2.3", "http://[::1]:9000",
        "https://api.addons.microsoftedge.microsoft.com", "https://example.com/api/"})
    void acceptsHttpsAndLoopbackHttp(String url) throws ConfigException {
        assertTrue(Endpoints.check(url, "edge.apiBaseUrl").toString().startsWith("http"));
    }

    @Test
    void dropsTrailingSlashes() throws ConfigException {
        assertEquals("https://addons.edge.microsoft.com/api",
                Endpoints.check("https://addons.edge.microsoft.com/api//", "edge.apiBaseUrl").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "http://10.0.0.1", "http://localhost.example.com",
        "http://128.0.0.1", "http://[::2]"})
    void refusesPlainHttpOffLoopbackNamingTheSetting(String url) {
        ConfigException e = assertThrows(ConfigException.class, () -> Endpoints.check(url, "edge.tokenUrl"));
        assertTrue(e.getMessage().startsWith("edge.tokenUrl="), e.getMessage());
        assertTrue(e.getMessage().contains("https://"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com", "example.com", "https://", "https://x/?a=b", "https://u:p@x.com",
        "ht tp://x", " "})
    void refusesWhatIsNotAnHttpUrl(String url) {
        ConfigException e = assertThrows(ConfigException.class, () -> Endpoints.check(url, "edge.apiBaseUrl"));
        assertTrue(e.getMessage().startsWith("edge.apiBaseUrl"), e.getMessage());
    }

    @Test
    void loopbackIsDecidedWithoutDns() {
        assertTrue(Endpoints.isLoopback("LOCALHOST"));
        assertTrue(Endpoints.isLoopback("127.255.255.254"));
        assertTrue(Endpoints.isLoopback("[::1]"));
        assertFalse(Endpoints.isLoopback("api.addons.microsoftedge.microsoft.com"));
        assertFalse(Endpoints.isLoopback("0.0.0.0"));
    }
}
