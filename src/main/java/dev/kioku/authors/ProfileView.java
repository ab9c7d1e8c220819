package dev.kioku.authors;

import dev.kioku.admin.AdminFrame;
import dev.kioku.admin.Fields;
import java.util.List;

/**
 * {@code /admin/profile/}: one's own public profile.
 *
 * @param form     the typed values: displayName, bio, avatar ("" none, "url", or a media id), avatarUrl, publicEmail
 * @param links    the link rows, typed or saved, and always one blank row to add another
 * @param unsaved  true when the page was re-shown to add or remove a row (without scripts): not saved yet
 */
public record ProfileView(AdminFrame frame, Fields form, List<Image> images, List<LinkRow> links, String authorUrl,
                          boolean unsaved) {
    public ProfileView {
        images = List.copyOf(images);
        links = List.copyOf(links);
    }

    /** An image from the media library that can be the picture. */
    public record Image(String id, String src, String label) {
    }

    /** One link row; {@code error} is null when it is fine. */
    public record LinkRow(int index, String label, String url, String error) {
        public String errorId() {
            return "link-" + index + "-error";
        }
    }
}
