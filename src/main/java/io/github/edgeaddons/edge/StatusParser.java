package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.OperationState;

import io.github.edgeaddons.core.MalformedAnswerException;
import io.github.edgeaddons.core.OperationStatus;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads operation-status bodies in both vocabularies: the current one ({@code InProgress},
 * {@code Succeeded}, {@code Failed}) and the 2021 proposal's ({@code IN-PROGRESS}, {@code SUCCESS},
 * {@code FAILED}; publish {@code IN-REVIEW}, {@code NOTHING-TO-PUBLISH}, {@code CONFLICT}).
 */
public final class StatusParser {
    private StatusParser() {}

    /**
     * @param requestedOperationId the operation asked about, which names the status (the body's {@code id} is
     *     used only without one)
     * @throws MalformedAnswerException when the body is empty, not JSON, or has no status word
     */
    public static OperationStatus parse(String body, String requestedOperationId) throws MalformedAnswerException {
        if (body == null || body.trim().isEmpty()) {
            throw new MalformedAnswerException("the status answer had an empty body");
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(body);
        } catch (JsonParseException e) {
            throw new MalformedAnswerException("the status answer is not JSON: " + abbreviate(body));
        }
        if (!root.isJsonObject()) {
            throw new MalformedAnswerException("the status answer is not a JSON object: " + abbreviate(body));
        }
        JsonObject o = root.getAsJsonObject();
        // the id asked about names the operation: the live body's "id" can be a placeholder ("{operationID}")
        String id = requestedOperationId != null ? requestedOperationId : text(o, "id");
        String message = text(o, "message");
        String errorCode = text(o, "errorCode");
        if (errorCode != null && errorCode.trim().isEmpty()) {
            errorCode = null;
        }
        List<String> errors = errors(o.get("errors"));
        String raw = text(o, "status");
        if (raw == null || raw.trim().isEmpty()) {
            if (message != null && o.size() <= 3) {
                // the live service's "unexpected failure" body carries only id and message
                return new OperationStatus(id, OperationState.FAILED, null,
                        message, errorCode, errors, text(o, "createdTime"), text(o, "lastUpdatedTime"));
            }
            throw new MalformedAnswerException("the status answer has no \"status\" field: " + abbreviate(body));
        }
        OperationState state;
        String word = raw.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        switch (word) {
            case "INPROGRESS":
            case "PENDING":
            case "RUNNING":
            case "NOTSTARTED":
                state = OperationState.IN_PROGRESS;
                break;
            case "SUCCEEDED":
            case "SUCCESS":
            case "INREVIEW":
                state = OperationState.SUCCEEDED;
                break;
            case "FAILED":
            case "FAILURE":
                state = OperationState.FAILED;
                break;
            case "NOTHINGTOPUBLISH":
            case "CONFLICT":
                state = OperationState.FAILED;
                if (errorCode == null) {
                    errorCode = raw.trim();
                }
                break;
            case "CANCELLED":
            case "CANCELED":
            case "ABORTED":
            case "EXPIRED":
            case "TERMINATED":
            case "STOPPED":
                // ended without Succeeded or Failed: it will not finish by itself
                state = OperationState.STOPPED;
                break;
            default:
                state = OperationState.UNKNOWN;
        }
        return new OperationStatus(id, state, raw, message, errorCode, errors,
                text(o, "createdTime"), text(o, "lastUpdatedTime"));
    }

    private static List<String> errors(JsonElement e) {
        List<String> out = new ArrayList<>();
        if (e == null || e.isJsonNull()) {
            return out;
        }
        if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            for (JsonElement item : a) {
                String line = errorLine(item);
                if (line != null) {
                    out.add(line);
                }
            }
        } else {
            String line = errorLine(e);
            if (line != null) {
                out.add(line);
            }
        }
        return out;
    }

    private static String errorLine(JsonElement item) {
        if (item == null || item.isJsonNull()) {
            return null;
        }
        if (item.isJsonPrimitive()) {
            return item.getAsString();
        }
        if (item.isJsonObject()) {
            JsonObject o = item.getAsJsonObject();
            String message = text(o, "message");
            String code = text(o, "id");
            if (code == null) {
                code = text(o, "code");
            }
            if (code == null) {
                code = text(o, "errorCode");
            }
            if (message != null && code != null) {
                return code + ": " + message;
            }
            if (message != null) {
                return message;
            }
            if (code != null) {
                return code;
            }
        }
        return item.toString();
    }

    private static String text(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonPrimitive()) {
            return e.getAsString();
        }
        return e.toString();
    }

    static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
