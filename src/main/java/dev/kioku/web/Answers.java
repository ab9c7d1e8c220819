package dev.kioku.web;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * The complete header lists of one cached page's answers on the fast path ({@link CacheHits}): 200 plain, 200
 * gzip and 304, each in the order and spelling the Javalin route sends them, encoded once; and the two bodies,
 * copied off the heap once sent {@value #OFF_HEAP_AFTER} times (see {@link OffHeap}).
 *
 * <p>How they stay the same as the route's: they start from the headers the route's before-handlers had set
 * (captured from a real request, see {@link HttpResponses#routeHeaders}), then apply, with the same replace
 * semantics as {@code ctx.header}, what {@link HttpResponses#send} sets. {@code Content-Type} is the field Jetty's
 * servlet layer would send (it rewrites the types it knows, {@code text/html; charset=utf-8} into
 * {@code text/html;charset=utf-8}). Jetty itself adds {@code Date} and, on a 304, {@code Content-Length: 0}.
 */
final class Answers {
    private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
    private static final HttpField PAGE_CACHE_CONTROL = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, HttpResponses.PAGE_CACHE_CONTROL);
    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");
    /** Sends of a body before it is copied off the heap: a page a crawler reads once or twice stays on it. */
    static final int OFF_HEAP_AFTER = 16;

    final HttpField[] plain;
    final HttpField[] notModified;
    private final HttpField[] common;
    private final OffHeap offHeap;
    private final Body plainBody;
    private volatile HttpField[] gzip;
    private volatile Body gzipBody;

    private Answers(HttpField[] common, HttpField[] plain, byte[] body, OffHeap offHeap) {
        this.common = common;
        this.notModified = common;
        this.plain = plain;
        this.offHeap = offHeap;
        this.plainBody = new Body(body);
    }

    /**
     * @param routeHeaders what the before-handlers had set when the route began ({@code Date} and {@code Server}
     *                     left out: Jetty adds them to every answer before any handler runs)
     * @param isPage       a public page (cache-control for CDNs and surrogate keys) rather than an asset
     */
    static Answers of(List<HttpField> routeHeaders, CachedPage page, boolean isPage) {
        return of(routeHeaders, page, isPage, OffHeap.BODIES);
    }

    static Answers of(List<HttpField> routeHeaders, CachedPage page, boolean isPage, OffHeap offHeap) {
        HttpFields.Mutable fields = HttpFields.build();
        for (HttpField field : routeHeaders) fields.add(preEncoded(field));
        fields.put(new PreEncodedHttpField(HttpHeader.ETAG, page.etag()));
        fields.put(new PreEncodedHttpField(HttpHeader.LAST_MODIFIED, page.lastModifiedHeader()));
        fields.put(VARY);
        page.headers().forEach((name, value) -> fields.put(new PreEncodedHttpField(name, value)));
        if (isPage) {
            fields.put(PAGE_CACHE_CONTROL);
            if (!page.keys().isEmpty()) fields.put(new PreEncodedHttpField("Surrogate-Key", page.surrogateKeyHeader()));
        }
        fields.put(contentType(page.contentType()));
        HttpField[] common = fields.stream().toArray(HttpField[]::new);
        return new Answers(common, with(common, new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, page.body().length)),
                page.body(), offHeap);
    }

    /** The plain body to write, a buffer of its own for this answer. */
    ByteBuffer plainBody() {
        return plainBody.next();
    }

    /** The gzip body to write; call it once the page's gzip exists ({@link #gzip(CachedPage)}). */
    ByteBuffer gzipBody(CachedPage page) {
        Body zipped = gzipBody;
        if (zipped == null) {
            zipped = new Body(page.gzip());
            gzipBody = zipped;
        }
        return zipped.next();
    }

    /** The 200 gzip headers; made the first time, when the page's gzip exists. */
    HttpField[] gzip(CachedPage page) {
        HttpField[] zipped = gzip;
        if (zipped == null) {
            zipped = with(common, GZIP, new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, page.gzip().length));
            gzip = zipped;
        }
        return zipped;
    }

    /**
     * The same field, encoded once: Jetty writes a plain field character by character on every answer (by JFR the
     * largest cost of a hit was the 200-character Content-Security-Policy).
     */
    private static HttpField preEncoded(HttpField field) {
        if (field instanceof PreEncodedHttpField) return field;
        return field.getHeader() != null ? new PreEncodedHttpField(field.getHeader(), field.getName(), field.getValue())
                : new PreEncodedHttpField(field.getName(), field.getValue());
    }

    /** The field Jetty's servlet response makes of {@code ctx.contentType(type)}. */
    private static HttpField contentType(String type) {
        MimeTypes.Type known = MimeTypes.CACHE.get(type);
        return known != null ? known.getContentTypeField() : new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, type);
    }

    /** One body's bytes on the heap and, once sent often enough and while the budget allows, off it. */
    private final class Body {
        private final byte[] bytes;
        private int sent; // counted without synchronization: a lost count only delays the copy
        private volatile ByteBuffer direct;

        Body(byte[] bytes) {
            this.bytes = bytes;
        }

        ByteBuffer next() {
            ByteBuffer copy = direct;
            if (copy != null) return copy.duplicate();
            if (++sent % OFF_HEAP_AFTER == 0) { // again later when the budget was full
                copy = offHeap.copy(bytes, Answers.this);
                if (copy != null) {
                    direct = copy;
                    return copy.duplicate();
                }
            }
            return ByteBuffer.wrap(bytes);
        }
    }

    private static HttpField[] with(HttpField[] fields, HttpField... more) {
        List<HttpField> all = new ArrayList<>(List.of(fields));
        all.addAll(List.of(more));
        return all.toArray(HttpField[]::new);
    }
}
