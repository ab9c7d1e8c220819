package dev.kioku.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpField;

/**
 * A rendered public page as bytes, with its strong ETag, the keys it depends on and its gzip variant, made the
 * first time a client asks for gzip and kept from then on. Header values are formatted once here, not on every
 * request; {@link #answers()} holds the complete header lists the fast path ({@link CacheHits}) sends.
 *
 * <p>Why gzip waits for a client: most misses are crawlers and the benchmark's identity requests, which never
 * read it, and compressing cost as much as a quarter of a miss. Level 6 instead of 9: on the demo's pages it is
 * within 0.5% of the size (4,520 against 4,510 bytes for a post, 5,935 against 5,909 for the feed) in 0.55 to 0.9
 * of the time.
 */
public final class CachedPage {
    private static final int GZIP_LEVEL = 6;

    private final byte[] body;
    private final String etag;
    private final Instant lastModified;
    private final String contentType;
    private final Set<String> keys;
    private final String lastModifiedHeader;
    private final String surrogateKeyHeader;
    private final Map<String, String> headers;
    private volatile byte[] gzip;
    private volatile Answers answers;
    private volatile Learned learned;

    private CachedPage(byte[] body, String contentType, Set<String> keys, Map<String, String> headers, Instant now) {
        this.body = body;
        this.etag = ETags.of(body);
        this.lastModified = now;
        this.contentType = contentType;
        this.keys = Set.copyOf(keys);
        this.lastModifiedHeader = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC));
        this.surrogateKeyHeader = surrogateKeys(this.keys);
        this.headers = Map.copyOf(headers);
    }

    public static CachedPage of(byte[] body, String contentType, Set<String> keys, Instant now) {
        return of(body, contentType, keys, Map.of(), now);
    }

    /** @param headers extra headers the page is always sent with (its own {@code Link}s), empty for most */
    public static CachedPage of(byte[] body, String contentType, Set<String> keys, Map<String, String> headers, Instant now) {
        return new CachedPage(body, contentType, keys, headers, now);
    }

    public byte[] body() {
        return body;
    }

    /** The gzip variant, compressed now if no client asked for it before. */
    public byte[] gzip() {
        byte[] zipped = gzip;
        if (zipped != null) return zipped;
        synchronized (this) {
            if (gzip == null) gzip = compress(body);
            return gzip;
        }
    }

    /** True once {@link #gzip()} has been made (it then counts in {@link #weight()}). */
    boolean hasGzip() {
        return gzip != null;
    }

    /** True when gzip is worth sending: smaller than the plain bytes (tiny files are not). */
    boolean gzipIsSmaller() {
        return gzip().length < body.length;
    }

    public String etag() {
        return etag;
    }

    public Instant lastModified() {
        return lastModified;
    }

    public String contentType() {
        return contentType;
    }

    public Set<String> keys() {
        return keys;
    }

    public String lastModifiedHeader() {
        return lastModifiedHeader;
    }

    public String surrogateKeyHeader() {
        return surrogateKeyHeader;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /**
     * The header lists {@link CacheHits} sends, or null until {@link #learn} has been told the route's own headers;
     * made on the first call after that (two threads may both make them: the same lists, either is kept).
     */
    Answers answers() {
        Answers made = answers;
        if (made != null) return made;
        Learned from = learned;
        if (from == null) return null;
        made = Answers.of(from.routeHeaders(), this, from.isPage());
        answers = made;
        return made;
    }

    /**
     * Remembers the headers the route's before-handlers set on a request for this page, for {@link #answers()} to
     * make the fast path's answers from when the page is first asked for again; the first call wins.
     *
     * <p>Why not at once: encoding a dozen header fields for HTTP/1.1 and HTTP/2 (HPACK) took about 1% of the CPU
     * of rendering a post page (perf), and a page rendered for a crawler or the W6 benchmark is often never asked for again.
     *
     * @param isPage a public page (cache-control for CDNs and surrogate keys) rather than an asset
     */
    void learn(List<HttpField> routeHeaders, boolean isPage) {
        if (learned == null) learned = new Learned(List.copyOf(routeHeaders), isPage);
    }

    private record Learned(List<HttpField> routeHeaders, boolean isPage) {
    }

    /** Bytes held in memory, for the cache's weigher: the body, the gzip once made, and the prepared headers. */
    int weight() {
        byte[] zipped = gzip;
        return body.length + (zipped == null ? 0 : zipped.length) + 1024 + 3 * surrogateKeyHeader.length();
    }

    /** Space-separated keys for CDN purges; keys are percent-encoded so a tag like 日本 survives a header. */
    private static String surrogateKeys(Set<String> keys) {
        StringBuilder sb = new StringBuilder();
        for (String key : keys) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(Paths.encode(key));
        }
        return sb.toString();
    }

    private static byte[] compress(byte[] body) {
        var out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (var gz = new GZIPOutputStream(out, 8192) {
            { def.setLevel(GZIP_LEVEL); }
        }) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
