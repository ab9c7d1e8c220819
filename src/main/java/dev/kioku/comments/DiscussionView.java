package dev.kioku.comments;

import dev.kioku.admin.AdminFrame;
import dev.kioku.admin.Fields;
import java.util.List;

/** Settings → Discussion: the comment rules as saved, or as typed when refused. */
public record DiscussionView(AdminFrame frame, Fields form) {
    /** The moderation choices, in the order the form offers them. */
    public List<Moderation> moderations() {
        return List.of(Moderation.values());
    }
}
