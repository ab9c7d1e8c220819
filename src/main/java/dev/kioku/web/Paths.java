package dev.kioku.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Request paths as Kioku compares them: percent-decoded once, so {@code /2026/11/20/%E8%A8%98/} and
 * {@code /2026/11/20/記/} are one page, and as they go back out in a {@code Location}: percent-encoded.
 */
public final class Paths {
    private Paths() {
    }

    /** The decoded form of a raw request path; the raw path itself when it cannot be decoded. */
    public static String decode(String rawPath) {
        if (rawPath.indexOf('%') < 0) return rawPath;
        try {
            String decoded = URI.create("http://h" + rawPath).getPath();
            return decoded == null || decoded.isEmpty() ? rawPath : decoded;
        } catch (IllegalArgumentException e) {
            return rawPath;
        }
    }

    /** Percent-encodes what may not appear raw in a path (non-ASCII, spaces, quotes…), keeping {@code /}. */
    public static String encode(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "/-._~!$&'()*+,;=:@?%".indexOf(c) >= 0;
            if (safe) sb.append((char) c);
            else sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
        }
        return sb.toString();
    }

    /** True for a path on this site; false for {@code //host}, {@code /\host} and anything not starting with one slash. */
    public static boolean isLocal(String path) {
        return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");
    }
}
