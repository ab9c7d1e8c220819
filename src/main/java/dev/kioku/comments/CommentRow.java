package dev.kioku.comments;

import java.util.List;

/**
 * One comment as a moderator sees it, in the queue and on its own page. {@code bodyHtml} is sanitized at write
 * time; everything else is escaped by the template.
 *
 * @param websiteUrl the commenter's website when it is an http(s) address (a link), else null
 * @param website    the website as text (shown even when it is not linked), or null
 * @param staff      written from the admin by a staff member
 * @param inReplyTo  the name of the comment this answers, or null at the top of a thread
 * @param replyToUrl the admin page of that comment, or null
 * @param note       why it was held or marked spam ("Held: first comment from this email"), or null
 * @param postUrl    where readers see it: the comment's public link when approved, else the post when public, else null
 * @param postEditUrl the post's editor, or null when the moderator may not edit the post
 */
public record CommentRow(long id, CommentStatus status, String authorName, String email, String websiteUrl, String website,
                         String ip, boolean staff, String bodyHtml, String inReplyTo, String replyToUrl, String note,
                         String postTitle, String postUrl, String postEditUrl, String date, String isoDate,
                         List<ModerationAction> actions) {
    public CommentRow {
        actions = List.copyOf(actions);
    }

    public String adminUrl() {
        return "/admin/comments/" + id + "/";
    }

    CommentRow withPostUrl(String url) {
        return new CommentRow(id, status, authorName, email, websiteUrl, website, ip, staff, bodyHtml, inReplyTo, replyToUrl,
                note, postTitle, url, postEditUrl, date, isoDate, actions);
    }

    CommentRow withActions(List<ModerationAction> list) {
        return new CommentRow(id, status, authorName, email, websiteUrl, website, ip, staff, bodyHtml, inReplyTo, replyToUrl,
                note, postTitle, postUrl, postEditUrl, date, isoDate, list);
    }

    /** The linked website as people say it: without {@code https://} and a final slash. */
    public String websiteLabel() {
        String label = website == null ? "" : website.replaceFirst("(?i)^https?://", "");
        return label.endsWith("/") ? label.substring(0, label.length() - 1) : label;
    }

    /** The id of the element naming the comment, for buttons' {@code aria-describedby}. */
    public String labelId() {
        return "comment-" + id + "-who";
    }
}
