package io.github.edgeaddons.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.edgeaddons.edge.ClientSettings;
import io.github.edgeaddons.config.ConfigException;
import io.github.edgeaddons.release.NetworkSettings;
import io.github.edgeaddons.release.ServerCredentials;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guard on the network goals' parameters: every parameter that the goals share (a field of
 * {@link AbstractNetworkMojo}) reaches the {@link NetworkSettings} value, and every other parameter of a
 * network goal is one that the goal reads itself. For each goal of the generated plugin.xml, a mojo gets the
 * defaults that Maven would inject (read from the descriptor), then each parameter in turn a value other
 * than its default; the settings built from it must differ from those built from the defaults, and so must
 * the client's settings built from those. A parameter added to the mojo but not to
 * {@link AbstractNetworkMojo#networkParameters()}, not to the value, or not passed on to the client fails
 * here, naming it.
 */
class NetworkSettingsWiringTest {
    private static final String PRODUCT_ID = MojoFixtures.PRODUCT_ID;

    /** Valid values other than the defaults, for the parameters whose text has a form to respect. */
    private static final Map<String, String> SAMPLES = new HashMap<>();

    static {
        SAMPLES.put("productId", "0a1b2c3d-0000-4000-8000-00000000abcd");
        SAMPLES.put("serverId", "other-server");
        SAMPLES.put("apiBaseUrl", "https://edge.example.test");
        SAMPLES.put("authMode", "clientCredentials");
        SAMPLES.put("tokenUrl", "https://login.example.test/tenant/oauth2/v2.0/token");
        SAMPLES.put("scope", "https://edge.example.test/.default");
        SAMPLES.put("pollInterval", "7s");
        SAMPLES.put("timeout", "7m");
        SAMPLES.put("apiKeyExpires", "2099-01-31");
    }

    /** The parameters each network goal reads itself, beside the shared ones. */
    private static final Map<String, Set<String>> GOAL_OWN = new HashMap<>();

    static {
        GOAL_OWN.put("upload", new TreeSet<>(Arrays.asList("file", "classifier", "checkVersion", "ignoredChecks")));
        GOAL_OWN.put("publish", new TreeSet<>(Arrays.asList("notes", "notesFile", "requireUpload", "inReview")));
        GOAL_OWN.put("await", new TreeSet<>(Arrays.asList("operationId", "inReview")));
        GOAL_OWN.put("status", new TreeSet<>(Arrays.asList("operationId")));
        GOAL_OWN.put("firefox-release", new TreeSet<>());
        GOAL_OWN.put("chrome-release", new TreeSet<>());
        GOAL_OWN.put("chrome-rollout", new TreeSet<>());
    }

    private static final Map<String, Supplier<AbstractNetworkMojo>> GOALS = new HashMap<>();

    static {
        GOALS.put("upload", () -> new UploadMojo(null));
        GOALS.put("publish", () -> new PublishMojo(null));
        GOALS.put("await", () -> new AwaitMojo(null));
        GOALS.put("status", () -> new StatusMojo(null));
        GOALS.put("firefox-release", () -> new FirefoxReleaseMojo(null));
        GOALS.put("chrome-release", () -> new ChromeReleaseMojo(null));
        GOALS.put("chrome-rollout", () -> new ChromeRolloutMojo(null));
    }

    private static PluginDescriptor plugin;

    @BeforeAll
    static void readDescriptor() throws Exception {
        try (InputStream in = NetworkSettingsWiringTest.class.getResourceAsStream("/META-INF/maven/plugin.xml");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            plugin = new PluginDescriptorBuilder().build(reader);
        }
    }

    @Test
    void everySharedParameterOfEveryNetworkGoalReachesTheSettings() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String goal : GOALS.keySet()) {
            MojoDescriptor descriptor = plugin.getMojo(goal);
            assertNotNull(descriptor, goal);
            Map<String, Object> defaults = defaults(descriptor);
            NetworkSettings baseline = settings(goal, defaults, null, null);
            for (Parameter p : descriptor.getParameters()) {
                if (!p.isEditable() || p.getName().equals("skip")) {
                    continue; // injected by Maven (project, session...), or read before anything else
                }
                if (isFirefoxParameter(p.getName())) {
                    continue; // checked by everyFirefoxParameterReachesTheFirefoxParameters
                }
                if (ChromeParametersWiringTest.isChromeParameter(p.getName())) {
                    continue; // the Chrome Web Store's, checked by ChromeParametersWiringTest
                }
                if (field(AbstractNetworkMojo.class, p.getName()) == null) {
                    if (!GOAL_OWN.get(goal).contains(p.getName())) {
                        problems.add(goal + "." + p.getName() + " is neither a shared network parameter (a field of"
                                + " AbstractNetworkMojo, read into NetworkSettings) nor listed as read by the goal");
                    }
                    continue;
                }
                Object value = changed(p, defaults.get(p.getName()));
                NetworkSettings built;
                try {
                    built = settings(goal, defaults, p.getName(), value);
                } catch (ConfigException e) {
                    problems.add(goal + "." + p.getName() + "=" + value + " is refused (" + e.getMessage()
                            + "): give it a valid sample in SAMPLES");
                    continue;
                }
                checked++;
                if (sameFields(baseline, built)) {
                    problems.add(goal + "." + p.getName() + " set to " + value + " does not reach NetworkSettings:"
                            + " read it in AbstractNetworkMojo.networkParameters() and parse it in NetworkSettings");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        // 11 shared parameters in each of the 7 goals: the loop above did look at them
        assertTrue(checked >= 77, "checked " + checked);
    }

    /** A Firefox parameter: a field of {@link AbstractStoresMojo}'s Firefox section. */
    private static boolean isFirefoxParameter(String name) {
        Field f = field(AbstractStoresMojo.class, name);
        return f != null && f.getDeclaringClass() == AbstractStoresMojo.class && name.startsWith("firefox");
    }

    /** Valid values other than the defaults for the Firefox parameters whose text has a form to respect. */
    private static final Map<String, Object> FIREFOX_SAMPLES = new HashMap<>();

    static {
        FIREFOX_SAMPLES.put("firefoxAddonId", "other@example.com");
        FIREFOX_SAMPLES.put("firefoxApiBaseUrl", "https://amo.example.test");
        FIREFOX_SAMPLES.put("firefoxChannel", "unlisted");
        FIREFOX_SAMPLES.put("firefoxReleaseNotesLocale", "de");
        FIREFOX_SAMPLES.put("firefoxLicense", "MIT");
        FIREFOX_SAMPLES.put("firefoxCompatibility", "android");
        FIREFOX_SAMPLES.put("firefoxReviewTimeout", "7m");
        FIREFOX_SAMPLES.put("firefoxTimeout", "7m");
        FIREFOX_SAMPLES.put("firefoxFile", new java.io.File("other.zip"));
        FIREFOX_SAMPLES.put("firefoxSourcesFile", new java.io.File("other-sources.zip"));
        FIREFOX_SAMPLES.put("firefoxResumeVersion", "1.2.3");
    }

    /** The plugin-wide switches that Firefox's release reads too. */
    private static final Set<String> SHARED_WITH_FIREFOX = new TreeSet<>(Arrays.asList("timeout", "pollInterval",
            "dryRun", "checkCredentials"));

    /**
     * Every Firefox parameter of every goal that has them ({@code upload}, whose deploy releases to Firefox too,
     * and {@code firefox-release}), and the plugin-wide switches it uses, reach {@link
     * io.github.edgeaddons.firefox.FirefoxParameters}: set to another value, the parsed value differs.
     */
    @Test
    void everyFirefoxParameterReachesTheFirefoxParameters() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String goal : Arrays.asList("upload", "firefox-release")) {
            MojoDescriptor descriptor = plugin.getMojo(goal);
            assertNotNull(descriptor, goal);
            Map<String, Object> defaults = defaults(descriptor);
            defaults.put("firefoxAddonId", "a@b");
            Object baseline = firefox(goal, defaults, null, null);
            for (Parameter p : descriptor.getParameters()) {
                if (!isFirefoxParameter(p.getName()) && !SHARED_WITH_FIREFOX.contains(p.getName())) {
                    continue;
                }
                Object value = FIREFOX_SAMPLES.containsKey(p.getName()) ? FIREFOX_SAMPLES.get(p.getName())
                        : changed(p, defaults.get(p.getName()));
                Object built;
                try {
                    built = firefox(goal, defaults, p.getName(), value);
                } catch (ConfigException e) {
                    problems.add(goal + "." + p.getName() + "=" + value + " is refused (" + e.getMessage()
                            + "): give it a valid sample in FIREFOX_SAMPLES");
                    continue;
                }
                checked++;
                if (sameFields(baseline, built)) {
                    problems.add(goal + "." + p.getName() + " set to " + value + " does not reach FirefoxParameters:"
                            + " read it in AbstractStoresMojo.firefoxParameters() and parse it in FirefoxParameters");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        // 16 Firefox parameters and 4 shared ones in each of the 2 goals
        assertTrue(checked >= 40, "checked " + checked);
    }

    private static Object firefox(String goal, Map<String, Object> values, String name, Object value)
            throws Exception {
        AbstractStoresMojo mojo = (AbstractStoresMojo) GOALS.get(goal).get();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Field f = field(mojo.getClass(), e.getKey());
            if (f != null && !(f.getType().isPrimitive() && e.getValue() == null)) {
                f.setAccessible(true);
                f.set(mojo, e.getKey().equals(name) ? value : e.getValue());
            }
        }
        if (name != null) {
            Field f = field(mojo.getClass(), name);
            f.setAccessible(true);
            f.set(mojo, value);
        }
        return mojo.firefoxParameters().build();
    }

    /** The guard itself: a parameter that the builder is not given leaves the settings as they were. */
    @Test
    void theComparisonSeesAForgottenParameter() throws Exception {
        NetworkSettings a = NetworkSettings.builder().productId(PRODUCT_ID).build();
        NetworkSettings b = NetworkSettings.builder().productId(PRODUCT_ID).build();
        NetworkSettings c = NetworkSettings.builder().productId(PRODUCT_ID).pollInterval("7s").build();
        assertTrue(sameFields(a, b));
        assertTrue(!sameFields(a, c), "a fixed poll interval differs from the adaptive policy");
    }

    @Test
    void theGoalsOwnParametersExist() {
        for (Map.Entry<String, Set<String>> e : GOAL_OWN.entrySet()) {
            MojoDescriptor d = plugin.getMojo(e.getKey());
            for (String name : e.getValue()) {
                assertTrue(d.getParameterMap().containsKey(name), e.getKey() + " has no parameter " + name);
            }
        }
    }

    /** The values Maven injects when nothing is configured: each parameter's default-value, else null. */
    private static Map<String, Object> defaults(MojoDescriptor descriptor) throws Exception {
        Map<String, Object> values = new HashMap<>();
        PlexusConfiguration config = descriptor.getMojoConfiguration();
        for (Parameter p : descriptor.getParameters()) {
            if (!p.isEditable()) {
                continue;
            }
            PlexusConfiguration c = config.getChild(p.getName(), false);
            String text = c == null ? null : c.getAttribute("default-value", null);
            values.put(p.getName(), typed(p, text));
        }
        values.put("productId", PRODUCT_ID); // required by the network goals
        return values;
    }

    private static Object typed(Parameter p, String text) {
        if (p.getType().equals("boolean")) {
            return Boolean.parseBoolean(text);
        }
        return text;
    }

    private static Object changed(Parameter p, Object current) {
        if (p.getType().equals("boolean")) {
            return !(Boolean) current;
        }
        if (p.getType().equals(String.class.getName())) {
            return SAMPLES.getOrDefault(p.getName(), "sample-" + p.getName());
        }
        fail(p.getName() + " has type " + p.getType() + ": teach this test a sample of it");
        return null;
    }

    private static NetworkSettings settings(String goal, Map<String, Object> values, String name, Object value)
            throws Exception {
        AbstractNetworkMojo mojo = GOALS.get(goal).get();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Field f = field(mojo.getClass(), e.getKey());
            if (f != null && !(f.getType().isPrimitive() && e.getValue() == null)) {
                f.setAccessible(true);
                f.set(mojo, e.getKey().equals(name) ? value : e.getValue());
            }
        }
        if (name != null) {
            Field f = field(mojo.getClass(), name);
            f.setAccessible(true);
            f.set(mojo, value);
        }
        return mojo.networkSettings();
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        return null;
    }

    /** Field by field; values whose class has no equals of its own (the poll policy) by their description. */
    static boolean sameFields(Object a, Object b) throws IllegalAccessException {
        for (Field f : a.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            Object x = f.get(a);
            Object y = f.get(b);
            boolean same = x != null && y != null && !hasOwnEquals(x.getClass())
                    ? x.toString().equals(y.toString()) : Objects.equals(x, y);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasOwnEquals(Class<?> c) {
        try {
            return c.getMethod("equals", Object.class).getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The shared parameters that are not the client's business, and why. */
    private static final Map<String, String> NOT_FOR_THE_CLIENT = new HashMap<>();

    static {
        NOT_FOR_THE_CLIENT.put("dryRun", "the goal decides whether to send");
        NOT_FOR_THE_CLIENT.put("checkCredentials", "the goal decides whether to probe");
        NOT_FOR_THE_CLIENT.put("apiKeyExpires", "checked by the goal before the client exists");
        NOT_FOR_THE_CLIENT.put("serverId", "names the settings.xml server whose credentials the client gets");
    }

    /**
     * Every other shared parameter goes on from {@link NetworkSettings} into the client's settings: set to
     * another value, it changes the {@link ClientSettings} built from it (under a settings.xml server with a
     * token URL, so that {@code authMode=apiKey} and {@code tokenUrl} make a difference too).
     */
    @Test
    void everySharedParameterForTheClientReachesTheClientSettings() throws Exception {
        ServerCredentials server = new ServerCredentials("edge-addons", "client", "secret",
                "https://login.example.test/server/oauth2/v2.0/token");
        MojoDescriptor descriptor = plugin.getMojo("upload");
        Map<String, Object> defaults = defaults(descriptor);
        ClientSettings baseline = settings("upload", defaults, null, null).clientSettings(server, null).build();
        List<String> problems = new ArrayList<>();
        for (Parameter p : descriptor.getParameters()) {
            if (!p.isEditable() || p.getName().equals("skip") || field(AbstractNetworkMojo.class, p.getName()) == null
                    || NOT_FOR_THE_CLIENT.containsKey(p.getName())) {
                continue;
            }
            Object value = p.getName().equals("authMode") ? "apiKey" : changed(p, defaults.get(p.getName()));
            ClientSettings built = settings("upload", defaults, p.getName(), value).clientSettings(server, null).build();
            if (sameFields(baseline, built)) {
                problems.add(p.getName() + " set to " + value + " does not reach ClientSettings: pass it on in"
                        + " NetworkSettings.clientSettings, or list it in NOT_FOR_THE_CLIENT with the reason");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theDefaultsAreTheOnesMavenInjects() throws Exception {
        NetworkSettings s = settings("upload", defaults(plugin.getMojo("upload")), null, null);
        assertEquals("edge-addons", s.serverId());
        assertEquals(java.time.Duration.ofMinutes(10), s.timeout());
        assertTrue(s.pollPolicy().isAdaptive());
    }
}
