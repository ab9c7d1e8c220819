package dev.kioku.media;

import dev.kioku.admin.AdminFrame;
import java.util.List;

/**
 * The media library page.
 *
 * @param errors   sentences about refused uploads or a refused delete; empty when all went well
 * @param newerUrl the previous page of the grid, or null; {@code olderUrl} the next, or null
 */
public record LibraryView(AdminFrame frame, List<MediaCard> cards, int total, int page, int pages, String newerUrl,
                          String olderUrl, List<String> errors, long maxBytes, String accept) {

    /** {@code 20 MB}. */
    public String maxSize() {
        return maxBytes / (1024 * 1024) + " MB";
    }
}
