package dev.kioku.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;

/**
 * The theme's static files, read from the jar once and served under fingerprinted names
 * ({@code /assets/theme.3f9a1c2b.css}) as immutable, so browsers and CDNs keep them for a year.
 */
public final class Assets {
    /** Name → resource in the jar. htmx comes from its webjar, served under our own fingerprinted name. */
    private static final Map<String, String> FILES = Map.of(
            "theme.css", "/assets/theme.css",
            "favicon.svg", "/assets/favicon.svg",
            "admin.css", "/assets/admin.css",
            "admin.js", "/assets/admin.js",
            "comments.js", "/assets/comments.js",
            "reader-sign-in.js", "/assets/reader-sign-in.js",
            "reader-popup.js", "/assets/reader-popup.js",
            "embed.css", "/assets/embed.css",
            "htmx.min.js", "/META-INF/resources/webjars/htmx.org/2.0.10/dist/htmx.min.js");
    private final Map<String, String> urls = new HashMap<>();
    private final Map<String, CachedPage> byUrl = new HashMap<>();

    public Assets() {
        for (var file : FILES.entrySet()) {
            String name = file.getKey();
            byte[] bytes = read(file.getValue());
            CachedPage page = CachedPage.of(bytes, contentType(name), Set.of(), Instant.EPOCH);
            String tag = page.etag().substring(1, 9).toLowerCase().replaceAll("[^a-z0-9]", "0");
            int dot = name.lastIndexOf('.');
            String url = "/assets/" + name.substring(0, dot) + "." + tag + name.substring(dot);
            urls.put(name, url);
            byUrl.put(url, page);
        }
    }

    /** The fingerprinted URL of an asset, e.g. {@code url("theme.css")}. */
    public String url(String name) {
        String url = urls.get(name);
        if (url == null) throw new IllegalArgumentException("no asset named " + name);
        return url;
    }

    void register(RoutesConfig routes, HttpResponses responses) {
        byUrl.forEach((url, page) -> {
            routes.get(url, ctx -> serve(ctx, page, responses));
            routes.head(url, ctx -> serve(ctx, page, responses));
        });
    }

    private static void serve(Context ctx, CachedPage page, HttpResponses responses) {
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        if (page.answers() == null) {
            List<HttpField> routeHeaders = HttpResponses.routeHeaders(ctx);
            if (routeHeaders != null) page.learn(routeHeaders, false);
        }
        responses.send(ctx, page, false);
    }

    /**
     * The asset at exactly this URL, or null. The fast path ({@link CacheHits}) serves it once one request through
     * its route has shown which headers the route sends.
     */
    CachedPage at(String url) {
        return byUrl.get(url);
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("asset missing from the jar: " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".css")) return "text/css; charset=utf-8";
        if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (name.endsWith(".svg")) return "image/svg+xml";
        return "application/octet-stream";
    }
}
