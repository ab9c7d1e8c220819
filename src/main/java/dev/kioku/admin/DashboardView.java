package dev.kioku.admin;

import java.util.List;

/** The admin's first page: counts and the writer's most recent work. */
public record DashboardView(AdminFrame frame, int published, int drafts, int scheduled, List<Row> recent) {
    /** A recently edited post. */
    public record Row(String title, String editUrl, String status, String updated) {
    }
}
