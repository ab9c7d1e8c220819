package dev.kioku.content;

import dev.kioku.admin.AdminFrame;
import java.util.List;

/** A post's revisions, newest first, each with a comparison to the current text and a restore link. */
public record RevisionsView(AdminFrame frame, String noun, String postTitle, String editUrl, List<Row> rows, int total) {
    public RevisionsView {
        rows = List.copyOf(rows);
    }

    /**
     * One revision.
     *
     * @param changes   "+3 −1 lines" against the current text, or "Same as now"
     * @param isCurrent true when it holds exactly the current text (nothing to restore)
     */
    public record Row(String label, String who, String when, String title, String changes, String compareUrl,
                      String restoreUrl, boolean isCurrent, boolean isAutosave) {
    }
}
