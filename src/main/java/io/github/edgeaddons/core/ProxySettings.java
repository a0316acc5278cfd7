package io.github.edgeaddons.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** An HTTP proxy (from settings.xml {@code <proxies>}), its credentials and the hosts that bypass it. */
public final class ProxySettings {
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final List<Pattern> nonProxyHosts;
    private final String nonProxyHostsText;

    /**
     * @param nonProxyHosts Maven's syntax: host patterns separated by {@code |} (or {@code ,}), {@code *} as
     *     wildcard, e.g. {@code localhost|*.example.com}
     */
    public ProxySettings(String host, int port, String username, String password, String nonProxyHosts) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.nonProxyHostsText = nonProxyHosts == null ? "" : nonProxyHosts;
        List<Pattern> patterns = new ArrayList<>();
        for (String p : nonProxyHostsText.split("[|,]")) {
            String t = p.trim().toLowerCase(Locale.ROOT);
            if (!t.isEmpty()) {
                patterns.add(Pattern.compile(Pattern.quote(t).replace("*", "\\E.*\\Q")));
            }
        }
        this.nonProxyHosts = Collections.unmodifiableList(patterns);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** True when requests to this host go direct, per nonProxyHosts. */
    public boolean bypasses(String targetHost) {
        String h = targetHost.toLowerCase(Locale.ROOT);
        for (Pattern p : nonProxyHosts) {
            if (p.matcher(h).matches()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return host + ":" + port + (username != null ? " (user " + username + ")" : "")
                + (nonProxyHostsText.isEmpty() ? "" : ", not for " + nonProxyHostsText);
    }
}
