package io.github.edgeaddons.maven;

import static io.github.edgeaddons.maven.MojoFixtures.captureLog;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.maven.MojoFixtures.CapturingLog;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code -Dedge.skip=true} skips every goal before it looks at any other setting. */
@MojoTest
class SkipPropertyTest {
    private static final String POM = "classpath:/unit/defaults/pom.xml";

    /** The build's session (the harness's); its user properties are what -D sets. */
    @Inject
    MavenSession session;

    @BeforeEach
    void commandLine() {
        session.getUserProperties().setProperty("edge.skip", "true");
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    void edgeSkipSkipsUploadWithNothingConfigured(UploadMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "settings", null);
        CapturingLog log = captureLog(mojo);

        mojo.execute(); // no productId, no settings.xml server, no zip: none of it is looked at

        assertTrue(mojo.skip);
        log.assertContains("Skipping: edge.skip is true.");
        assertEquals(1, log.lines.size(), log.text());
    }

    @Test
    @InjectMojo(goal = "publish", pom = POM)
    void edgeSkipSkipsPublishToo(PublishMojo mojo) throws Exception {
        CapturingLog log = captureLog(mojo);

        mojo.execute(); // would otherwise fail: no upload ran, no productId

        log.assertContains("Skipping: edge.skip is true.");
    }

    @Test
    @InjectMojo(goal = "await", pom = POM)
    void edgeSkipSkipsAwaitToo(AwaitMojo mojo) throws Exception {
        CapturingLog log = captureLog(mojo);

        mojo.execute(); // would otherwise fail: no operation to follow

        log.assertContains("Skipping: edge.skip is true.");
    }
}
