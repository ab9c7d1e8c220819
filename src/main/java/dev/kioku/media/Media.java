package dev.kioku.media;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A stored image and its smaller copies.
 *
 * @param path         site path under which it is served, e.g. {@code /media/2026/11/fox-k3j9aa.jpg}
 * @param bytes        size of the stored file
 * @param originalName the file name it was uploaded under ("" for images Kioku added itself)
 * @param uploadedBy   the staff member who uploaded it, or null (demo images, a deleted account)
 * @param variants     smaller copies, narrowest first; empty for small images and animations
 */
public record Media(long id, String path, String mime, int width, int height, String alt, String caption, long bytes,
                    String originalName, Long uploadedBy, Instant createdAt, List<Variant> variants) {

    public Media {
        variants = variants.stream().sorted(Comparator.comparingInt(Variant::width)).toList();
    }

    /** A smaller copy of the image, stored beside it. */
    public record Variant(String path, int width, int height, long bytes) {
    }

    /** The content type of an image file from its name; JPEG unless it says otherwise. */
    public static String mimeOf(String name) {
        if (name.endsWith(".png")) return "image/png";
        if (name.endsWith(".gif")) return "image/gif";
        if (name.endsWith(".webp")) return "image/webp";
        return "image/jpeg";
    }

    /** The {@code srcset} value listing the copies and the image itself, or null when there are no copies. */
    public String srcset() {
        if (variants.isEmpty()) return null;
        StringBuilder sb = new StringBuilder();
        for (Variant v : variants) sb.append(v.path()).append(' ').append(v.width()).append("w, ");
        return sb.append(path).append(' ').append(width).append('w').toString();
    }

    /** The smallest copy at least {@code minWidth} pixels wide, else the image itself: for thumbnails. */
    public String pathAtLeast(int minWidth) {
        return variants.stream().filter(v -> v.width() >= minWidth).findFirst().map(Variant::path).orElse(path);
    }

    /**
     * The smallest copy at least {@code minWidth} pixels wide, else the image itself, with its size: for link
     * previews, which want a large picture but not a camera original of many megabytes.
     */
    public Variant renditionAtLeast(int minWidth) {
        return variants.stream().filter(v -> v.width() >= minWidth).findFirst()
                .orElse(new Variant(path, width, height, bytes));
    }

    /** The stored file's name, e.g. {@code fox-k3j9aa.jpg}. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
