package dev.kioku.cli;

import dev.kioku.App;
import dev.kioku.config.Config;
import dev.kioku.config.ConfigException;
import dev.kioku.demo.DemoContent;
import java.net.BindException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kioku serve}: starts the blog; fills an empty database with the demo blog first. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the blog (demo content on first run).")
public final class ServeCommand implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    StoreOptions store;

    @Option(names = "--port", paramLabel = "N", description = "TCP port. Env KIOKU_PORT. Default: 8080")
    String port;

    @Option(names = "--host", paramLabel = "ADDR", description = "Address to listen on. Env KIOKU_HOST. Default: 127.0.0.1")
    String host;

    @Option(names = "--trust-proxy", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            description = "Take the reader's address from the last X-Forwarded-For entry (only behind your own proxy). Env KIOKU_TRUST_PROXY. Default: false")
    String trustProxy;

    @Option(names = "--https-port", paramLabel = "N", description = "HTTPS port, used with a certificate. Env KIOKU_HTTPS_PORT. Default: 8443")
    String httpsPort;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "PEM certificate chain (certbot's fullchain.pem); turns HTTPS on. Env KIOKU_TLS_CERT")
    String tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM private key of that certificate (certbot's privkey.pem). Env KIOKU_TLS_KEY")
    String tlsKey;

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "PKCS#12 keystore instead of PEM files; password in KIOKU_TLS_KEYSTORE_PASSWORD. Env KIOKU_TLS_KEYSTORE")
    String tlsKeystore;

    @Option(names = "--no-demo", description = "Do not add the demo blog to an empty database.")
    boolean noDemo;

    @Override
    public void run() {
        Map<String, String> flags = new HashMap<>();
        if (port != null) flags.put("port", port);
        if (host != null) flags.put("host", host);
        if (trustProxy != null) flags.put("trust-proxy", trustProxy);
        if (httpsPort != null) flags.put("https-port", httpsPort);
        if (tlsCert != null) flags.put("tls.cert", tlsCert);
        if (tlsKey != null) flags.put("tls.key", tlsKey);
        if (tlsKeystore != null) flags.put("tls.keystore", tlsKeystore);
        Config config = store.load(flags);
        // a bad certificate stops start-up before the database is opened
        if (config.tls().enabled()) config.tls().keyStore();
        checkPortFree(config, "port", config.port());
        if (config.tls().enabled()) checkPortFree(config, "https-port", config.tls().port());
        App app = new App(config, Clock.systemUTC());
        if (!noDemo && app.posts().isEmpty()) {
            new DemoContent(app).seed();
            LOG.info("empty database: added the demo blog");
        }
        int bound;
        try {
            bound = app.start();
        } catch (RuntimeException e) {
            app.close();
            if (hasCause(e, BindException.class)) {
                throw new ConfigException("port", "cannot listen on " + config.host() + " port " + config.port()
                        + (config.tls().enabled() ? " or " + config.tls().port() : "") + " (address in use or not available)");
            }
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "kioku-shutdown"));
        StartupCache.checkInUse();
        LOG.info("Kioku is serving {} at http://{}:{}/ (started in {} ms{}; page cache {} MB of a {} MB heap)", config.dataDir(), config.host(),
                bound, sinceProcessStart(), StartupCache.inUse() ? " with the start-up cache" : "", app.pageCacheBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        if (config.tls().enabled()) {
            LOG.info("HTTPS (HTTP/2 and HTTP/1.1) at https://{}:{}/{}", config.host(), app.httpsPort(),
                    config.trustProxy() ? "" : "; the HTTP port redirects to it");
        }
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Milliseconds since the JVM process started (what a reader waiting for the first page sees), or -1 if unknown. */
    private static long sinceProcessStart() {
        return ProcessHandle.current().info().startInstant()
                .map(t -> java.time.Duration.between(t, java.time.Instant.now()).toMillis()).orElse(-1L);
    }

    /** Fails early, in one line, when the address is taken (before Jetty logs its own error). */
    private static void checkPortFree(Config config, String setting, int port) {
        if (port == 0) return;
        try (var socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(config.host(), port));
        } catch (java.net.BindException e) {
            boolean hostProblem = e.getMessage() != null && e.getMessage().contains("assign");
            if (e.getMessage() != null && e.getMessage().contains("ermission") && port < 1024) {
                throw new ConfigException(setting, "cannot listen on port " + port + ": ports below 1024 need root or the "
                        + "CAP_NET_BIND_SERVICE capability (AmbientCapabilities=CAP_NET_BIND_SERVICE in a systemd unit)");
            }
            throw hostProblem
                    ? new ConfigException("host", "cannot listen on " + config.host() + " (not an address of this machine)")
                    : new ConfigException(setting, "cannot listen on " + config.host() + ":" + port + " (address in use)");
        } catch (java.io.IOException e) {
            throw new ConfigException("host", "cannot listen on " + config.host() + ":" + port + " (" + e.getMessage() + ")");
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) if (type.isInstance(t)) return true;
        return false;
    }
}
