package dev.kioku.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers GET and HEAD requests for pages already in the {@link PageCache}, and for the theme's assets, in front of
 * Javalin: one map lookup, a prepared list of header fields and one write of the bytes.
 *
 * <p>Why: a cache hit that went through Javalin spent most of its time in the servlet layer, route matching and the
 * before-handlers, not in Kioku. The answer here is the one the route gives, byte for byte: the same status,
 * the headers prepared from a real answer of the route ({@link Answers}), the same gzip and 304 rules
 * ({@link HttpResponses}).
 *
 * <p>What falls through to Javalin unchanged: other methods; requests with a body; paths the route would redirect
 * (no trailing slash, {@code /?p=123}); URIs Jetty finds ambiguous or that carry {@code ;} parameters; anything
 * under {@code /admin}; misses; and pages or assets whose route headers are not known yet. The page cache is
 * keyed by the decoded path alone and a cached page is the same for every reader, so nothing else of the request
 * could change the answer.
 */
final class CacheHits extends Handler.Wrapper {
    private final PageCache cache;
    private final Assets assets;

    CacheHits(PageCache cache, Assets assets) {
        this.cache = cache;
        this.assets = assets;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        boolean head = HttpMethod.HEAD.is(method);
        if (!head && !HttpMethod.GET.is(method)) return super.handle(request, response, callback);
        HttpURI uri = request.getHttpURI();
        String raw = uri.getPath();
        if (raw == null || uri.hasViolations() || raw.indexOf(';') >= 0 || hasBody(request.getHeaders())
                || wouldRedirect(raw)) return super.handle(request, response, callback);
        String key = null;
        CachedPage page = raw.startsWith("/assets/") ? assets.at(raw) : null;
        if (page == null) {
            key = Paths.decode(raw);
            page = isAdmin(key) || (uri.getQuery() != null && mayBeOldAddress(key)) ? null : cache.get(key);
        }
        Answers answers = page == null ? null : page.answers();
        if (answers == null) return super.handle(request, response, callback);
        answer(request, response, callback, page, answers, head, key);
        return true;
    }

    private void answer(Request request, Response response, Callback callback, CachedPage page, Answers answers,
                        boolean head, String key) {
        HttpFields asked = request.getHeaders();
        HttpFields.Mutable out = response.getHeaders();
        cache.servedBeforeRouting();
        if (HttpResponses.notModified(asked.get(HttpHeader.IF_NONE_MATCH), asked.get(HttpHeader.IF_MODIFIED_SINCE), page)) {
            response.setStatus(304);
            for (HttpField field : answers.notModified) out.add(field);
            response.write(true, null, callback);
            return;
        }
        boolean hadGzip = page.hasGzip();
        boolean gzip = HttpResponses.acceptsGzip(asked.get(HttpHeader.ACCEPT_ENCODING)) && page.gzipIsSmaller();
        if (key != null && !hadGzip && page.hasGzip()) cache.grew(key, page);
        for (HttpField field : gzip ? answers.gzip(page) : answers.plain) out.add(field);
        response.setStatus(200);
        response.write(true, head ? null : ByteBuffer.wrap(gzip ? page.gzip() : page.body()), callback);
    }

    /** A GET with a body goes the long way (the route refuses one over the form limit). */
    private static boolean hasBody(HttpFields headers) {
        return headers.contains(HttpHeader.CONTENT_LENGTH) || headers.contains(HttpHeader.TRANSFER_ENCODING);
    }

    /** The route answers 301 to the slash form for a last segment without a dot (see WebServer's slashRedirect). */
    private static boolean wouldRedirect(String raw) {
        return !raw.endsWith("/") && raw.indexOf('.', raw.lastIndexOf('/')) < 0;
    }

    private static boolean isAdmin(String path) {
        return path.equals("/admin") || path.startsWith("/admin/");
    }

    /** {@code /?p=123} and {@code /index.php?page_id=2} may answer 301 to an imported post (oldQueryAddress). */
    private static boolean mayBeOldAddress(String path) {
        return path.equals("/") || path.startsWith("/index.php");
    }
}
