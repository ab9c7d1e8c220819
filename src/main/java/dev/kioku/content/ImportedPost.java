package dev.kioku.content;

import java.time.Instant;
import java.util.Map;

/**
 * A post or page brought over from another blog, saved as it was there: its dates, author, status and tags.
 *
 * @param slug        the wanted slug; a {@code -2}… suffix is added when another post or page has it
 * @param publishedAt when it went (or goes) public; null for a draft never published
 * @param excerpt     the writer's own excerpt, or null for the automatic one
 * @param tags        tag slug → name
 * @param review      what the post reviews, or null
 */
public record ImportedPost(Kind kind, String title, String slug, String bodyMd, Status status, Instant publishedAt,
                           Instant createdAt, Instant updatedAt, long authorId, Long featuredMediaId, boolean commentsOpen,
                           String excerpt, Map<String, String> tags, Post.Review review) {
    public ImportedPost {
        if (kind == null || status == null || createdAt == null) throw new IllegalArgumentException("kind, status and createdAt are required");
        if (status != Status.DRAFT && publishedAt == null) throw new IllegalArgumentException("a " + status.sql() + " post needs its date");
        tags = Map.copyOf(tags);
    }

    /** A post that reviews nothing. */
    public ImportedPost(Kind kind, String title, String slug, String bodyMd, Status status, Instant publishedAt, Instant createdAt,
                        Instant updatedAt, long authorId, Long featuredMediaId, boolean commentsOpen, String excerpt, Map<String, String> tags) {
        this(kind, title, slug, bodyMd, status, publishedAt, createdAt, updatedAt, authorId, featuredMediaId, commentsOpen, excerpt, tags, null);
    }
}
