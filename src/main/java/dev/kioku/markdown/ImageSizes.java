package dev.kioku.markdown;

import java.util.List;
import java.util.Optional;

/**
 * Looks up the intrinsic size of an image by the {@code src} written in Markdown, so rendered
 * {@code <img>} tags carry {@code width}/{@code height} and the page does not shift as images load,
 * and the smaller copies of it the site keeps, so they can be offered in {@code srcset}.
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

    /**
     * Smaller copies of the image, narrowest first, each narrower than the image itself.
     *
     * @param src the image destination exactly as written
     * @return the copies; empty (the default) when there are none or the image is not local
     */
    default List<Variant> variantsOf(String src) {
        return List.of();
    }

    /** Intrinsic pixel size; both positive. */
    record Size(int width, int height) {
        public Size {
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException(
                        "image size must be positive, was " + width + "x" + height);
            }
        }
    }

    /** A smaller copy of an image: where it is served and how many pixels wide it is. */
    record Variant(String src, int width) {
        public Variant {
            if (src == null || src.isBlank()) throw new IllegalArgumentException("variant src is required");
            if (width <= 0) throw new IllegalArgumentException("variant width must be positive, was " + width);
        }
    }
}
