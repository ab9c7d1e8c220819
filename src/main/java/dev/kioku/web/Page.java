package dev.kioku.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A freshly rendered public page (or other generated document: {@code html} is then its bytes), the change keys it
 * depends on, and headers sent with it every time it is served (e.g. a {@code Link} to the Webmention endpoint).
 */
public record Page(byte[] html, Set<String> keys, Map<String, String> headers) {
    public Page {
        keys = Set.copyOf(keys);
        headers = Map.copyOf(headers);
    }

    public Page(byte[] html, Set<String> keys) {
        this(html, keys, Map.of());
    }

    /** This page with one more header (a later value for the same name replaces the earlier). */
    public Page withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Page(html, keys, more);
    }
}
