package dev.kioku.blog;

import dev.kioku.authors.Author;
import dev.kioku.comments.CommentSection;
import dev.kioku.content.Post;
import dev.kioku.content.Tag;
import dev.kioku.series.SeriesView;
import dev.kioku.site.Site;
import dev.kioku.web.Meta;
import dev.kioku.webmentions.MentionSection;
import java.util.List;

/**
 * A post or page as shown to readers. {@code bodyHtml} is sanitized at write time; everything else is escaped
 * by the template.
 *
 * @param archiveUrl the month archive the post belongs to
 * @param series the series box, or null; {@code older}/{@code newer} null at the ends and on pages
 * @param comments the comments and the form, or null (pages, previews)
 * @param review   what the post reviews, shown as a "Review of" line, or null
 * @param mentions the approved webmentions (likes, reposts, replies from other sites), or null (previews)
 */
public record PostView(Site site, Meta meta, boolean isPage, String title, String date, String isoDate, String archiveUrl,
                       int readingMinutes, Author author, Figure featured, String bodyHtml, List<Tag> tags,
                       SeriesView series, Link older, Link newer, CommentSection comments, Post.Review review,
                       MentionSection mentions) {
    /** A titled link. */
    public record Link(String title, String url) {
    }

    /** The review's rating as five stars, filled then hollow ("★★★★☆"), or "" when it has none. */
    public String stars() {
        if (review == null || review.rating() == null) return "";
        return "★".repeat(review.rating()) + "☆".repeat(5 - review.rating());
    }
}
