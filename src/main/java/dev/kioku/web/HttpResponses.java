package dev.kioku.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;

/** Writes cached bytes with the validators and encoding the client asked for. */
final class HttpResponses {
    static final String PAGE_CACHE_CONTROL = "public, max-age=0, must-revalidate, s-maxage=60, stale-while-revalidate=300";

    void send(Context ctx, CachedPage page, boolean isPage) {
        ctx.header("ETag", page.etag());
        ctx.header("Last-Modified", page.lastModifiedHeader());
        ctx.header("Vary", "Accept-Encoding");
        page.headers().forEach(ctx::header);
        if (isPage) {
            ctx.header("Cache-Control", PAGE_CACHE_CONTROL);
            if (!page.keys().isEmpty()) ctx.header("Surrogate-Key", page.surrogateKeyHeader());
        }
        ctx.contentType(page.contentType());
        if (notModified(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), page)) {
            ctx.status(304);
            return;
        }
        boolean gzip = acceptsGzip(ctx.header("Accept-Encoding")) && page.gzipIsSmaller();
        byte[] bytes = gzip ? page.gzip() : page.body();
        if (gzip) ctx.header("Content-Encoding", "gzip");
        ctx.header("Content-Length", Integer.toString(bytes.length));
        if (!"HEAD".equals(ctx.method().name())) write(ctx, bytes);
    }

    /**
     * The headers set on this answer so far (by the before-handlers, when called before the route does anything),
     * as {@link Answers} starts from: everything but what Jetty adds to every answer itself, on this connection
     * ({@code Date}, {@code Server}, and {@code Strict-Transport-Security}, which the HTTPS connector's customizer
     * adds to every answer over TLS and never over plain HTTP). Null when the answer is not Jetty's, or when it
     * sets a cookie (something of this visitor's that must never be replayed to the next one): nothing then goes on
     * the fast path.
     */
    static List<HttpField> routeHeaders(Context ctx) {
        ServletContextResponse response = ServletContextResponse.getServletContextResponse(ctx.res());
        if (response == null) return null;
        List<HttpField> fields = new ArrayList<>();
        for (HttpField field : response.getHeaders()) {
            HttpHeader header = field.getHeader();
            if (header == HttpHeader.SET_COOKIE || header == HttpHeader.SET_COOKIE2) return null;
            if (header != HttpHeader.DATE && header != HttpHeader.SERVER && header != HttpHeader.STRICT_TRANSPORT_SECURITY) {
                fields.add(field);
            }
        }
        return fields;
    }

    /**
     * Hands the body to Jetty in one write. {@code ctx.result(bytes)} would have Javalin copy it 8 KB at a time
     * through its compression wrapper (a quarter of the time of serving a 70 KB cached page, by JFR). A client that
     * hung up meanwhile is no error of ours.
     */
    private static void write(Context ctx, byte[] bytes) {
        try {
            ctx.res().getOutputStream().write(bytes);
        } catch (java.io.IOException clientGone) {
            // nothing left to tell anyone: the connection is closed
        }
    }

    /** True when the client lists gzip (or {@code *}) without {@code q=0}. */
    static boolean acceptsGzip(String header) {
        if (header == null) return false;
        for (String part : header.split(",")) {
            String[] bits = part.strip().split(";");
            String coding = bits[0].strip().toLowerCase();
            if (!coding.equals("gzip") && !coding.equals("*")) continue;
            boolean refused = false;
            for (int i = 1; i < bits.length; i++) refused |= bits[i].strip().replace(" ", "").matches("q=0(\\.0*)?");
            return !refused;
        }
        return false;
    }

    /**
     * RFC 9110 §13.2.2: If-None-Match decides when sent; only without it does If-Modified-Since (what many feed
     * readers send) count, against the time the page was rendered, to the second.
     */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, CachedPage page) {
        if (ifNoneMatch != null) return matches(ifNoneMatch, page.etag());
        if (ifModifiedSince == null) return false;
        try {
            var since = java.time.ZonedDateTime.parse(ifModifiedSince.strip(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !page.lastModified().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).isAfter(since);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        if (ifNoneMatch.strip().equals("*")) return true;
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.startsWith("W/")) c = c.substring(2);
            if (c.equals(etag)) return true;
        }
        return false;
    }
}
