package dev.kioku.blog;

import dev.kioku.content.Tag;
import dev.kioku.series.SeriesService;
import java.util.List;

/**
 * A post in a list: home page, tag, author, archive.
 *
 * @param badge null outside a series
 * @param image the featured image, or null; the home page shows it on its lead post
 * @param comments approved comments on the post
 */
public record PostCard(String title, String url, String date, String isoDate, String excerpt, int readingMinutes,
                       List<Tag> tags, SeriesService.Badge badge, Figure image,
                       int comments) {
    /** "1 comment", "12 comments"; empty for none. */
    public String commentLabel() {
        return comments == 0 ? "" : comments == 1 ? "1 comment" : comments + " comments";
    }
}
