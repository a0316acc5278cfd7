package io.github.edgeaddons.sim;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One upload or publish operation of the simulated store: when it ends (after a number of status requests,
 * after a time, or when {@link EdgeApiSimulator#complete(String) completed}), and the status bodies it
 * answers in the vocabulary it was created with.
 */
final class StoreOperation {
    final String id;
    final Operation.Kind kind;
    final String productId;
    final Instant created;
    final Outcome outcome;
    final Vocabulary vocabulary;
    final String successMessage;
    // guarded by this
    Instant terminalAt;
    int polls;

    StoreOperation(String id, Operation.Kind kind, String productId, Instant created, Outcome outcome,
            Vocabulary vocabulary) {
        this.id = id;
        this.kind = kind;
        this.productId = productId;
        this.created = created;
        this.outcome = outcome;
        this.vocabulary = vocabulary;
        this.successMessage = kind == Operation.Kind.UPLOAD ? EdgeApiSimulator.UPLOAD_SUCCESS_MESSAGE
                : "Successfully created submission with ID " + submissionNumber();
        if (outcome.delay() != null) {
            terminalAt = created.plus(outcome.delay());
        }
    }

    /** Ends a pending operation now (see {@link EdgeApiSimulator#complete(String)}). */
    synchronized void complete(Instant now) {
        if (terminalAt == null || now.isBefore(terminalAt)) {
            terminalAt = now;
        }
    }

    /** A 19-digit submission id, as the live service answers (1152921505701822265): more than a long's 18 safe digits. */
    private static String submissionNumber() {
        return "11529215" + String.format(Locale.ROOT, "%011d",
                java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }

    /** Answer one status GET: the JSON body. */
    synchronized String poll(Instant now) {
        polls++;
        boolean terminal;
        if (terminalAt != null && !now.isBefore(terminalAt)) {
            terminal = true;
        } else if (outcome.delay() != null) {
            terminal = !now.isBefore(terminalAt);
        } else if (terminalAt != null) {
            terminal = true;
        } else if (polls > outcome.polls()) {
            terminal = true;
            terminalAt = now;
        } else {
            terminal = false;
        }
        String createdTime = outcome.isNullTimes() ? null : created.toString();
        if (!terminal) {
            return statusJson(createdTime, createdTime, inProgressWord(), null, null, "null");
        }
        if (outcome.isIdAndMessageOnly()) {
            return "{\"id\":" + SimJson.quote(id) + ",\"message\":" + SimJson.quote(message()) + "}";
        }
        String updated = outcome.isNullTimes() ? null : terminalAt.toString();
        if (outcome.isSuccess()) {
            return statusJson(createdTime, updated, finalWord(), message(), null, "null");
        }
        return statusJson(createdTime, updated, finalWord(), message(), outcome.errorCode(), errorsJson());
    }

    private String message() {
        return outcome.hasMessage() ? outcome.message() : successMessage;
    }

    private String statusJson(String createdTime, String updated, String status, String message,
            String errorCode, String errorsJson) {
        return "{\"id\":" + SimJson.quote(id)
                + ",\"createdTime\":" + SimJson.quote(createdTime)
                + ",\"lastUpdatedTime\":" + SimJson.quote(updated)
                + ",\"status\":" + SimJson.quote(status)
                + ",\"message\":" + SimJson.quote(message)
                + ",\"errorCode\":" + SimJson.quote(errorCode)
                + ",\"errors\":" + errorsJson + "}";
    }

    private String errorsJson() {
        List<Outcome.ErrorItem> errors = outcome.errors();
        if (vocabulary == Vocabulary.LEGACY_2021 && kind == Operation.Kind.UPLOAD) {
            // 2021 proposal: [{"id": "MANIFEST_FILE_MISSING", "message": "..."}]
            String code = outcome.errorCode() != null ? outcome.errorCode() : "MANIFEST_FILE_MISSING";
            StringBuilder sb = new StringBuilder("[");
            if (errors == null) {
                sb.append("{\"id\":").append(SimJson.quote(code)).append(",\"message\":")
                        .append(SimJson.quote(outcome.message())).append('}');
            } else {
                for (int i = 0; i < errors.size(); i++) {
                    sb.append(i > 0 ? "," : "").append("{\"id\":").append(SimJson.quote(code))
                            .append(",\"message\":").append(SimJson.quote(errors.get(i).message())).append('}');
                }
            }
            return sb.append(']').toString();
        }
        if (errors == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < errors.size(); i++) {
            Outcome.ErrorItem e = errors.get(i);
            if (i > 0) {
                sb.append(',');
            }
            if (e.isObject()) {
                sb.append("{\"message\":").append(SimJson.quote(e.message())).append('}');
            } else {
                sb.append(SimJson.quote(e.message()));
            }
        }
        return sb.append(']').toString();
    }

    private String inProgressWord() {
        return vocabulary == Vocabulary.MODERN ? "InProgress" : "IN-PROGRESS";
    }

    String finalWord() {
        if (vocabulary == Vocabulary.MODERN) {
            return outcome.isSuccess() ? "Succeeded" : "Failed";
        }
        if (kind == Operation.Kind.UPLOAD) {
            return outcome.isSuccess() ? "SUCCESS" : "FAILED";
        }
        if (outcome.isSuccess()) {
            return "IN-REVIEW";
        }
        String code = outcome.errorCode();
        if ("NoModulesUpdated".equals(code) || "NOTHING-TO-PUBLISH".equals(code)) {
            return "NOTHING-TO-PUBLISH";
        }
        if ("InProgressSubmission".equals(code) || "CONFLICT".equals(code)) {
            return "CONFLICT";
        }
        return "FAILED";
    }

    synchronized Operation snapshot(Instant now) {
        boolean terminal = terminalAt != null && !now.isBefore(terminalAt);
        return new Operation(id, kind, productId, created, terminalAt, finalWord(), outcome.errorCode(),
                outcome.isSuccess(), terminal, polls);
    }
}
