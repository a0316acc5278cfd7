package io.github.edgeaddons.maven;

import static io.github.edgeaddons.maven.MojoFixtures.PRODUCT_ID;
import static io.github.edgeaddons.maven.MojoFixtures.captureLog;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.maven.MojoFixtures.CapturingLog;
import java.io.File;
import java.util.Properties;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The documented user properties ({@code -Dedge.xxx=...}) reach the parameters, as on the command line. */
@MojoTest
class UserPropertiesTest {
    private static final String POM = "classpath:/unit/defaults/pom.xml";

    /** The build's session (the harness's); its user properties are what -D sets. */
    @Inject
    MavenSession session;

    @BeforeEach
    void commandLine() {
        Properties p = session.getUserProperties();
        p.setProperty("edge.productId", PRODUCT_ID);
        p.setProperty("edge.serverId", "ci-edge");
        p.setProperty("edge.apiBaseUrl", "http://localhost:8089");
        p.setProperty("edge.authMode", "apiKey");
        p.setProperty("edge.tokenUrl", "https://login.example.com/t/oauth2/v2.0/token");
        p.setProperty("edge.scope", "https://example.com/.default");
        p.setProperty("edge.timeout", "90s");
        p.setProperty("edge.pollInterval", "PT0.2S");
        p.setProperty("edge.dryRun", "true");
        p.setProperty("edge.file", "target/ext.zip");
        p.setProperty("edge.classifier", "edge");
        p.setProperty("edge.operationId", "op-1");
        p.setProperty("edge.notes", "notes from -D");
        p.setProperty("edge.notesFile", "notes.txt");
        p.setProperty("edge.requireUpload", "false");
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    void uploadReadsEdgeProperties(UploadMojo mojo) {
        assertEquals(PRODUCT_ID, mojo.productId);
        assertEquals("ci-edge", mojo.serverId);
        assertEquals("http://localhost:8089", mojo.apiBaseUrl);
        assertEquals("apiKey", mojo.authMode);
        assertEquals("https://login.example.com/t/oauth2/v2.0/token", mojo.tokenUrl);
        assertEquals("https://example.com/.default", mojo.scope);
        assertEquals("90s", mojo.timeout);
        assertEquals("PT0.2S", mojo.pollInterval);
        assertTrue(mojo.dryRun);
        assertTrue(mojo.file.getPath().endsWith("target" + File.separator + "ext.zip"), mojo.file.getPath());
        assertEquals("edge", mojo.classifier);
    }

    @Test
    @InjectMojo(goal = "publish", pom = POM)
    void publishReadsItsProperties(PublishMojo mojo) {
        assertEquals("notes from -D", mojo.notes);
        assertTrue(mojo.notesFile.getPath().endsWith("notes.txt"), mojo.notesFile.getPath());
        assertEquals(false, mojo.requireUpload);
    }

    @Test
    @InjectMojo(goal = "await", pom = POM)
    void awaitReadsEdgeOperationId(AwaitMojo mojo) {
        assertEquals("op-1", mojo.operationId);
        assertEquals("90s", mojo.timeout);
    }
}
