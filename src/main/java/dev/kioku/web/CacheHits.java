package dev.kioku.web;

import java.util.concurrent.Executor;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

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
 *
 * <p>Why it says it never blocks ({@link Invocable.InvocationType#NON_BLOCKING}): Jetty then runs it on the selector
 * thread that read the request, as nginx answers on the worker that read it, with no hand-over to another thread
 * (before, every request started a virtual thread and woke the selector again: measured, a hit now costs a fifth
 * less CPU on the home page and two fifths less on a post with its comments). What could block is
 * handed to {@code blocking} (virtual threads): every request for Javalin (a miss renders from the database, a form
 * reads its body) and a hit that first needs its gzip variant compressed.
 */
final class CacheHits extends Handler.Wrapper {
    private final PageCache cache;
    private final Assets assets;
    private final Executor blocking;

    /** @param blocking runs what may block: Javalin's handling of the requests not answered here */
    CacheHits(PageCache cache, Assets assets, Executor blocking) {
        this.cache = cache;
        this.assets = assets;
        this.blocking = blocking;
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        boolean head = HttpMethod.HEAD.is(method);
        if (!head && !HttpMethod.GET.is(method)) return handOn(request, response, callback);
        HttpURI uri = request.getHttpURI();
        String raw = uri.getPath();
        if (raw == null || uri.hasViolations() || raw.indexOf(';') >= 0 || hasBody(request.getHeaders())
                || wouldRedirect(raw)) return handOn(request, response, callback);
        String key = null;
        CachedPage page = raw.startsWith("/assets/") ? assets.at(raw) : null;
        if (page == null) {
            key = Paths.decode(raw);
            page = isAdmin(key) || (uri.getQuery() != null && mayBeOldAddress(key)) ? null : cache.get(key);
        }
        Answers answers = page == null ? null : page.answers();
        if (answers == null) return handOn(request, response, callback);
        boolean gzip = HttpResponses.acceptsGzip(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING));
        if (gzip && !page.hasGzip()) {
            // the first gzip request of a page compresses it: a millisecond of work kept off the selector
            CachedPage hit = page;
            String path = key;
            execute(callback, () -> answer(request, response, callback, hit, answers, head, true, path));
        } else {
            answer(request, response, callback, page, answers, head, gzip, key);
        }
        return true;
    }

    /** Javalin handles the request on a thread that may block; a request nothing handles is a 404, as in Jetty. */
    private boolean handOn(Request request, Response response, Callback callback) {
        execute(callback, () -> {
            if (!super.handle(request, response, callback)) Response.writeError(request, response, callback, 404);
        });
        return true;
    }

    /** Runs {@code work} on a thread that may block; what it throws fails the request as Jetty would (a 500). */
    private void execute(Callback callback, Work work) {
        try {
            blocking.execute(() -> {
                try {
                    work.run();
                } catch (Throwable x) {
                    callback.failed(x);
                }
            });
        } catch (RuntimeException rejected) {
            callback.failed(rejected);
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private void answer(Request request, Response response, Callback callback, CachedPage page, Answers answers,
                        boolean head, boolean acceptsGzip, String key) {
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
        boolean gzip = acceptsGzip && page.gzipIsSmaller();
        if (key != null && !hadGzip && page.hasGzip()) cache.grew(key, page);
        for (HttpField field : gzip ? answers.gzip(page) : answers.plain) out.add(field);
        response.setStatus(200);
        response.write(true, head ? null : gzip ? answers.gzipBody(page) : answers.plainBody(), callback);
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
