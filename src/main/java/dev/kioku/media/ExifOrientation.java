package dev.kioku.media;

import java.awt.geom.AffineTransform;

/**
 * The EXIF orientation of a JPEG: how the camera was held, which browsers apply but ImageIO does not.
 * Kioku applies it to the pixels before storing, then drops EXIF with every other piece of metadata.
 *
 * <p>Why by hand: it is one 16-bit value in the first IFD of the APP1 "Exif" segment; reading it from the
 * bytes needs no metadata library and cannot be confused by the rest of the EXIF block (thumbnails, maker
 * notes), which is never parsed.
 */
final class ExifOrientation {
    /** The upright orientation: nothing to do. */
    static final int NORMAL = 1;
    private static final int TAG_ORIENTATION = 0x0112;

    private ExifOrientation() {
    }

    /** The orientation (1 to 8) recorded in a JPEG's EXIF; {@link #NORMAL} when there is none or it cannot be read. */
    static int of(byte[] jpeg) {
        if (jpeg.length < 4 || u8(jpeg, 0) != 0xFF || u8(jpeg, 1) != 0xD8) return NORMAL;
        int i = 2;
        while (i + 4 <= jpeg.length) {
            if (u8(jpeg, i) != 0xFF) return NORMAL;
            int marker = u8(jpeg, i + 1);
            if (marker == 0xFF) { // fill byte before a marker
                i++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) return NORMAL; // image data starts: no more headers
            int length = u16(jpeg, i + 2, false);
            int end = i + 2 + length;
            if (length < 2 || end > jpeg.length) return NORMAL;
            if (marker == 0xE1 && length >= 16 && isExif(jpeg, i + 4)) {
                int found = tiffOrientation(jpeg, i + 10, end);
                if (found != 0) return found;
            }
            i = end;
        }
        return NORMAL;
    }

    /** True when the orientation turns the picture a quarter, so width and height trade places. */
    static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /**
     * The transform that draws a {@code width} x {@code height} picture stored with {@code orientation}
     * upright (the mapping Pillow's {@code exif_transpose} uses).
     */
    static AffineTransform upright(int orientation, int width, int height) {
        return switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, width, 0);     // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, width, height); // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, height);    // mirrored upside down
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);          // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, height, 0);    // needs a quarter turn clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, height, width); // transversed
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, width);     // needs a quarter turn anticlockwise
            default -> new AffineTransform();
        };
    }

    private static boolean isExif(byte[] b, int at) {
        return b[at] == 'E' && b[at + 1] == 'x' && b[at + 2] == 'i' && b[at + 3] == 'f' && b[at + 4] == 0 && b[at + 5] == 0;
    }

    /** Orientation from a TIFF header at {@code tiff}; 0 when absent or malformed. */
    private static int tiffOrientation(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) return 0;
        boolean little;
        if (b[tiff] == 'I' && b[tiff + 1] == 'I') little = true;
        else if (b[tiff] == 'M' && b[tiff + 1] == 'M') little = false;
        else return 0;
        if (u16(b, tiff + 2, little) != 42) return 0;
        long ifd = u32(b, tiff + 4, little);
        if (ifd < 8 || tiff + ifd + 2 > end) return 0;
        int at = (int) (tiff + ifd);
        int entries = u16(b, at, little);
        for (int k = 0; k < entries; k++) {
            int entry = at + 2 + 12 * k;
            if (entry + 12 > end) return 0;
            if (u16(b, entry, little) != TAG_ORIENTATION) continue;
            int type = u16(b, entry + 2, little);
            long value = type == 3 ? u16(b, entry + 8, little) : type == 4 ? u32(b, entry + 8, little) : 0;
            return value >= 1 && value <= 8 ? (int) value : 0;
        }
        return 0;
    }

    private static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    private static int u16(byte[] b, int at, boolean little) {
        return little ? u8(b, at) | u8(b, at + 1) << 8 : u8(b, at) << 8 | u8(b, at + 1);
    }

    private static long u32(byte[] b, int at, boolean little) {
        long lo = u16(b, at, little);
        long hi = u16(b, at + 2, little);
        return little ? lo | hi << 16 : lo << 16 | hi;
    }
}
