package io.github.edgeaddons.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Checks the URLs the plugin sends credentials to: https, or plain http on loopback only. */
public final class Endpoints {
    private Endpoints() {}

    /**
     * @param url the configured URL
     * @param setting the property to name in errors, e.g. {@code edge.apiBaseUrl}
     * @return the URL as a URI, without a trailing slash
     */
    public static URI check(String url, String setting) throws ConfigException {
        if (url == null || url.trim().isEmpty()) {
            throw new ConfigException(setting + " is empty: give an https:// URL.");
        }
        String text = url.trim();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new ConfigException(setting + "='" + url + "' is not a valid URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new ConfigException(setting + "='" + url + "' is not an absolute http(s) URL,"
                    + " e.g. " + EdgeStore.API_ROOT + ".");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ConfigException(setting + "='" + url + "' must not have a query or fragment.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ConfigException(setting + "='" + url + "' must not contain credentials;"
                    + " put them in the settings.xml <server>.");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new ConfigException(setting + "='" + url + "' uses plain http:// to a host that is not"
                    + " loopback: credentials would cross the network unencrypted. Use https://"
                    + " (plain http is allowed only for localhost, 127.0.0.0/8 and [::1]).");
        }
        return uri;
    }

    /** localhost, 127.0.0.0/8 and ::1, decided from the text alone (no DNS lookup). */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return true;
        }
        if (h.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}") || h.contains(":")) {
            try {
                // a literal address: no lookup happens
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
