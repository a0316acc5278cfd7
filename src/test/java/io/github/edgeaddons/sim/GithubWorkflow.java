package io.github.edgeaddons.sim;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Runs a GitHub Actions workflow's shell steps locally, as the runner would: each {@code run:} with bash in
 * the workspace, with the step's {@code env:} ({@code ${{ secrets.X }}} taken from the given secrets) and
 * the runner's variables. {@code uses:} steps (checkout, setup-java, upload-artifact) are the runner's
 * business and are only listed. Used by the github-workflow IT against the simulator.
 */
public final class GithubWorkflow {
    private static final Pattern SECRET = Pattern.compile("\\$\\{\\{\\s*secrets\\.([A-Za-z0-9_]+)\\s*}}");

    private final Map<String, Object> root;

    private GithubWorkflow(Map<String, Object> root) {
        this.root = root;
    }

    @SuppressWarnings("unchecked")
    public static GithubWorkflow parse(Path file) throws IOException {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Object doc = yaml.load(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        if (!(doc instanceof Map)) {
            throw new IllegalArgumentException(file + " is not a YAML mapping");
        }
        return new GithubWorkflow((Map<String, Object>) doc);
    }

    public Map<String, Object> root() {
        return root;
    }

    /** The tag patterns of {@code on.push.tags}. SnakeYAML reads the key {@code on} as the boolean true. */
    @SuppressWarnings("unchecked")
    public List<String> pushTags() {
        Object on = root.containsKey("on") ? root.get("on") : root.get(Boolean.TRUE);
        Map<String, Object> push = (Map<String, Object>) ((Map<String, Object>) on).get("push");
        return (List<String>) push.get("tags");
    }

    /** The steps of the only job. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> steps() {
        Map<String, Object> jobs = (Map<String, Object>) root.get("jobs");
        if (jobs.size() != 1) {
            throw new IllegalStateException("expected one job, found " + jobs.keySet());
        }
        Map<String, Object> job = (Map<String, Object>) jobs.values().iterator().next();
        return (List<Map<String, Object>>) job.get("steps");
    }

    /** What one run step did. */
    public static final class StepRun {
        public final String name;
        public final int exitCode;
        public final String output;

        StepRun(String name, int exitCode, String output) {
            this.name = name;
            this.exitCode = exitCode;
            this.output = output;
        }
    }

    /** Runs {@code script} with bash (-e, pipefail) in {@code workspace} with exactly {@code env} added, as a CI runner does. */
    static StepRun runBash(String name, String script, File workspace, Map<String, String> env)
            throws IOException, InterruptedException {
        Shell.Run r = Shell.run(workspace, script, env);
        return new StepRun(name, r.exitCode, r.output);
    }

    /** The step named {@code name}. */
    public Map<String, Object> step(String name) {
        for (Map<String, Object> step : steps()) {
            if (name.equals(step.get("name"))) {
                return step;
            }
        }
        throw new IllegalStateException("no step named '" + name + "'");
    }

    /**
     * Runs every {@code run:} step in order, stopping at the first that fails (as the runner does).
     *
     * @param runnerEnv the runner's variables (GITHUB_REF_NAME, GITHUB_STEP_SUMMARY, PATH, MAVEN_OPTS...)
     * @param secrets the repository secrets
     * @param leftOut the names of run steps whose effect the caller provides instead (they are not run)
     */
    @SuppressWarnings("unchecked")
    public List<StepRun> runShellSteps(File workspace, Map<String, String> runnerEnv, Map<String, String> secrets,
            Set<String> leftOut) throws IOException, InterruptedException {
        for (String name : leftOut) {
            step(name);
        }
        List<StepRun> runs = new ArrayList<>();
        for (Map<String, Object> step : steps()) {
            Object run = step.get("run");
            if (run == null) {
                continue;
            }
            String name = String.valueOf(step.getOrDefault("name", run));
            if (leftOut.contains(name)) {
                continue;
            }
            Map<String, String> env = new LinkedHashMap<>(runnerEnv);
            Map<String, Object> stepEnv = (Map<String, Object>) step.get("env");
            if (stepEnv != null) {
                for (Map.Entry<String, Object> e : stepEnv.entrySet()) {
                    env.put(e.getKey(), resolveSecrets(String.valueOf(e.getValue()), secrets));
                }
            }
            StepRun result = runBash(name, run.toString(), workspace, env);
            runs.add(result);
            if (result.exitCode != 0) {
                break;
            }
        }
        return runs;
    }

    private static String resolveSecrets(String value, Map<String, String> secrets) {
        Matcher m = SECRET.matcher(value);
        StringBuffer sb = new StringBuffer();
        while (m.find()) {
            String secret = secrets.get(m.group(1));
            if (secret == null) {
                throw new IllegalArgumentException("the workflow uses secrets." + m.group(1) + ", which was not given");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(secret));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
