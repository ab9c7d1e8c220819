package dev.kioku.web;

import dev.kioku.config.Config;
import dev.kioku.config.Tls;
import io.javalin.config.EventConfig;
import io.javalin.config.JettyConfig;
import java.security.KeyStore;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The ports Kioku listens on. The HTTP port speaks HTTP/1.1 and cleartext HTTP/2 (h2c, by prior knowledge or by
 * {@code Upgrade: h2c}). With a certificate ({@link Tls}), an HTTPS port also listens, offering HTTP/2 and HTTP/1.1
 * by ALPN, and sends {@code Strict-Transport-Security}.
 *
 * <p>With HTTPS on and no proxy in front ({@code trust-proxy=false}) the HTTP port only redirects to HTTPS (see
 * {@link HttpsRedirect}): that is what WordPress and Ghost owners expect once they have a certificate, and it keeps
 * admin cookies off plain connections. Behind a proxy the HTTP port keeps serving, because the proxy terminates TLS
 * and talks plain HTTP to Kioku; redirecting its requests would loop.
 */
public final class Connectors {
    /** One year, the usual HSTS lifetime; only ever sent over HTTPS. */
    static final long HSTS_SECONDS = 365L * 24 * 3600;
    /**
     * One selector per core: cache hits are answered on the selector thread that read them ({@link CacheHits}), so
     * each selector is a core's worth of hits, like an nginx worker (Jetty's default is one per two cores).
     */
    private static final int SELECTORS = Runtime.getRuntime().availableProcessors();
    private static final int ACCEPTORS = 1;

    private final Config config;
    private final KeyStore keyStore;
    private ServerConnector https;

    /**
     * Reads the certificate now, so a bad file stops start-up before anything listens.
     *
     * @throws dev.kioku.config.ConfigException naming the certificate setting and file when one cannot be used
     */
    public Connectors(Config config) {
        this.config = config;
        this.keyStore = config.tls().enabled() ? config.tls().keyStore() : null;
    }

    /**
     * Adds the connectors (HTTP first: Javalin reports the first connector's port) and the redirect, if any. The
     * redirect goes in front of the server's handlers just before it starts, when every other handler is in place,
     * so nothing added to the server later can answer a plain-HTTP request ahead of it.
     */
    public void install(JettyConfig jetty, EventConfig events) {
        jetty.addConnector(this::http);
        if (keyStore == null) return;
        jetty.addConnector(this::https);
        if (config.trustProxy()) return;
        Server[] server = new Server[1];
        jetty.modifyServer(s -> server[0] = s);
        events.serverStarting(() -> HttpsRedirect.wrap(server[0], config, this::httpsPort));
    }

    /**
     * The threads that may block: one virtual thread per task, for every request Javalin handles (see
     * {@link CacheHits}) and whatever else Jetty runs that may block.
     */
    static Executor blockingThreads() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("kioku-request-", 0).factory());
    }

    /**
     * Jetty's setting for how many object references fill a CPU cache line (it pads its hot counters with them).
     * Why Kioku sets it: without it Jetty asks the JVM through the platform MBean server, which that first call
     * builds with every platform MBean, JDK Flight Recorder's diagnostic commands included: a tenth of a second or
     * more of every start, for one number. An operator's own {@code -D} value is kept.
     */
    static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    /**
     * What Jetty would find: 16 four-byte (compressed) references per 64-byte line on a heap the JVM can address
     * with them (under 32 GB), else 8.
     */
    static int referencesPerCacheLine(long maxHeap) {
        return maxHeap < 32L * 1024 * 1024 * 1024 ? 16 : 8;
    }

    /** Sets {@value #REFERENCES_PER_CACHE_LINE} unless an operator did (Jetty reads it once, at its first thread pool). */
    static void tellJettyTheCacheLine() {
        System.getProperties().putIfAbsent(REFERENCES_PER_CACHE_LINE, String.valueOf(referencesPerCacheLine(Runtime.getRuntime().maxMemory())));
    }

    /**
     * Jetty's own threads: the acceptors and selectors (platform threads, as a selector waits in the kernel), with
     * what may block handed to {@code blocking}. No reserved threads: with them Jetty would run a blocking task on
     * the selector thread and hand the selecting to a reserved thread instead of using a virtual thread.
     */
    static QueuedThreadPool threadPool(Executor blocking) {
        return threadPool(blocking, SELECTORS);
    }

    /**
     * Sized for {@code selectors} per port: both ports' acceptors and selectors hold a thread each for good, and
     * Jetty refuses to start when they would take every thread (a fixed 32 failed from 16 cores with HTTPS on).
     */
    static QueuedThreadPool threadPool(Executor blocking, int selectors) {
        tellJettyTheCacheLine();
        QueuedThreadPool pool = new QueuedThreadPool(2 * (ACCEPTORS + selectors) + 26, 4, 60_000);
        pool.setName("kioku-jetty");
        pool.setReservedThreads(0);
        pool.setVirtualThreadsExecutor(blocking);
        return pool;
    }

    /** The HTTPS port actually bound; -1 before start or without a certificate. */
    public int httpsPort() {
        return https == null ? -1 : https.getLocalPort();
    }

    private ServerConnector http(Server server, HttpConfiguration httpConfig) {
        ServerConnector http = new ServerConnector(server, ACCEPTORS, SELECTORS, new HttpConnectionFactory(httpConfig),
                new HTTP2CServerConnectionFactory(httpConfig));
        http.setHost(config.host());
        http.setPort(config.port());
        return http;
    }

    private ServerConnector https(Server server, HttpConfiguration httpConfig) {
        HttpConfiguration secure = new HttpConfiguration(httpConfig);
        // no SNI host check: a reader who typed the IP address gets the certificate warning, not a bare 400
        secure.addCustomizer(new SecureRequestCustomizer(false, false, HSTS_SECONDS, false));
        secure.setSecureScheme("https");
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keyStore);
        ssl.setKeyStorePassword(Tls.IN_MEMORY_PASSWORD);
        ssl.setCipherComparator(HTTP2Cipher.COMPARATOR);
        HttpConnectionFactory http11 = new HttpConnectionFactory(secure);
        // no list: ALPN offers what follows it on the connector (h2, then http/1.1)
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(http11.getProtocol());
        https = new ServerConnector(server, ACCEPTORS, SELECTORS, new SslConnectionFactory(ssl, alpn.getProtocol()), alpn,
                new HTTP2ServerConnectionFactory(secure), http11);
        https.setHost(config.host());
        https.setPort(config.tls().port());
        return https;
    }
}
