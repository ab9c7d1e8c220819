package dev.kioku.comments;

import dev.kioku.admin.AdminFrame;
import java.util.List;

/**
 * {@code /admin/comments/}: one status tab of the moderation queue, a page of its comments, and the bulk actions.
 *
 * @param notice   what the last action did ("3 comments approved."), or null
 * @param newer    the previous page, or null; {@code older} likewise
 * @param settings whether to link Settings → Discussion (the owner only)
 */
public record CommentQueueView(AdminFrame frame, String notice, CommentStatus status, List<Tab> tabs, List<CommentRow> rows,
                               List<ModerationAction> bulk, int page, int first, int last, int total, String newer,
                               String older, boolean settings) {
    public CommentQueueView {
        tabs = List.copyOf(tabs);
        rows = List.copyOf(rows);
        bulk = List.copyOf(bulk);
    }

    /** A status with its count. */
    public record Tab(String label, String url, int count, boolean current) {
        public String ariaCurrent() {
            return current ? "page" : null;
        }
    }

    /** The tab's code for the forms' hidden field, e.g. {@code pending}. */
    public String statusCode() {
        return status.sql();
    }

    /** What an empty tab says. */
    public String emptyText() {
        return switch (status) {
            case PENDING -> "No comments are waiting for you. New ones that need a look will show here.";
            case APPROVED -> "No approved comments yet.";
            case SPAM -> "No spam. Comments caught by the spam defences land here.";
            case TRASH -> "The trash is empty.";
        };
    }
}
