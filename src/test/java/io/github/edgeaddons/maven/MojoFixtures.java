package io.github.edgeaddons.maven;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.sim.EdgeApiSimulator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/** Fixtures shared by the mojo tests: real zips, real settings, real artifacts, a log that keeps every line. */
final class MojoFixtures {
    static final String PRODUCT_ID = "d34f98f5-f9b7-42b1-bebb-98707202b21d";
    static final String CLIENT_ID = "0f1e2d3c-client-id-4b5a69788796";
    static final String API_KEY = "plain-API-key-Xy7Qv93kLm";
    static final String VALID_MANIFEST = "{\"manifest_version\":3,\"name\":\"x\",\"version\":\"1.0.0\"}";

    private MojoFixtures() {}

    /** A {@link Log} that records every line (with its level) so tests can assert on what the build printed. */
    static final class CapturingLog implements Log {
        final List<String> lines = new ArrayList<>();

        private void add(String level, CharSequence content, Throwable error) {
            lines.add("[" + level + "] " + (content == null ? "" : content)
                    + (error == null ? "" : " " + error));
        }

        String text() {
            return String.join("\n", lines);
        }

        void assertContains(String expected) {
            assertTrue(text().contains(expected), "log should contain <" + expected + ">, was:\n" + text());
        }

        void assertNotContains(String unexpected) {
            assertFalse(text().contains(unexpected), "log must not contain <" + unexpected + ">, was:\n" + text());
        }

        @Override
        public boolean isDebugEnabled() {
            return true; // as under mvn -X: secrets must stay out of the debug lines too
        }

        @Override
        public void debug(CharSequence content) {
            add("DEBUG", content, null);
        }

        @Override
        public void debug(CharSequence content, Throwable error) {
            add("DEBUG", content, error);
        }

        @Override
        public void debug(Throwable error) {
            add("DEBUG", null, error);
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public void info(CharSequence content) {
            add("INFO", content, null);
        }

        @Override
        public void info(CharSequence content, Throwable error) {
            add("INFO", content, error);
        }

        @Override
        public void info(Throwable error) {
            add("INFO", null, error);
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public void warn(CharSequence content) {
            add("WARN", content, null);
        }

        @Override
        public void warn(CharSequence content, Throwable error) {
            add("WARN", content, error);
        }

        @Override
        public void warn(Throwable error) {
            add("WARN", null, error);
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        public void error(CharSequence content) {
            add("ERROR", content, null);
        }

        @Override
        public void error(CharSequence content, Throwable error) {
            add("ERROR", content, error);
        }

        @Override
        public void error(Throwable error) {
            add("ERROR", null, error);
        }
    }

    static CapturingLog captureLog(Mojo mojo) {
        CapturingLog log = new CapturingLog();
        mojo.setLog(log);
        return log;
    }

    /**
     * Points {@code mojo} at the simulator as a build in {@code dir} would: the simulator's client id and API
     * key in the {@code edge-addons} server entry, a project whose pom and target are in {@code dir}, and the
     * simulator's base URL; its log is captured.
     */
    static CapturingLog againstSimulator(Mojo mojo, EdgeApiSimulator sim, Path dir) throws IllegalAccessException {
        setVariableValueToObject(mojo, "settings",
                settingsWith(server("edge-addons", EdgeApiSimulator.CLIENT_ID, EdgeApiSimulator.API_KEY)));
        MavenProject project = project("ext", null);
        project.setFile(dir.resolve("pom.xml").toFile());
        project.getBuild().setDirectory(dir.resolve("target").toString());
        setVariableValueToObject(mojo, "project", project);
        setVariableValueToObject(mojo, "apiBaseUrl", sim.baseUrl());
        return captureLog(mojo);
    }

    /** A real zip with the given entries (name, content, name, content, ...). */
    static Path zip(Path file, String... nameThenContent) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream os = Files.newOutputStream(file);
                ZipOutputStream out = new ZipOutputStream(os)) {
            for (int i = 0; i < nameThenContent.length; i += 2) {
                out.putNextEntry(new ZipEntry(nameThenContent[i]));
                out.write(nameThenContent[i + 1].getBytes(UTF_8));
                out.closeEntry();
            }
        }
        return file;
    }

    /** A zip the package checks accept: manifest.json at the root. */
    static Path validZip(Path file) throws IOException {
        return zip(file, "manifest.json", VALID_MANIFEST, "background.js", "console.log('x');");
    }

    static Server server(String id, String username, String password) {
        Server s = new Server();
        s.setId(id);
        s.setUsername(username);
        s.setPassword(password);
        return s;
    }

    static Settings settingsWith(Server... servers) {
        Settings settings = new Settings();
        for (Server s : servers) {
            settings.addServer(s);
        }
        return settings;
    }

    /** {@code <configuration><tokenUrl>url</tokenUrl></configuration>}, as settings.xml gives it on Maven 3. */
    static Xpp3Dom tokenUrlConfiguration(String url) {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom tokenUrl = new Xpp3Dom("tokenUrl");
        tokenUrl.setValue(url);
        configuration.addChild(tokenUrl);
        return configuration;
    }

    static Artifact zipArtifact(String artifactId, String classifier, Path file) {
        DefaultArtifact a = new DefaultArtifact("org.example", artifactId, "1.0.0", "compile", "zip", classifier,
                new DefaultArtifactHandler("zip"));
        a.setFile(file == null ? null : file.toFile());
        return a;
    }

    static Artifact jarArtifact(String artifactId, Path file) {
        DefaultArtifact a = new DefaultArtifact("org.example", artifactId, "1.0.0", "compile", "jar", null,
                new DefaultArtifactHandler("jar"));
        a.setFile(file == null ? null : file.toFile());
        return a;
    }

    /** A plain project (no mocks) with the given main artifact and attached artifacts. */
    static MavenProject project(String artifactId, Artifact main, Artifact... attached) {
        MavenProject project = new MavenProject();
        project.setGroupId("org.example");
        project.setArtifactId(artifactId);
        project.setVersion("1.0.0");
        if (main != null) {
            project.setArtifact(main);
        }
        for (Artifact a : attached) {
            project.addAttachedArtifact(a);
        }
        return project;
    }
}
