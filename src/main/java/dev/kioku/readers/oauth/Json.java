package dev.kioku.readers.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reading providers' JSON: a missing, null or blank field is null, never "null". */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** @throws IOException when {@code text} is not JSON */
    static JsonNode parse(String text) throws IOException {
        if (text == null) throw new IOException("the provider sent no body");
        return MAPPER.readTree(text);
    }

    /** The text at a path of field names ({@code text(n, "picture", "data", "url")}), or null. */
    static String text(JsonNode node, String... path) {
        JsonNode n = node;
        for (String name : path) {
            if (n == null) return null;
            n = n.get(name);
        }
        if (n == null || n.isNull() || n.isContainerNode()) return null;
        String s = n.asText().strip();
        return s.isEmpty() ? null : s;
    }

    /**
     * {@code url} when it is an absolute http(s) address, else null: a provider's picture and profile link end up
     * in {@code src} and {@code href} on the blog, where {@code javascript:} must never arrive.
     */
    static String web(String url) {
        if (url == null) return null;
        try {
            java.net.URI u = new java.net.URI(url);
            String scheme = u.getScheme();
            return ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) && u.getHost() != null ? url : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** Like {@link #text} but the field must be there: a profile without it is useless. */
    static String required(JsonNode node, String what, String... path) throws IOException {
        String s = text(node, path);
        if (s == null) throw new IOException("the provider's answer has no " + what);
        return s;
    }
}
