package dev.kioku.web;

import dev.kioku.config.Config;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: Javalin on Jetty with virtual threads, security headers on every answer, one place
 * that turns exceptions into status codes and styled error pages, and {@code ctx.ip()} set to the reader's
 * address (see {@link ClientAddress}).
 */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final String CSP = "default-src 'self'; img-src 'self' data: https:; style-src 'self'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /** Largest file a form may carry (the media library's limit). */
    public static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;
    /** Largest form with files, all files together: several photos in one form without JavaScript. */
    public static final long MAX_FORM_BYTES = 100L * 1024 * 1024;

    private final Javalin app;
    private final Config config;
    private final Connectors connectors;

    /**
     * @param errorPage  renders the styled page for a status (404, 500)
     * @param redirects  maps a path nothing answered to its new home (old slugs), if any
     */
    public WebServer(Config config, PageCache cache, Assets assets, Clock clock, IntFunction<byte[]> errorPage,
                     Function<String, Optional<String>> redirects, List<Routes> features) {
        this.config = config;
        this.connectors = new Connectors(config);
        HttpResponses responses = new HttpResponses();
        Executor blocking = Connectors.blockingThreads();
        this.app = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.compressionStrategy = CompressionStrategy.NONE;
            cfg.http.generateEtags = false;
            cfg.router.ignoreTrailingSlashes = true;
            boolean trustProxy = config.trustProxy();
            cfg.contextResolver.ip = ctx -> ClientAddress.of(ctx, trustProxy);
            cfg.jetty.threadPool = Connectors.threadPool(blocking);
            cfg.jetty.modifyServer(server -> {
                server.setStopTimeout(2_000);
                // cache hits are answered here, before Javalin, which then becomes this handler's child
                server.setHandler(new CacheHits(cache, assets, blocking));
            });
            connectors.install(cfg.jetty, cfg.events);
            cfg.jetty.multipartConfig.maxFileSize(MAX_UPLOAD_BYTES, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxTotalRequestSize(MAX_FORM_BYTES, SizeUnit.BYTES);
            cfg.routes.before(WebServer::headers);
            cfg.routes.before(WebServer::sizeLimit);
            cfg.routes.before(WebServer::slashRedirect);
            cfg.routes.before("/", ctx -> oldQueryAddress(ctx, redirects));
            cfg.routes.before("/index.php", ctx -> oldQueryAddress(ctx, redirects));
            assets.register(cfg.routes, responses);
            PublicPages pages = new PublicPages(cfg.routes, cache, responses, clock);
            for (Routes feature : features) feature.register(pages);
            cfg.routes.exception(Redirect.class, (e, ctx) -> redirect(ctx, e.location(), errorPage));
            cfg.routes.exception(NotFound.class, (e, ctx) -> notFound(ctx, errorPage, redirects));
            cfg.routes.exception(Forbidden.class, (e, ctx) -> ctx.status(403).header("Cache-Control", "no-store")
                    .contentType("text/plain; charset=utf-8").result(e.getMessage()));
            cfg.routes.exception(TooLarge.class, (e, ctx) -> tooLarge(ctx, e.getMessage()));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                if (isOversizeForm(e)) {
                    tooLarge(ctx, tooLargeMessage());
                    return;
                }
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                errorPage(ctx, 500, errorPage);
            });
            cfg.routes.error(404, ctx -> {
                String type = ctx.res().getContentType();
                if (type == null || !type.startsWith("text/html")) notFound(ctx, errorPage, redirects);
            });
        });
    }

    /** Starts listening; returns the HTTP port actually bound (useful when the config says 0). */
    public int start() {
        app.start();
        return app.port();
    }

    /** The HTTPS port actually bound, or -1 when no certificate is configured. */
    public int httpsPort() {
        return connectors.httpsPort();
    }

    /** Every registered endpoint as {@code "METHOD /path/{param}"}, for tests that walk them all. */
    public List<String> endpoints() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path).toList();
    }

    /** Stops the server, giving requests in flight up to two seconds to finish. */
    public void stop() {
        try {
            app.stop();
        } catch (RuntimeException e) {
            LOG.warn("HTTP server did not stop gracefully in time: {}", e.getMessage());
        }
    }

    private static void headers(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("X-Frame-Options", "SAMEORIGIN");
        ctx.header("Content-Security-Policy", CSP);
    }

    /**
     * Lets any site frame this answer (oEmbed cards): the same policy with {@code frame-ancestors *} and no
     * {@code X-Frame-Options}. Every other answer may be framed only by the site itself.
     */
    public static void allowFramingByAnyone(Context ctx) {
        ctx.res().setHeader("X-Frame-Options", null);
        ctx.header("Content-Security-Policy", CSP.replace("frame-ancestors 'self'", "frame-ancestors *"));
    }

    /** A form announcing more bytes than any form may carry is refused before a byte of it is read. */
    private static void sizeLimit(Context ctx) {
        if (ctx.req().getContentLengthLong() > MAX_FORM_BYTES) throw new TooLarge(tooLargeMessage());
    }

    private static void tooLarge(Context ctx, String message) {
        ctx.status(413).header("Cache-Control", "no-store").header("Connection", "close")
                .contentType("text/plain; charset=utf-8").result(message);
    }

    /** Jetty's multipart parser stops a file or form over the limits with an IllegalStateException, maybe wrapped. */
    private static boolean isOversizeForm(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (t instanceof IllegalStateException && m != null && (m.startsWith("max file size exceeded")
                    || m.startsWith("max length exceeded"))) return true;
        }
        return false;
    }

    /** One sentence for every upload over the limits, whichever layer noticed it. */
    static String tooLargeMessage() {
        return "This upload is too large: each file may be at most " + MAX_UPLOAD_BYTES / (1024 * 1024) + " MB, and "
                + MAX_FORM_BYTES / (1024 * 1024) + " MB all together. Make the images smaller or send fewer at a time.";
    }

    /** WordPress-style canonical paths end in a slash: {@code /about} answers 301 to {@code /about/}. */
    private static void slashRedirect(Context ctx) {
        String path = ctx.path();
        String method = ctx.method().name();
        if (!(method.equals("GET") || method.equals("HEAD")) || path.endsWith("/")) return;
        if (path.startsWith("/assets/") || path.startsWith("/media/") || path.startsWith("/admin")) return;
        if (path.substring(path.lastIndexOf('/') + 1).contains(".")) return;
        String query = ctx.queryString();
        throw new Redirect(Paths.decode(path) + "/" + (query == null ? "" : "?" + query));
    }

    private static final java.util.regex.Pattern OLD_QUERY = java.util.regex.Pattern.compile(
            "(?:^|&)(p|page_id|attachment_id|cat|tag|feed)=([^&]{1,200})");

    /**
     * WordPress's plain addresses ({@code /?p=123}, {@code /?page_id=2}, {@code /?attachment_id=5}, {@code /?cat=3},
     * {@code /?tag=x}, {@code /?feed=rss2}) answer 301 to their new home when an import left one; any other query on the home page is
     * ignored as before.
     */
    private static void oldQueryAddress(Context ctx, Function<String, Optional<String>> redirects) {
        String method = ctx.method().name();
        String query = ctx.queryString();
        if (query == null || !(method.equals("GET") || method.equals("HEAD"))) return;
        java.util.regex.Matcher m = OLD_QUERY.matcher(query);
        if (!m.find()) return;
        Optional<String> moved = redirects.apply("/?" + m.group(1) + "=" + Paths.decode(m.group(2)));
        if (moved.isPresent()) throw new Redirect(moved.get());
    }

    private static void notFound(Context ctx, IntFunction<byte[]> errorPage, Function<String, Optional<String>> redirects) {
        Optional<String> moved = redirects.apply(Paths.decode(ctx.path()));
        if (moved.isPresent()) {
            redirect(ctx, moved.get(), errorPage);
            return;
        }
        errorPage(ctx, 404, errorPage);
    }

    /**
     * Answers 301 to a path on this site, percent-encoded. A target that would leave the site
     * ({@code //host}, {@code /\host}, built from a decoded {@code %2F}) is answered 404 instead.
     */
    private static void redirect(Context ctx, String location, IntFunction<byte[]> errorPage) {
        if (!Paths.isLocal(location)) {
            errorPage(ctx, 404, errorPage);
            return;
        }
        int q = location.indexOf('?');
        String target = q < 0 ? Paths.encode(location) : Paths.encode(location.substring(0, q)) + location.substring(q);
        ctx.redirect(target, HttpStatus.MOVED_PERMANENTLY);
    }

    private static void errorPage(Context ctx, int status, IntFunction<byte[]> errorPage) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8");
        try {
            ctx.result(errorPage.apply(status));
        } catch (RuntimeException e) {
            LOG.error("error page {} failed", status, e);
            ctx.result("<!doctype html><title>Error " + status + "</title><p>Error " + status);
        }
    }
}
