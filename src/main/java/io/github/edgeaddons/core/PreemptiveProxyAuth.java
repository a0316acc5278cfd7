package io.github.edgeaddons.core;

import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicScheme;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpHost;

/**
 * Sends the proxy's credentials (settings.xml {@code <proxy>}'s username and password) with the first request,
 * as {@code Proxy-Authorization: Basic}, instead of waiting for the proxy's 407: left to the challenge, every
 * request would be sent twice, and an upload's zip would cross the proxy twice. The credentials go to the
 * proxy only: to a plain-http target in the proxied request, to an https target in the {@code CONNECT} that
 * opens the tunnel, never inside it. A proxy that asks for another scheme still gets its answer from the
 * client's credentials provider after its challenge.
 */
final class PreemptiveProxyAuth {
    private final HttpHost proxy;
    private final UsernamePasswordCredentials credentials;

    private PreemptiveProxyAuth(HttpHost proxy, UsernamePasswordCredentials credentials) {
        this.proxy = proxy;
        this.credentials = credentials;
    }

    /** The proxy as HttpClient's routes name it. */
    static HttpHost host(ProxySettings proxy) {
        return new HttpHost("http", proxy.host(), proxy.port());
    }

    /** The proxy's credentials, or null when there is no proxy or it has no username. */
    static UsernamePasswordCredentials credentials(ProxySettings proxy) {
        if (proxy == null || proxy.username() == null) {
            return null;
        }
        return new UsernamePasswordCredentials(proxy.username(),
                proxy.password() == null ? new char[0] : proxy.password().toCharArray());
    }

    /** Null when there is nothing to send up front. */
    static PreemptiveProxyAuth of(ProxySettings proxy) {
        UsernamePasswordCredentials c = credentials(proxy);
        return c == null ? null : new PreemptiveProxyAuth(host(proxy), c);
    }

    /** Makes the request sent with {@code context} carry the credentials on its way to the proxy. */
    void prepare(HttpClientContext context) {
        BasicScheme basic = new BasicScheme();
        basic.initPreemptive(credentials);
        context.resetAuthExchange(proxy, basic);
    }
}
