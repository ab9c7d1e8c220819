package dev.kioku.web;

import io.javalin.http.Context;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes cached bytes with the validators and encoding the client asked for. */
final class HttpResponses {
    static final String PAGE_CACHE_CONTROL = "public, max-age=0, must-revalidate, s-maxage=60, stale-while-revalidate=300";

    void send(Context ctx, CachedPage page, boolean isPage) {
        ctx.header("ETag", page.etag());
        ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(page.lastModified().atOffset(ZoneOffset.UTC)));
        ctx.header("Vary", "Accept-Encoding");
        if (isPage) {
            ctx.header("Cache-Control", PAGE_CACHE_CONTROL);
            if (!page.keys().isEmpty()) ctx.header("Surrogate-Key", String.join(" ", page.keys()));
        }
        ctx.contentType(page.contentType());
        if (matches(ctx.header("If-None-Match"), page.etag())) {
            ctx.status(304);
            return;
        }
        String accept = ctx.header("Accept-Encoding");
        boolean gzip = accept != null && accept.contains("gzip") && page.gzip().length < page.body().length;
        byte[] bytes = gzip ? page.gzip() : page.body();
        if (gzip) ctx.header("Content-Encoding", "gzip");
        ctx.header("Content-Length", Integer.toString(bytes.length));
        if (!"HEAD".equals(ctx.method().name())) ctx.result(bytes);
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
