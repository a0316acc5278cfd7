package io.github.edgeaddons.core;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.util.Timeout;

/**
 * Connections that never log headers or wire bytes.
 *
 * <p>HttpClient's own connections log every request header (the {@code Authorization} header included)
 * to {@code org.apache.hc.client5.http.headers}, and every byte (the OAuth client secret and access
 * token included) to {@code org.apache.hc.client5.http.wire}, at DEBUG. Under {@code mvn -X} Maven
 * enables DEBUG for every logger, so those would land in the build log. These connections are built on
 * HttpCore's {@link DefaultBHttpClientConnection}, which has no logging at all.
 */
final class QuietConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {
    static final QuietConnectionFactory INSTANCE = new QuietConnectionFactory();

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        QuietConnection conn = new QuietConnection();
        if (socket != null) {
            conn.bind(socket);
        }
        return conn;
    }

    static final class QuietConnection extends DefaultBHttpClientConnection implements ManagedHttpClientConnection {
        private volatile Timeout socketTimeout;

        QuietConnection() {
            super(Http1Config.DEFAULT);
        }

        @Override
        public void bind(Socket socket) throws IOException {
            super.bind(socket);
            socketTimeout = Timeout.ofMilliseconds(socket.getSoTimeout());
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            super.bind(sslSocket, socket);
            socketTimeout = Timeout.ofMilliseconds(sslSocket.getSoTimeout());
        }

        @Override
        public Socket getSocket() {
            return getSocketHolder() == null ? null : getSocketHolder().getSocket();
        }

        @Override
        public SSLSession getSSLSession() {
            return super.getSSLSession();
        }

        @Override
        public void setSocketTimeout(Timeout timeout) {
            super.setSocketTimeout(timeout);
            socketTimeout = timeout;
        }

        @Override
        public void passivate() {
            super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
        }

        @Override
        public void activate() {
            super.setSocketTimeout(socketTimeout);
        }

        @Override
        public String toString() {
            try {
                Socket s = getSocket();
                return s == null ? "[unbound]" : s.getLocalSocketAddress() + "->" + s.getRemoteSocketAddress();
            } catch (RuntimeException e) {
                return "[connection]";
            }
        }
    }
}
