package dev.kioku.blog;

import dev.kioku.content.Tag;
import dev.kioku.series.SeriesService;
import java.util.List;

/** A post in a list: home page, tag, author, archive. {@code badge} is null outside a series. */
public record PostCard(String title, String url, String date, String isoDate, String excerpt, int readingMinutes,
                       List<Tag> tags, SeriesService.Badge badge) {
}
