package dev.kioku.series;

import dev.kioku.admin.AdminFrame;
import java.util.List;

/**
 * {@code /admin/series/ID/delete/}: what deleting a series does, before it is done.
 *
 * @param posts   titles of the posts that are parts now; they stay, no longer parts
 * @param planned how many planned parts (no post yet) go with the series
 */
public record SeriesDeleteView(AdminFrame frame, long id, String title, String publicUrl, List<String> posts, int planned) {
    public SeriesDeleteView {
        posts = List.copyOf(posts);
    }

    public String editUrl() {
        return "/admin/series/" + id + "/";
    }
}
