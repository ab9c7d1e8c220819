package dev.kioku.series;

import dev.kioku.admin.AdminFrame;
import dev.kioku.admin.Fields;
import java.util.List;

/**
 * {@code /admin/series/ID/}: the series' details, its parts in order with their actions, and what can be added.
 *
 * @param form       the typed values and messages of whichever form on the page was sent last
 * @param candidates posts in no series yet, for "add as the next part" and "attach to a planned part"
 */
public record SeriesEditView(AdminFrame frame, long id, String title, String publicUrl, Fields form, List<PartRow> parts,
                             List<Choice> candidates) {
    public SeriesEditView {
        parts = List.copyOf(parts);
        candidates = List.copyOf(candidates);
    }

    public String action(String rest) {
        return "/admin/series/" + id + "/" + rest;
    }

    /**
     * One part as the writer sees it, drafts included.
     *
     * @param state     "Published", "Scheduled", "Draft" or "Planned" (no post yet)
     * @param announced the planned title when a post fills the part under another title, else null
     * @param editUrl   the post's editor, or null for a planned part
     * @param liveUrl   the post's public page, or null while it is not published
     */
    public record PartRow(long id, int number, String title, String state, String announced, String note, String editUrl,
                          String liveUrl, boolean first, boolean last) {
        public boolean planned() {
            return editUrl == null;
        }

        /** CSS modifier of the state badge. */
        public String stateClass() {
            return "badge--" + state.toLowerCase();
        }
    }

    /** A post that can become a part. */
    public record Choice(long id, String label) {
    }
}
