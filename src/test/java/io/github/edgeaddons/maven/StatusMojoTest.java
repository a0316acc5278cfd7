package io.github.edgeaddons.maven;

import static io.github.edgeaddons.maven.MojoFixtures.againstSimulator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.sim.EdgeApiSimulator;
import io.github.edgeaddons.sim.RecordedRequest;
import io.github.edgeaddons.sim.Route;
import io.github.edgeaddons.sim.Simulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status} through the release layer, as Maven configures the mojo. */
@MojoTest
class StatusMojoTest {
    private static final String POM = "classpath:/unit/defaults/pom.xml";
    private static final String UNKNOWN = "0b2c4d6e-0000-4000-8000-0000000000ff";
    @Simulator
    private static EdgeApiSimulator sim;

    @TempDir
    Path dir;

    @Test
    @InjectMojo(goal = "status", pom = POM)
    @MojoParameter(name = "productId", value = EdgeApiSimulator.PRODUCT_ID)
    @MojoParameter(name = "operationId", value = UNKNOWN)
    void anIdNeitherEndpointKnowsFailsWithBothAnswers(StatusMojo mojo) throws Exception {
        againstSimulator(mojo, sim, dir);

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().startsWith("Neither the publish nor the upload endpoint knows operation " + UNKNOWN),
                e.getMessage());
        assertTrue(((io.github.edgeaddons.core.StoreException) e.getCause()).failure().unknownOperation());
        List<Route> routes = new ArrayList<>();
        for (RecordedRequest r : sim.requests()) {
            routes.add(r.route());
        }
        assertEquals(Arrays.asList(Route.PUBLISH_STATUS, Route.UPLOAD_STATUS), routes);
    }
}
