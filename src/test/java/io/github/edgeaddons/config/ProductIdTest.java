package io.github.edgeaddons.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProductIdTest {

    @Test
    void acceptsAGuidAndNormalisesCase() throws ConfigException {
        assertEquals("d34f98f5-f9b7-42b1-bebb-98707202b21d",
                ProductId.check(" D34F98F5-F9B7-42B1-BEBB-98707202B21D "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"my-extension", "d34f98f5f9b742b1bebb98707202b21d", "{d34f98f5-f9b7-42b1-bebb-98707202b21d}",
        "d34f98f5-f9b7-42b1-bebb-98707202b21", "g34f98f5-f9b7-42b1-bebb-98707202b21d", "0RDCKBHHVXH7"})
    void rejectsWhatIsNotAGuid(String id) {
        ConfigException e = assertThrows(ConfigException.class, () -> ProductId.check(id));
        assertTrue(e.getMessage().contains("edge.productId='" + id + "' is not a GUID"), e.getMessage());
        assertTrue(e.getMessage().contains("Partner Center"), e.getMessage());
    }

    @Test
    void saysWhereToFindItWhenMissing() {
        ConfigException e = assertThrows(ConfigException.class, () -> ProductId.check(null));
        assertTrue(e.getMessage().startsWith("edge.productId is not set"), e.getMessage());
    }
}
