package dev.kioku.comments;

import dev.kioku.admin.AdminFrame;
import dev.kioku.admin.Fields;

/**
 * {@code /admin/comments/ID/}: one comment with its actions, the Edit form and the Reply form. Links in
 * notification emails open it with {@code ?action=approve} (or spam): that button is shown first and
 * highlighted, and nothing changes until it is pressed.
 *
 * @param notice      what the last action did, or null
 * @param highlighted the action the visitor came to take, or null
 * @param backUrl     the queue tab the comment is in
 * @param edit        the Edit form as saved or as typed (when refused)
 * @param reply       the Reply form ({@code reply}), empty unless refused
 */
public record CommentAdminPage(AdminFrame frame, String notice, CommentRow comment, ModerationAction highlighted,
                               String backUrl, Fields edit, Fields reply) {
    /** Whether an action's button is the one to press (no highlight: the first one is). */
    public boolean primary(ModerationAction a) {
        return highlighted == null ? a == comment.actions().get(0) : a == highlighted;
    }
}
