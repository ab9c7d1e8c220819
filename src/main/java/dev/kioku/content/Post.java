package dev.kioku.content;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A post or page as stored. {@code bodyHtml} is rendered from {@code bodyMd} and sanitized at write time;
 * it is the only field templates print raw.
 *
 * @param publishedAt  when it went (or goes) public, or null for a draft never published
 * @param featuredMediaId media row of the featured image, or null
 * @param review       what the post reviews, or null
 * @param excerpt      what lists and link previews show: the writer's own excerpt, else the automatic one
 * @param customExcerpt the excerpt the writer typed, or null when the automatic one is used
 * @param version      bumped by every saved edit, so a save made on an older version can be refused
 * @param sharesSlugWithPage true for a post whose slug a published page also has (saved before slugs were
 *                     unique across posts and pages): the page keeps {@code /slug/}, see {@link PermalinkStyle}
 */
public record Post(long id, Kind kind, String title, String slug, String bodyMd, String bodyHtml, String excerpt,
                   int words, Status status, Instant publishedAt, Instant createdAt, Instant updatedAt, long authorId,
                   Long featuredMediaId, boolean commentsOpen, Review review, List<Tag> tags, String customExcerpt,
                   long version, boolean sharesSlugWithPage) {

    public Post {
        tags = List.copyOf(tags);
    }

    /**
     * What a review post is about, for structured data and the "Review of" line.
     *
     * @param title   the reviewed item's name, never blank
     * @param year    its year, or null
     * @param creator who made it (author, director, studio), or null
     * @param kind    what it is, or null (structured data then calls it a CreativeWork)
     * @param url     its own address (http or https), or null
     * @param rating  whole stars from 1 to 5, or null for a review without a rating
     */
    public record Review(String title, Integer year, String creator, ReviewKind kind, String url, Integer rating) {
        public Review {
            if (title == null || title.isBlank()) throw new IllegalArgumentException("a review needs the title of what it reviews");
            if (rating != null && (rating < 1 || rating > 5)) throw new IllegalArgumentException("rating must be 1 to 5");
        }

        /** A review without address or rating. */
        public Review(String title, Integer year, String creator, ReviewKind kind) {
            this(title, year, creator, kind, null, null);
        }
    }

    public boolean isPublic() {
        return status == Status.PUBLISHED;
    }

    /** Reading time in whole minutes, at least one. */
    public int readingMinutes() {
        return Math.max(1, Math.round(words / 230f));
    }

    /**
     * The address readers use: {@code /slug/} for a page; for a post, its address in {@code style}, dated in
     * {@code zone} (by its publication time, or its creation time while it has none).
     */
    public String permalink(PermalinkStyle style, ZoneId zone) {
        return permalink(kind, id, slug, publishedAt, createdAt, sharesSlugWithPage, style, zone);
    }

    /** The rule behind {@link #permalink(PermalinkStyle, ZoneId)}, shared with {@link Posts.Brief}. */
    static String permalink(Kind kind, long id, String slug, Instant publishedAt, Instant createdAt, boolean sharesSlugWithPage,
                            PermalinkStyle style, ZoneId zone) {
        if (kind == Kind.PAGE) return "/" + slug + "/";
        return style.path(id, slug, (publishedAt == null ? createdAt : publishedAt).atZone(zone), sharesSlugWithPage);
    }

    Post withTags(List<Tag> newTags) {
        return new Post(id, kind, title, slug, bodyMd, bodyHtml, excerpt, words, status, publishedAt, createdAt,
                updatedAt, authorId, featuredMediaId, commentsOpen, review, newTags, customExcerpt, version, sharesSlugWithPage);
    }
}
