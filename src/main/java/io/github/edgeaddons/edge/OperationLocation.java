package io.github.edgeaddons.edge;

import io.github.edgeaddons.core.MalformedAnswerException;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Takes the operation id from a {@code Location} header in any of its shapes: a bare id, a path (with
 * or without {@code /v1}) or an absolute URL. The id is the last path segment.
 */
public final class OperationLocation {
    private OperationLocation() {}

    public static String operationId(String location) throws MalformedAnswerException {
        if (location == null || location.trim().isEmpty()) {
            throw new MalformedAnswerException("the answer has no Location header with the operation id");
        }
        String text = location.trim();
        String path = text;
        if (text.contains("://")) {
            try {
                path = new URI(text).getRawPath();
            } catch (URISyntaxException e) {
                throw new MalformedAnswerException("the Location header is not a valid URL: " + text);
            }
        } else {
            int cut = indexOfAny(text, '?', '#');
            if (cut >= 0) {
                path = text.substring(0, cut);
            }
        }
        while (path != null && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path == null || path.isEmpty()) {
            throw new MalformedAnswerException("the Location header holds no operation id: " + text);
        }
        String id = path.substring(path.lastIndexOf('/') + 1);
        if (id.isEmpty() || !id.matches("[A-Za-z0-9._~-]+")) {
            throw new MalformedAnswerException("the Location header holds no usable operation id: " + text);
        }
        return id;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }
}
