package dev.kioku.markdown;

import java.util.Optional;

/**
 * Looks up the intrinsic size of an image by the {@code src} written in Markdown, so rendered
 * {@code <img>} tags carry {@code width}/{@code height} and the page does not shift as images load.
 */
@FunctionalInterface
public interface ImageSizes {

    /** No sizes known: images render without {@code width}/{@code height}. */
    ImageSizes NONE = src -> Optional.empty();

    /**
     * @param src the image destination exactly as written (e.g. {@code /media/fox.png})
     * @return the size, or empty when unknown (remote images, missing files)
     */
    Optional<Size> sizeOf(String src);

    /** Intrinsic pixel size; both positive. */
    record Size(int width, int height) {
        public Size {
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException(
                        "image size must be positive, was " + width + "x" + height);
            }
        }
    }
}
