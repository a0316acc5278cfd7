package io.github.edgeaddons.release;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code target/edge-addons/result.json} after every network goal (the steps of this build so far,
 * and the last step's outcome at the top level), and appends a short Markdown summary to
 * {@code $GITHUB_STEP_SUMMARY} when that is set.
 */
public final class ResultWriter {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
            .create();

    private final Path resultFile;
    private final String productId;
    private final String project;
    private final List<StepResult> steps = new ArrayList<>();
    private boolean summaryHeaderWritten;

    public ResultWriter(Path resultFile, String productId, String project) {
        this.resultFile = resultFile;
        this.productId = productId;
        this.project = project;
    }

    public Path resultFile() {
        return resultFile;
    }

    /** Adds a finished step and rewrites result.json (atomically). */
    public synchronized void write(StepResult step) throws IOException {
        steps.add(step);
        JsonObject root = new JsonObject();
        root.addProperty("project", project);
        root.addProperty("productId", productId);
        root.addProperty("goal", step.goal);
        root.addProperty("status", step.status);
        String upload = null;
        String publish = null;
        String submission = null;
        for (StepResult s : steps) {
            if ("upload".equals(s.goal) && s.operationId != null) {
                upload = s.operationId;
            }
            if (("publish".equals(s.goal) || "await".equals(s.goal)) && s.operationId != null) {
                publish = s.operationId;
            }
            if (s.submissionId != null) {
                submission = s.submissionId;
            }
        }
        root.addProperty("uploadOperationId", upload);
        root.addProperty("publishOperationId", publish);
        root.addProperty("submissionId", submission);
        root.addProperty("errorCode", step.errorCode);
        root.addProperty("message", step.message);
        root.add("errors", GSON.toJsonTree(step.errors));
        root.addProperty("startedAt", steps.get(0).startedAt.toString());
        root.addProperty("finishedAt", step.finishedAt == null ? null : step.finishedAt.toString());
        JsonArray all = new JsonArray();
        for (StepResult s : steps) {
            all.add(stepJson(s));
        }
        root.add("steps", all);
        Files.createDirectories(resultFile.getParent());
        Path tmp = resultFile.resolveSibling(resultFile.getFileName() + ".tmp");
        Files.write(tmp, GSON.toJson(root).getBytes(StandardCharsets.UTF_8));
        Files.move(tmp, resultFile, StandardCopyOption.REPLACE_EXISTING);
    }

    private static JsonObject stepJson(StepResult s) {
        JsonObject o = new JsonObject();
        o.addProperty("goal", s.goal);
        o.addProperty("status", s.status);
        o.addProperty("operationId", s.operationId);
        o.addProperty("submissionId", s.submissionId);
        o.addProperty("httpStatus", s.httpStatus);
        o.addProperty("errorCode", s.errorCode);
        o.addProperty("message", s.message);
        o.add("errors", GSON.toJsonTree(s.errors));
        o.addProperty("startedAt", s.startedAt.toString());
        o.addProperty("finishedAt", s.finishedAt == null ? null : s.finishedAt.toString());
        o.addProperty("durationMillis", s.finishedAt == null ? null
                : java.time.Duration.between(s.startedAt, s.finishedAt).toMillis());
        return o;
    }

    /** Appends the step to the GitHub Actions job summary file, if there is one. */
    public synchronized void appendSummary(Path summaryFile, StepResult step) throws IOException {
        if (summaryFile == null) {
            return;
        }
        StringBuilder md = new StringBuilder();
        if (!summaryHeaderWritten) {
            md.append("### Microsoft Edge Add-ons: ").append(project).append("\n\n")
                    .append("Product `").append(productId).append("`\n\n")
                    .append("| goal | status | operation | details |\n|---|---|---|---|\n");
            summaryHeaderWritten = true;
        }
        String details = step.submissionId != null ? "submission " + step.submissionId
                : (step.errorCode != null ? step.errorCode + ": " : "") + (step.message == null ? "" : firstLine(step.message));
        md.append("| ").append(step.goal).append(" | ").append(icon(step.status)).append(' ').append(step.status)
                .append(" | ").append(step.operationId == null ? "" : "`" + step.operationId + "`").append(" | ")
                .append(details.replace("|", "\\|")).append(" |\n");
        Files.write(summaryFile, md.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line.trim();
    }

    private static String icon(String status) {
        if (StepResult.SUCCEEDED.equals(status)) {
            return "✅";
        }
        if (StepResult.DRY_RUN.equals(status)) {
            return "📝";
        }
        return "❌";
    }
}
