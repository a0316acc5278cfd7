package io.github.edgeaddons.release;

import io.github.edgeaddons.config.Text;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
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
        String upload = null;
        String publish = null;
        String submission = null;
        java.util.Map<String, StepResult> lastOfStore = new java.util.LinkedHashMap<>();
        for (StepResult s : steps) {
            lastOfStore.put(s.store, s);
            if (!"edge".equals(s.store)) {
                continue; // the top level's operation ids are Edge's, as before other stores
            }
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
        // Gson's streaming writer: no reflection, so the first goal of a build does not pay for Gson's setup
        StringWriter text = new StringWriter();
        try (JsonWriter w = new JsonWriter(text)) {
            w.setIndent("  ");
            w.setHtmlSafe(false);
            w.setSerializeNulls(true);
            w.beginObject();
            w.name("project").value(project);
            w.name("productId").value(productId);
            w.name("goal").value(step.goal);
            w.name("status").value(step.status);
            w.name("uploadOperationId").value(upload);
            w.name("publishOperationId").value(publish);
            w.name("submissionId").value(submission);
            w.name("errorCode").value(step.errorCode);
            w.name("message").value(step.message);
            w.name("errors");
            strings(w, step.errors);
            w.name("startedAt").value(steps.get(0).startedAt.toString());
            w.name("finishedAt").value(step.finishedAt == null ? null : step.finishedAt.toString());
            w.name("stores").beginObject(); // each store's last step: how far its release got
            for (java.util.Map.Entry<String, StepResult> e : lastOfStore.entrySet()) {
                w.name(e.getKey()).beginObject();
                w.name("goal").value(e.getValue().goal);
                w.name("status").value(e.getValue().status);
                w.endObject();
            }
            w.endObject();
            w.name("steps").beginArray();
            for (StepResult s : steps) {
                stepJson(w, s);
            }
            w.endArray();
            w.endObject();
        }
        Files.createDirectories(resultFile.getParent());
        Path tmp = resultFile.resolveSibling(resultFile.getFileName() + ".tmp");
        Files.write(tmp, (text + "\n").getBytes(StandardCharsets.UTF_8));
        Files.move(tmp, resultFile, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void strings(JsonWriter w, List<String> values) throws IOException {
        w.beginArray();
        for (String v : values) {
            w.value(v);
        }
        w.endArray();
    }

    private static void stepJson(JsonWriter w, StepResult s) throws IOException {
        w.beginObject();
        w.name("store").value(s.store);
        w.name("goal").value(s.goal);
        w.name("status").value(s.status);
        w.name("operationId").value(s.operationId);
        w.name("submissionId").value(s.submissionId);
        w.name("httpStatus").value(s.httpStatus);
        w.name("errorCode").value(s.errorCode);
        w.name("message").value(s.message);
        w.name("errors");
        strings(w, s.errors);
        w.name("startedAt").value(s.startedAt.toString());
        w.name("finishedAt").value(s.finishedAt == null ? null : s.finishedAt.toString());
        w.name("durationMillis").value(s.finishedAt == null ? null
                : java.time.Duration.between(s.startedAt, s.finishedAt).toMillis());
        w.endObject();
    }

    /** Appends the step to the GitHub Actions job summary file, if there is one. */
    public synchronized void appendSummary(Path summaryFile, StepResult step) throws IOException {
        if (summaryFile == null) {
            return;
        }
        StringBuilder md = new StringBuilder();
        if (!summaryHeaderWritten) {
            md.append("### Extension release: ").append(project).append("\n\n");
            if (productId != null) {
                md.append("Edge product `").append(productId).append("`\n\n");
            }
            md
                    .append("| store | goal | status | operation | details |\n|---|---|---|---|---|\n");
            summaryHeaderWritten = true;
        }
        String details = step.submissionId != null ? "submission " + step.submissionId
                : (step.errorCode != null ? step.errorCode + ": " : "") + (step.message == null ? "" : Text.firstLine(step.message, 200));
        md.append("| ").append(step.store).append(" | ").append(step.goal).append(" | ").append(icon(step.status)).append(' ').append(step.status)
                .append(" | ").append(step.operationId == null ? "" : "`" + step.operationId + "`").append(" | ")
                .append(details.replace("|", "\\|")).append(" |\n");
        Files.write(summaryFile, md.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static String icon(String status) {
        if (StepResult.SUCCEEDED.equals(status)) {
            return "✅";
        }
        if (StepResult.DRY_RUN.equals(status)) {
            return "📝";
        }
        if (StepResult.ALREADY_RELEASED.equals(status)) {
            return "☑️";
        }
        if (StepResult.NOT_PUBLISHED_IN_REVIEW.equals(status) || StepResult.SKIPPED.equals(status)) {
            return "⏸️";
        }
        return "❌";
    }
}
