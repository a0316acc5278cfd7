package io.github.edgeaddons.sim.firefox;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One part of a {@code multipart/form-data} body: its field name, file name (null for a plain field) and bytes. */
final class Part {
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern NAME = Pattern.compile("(?i)[; ]name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("(?i)filename=\"([^\"]*)\"");

    final String name;
    final String fileName;
    final byte[] bytes;

    private Part(String name, String fileName, byte[] bytes) {
        this.name = name;
        this.fileName = fileName;
        this.bytes = bytes;
    }

    String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The parts by field name (the first of a name wins), or null when the body is not a multipart body. */
    static Map<String, Part> parse(byte[] body, String contentType) {
        Matcher bm = BOUNDARY.matcher(contentType);
        if (body == null || !bm.find()) {
            return null;
        }
        byte[] delimiter = ("--" + (bm.group(2) != null ? bm.group(2) : bm.group(3))).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Part> parts = new LinkedHashMap<>();
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            return null;
        }
        while (true) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                return parts; // the closing delimiter
            }
            start += 2; // CRLF after the delimiter
            int next = indexOf(body, delimiter, start);
            if (next < 0 || start > next) {
                return null;
            }
            int end = next - 2; // the CRLF before the next delimiter
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            if (headersEnd < 0 || headersEnd > end) {
                return null;
            }
            String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            String disposition = null;
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                    disposition = line;
                }
            }
            if (disposition != null) {
                Matcher n = NAME.matcher(disposition);
                Matcher f = FILE_NAME.matcher(disposition);
                if (n.find()) {
                    parts.putIfAbsent(n.group(1), new Part(n.group(1), f.find() ? f.group(1) : null,
                            Arrays.copyOfRange(body, headersEnd + 4, end)));
                }
            }
            at = next;
        }
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
