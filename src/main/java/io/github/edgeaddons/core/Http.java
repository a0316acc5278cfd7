package io.github.edgeaddons.core;

import java.util.Locale;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;

/** What the client reads from an HTTP answer beyond its status, each owned here once: HTML pages, reason phrases. */
public final class Http {
    private Http() {}

    /** True when the Content-Type names HTML ({@code text/html}, {@code application/xhtml+xml}). */
    public static boolean isHtmlType(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html");
    }

    /** True when an answer is an HTML page: by its Content-Type, or by its first character. */
    public static boolean isHtml(String contentType, String body) {
        return isHtmlType(contentType) || (body != null && body.trim().startsWith("<"));
    }

    /** The English reason phrase of a status ({@code Gone} for 410), or null for a status HttpClient does not know. */
    public static String reasonPhrase(int status) {
        return status < 100 || status > 599 ? null : EnglishReasonPhraseCatalog.INSTANCE.getReason(status, Locale.ROOT);
    }
}
