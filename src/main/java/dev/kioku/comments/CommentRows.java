package dev.kioku.comments;

import dev.kioku.authors.Staff;
import dev.kioku.content.Post;
import dev.kioku.site.SiteSettings;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds {@link CommentRow}s for the moderation screens: the commenter's details, what the comment answers, why
 * it was held, and where its post is, looking up every parent of a page in one query.
 */
final class CommentRows {
    private final Comments comments;
    private final Function<Post, String> permalinks;

    CommentRows(Comments comments, Function<Post, String> permalinks) {
        this.comments = comments;
        this.permalinks = permalinks;
    }

    List<CommentRow> of(Staff who, Collection<Comment> list, Map<Long, Post> posts, SiteSettings site) {
        List<Long> parentIds = list.stream().map(Comment::parentId).filter(id -> id != null).distinct().toList();
        Map<Long, Comment> parents = parentIds.isEmpty() ? Map.of() : comments.find(parentIds);
        List<CommentRow> rows = new ArrayList<>();
        for (Comment c : list) {
            Post post = posts.get(c.postId());
            if (post != null) rows.add(row(who, c, post, c.parentId() == null ? null : parents.get(c.parentId()), site));
        }
        return rows;
    }

    CommentRow row(Staff who, Comment c, Post post, Comment parent, SiteSettings site) {
        String website = c.authorUrl() == null || c.authorUrl().isBlank() ? null : c.authorUrl();
        String postUrl = !post.isPublic() ? null : c.isPublic() ? "/comments/" + c.id() + "/" : permalinks.apply(post);
        String date = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(site.language())).format(c.createdAt().atZone(site.timeZone()));
        return new CommentRow(c.id(), c.status(), c.authorName(), blankToNull(c.authorEmail()), webAddress(website), website,
                blankToNull(c.ip()), c.staffId() != null, c.bodyHtml(), parent == null ? null : parent.authorName(),
                parent == null ? null : "/admin/comments/" + parent.id() + "/", note(c),
                post.title(), postUrl, who.mayEdit(post.authorId()) ? "/admin/posts/" + post.id() + "/" : null,
                date, site.isoDate(c.createdAt()), ModerationAction.offeredFor(c.status()));
    }

    /** Why a comment waits or sits in spam, as the moderator reads it; null once it is approved or trashed. */
    static String note(Comment c) {
        String why = c.moderationNote();
        if (why == null || why.isBlank()) return null;
        return switch (c.status()) {
            case PENDING -> "Held: " + why;
            case SPAM -> "Spam: " + why;
            default -> null;
        };
    }

    /**
     * The address when it is safe to link: http or https with a host. Anything else (an imported
     * {@code javascript:} URL, say) is shown as text only.
     */
    static String webAddress(String url) {
        if (url == null) return null;
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
