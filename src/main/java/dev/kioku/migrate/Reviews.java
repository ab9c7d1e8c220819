package dev.kioku.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kioku.content.Post;
import dev.kioku.content.ReviewKind;
import java.util.LinkedHashMap;
import java.util.Map;

/** A post's review fields as exports write them (JSON in WXR meta, a map in front matter) and read them back. */
final class Reviews {
    private Reviews() {
    }

    /** The fields that are set, by name; null for a post that reviews nothing. */
    static Map<String, Object> toMap(Post.Review r) {
        if (r == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", r.title());
        if (r.year() != null) m.put("year", r.year());
        if (r.creator() != null) m.put("creator", r.creator());
        if (r.kind() != null) m.put("kind", r.kind().schemaType());
        if (r.url() != null) m.put("url", r.url());
        if (r.rating() != null) m.put("rating", r.rating());
        return m;
    }

    /**
     * @return the review, or null when {@code n} is missing or names no title
     * @throws IllegalArgumentException when a field breaks a rule (a rating outside 1 to 5)
     */
    static Post.Review fromNode(JsonNode n) {
        if (n == null || !n.isObject() || n.path("title").asText("").isBlank()) return null;
        return new Post.Review(n.get("title").asText(), n.hasNonNull("year") ? n.get("year").asInt() : null,
                n.hasNonNull("creator") ? n.get("creator").asText() : null, ReviewKind.of(n.path("kind").asText(null)).orElse(null),
                n.hasNonNull("url") ? n.get("url").asText() : null, n.hasNonNull("rating") ? n.get("rating").asInt() : null);
    }
}
