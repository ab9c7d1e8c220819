package dev.kioku.media;

/**
 * A stored image.
 *
 * @param path site path under which it is served, e.g. {@code /media/demo/palace.png}
 */
public record Media(long id, String path, String mime, int width, int height, String alt, String caption) {
}
