package dev.kioku.admin;

import java.util.List;

/** The admin's first page: counts, the writer's most recent work, and warnings such as mail not being set up. */
/**
 * @param subscribers confirmed email subscribers, or null when the signed-in person may not see them
 */
public record DashboardView(AdminFrame frame, int published, int drafts, int scheduled, Integer subscribers, List<Row> recent,
                            List<String> warnings) {
    /** A recently edited post. */
    public record Row(String title, String editUrl, String status, String updated) {
    }
}
