package dev.kioku.media;

import java.util.List;

/**
 * The "insert an image" fragment the post editor loads into {@code #media-picker}.
 *
 * @param newerUrl the previous page of images, or null; {@code olderUrl} the next, or null
 */
public record PickerView(List<MediaCard> items, String newerUrl, String olderUrl, long maxBytes, String accept) {
}
