package dev.kioku.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * A rendered public page as bytes, with its gzip variant, strong ETag and the keys it depends on. Header
 * values are formatted once here, not on every request.
 *
 * @param headers extra headers the page is always sent with (its own {@code Link}s), empty for most
 */
public record CachedPage(byte[] body, byte[] gzip, String etag, Instant lastModified, String contentType,
                         Set<String> keys, String lastModifiedHeader, String surrogateKeyHeader, String bodyLength,
                         String gzipLength, Map<String, String> headers) {

    public static CachedPage of(byte[] body, String contentType, Set<String> keys, Instant now) {
        return of(body, contentType, keys, Map.of(), now);
    }

    public static CachedPage of(byte[] body, String contentType, Set<String> keys, Map<String, String> headers, Instant now) {
        byte[] zipped = gzip(body);
        return new CachedPage(body, zipped, etag(body), now, contentType, Set.copyOf(keys),
                DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)), surrogateKeys(keys),
                Integer.toString(body.length), Integer.toString(zipped.length), Map.copyOf(headers));
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

    /** Bytes held in memory, for the cache's weigher. */
    int weight() {
        return body.length + gzip.length + 256;
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] body) {
        var out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (var gz = new GZIPOutputStream(out) {
            { def.setLevel(9); }
        }) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
