package dev.kioku.blog;

import dev.kioku.content.Tag;
import dev.kioku.series.SeriesService;
import java.util.List;

/**
 * A post in a list: home page, tag, author, archive.
 *
 * @param badge null outside a series
 * @param image the featured image, or null; the home page shows it on its lead post
 */
public record PostCard(String title, String url, String date, String isoDate, String excerpt, int readingMinutes,
                       List<Tag> tags, SeriesService.Badge badge, Figure image) {
}
