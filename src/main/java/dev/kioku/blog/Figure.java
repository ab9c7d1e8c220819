package dev.kioku.blog;

/**
 * An image with its intrinsic size and caption (featured images).
 *
 * @param srcset the image and its smaller copies for {@code srcset}, or null when it has none
 */
public record Figure(String src, String alt, int width, int height, String caption, String srcset) {
    /** How wide the theme draws a featured image: the column, widened by 4rem a side from 60rem up. */
    static final String SIZES = "(min-width: 60rem) 50rem, 100vw";

    /** The {@code sizes} attribute, or null (no attribute) when there is no {@code srcset}. */
    public String sizes() {
        return srcset == null ? null : SIZES;
    }
}
