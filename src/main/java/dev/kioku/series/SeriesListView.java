package dev.kioku.series;

import dev.kioku.admin.AdminFrame;
import dev.kioku.admin.Fields;
import java.util.List;

/** {@code /admin/series/}: every series with how far along it is, and the form for a new one. */
public record SeriesListView(AdminFrame frame, List<Row> series, Fields form) {
    public SeriesListView {
        series = List.copyOf(series);
    }

    /** One series: its parts, how many are out, how many are still planned. */
    public record Row(String title, String editUrl, String publicUrl, int parts, int published, int planned) {
    }
}
