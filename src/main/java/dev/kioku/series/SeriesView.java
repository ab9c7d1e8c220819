package dev.kioku.series;

import java.util.List;
import java.util.Set;

/**
 * A series as readers see it: its parts numbered from 1, each a link once its post is public, "coming soon"
 * before. {@code keys} lists what a page showing it depends on.
 *
 * @param current number of the part being read (1-based), or 0 on pages that are not a part
 */
public record SeriesView(Series series, List<PartView> parts, int current, Set<String> keys) {
    public SeriesView {
        parts = List.copyOf(parts);
        keys = Set.copyOf(keys);
    }

    public int total() {
        return parts.size();
    }

    public String title() {
        return series.title();
    }

    public String url() {
        return series.url();
    }

    /** One part; {@code url} is null while the part is not published ("coming soon"). */
    public record PartView(int number, String title, String url, String note, String excerpt, String date,
                           boolean isCurrent) {
        public boolean comingSoon() {
            return url == null;
        }
    }
}
