package io.github.edgeaddons.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edgeaddons.chrome.ChromeParameters;
import io.github.edgeaddons.config.ConfigException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guard on the Chrome Web Store's parameters, as {@link NetworkSettingsWiringTest} is Edge's: in every goal
 * that has them (the fields of {@link AbstractStoresMojo}), each one set to a value other than its default changes
 * the {@link ChromeParameters} built by {@link AbstractStoresMojo#chromeParameters()}; so do the plugin-wide
 * switches that apply to Chrome. A parameter added to the mojo but forgotten in the builder fails here, naming it.
 */
class ChromeParametersWiringTest {
    /** The Chrome parameters the goal reads itself (which zip), not parsed into ChromeParameters. */
    private static final Set<String> READ_BY_THE_GOAL = new TreeSet<>(Arrays.asList("chromeFile", "chromeClassifier"));
    /** The plugin-wide switches that Chrome obeys. */
    private static final Set<String> PLUGIN_WIDE = new TreeSet<>(Arrays.asList("timeout", "pollInterval", "dryRun",
            "checkCredentials"));

    private static final Map<String, Object> SAMPLES = new HashMap<>();

    static {
        SAMPLES.put("chromeItemId", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        SAMPLES.put("chromePublisherId", "other-publisher");
        SAMPLES.put("chromeServerId", "other-server");
        SAMPLES.put("chromeApiBaseUrl", "https://chrome.example.test");
        SAMPLES.put("chromeTokenUrl", "https://token.example.test/token");
        SAMPLES.put("chromePublishType", "staged");
        SAMPLES.put("chromeDeployPercentage", "33");
        SAMPLES.put("chromeInReview", "skip");
        SAMPLES.put("chromeReviewTimeout", "7m");
        SAMPLES.put("chromeTimeout", "7m");
        SAMPLES.put("timeout", "8m");
        SAMPLES.put("pollInterval", "7s");
    }

    private static final Map<String, Supplier<AbstractStoresMojo>> GOALS = new HashMap<>();

    static {
        GOALS.put("upload", () -> new UploadMojo(null));
        GOALS.put("status", () -> new StatusMojo(null));
        GOALS.put("chrome-release", () -> new ChromeReleaseMojo(null));
        GOALS.put("chrome-rollout", () -> new ChromeRolloutMojo(null));
    }

    private static PluginDescriptor plugin;

    @BeforeAll
    static void readDescriptor() throws Exception {
        try (InputStream in = ChromeParametersWiringTest.class.getResourceAsStream("/META-INF/maven/plugin.xml");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            plugin = new PluginDescriptorBuilder().build(reader);
        }
    }

    /** A parameter of the Chrome Web Store (a field declared by AbstractStoresMojo). */
    static boolean isChromeParameter(String name) {
        try {
            AbstractStoresMojo.class.getDeclaredField(name);
            return name.startsWith("chrome"); // the Firefox section's are checked by NetworkSettingsWiringTest
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    @Test
    void everyChromeParameterOfEveryGoalReachesChromeParameters() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String goal : GOALS.keySet()) {
            MojoDescriptor descriptor = plugin.getMojo(goal);
            assertNotNull(descriptor, goal);
            Set<String> names = new HashSet<>();
            for (Parameter p : descriptor.getParameters()) {
                names.add(p.getName());
            }
            for (Field f : AbstractStoresMojo.class.getDeclaredFields()) {
                if (f.isAnnotationPresent(org.apache.maven.plugins.annotations.Parameter.class)
                        && isChromeParameter(f.getName()) && !names.contains(f.getName())) {
                    problems.add(goal + " lacks the Chrome parameter " + f.getName());
                }
            }
            ChromeParameters baseline = build(goal, null, null);
            for (Parameter p : descriptor.getParameters()) {
                String name = p.getName();
                if (!(isChromeParameter(name) || PLUGIN_WIDE.contains(name)) || READ_BY_THE_GOAL.contains(name)) {
                    continue;
                }
                Object value = p.getType().equals("boolean") ? Boolean.TRUE : SAMPLES.get(name);
                if (value == null) {
                    problems.add(goal + "." + name + " has no sample: add one to SAMPLES");
                    continue;
                }
                ChromeParameters built;
                try {
                    built = build(goal, name, value);
                } catch (ConfigException e) {
                    problems.add(goal + "." + name + "=" + value + " is refused: " + e.getMessage());
                    continue;
                }
                checked++;
                if (baseline.toString().equals(built.toString())) {
                    problems.add(goal + "." + name + " set to " + value + " does not reach ChromeParameters: read it"
                            + " in AbstractStoresMojo.chromeParameters() and parse it in ChromeParameters");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        // 11 Chrome parameters and 4 plugin-wide switches in each of the 4 goals
        assertEquals(60, checked);
    }

    /** A mojo with the defaults Maven injects (item and publisher set), one parameter changed, built. */
    private static ChromeParameters build(String goal, String name, Object value) throws Exception {
        AbstractStoresMojo mojo = GOALS.get(goal).get();
        set(mojo, "chromeItemId", "abcdefghijklmnopabcdefghijklmnop");
        set(mojo, "chromePublisherId", "publisher");
        set(mojo, "chromeDeployPercentage", "20");
        set(mojo, "chromeServerId", ChromeParameters.SERVER_ID);
        set(mojo, "chromePublishType", "default");
        set(mojo, "chromeInReview", "fail");
        set(mojo, "chromeReviewTimeout", ChromeParameters.DEFAULT_REVIEW_TIMEOUT);
        set(mojo, "timeout", "10m");
        if (name != null) {
            set(mojo, name, value);
        }
        return mojo.chromeParameters().build();
    }

    private static void set(Object mojo, String name, Object value) throws Exception {
        for (Class<?> c = mojo.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                f.set(mojo, value);
                return;
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        throw new AssertionError("no field " + name);
    }
}
