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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Runs a GitLab CI job's script locally, as a GitLab runner with the bash shell does: {@code before_script}
 * and {@code script} lines in one shell, in order, stopping at the first that fails, with the job's
 * {@code variables}, the pipeline's predefined variables and the project's CI/CD variables (the secrets) in
 * the environment. Only the {@code if: '$VAR =~ /regex/'} form of {@code rules} is understood. Used by the
 * gitlab-ci IT against the simulator.
 */
public final class GitlabCi {
    private static final Pattern RULE = Pattern.compile("\\$([A-Za-z0-9_]+) =~ /(.*)/");

    private final Map<String, Object> root;

    private GitlabCi(Map<String, Object> root) {
        this.root = root;
    }

    @SuppressWarnings("unchecked")
    public static GitlabCi parse(Path file) throws IOException {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Object doc = yaml.load(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        if (!(doc instanceof Map)) {
            throw new IllegalArgumentException(file + " is not a YAML mapping");
        }
        return new GitlabCi((Map<String, Object>) doc);
    }

    /** The job named {@code name}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> job(String name) {
        Object job = root.get(name);
        if (!(job instanceof Map)) {
            throw new IllegalStateException("no job " + name + " in " + root.keySet());
        }
        return (Map<String, Object>) job;
    }

    /** Whether the job's {@code rules} put it in a pipeline with these predefined variables. */
    @SuppressWarnings("unchecked")
    public boolean runsWith(String jobName, Map<String, String> pipelineVariables) {
        List<Map<String, Object>> rules = (List<Map<String, Object>>) job(jobName).get("rules");
        if (rules == null) {
            return true;
        }
        for (Map<String, Object> rule : rules) {
            String condition = String.valueOf(rule.get("if"));
            Matcher m = RULE.matcher(condition.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("rule not understood here: " + condition);
            }
            String value = pipelineVariables.get(m.group(1));
            if (value != null && Pattern.compile(m.group(2)).matcher(value).find()) {
                return !"never".equals(rule.get("when"));
            }
        }
        return false;
    }

    /** The job's script lines, before_script first. */
    public List<String> scriptLines(String jobName) {
        List<String> lines = lines(jobName, "before_script");
        lines.addAll(lines(jobName, "script"));
        return lines;
    }

    /** The lines of one part of the job: {@code before_script}, {@code script} or {@code after_script}. */
    @SuppressWarnings("unchecked")
    public List<String> lines(String jobName, String part) {
        Map<String, Object> job = job(jobName);
        List<String> lines = new ArrayList<>();
        Object value = job.get(part);
        if (value instanceof List) {
            for (Object line : (List<Object>) value) {
                lines.add(String.valueOf(line));
            }
        } else if (value != null) {
            lines.add(String.valueOf(value));
        }
        return lines;
    }

    /**
     * Runs the job's script lines in one bash, stopping at the first line that fails.
     *
     * @param pipelineVariables the runner's predefined variables (CI_COMMIT_TAG, CI_PROJECT_DIR, PATH, MAVEN_OPTS...)
     * @param cicdVariables the project's CI/CD variables (the secrets)
     */
    public GithubWorkflow.StepRun runScript(String jobName, File workspace, Map<String, String> pipelineVariables,
            Map<String, String> cicdVariables) throws IOException, InterruptedException {
        return run(jobName, scriptLines(jobName), workspace, pipelineVariables, cicdVariables);
    }

    /**
     * Runs the job's {@code script} lines only, for a caller that provides what {@code before_script} does
     * (e.g. a plugin it installed itself); otherwise as {@link #runScript}.
     */
    public GithubWorkflow.StepRun runScriptWithoutBeforeScript(String jobName, File workspace,
            Map<String, String> pipelineVariables, Map<String, String> cicdVariables)
            throws IOException, InterruptedException {
        return run(jobName, lines(jobName, "script"), workspace, pipelineVariables, cicdVariables);
    }

    @SuppressWarnings("unchecked")
    private GithubWorkflow.StepRun run(String jobName, List<String> lines, File workspace,
            Map<String, String> pipelineVariables, Map<String, String> cicdVariables)
            throws IOException, InterruptedException {
        Map<String, String> env = new LinkedHashMap<>(pipelineVariables);
        Map<String, Object> variables = (Map<String, Object>) job(jobName).get("variables");
        if (variables != null) {
            variables.forEach((k, v) -> env.put(k, String.valueOf(v)));
        }
        env.putAll(cicdVariables);
        return GithubWorkflow.runBash(jobName, String.join("\n", lines) + "\n", workspace, env);
    }
}
