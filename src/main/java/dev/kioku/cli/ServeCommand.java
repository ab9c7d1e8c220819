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

    @Option(names = "--no-demo", description = "Do not add the demo blog to an empty database.")
    boolean noDemo;

    @Override
    public void run() {
        Map<String, String> flags = new HashMap<>();
        if (port != null) flags.put("port", port);
        if (host != null) flags.put("host", host);
        if (trustProxy != null) flags.put("trust-proxy", trustProxy);
        Config config = store.load(flags);
        checkPortFree(config);
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
                throw new ConfigException("port", "cannot listen on " + config.host() + ":" + config.port() + " (address in use or not available)");
            }
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "kioku-shutdown"));
        StartupCache.checkInUse();
        LOG.info("Kioku is serving {} at http://{}:{}/ (started in {} ms{}; page cache {} MB of a {} MB heap)", config.dataDir(), config.host(),
                bound, sinceProcessStart(), StartupCache.inUse() ? " with the start-up cache" : "", app.pageCacheBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
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
    private static void checkPortFree(Config config) {
        if (config.port() == 0) return;
        try (var socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(config.host(), config.port()));
        } catch (java.net.BindException e) {
            boolean hostProblem = e.getMessage() != null && e.getMessage().contains("assign");
            throw hostProblem
                    ? new ConfigException("host", "cannot listen on " + config.host() + " (not an address of this machine)")
                    : new ConfigException("port", "cannot listen on " + config.host() + ":" + config.port() + " (address in use)");
        } catch (java.io.IOException e) {
            throw new ConfigException("host", "cannot listen on " + config.host() + ":" + config.port() + " (" + e.getMessage() + ")");
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) if (type.isInstance(t)) return true;
        return false;
    }
}
