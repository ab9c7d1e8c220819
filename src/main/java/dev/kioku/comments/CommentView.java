package dev.kioku.comments;

import java.util.List;

/**
 * One comment as readers see it; {@code bodyHtml} is sanitized at write time, everything else is escaped by
 * the template. The commenter's email never reaches this record.
 *
 * @param authorUrl the commenter's website, or null
 * @param replyUrl the no-script reply page, or null where replies may not nest deeper
 * @param held true for the commenter's own comment that waits for a moderator
 */
public record CommentView(long id, String authorName, String authorUrl, String avatarUrl, boolean byPostAuthor,
                          String date, String isoDate, String bodyHtml, String replyUrl, boolean held,
                          List<CommentView> replies) {
    public String anchor() {
        return "comment-" + id;
    }
}
