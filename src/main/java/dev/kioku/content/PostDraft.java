package dev.kioku.content;

import java.util.List;

/**
 * What a writer saves: everything about a post except its status and dates.
 *
 * @param slug    wanted URL slug, or null/blank to derive it from the title
 * @param tags    tag names; new ones are created
 * @param excerpt the writer's own excerpt, or null/blank to use the automatic one
 */
public record PostDraft(Kind kind, String title, String slug, String bodyMd, long authorId, List<String> tags,
                        Long featuredMediaId, boolean commentsOpen, Post.Review review, String excerpt) {
    public PostDraft {
        if (kind == null) throw new IllegalArgumentException("kind is required");
        if (title == null || title.isBlank()) throw new IllegalArgumentException("title must not be empty");
        title = title.strip();
        bodyMd = bodyMd == null ? "" : bodyMd;
        tags = tags == null ? List.of() : List.copyOf(tags);
        excerpt = excerpt == null || excerpt.isBlank() ? null : excerpt.strip();
    }

    /** A draft with the automatic excerpt. */
    public PostDraft(Kind kind, String title, String slug, String bodyMd, long authorId, List<String> tags,
                     Long featuredMediaId, boolean commentsOpen, Post.Review review) {
        this(kind, title, slug, bodyMd, authorId, tags, featuredMediaId, commentsOpen, review, null);
    }

    /** A post with comments open, no featured image and no review fields. */
    public static PostDraft post(String title, String bodyMd, long authorId, List<String> tags) {
        return new PostDraft(Kind.POST, title, null, bodyMd, authorId, tags, null, true, null);
    }

    public static PostDraft page(String title, String bodyMd, long authorId) {
        return new PostDraft(Kind.PAGE, title, null, bodyMd, authorId, List.of(), null, false, null);
    }

    public PostDraft withSlug(String newSlug) {
        return new PostDraft(kind, title, newSlug, bodyMd, authorId, tags, featuredMediaId, commentsOpen, review, excerpt);
    }

    public PostDraft withFeaturedImage(Long mediaId) {
        return new PostDraft(kind, title, slug, bodyMd, authorId, tags, mediaId, commentsOpen, review, excerpt);
    }

    public PostDraft withExcerpt(String newExcerpt) {
        return new PostDraft(kind, title, slug, bodyMd, authorId, tags, featuredMediaId, commentsOpen, review, newExcerpt);
    }
}
