package io.github.edgeaddons.core;



import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends requests to the store and to the token endpoint. What may be sent again, and after how long, is
 * decided by the retry rules ({@link RetryPolicy}); this class applies them, keeps every attempt and wait
 * within the goal's deadline (a request still running at the deadline is aborted), bounds each attempt by
 * the connect and response timeouts, and never follows a redirect, so credentials never go to another host.
 */
public final class Transport implements Closeable {
    /** The most of an answer's body that is read (1 MiB); a longer body is cut and marked {@link Response#truncated}. */
    public static final int MAX_BODY = 1024 * 1024;

    /** One request to make. */
    public static final class Call {
        final String method;
        final URI uri;
        final HttpEntity entity;
        final RetryPolicy.Safety safety;
        final String description;
        final boolean authenticated;
        /** Which request of the release this is, named by the failures it may end in. */
        final Failure.Request request;
        final Map<String, String> headers = new LinkedHashMap<>();
        /** Send {@code Expect: 100-continue}, so a refusal (401, 404, 413) comes before the body is sent. */
        boolean expectContinue;
        /** One attempt only: the caller (a wait, {@link Poller}) does its own retrying. */
        boolean singleAttempt;
        /** Where a 2xx answer's body goes, as bytes (a signed file), instead of being read as text. */
        java.nio.file.Path bodyFile;

        public Call(Failure.Request request, String method, URI uri, HttpEntity entity, RetryPolicy.Safety safety,
                String description, boolean authenticated) {
            this.request = request;
            this.method = method;
            this.uri = uri;
            this.entity = entity;
            this.safety = safety;
            this.description = description;
            this.authenticated = authenticated;
        }

        public Call expectContinue() {
            expectContinue = true;
            return this;
        }

        public Call singleAttempt() {
            singleAttempt = true;
            return this;
        }

        /**
         * Streams a 2xx answer's body into this file (replaced), unbounded, instead of reading it as text: for a
         * binary download. The {@link Response#body} is then empty; error answers are read as text as usual.
         */
        public Call saveBodyTo(java.nio.file.Path file) {
            bodyFile = file;
            return this;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }
    }

    /** An answer, with the body read (up to {@link #MAX_BODY}). */
    public static final class Response {
        public final int status;
        public final String body;
        public final Map<String, String> headers;
        public final int attempts;
        /** The body was longer than {@link #MAX_BODY} and was cut there. */
        public final boolean truncated;

        public Response(int status, String body, Map<String, String> headers, int attempts) {
            this(status, body, headers, attempts, false);
        }

        public Response(int status, String body, Map<String, String> headers, int attempts, boolean truncated) {
            this.status = status;
            this.body = body;
            this.headers = headers;
            this.attempts = attempts;
            this.truncated = truncated;
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    private final StoreSettings settings;
    private final CloseableHttpClient http;
    private final ScheduledExecutorService canceller;
    private final PreemptiveProxyAuth proxyAuth;

    public Transport(StoreSettings settings) {
        this.settings = settings;
        this.http = build(settings);
        this.proxyAuth = PreemptiveProxyAuth.of(settings.proxy());
        this.canceller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "edge-addons-request-deadline");
            t.setDaemon(true);
            return t;
        });
    }

    private static CloseableHttpClient build(StoreSettings s) {
        ConnectionConfig connectionConfig = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(s.connectTimeout()))
                .setSocketTimeout(Timeout.of(s.responseTimeout()))
                .build();
        // One connection at a time is all a goal needs (its requests are sequential), and the basic manager
        // loads far fewer classes than the pooling one, which a cold Maven JVM feels.
        BasicHttpClientConnectionManager connections = BasicHttpClientConnectionManager.create(
                // the JDK's trust store and hostname checks, as the JDK does them; no trust-all option
                RegistryBuilder.<TlsSocketStrategy>create().register("https", new LazySystemTls()).build(),
                QuietConnectionFactory.INSTANCE);
        connections.setConnectionConfig(connectionConfig);
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connections)
                // the store's answers are small: no compression codecs to set up
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(s.userAgent());
        ProxySettings proxy = s.proxy();
        if (proxy != null) {
            HttpHost proxyHost = PreemptiveProxyAuth.host(proxy);
            builder.setRoutePlanner(new DefaultRoutePlanner(null) {
                @Override
                protected HttpHost determineProxy(HttpHost target, HttpContext context) {
                    return proxy.bypasses(target.getHostName()) ? null : proxyHost;
                }
            });
            if (proxy.username() != null) {
                BasicCredentialsProvider provider = new BasicCredentialsProvider();
                // sent up front (PreemptiveProxyAuth); here for a proxy that challenges for another scheme
                provider.setCredentials(new AuthScope(proxyHost), PreemptiveProxyAuth.credentials(proxy));
                builder.setDefaultCredentialsProvider(provider);
            }
        } else {
            builder.setRoutePlanner(new DefaultRoutePlanner(null));
        }
        return builder.build();
    }

    /**
     * The JDK's default TLS setup ({@link DefaultClientTlsStrategy#createSystemDefault()}), made on the first
     * https connection rather than when the client is built. Initialising it reads the JDK trust store, which
     * costs a few hundred milliseconds of a cold JVM: a build that talks only to a loopback {@code http://}
     * server (a local store simulator, the integration tests) no longer pays for it, and a build against the
     * real store pays it once, as before.
     */
    static final class LazySystemTls implements TlsSocketStrategy {
        private volatile TlsSocketStrategy delegate;

        @Override
        public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
                throws IOException {
            return delegate().upgrade(socket, target, port, attachment, context);
        }

        private TlsSocketStrategy delegate() throws SSLException {
            TlsSocketStrategy d = delegate;
            if (d == null) {
                synchronized (this) {
                    d = delegate;
                    if (d == null) {
                        try {
                            d = DefaultClientTlsStrategy.createSystemDefault();
                        } catch (RuntimeException e) {
                            // e.g. an unreadable javax.net.ssl.trustStore: report it as the TLS failure it is
                            throw new SSLException("The JDK's TLS setup failed: " + e.getMessage(), e);
                        }
                        delegate = d;
                    }
                }
            }
            return d;
        }
    }

    /**
     * Sends the call, repeating it as its safety allows. This loop only sequences: what follows each outcome
     * (return it, refresh the credentials, wait and repeat, or fail) is {@link RetryPolicy#decide}'s.
     *
     * @return the final answer, whatever its status; the caller decides what a non-2xx means
     */
    public Response execute(Call call, Authenticator auth, Deadline deadline) throws StoreException {
        RetryPolicy policy = settings.retryPolicy();
        int maxAttempts = call.singleAttempt ? 1 : policy.maxAttempts();
        boolean refreshed = false;
        int attempt = 1;
        while (true) {
            Exchange x = exchange(call, auth, deadline, attempt);
            RetryPolicy.Decision d = policy.decide(x.outcome(call.safety)
                    .attempt(attempt, maxAttempts, deadline.remaining())
                    .mayRefresh(call.authenticated && auth != null && !refreshed));
            switch (d.action()) {
                case RETURN:
                    if (d.cutByDeadline()) {
                        settings.reporter().debug("not retrying: the next attempt would pass the deadline");
                    }
                    return x.response;
                case REFRESH_CREDENTIALS:
                    refreshed = true;
                    if (!auth.refreshAfterUnauthorized(deadline, call.singleAttempt)) {
                        return x.response;
                    }
                    // the repeat after a token refresh is not a retry: the same attempt number
                    settings.reporter().debug("401: fetched a new access token; repeating the request once");
                    break;
                case REPEAT:
                    announceRepeat(call, x, d, attempt, maxAttempts);
                    sleep(d.delay());
                    attempt++;
                    break;
                default:
                    if (x.failure != null) {
                        throw networkFailure(call, x.failure, attempt, RetryPolicy.neverConnected(x.failure));
                    }
                    return x.response;
            }
        }
    }

    /** One attempt's outcome: an answer, or the network failure that stood in its way. */
    private final class Exchange {
        final Response response;
        final IOException failure;

        Exchange(Response response, IOException failure) {
            this.response = response;
            this.failure = failure;
        }

        RetryPolicy.Outcome outcome(RetryPolicy.Safety safety) {
            return failure != null ? RetryPolicy.Outcome.failure(safety, failure)
                    : RetryPolicy.Outcome.answer(safety, response.status, response.header("Content-Type"),
                            retryAfter(response.header("Retry-After"), settings.clock().instant()));
        }
    }

    /**
     * Sends the call once, within the deadline (a request still running at the deadline is aborted, and is the
     * timeout it is), with the credentials added; a network failure is an outcome, not an exception.
     */
    private Exchange exchange(Call call, Authenticator auth, Deadline deadline, int attempt)
            throws StoreException {
        if (deadline.passed()) {
            throw timeout(call, deadline, null, false);
        }
        HttpUriRequestBase request = new HttpUriRequestBase(call.method, call.uri);
        for (Map.Entry<String, String> h : call.headers.entrySet()) {
            request.setHeader(h.getKey(), h.getValue());
        }
        if (call.entity != null) {
            request.setEntity(call.entity);
        }
        if (call.authenticated && auth != null) {
            auth.authenticate(request, deadline, call.singleAttempt);
        }
        Duration remaining = deadline.remaining();
        request.setConfig(RequestConfig.custom()
                .setConnectTimeout(Timeout.of(min(settings.connectTimeout(), remaining)))
                .setResponseTimeout(Timeout.of(min(settings.responseTimeout(), remaining)))
                .setConnectionRequestTimeout(Timeout.of(min(settings.connectTimeout(), remaining)))
                .setExpectContinueEnabled(call.expectContinue)
                .build());
        Instant started = settings.clock().instant();
        ScheduledFuture<?> abort = canceller.schedule(request::cancel,
                Math.max(1, remaining.toMillis()), TimeUnit.MILLISECONDS);
        try {
            Response response = send(request, attempt, call.bodyFile);
            settings.reporter().debug(call.method + " " + call.uri + " -> " + response.status + " ("
                    + Duration.between(started, settings.clock().instant()).toMillis() + " ms)");
            return new Exchange(response, null);
        } catch (IllegalStateException e) {
            // the deadline's cancel can race with HttpClient taking or releasing the connection
            // ("Endpoint not acquired / already released"): that is the deadline, not a bug to show
            if (request.isCancelled() || deadline.passed()) {
                throw timeout(call, deadline, new InterruptedIOException("cancelled at the deadline: "
                        + e.getMessage()), true);
            }
            throw e;
        } catch (IOException e) {
            if (deadline.passed() || request.isCancelled()) {
                throw timeout(call, deadline, e, !RetryPolicy.neverConnected(e));
            }
            settings.reporter().debug(call.method + " " + call.uri + " failed: " + describe(e)
                    + (RetryPolicy.shouldRetry(call.safety, e) ? "" : " (not repeated)"));
            return new Exchange(null, e);
        } finally {
            abort.cancel(false);
        }
    }

    /** The warning before a repeat: what failed, when the next attempt comes, and which it is. */
    private void announceRepeat(Call call, Exchange x, RetryPolicy.Decision d, int attempt, int maxAttempts) {
        String next = " (attempt " + (attempt + 1) + " of " + maxAttempts + ").";
        if (x.failure != null) {
            settings.reporter().warn("Could not " + call.description + " (" + describe(x.failure)
                    + "); trying again in " + d.delay().toMillis() + " ms" + next);
            return;
        }
        boolean retryAfter = x.response.header("Retry-After") != null
                && retryAfter(x.response.header("Retry-After"), settings.clock().instant()) != null;
        // the one unauthenticated call is the token request, answered by the token endpoint
        settings.reporter().warn((call.authenticated ? "The store" : "The token endpoint") + " answered HTTP "
                + x.response.status + " to the request to " + call.description + "; trying again in "
                + Math.max(1, d.delay().toMillis()) + " ms" + (retryAfter ? " (as its Retry-After asks)" : "")
                + next);
    }

    private Response send(HttpUriRequestBase request, int attempt, java.nio.file.Path bodyFile) throws IOException {
        HttpClientContext context = HttpClientContext.create();
        if (proxyAuth != null) {
            proxyAuth.prepare(context);
        }
        return http.execute(request, context, r -> {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header h : r.getHeaders()) {
                headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
            }
            String body = "";
            boolean truncated = false;
            HttpEntity entity = r.getEntity();
            if (entity != null && bodyFile != null && r.getCode() >= 200 && r.getCode() < 300) {
                try (java.io.InputStream in = entity.getContent()) {
                    java.nio.file.Files.copy(in, bodyFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            } else if (entity != null) {
                try {
                    // one character more than the limit tells a cut body from one of exactly the limit
                    body = EntityUtils.toString(entity, StandardCharsets.UTF_8, MAX_BODY + 1);
                } catch (org.apache.hc.core5.http.ParseException e) {
                    body = "";
                }
                if (body.length() > MAX_BODY) {
                    body = body.substring(0, MAX_BODY);
                    truncated = true;
                }
            }
            return new Response(r.getCode(), body, headers, attempt, truncated);
        });
    }

    public static String describe(IOException e) {
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        if (e instanceof SocketTimeoutException) {
            return "no answer within the response timeout";
        }
        if (RetryPolicy.neverConnected(e)) {
            return "connection refused or not established" + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        if (e instanceof NoHttpResponseException || e instanceof org.apache.hc.core5.http.ConnectionClosedException) {
            return "the server closed the connection without an answer";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private StoreException networkFailure(Call call, IOException e, int attempts, boolean notSent) {
        StringBuilder m = new StringBuilder("Could not ").append(call.description).append(": ").append(describe(e))
                .append(" (").append(call.method).append(' ').append(call.uri).append(", ").append(attempts)
                .append(attempts == 1 ? " attempt" : " attempts").append(").");
        boolean mayHaveReached = call.safety == RetryPolicy.Safety.NOT_IF_MAYBE_PROCESSED && !notSent
                && !(e instanceof UnknownHostException) && !(e instanceof SSLException);
        if (mayHaveReached) {
            m.append(' ').append(Hints.publishMayHaveReachedTheStore(settings));
        } else {
            m.append(' ').append(Hints.forNetworkFailure(settings, e));
        }
        return new StoreException(Failure.of(StoreException.Kind.NETWORK, call.request)
                .mayHaveReachedStore(mayHaveReached).cause(e), m.toString());
    }

    /**
     * The deadline passed before or during an attempt. A publish POST cut off after it was sent is as
     * ambiguous as a read timeout: it may have reached the store, so the message says so and what to do.
     */
    private StoreException timeout(Call call, Deadline deadline, IOException cause, boolean maybeSent) {
        String timeout = settings.resume().vocabulary().setting(Vocabulary.Setting.TIMEOUT);
        String what = timeout + " (" + deadline.budget().toMillis() / 1000.0 + " s) passed while trying to "
                + call.description + " (" + call.method + " " + call.uri + ").";
        Failure f = Failure.of(StoreException.Kind.TIMEOUT, call.request).cause(cause);
        if (maybeSent && call.safety == RetryPolicy.Safety.NOT_IF_MAYBE_PROCESSED) {
            return new StoreException(f.mayHaveReachedStore(true), what + " "
                    + Hints.publishMayHaveReachedTheStore(settings) + " If the store is just slow to answer,"
                    + " raise " + timeout + " for the next release.");
        }
        return new StoreException(f, what + " Raise " + timeout + " if the store or the network is slow.");
    }

    private void sleep(Duration d) throws StoreException {
        settings.sleeper().sleepOrFail(d, "to retry");
    }

    /** Reads {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable. */
    public static Duration retryAfter(String value, Instant now) {
        if (value == null || value.trim().isEmpty()) {
            return null;
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException ignored) {
            // an HTTP date
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Duration min(Duration a, Duration b) {
        Duration m = a.compareTo(b) <= 0 ? a : b;
        return m.isZero() || m.isNegative() ? Duration.ofMillis(1) : m;
    }

    @Override
    public void close() throws IOException {
        canceller.shutdownNow();
        http.close();
    }
}
