package dev.kioku.content;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
 */
public record Post(long id, Kind kind, String title, String slug, String bodyMd, String bodyHtml, String excerpt,
                   int words, Status status, Instant publishedAt, Instant createdAt, Instant updatedAt, long authorId,
                   Long featuredMediaId, boolean commentsOpen, Review review, List<Tag> tags, String customExcerpt,
                   long version) {

    public Post {
        tags = List.copyOf(tags);
    }

    /** The work a review post is about, for structured data. */
    public record Review(String title, Integer year, String creator, String kind) {
    }

    public boolean isPublic() {
        return status == Status.PUBLISHED;
    }

    /** Reading time in whole minutes, at least one. */
    public int readingMinutes() {
        return Math.max(1, Math.round(words / 230f));
    }

    /** The WordPress-style URL: {@code /2026/11/20/slug/} for posts (in the site's zone), {@code /slug/} for pages. */
    public String permalink(ZoneId zone) {
        return permalink(kind, slug, publishedAt == null ? createdAt : publishedAt, zone);
    }

    static String permalink(Kind kind, String slug, Instant at, ZoneId zone) {
        if (kind == Kind.PAGE) return "/" + slug + "/";
        ZonedDateTime d = at.atZone(zone);
        return "/%04d/%02d/%02d/%s/".formatted(d.getYear(), d.getMonthValue(), d.getDayOfMonth(), slug);
    }

    Post withTags(List<Tag> newTags) {
        return new Post(id, kind, title, slug, bodyMd, bodyHtml, excerpt, words, status, publishedAt, createdAt,
                updatedAt, authorId, featuredMediaId, commentsOpen, review, newTags, customExcerpt, version);
    }
}
