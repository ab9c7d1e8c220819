package dev.kioku.content;

import dev.kioku.admin.AdminFrame;
import java.util.List;

/**
 * One revision compared with the current text: what restoring it would change. Lines marked
 * {@code +} would come back, lines marked {@code −} would go.
 *
 * @param fields changed fields other than the body (title, address, excerpt, tags)
 */
public record RevisionDiffView(AdminFrame frame, String noun, String postTitle, String editUrl, String revisionsUrl,
                               String restoreUrl, String label, List<FieldChange> fields, List<DiffLine> lines,
                               int added, int removed) {
    public RevisionDiffView {
        fields = List.copyOf(fields);
        lines = List.copyOf(lines);
    }

    /** A field whose value differs: now, and in the revision. */
    public record FieldChange(String name, String now, String then) {
    }

    public boolean identical() {
        return added == 0 && removed == 0 && fields.isEmpty();
    }
}
