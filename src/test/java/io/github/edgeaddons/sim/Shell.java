package io.github.edgeaddons.sim;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command or script with bash, as a user or a CI runner would (the readme-commands and github-workflow ITs). */
public final class Shell {
    private Shell() {}

    /** What one command did. */
    public static final class Run {
        public final String command;
        public final int exitCode;
        public final String output;

        Run(String command, int exitCode, String output) {
            this.command = command;
            this.exitCode = exitCode;
            this.output = output;
        }

        @Override
        public String toString() {
            return "$ " + command + " (exit " + exitCode + ")\n" + output;
        }
    }

    /** Runs {@code command} with bash in {@code directory}, with {@code env} added to this process's environment. */
    public static Run run(File directory, String command, Map<String, ?> env)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-e", "-o", "pipefail", "-c", command)
                .directory(directory)
                .redirectErrorStream(true);
        for (Map.Entry<String, ?> e : env.entrySet()) {
            pb.environment().put(e.getKey(), String.valueOf(e.getValue())); // Groovy may hand GStrings
        }
        Path out = Files.createTempFile("shell", ".log");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("'" + command + "' did not finish in 10 minutes");
        }
        // without -B, Maven colours its output: the text without the colour codes is what a user reads
        String output = new String(Files.readAllBytes(out), StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "");
        Files.delete(out);
        return new Run(command, p.exitValue(), output);
    }
}
