package dev.kioku.media;

/**
 * A stored image.
 *
 * @param path site path under which it is served, e.g. {@code /media/demo/palace.png}
 */
public record Media(long id, String path, String mime, int width, int height, String alt, String caption) {

    /** The content type of an image file from its name; JPEG unless it says otherwise. */
    public static String mimeOf(String name) {
        if (name.endsWith(".png")) return "image/png";
        if (name.endsWith(".gif")) return "image/gif";
        if (name.endsWith(".webp")) return "image/webp";
        return "image/jpeg";
    }
}
