package dev.kioku.blog;

import dev.kioku.series.SeriesView;
import dev.kioku.site.Site;
import dev.kioku.web.Meta;
import java.util.List;

/** A series page ({@code /series/slug/}) or, with several series, the series index ({@code /series/}). */
public record SeriesPage(Site site, Meta meta, List<SeriesView> series, boolean index) {
}
