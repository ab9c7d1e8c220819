package dev.kioku.webmentions;

import dev.kioku.admin.AdminFrame;
import java.util.List;

/**
 * {@code /admin/webmentions/}: one status tab, a page of its mentions, and the actions it offers.
 *
 * @param notice what the last action did, or null
 * @param newer  the previous page, or null; {@code older} likewise
 */
public record MentionQueueView(AdminFrame frame, String notice, MentionStatus status, List<Tab> tabs, List<Row> rows,
                               List<MentionAction> actions, int page, int total, String newer, String older) {
    public MentionQueueView {
        tabs = List.copyOf(tabs);
        rows = List.copyOf(rows);
        actions = List.copyOf(actions);
    }

    /** A status with its count. */
    public record Tab(String label, String url, int count, boolean current) {
        public String ariaCurrent() {
            return current ? "page" : null;
        }
    }

    /**
     * One mention as the moderator sees it; all plain text.
     *
     * @param authorUrl the author's address, or null
     * @param excerpt   the text, or null
     * @param reason    why it failed, or null
     * @param postUrl   the post's public address, or null while it is not public
     */
    public record Row(long id, String kind, String authorName, String authorUrl, String source, String sourceHost,
                      String excerpt, String reason, String postTitle, String postUrl, String date, String isoDate) {
    }

    public String statusCode() {
        return status.sql();
    }

    public String emptyText() {
        return switch (status) {
            case QUEUED -> "Nothing is waiting to be checked.";
            case PENDING -> "No webmentions are waiting for you. Verified ones from other sites show here.";
            case APPROVED -> "No approved webmentions yet.";
            case SPAM -> "No spam.";
            case FAILED -> "No failed webmentions. Those whose source could not be verified show here, with the reason.";
        };
    }
}
