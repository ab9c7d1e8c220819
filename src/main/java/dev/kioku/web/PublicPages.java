package dev.kioku.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import org.eclipse.jetty.http.HttpField;

/**
 * Registers public GET pages that are answered from the {@link PageCache}: rendered on the first request,
 * then served as bytes (plain or gzip, ETag, 304) until a change event drops them. Most hits never reach these
 * routes: {@link CacheHits} answers them in front of Javalin with the same bytes and headers.
 * Pages are keyed by their decoded path only, so every spelling of a path is one page; query strings never
 * change a public page.
 */
public final class PublicPages {
    private final RoutesConfig routes;
    private final PageCache cache;
    private final HttpResponses responses;
    private final Clock clock;

    PublicPages(RoutesConfig routes, PageCache cache, HttpResponses responses, Clock clock) {
        this.routes = routes;
        this.cache = cache;
        this.responses = responses;
        this.clock = clock;
    }

    /** Serves {@code path} (Javalin syntax, e.g. {@code /tag/{slug}}) from the cache, rendering with {@code renderer} on a miss. */
    public void page(String path, PageRenderer renderer) {
        page(path, "text/html; charset=utf-8", renderer);
    }

    /**
     * Like {@link #page(String, PageRenderer)} for a generated document that is not HTML (the stylesheet made
     * from the site settings): cached, ETag and gzip alike, sent with {@code contentType}.
     */
    public void page(String path, String contentType, PageRenderer renderer) {
        routes.get(path, ctx -> serve(ctx, renderer, contentType));
        routes.head(path, ctx -> serve(ctx, renderer, contentType));
    }

    /** The raw route table, for handlers that are not cached pages (forms, media). */
    public RoutesConfig routes() {
        return routes;
    }

    private void serve(Context ctx, PageRenderer renderer, String contentType) {
        String key = Paths.decode(ctx.path());
        CachedPage page = cache.get(key);
        if (page == null) {
            // taken before rendering: whatever a renderer might set on ctx is not part of the cached answer
            List<HttpField> routeHeaders = HttpResponses.routeHeaders(ctx);
            long ticket = cache.ticket();
            Page fresh = renderer.render(ctx);
            page = CachedPage.of(fresh.html(), contentType, fresh.keys(), fresh.headers(), clock.instant());
            if (routeHeaders != null) page.learn(routeHeaders, true);
            cache.put(key, page, ticket);
        }
        boolean hadGzip = page.hasGzip();
        responses.send(ctx, page, true);
        if (!hadGzip && page.hasGzip()) cache.grew(key, page);
    }
}
