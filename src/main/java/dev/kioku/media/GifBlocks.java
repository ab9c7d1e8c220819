package dev.kioku.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A GIF rewritten block by block, keeping what draws the picture (screen and image descriptors, colour
 * tables, image data, frame timing, the looping block) and dropping what does not: comments, XMP and other
 * application blocks, and anything after the trailer.
 *
 * <p>Why not decode and encode again as with JPEG and PNG: ImageIO reads one frame of an animation and its
 * GIF writer re-quantises colours, so an animated GIF would freeze and lose colours. The image data blocks
 * are kept byte for byte; every frame has been decoded before this runs, so they are known to be pictures.
 */
final class GifBlocks {
    private static final int EXTENSION = 0x21;
    private static final int IMAGE = 0x2C;
    private static final int TRAILER = 0x3B;
    private static final int GRAPHIC_CONTROL = 0xF9;
    private static final int PLAIN_TEXT = 0x01;
    private static final int APPLICATION = 0xFF;

    /** The cleaned bytes and how many frames they hold. */
    record Cleaned(byte[] bytes, int frames) {
    }

    private GifBlocks() {
    }

    /** @throws IllegalArgumentException when the bytes are not a whole GIF */
    static Cleaned clean(byte[] gif) {
        if (gif.length < 13 || !new String(gif, 0, 6, StandardCharsets.US_ASCII).matches("GIF8[79]a")) {
            throw new IllegalArgumentException("not a GIF");
        }
        var out = new ByteArrayOutputStream(gif.length);
        int packed = gif[10] & 0xFF;
        int at = 13 + colourTable(packed);
        out.write(gif, 0, need(gif, at));
        int frames = 0;
        while (at < gif.length) { // a missing trailer is forgiven, as browsers do
            int block = gif[at] & 0xFF;
            if (block == TRAILER) break;
            int start = at;
            if (block == IMAGE) {
                int descriptorEnd = need(gif, at + 10);
                at = need(gif, descriptorEnd + colourTable(gif[at + 9] & 0xFF) + 1); // + LZW code size
                at = subBlocks(gif, at);
                out.write(gif, start, at - start);
                frames++;
            } else if (block == EXTENSION) {
                int label = gif[need(gif, at + 2) - 1] & 0xFF;
                at = subBlocks(gif, at + 2);
                if (label == GRAPHIC_CONTROL || label == PLAIN_TEXT || (label == APPLICATION && isLooping(gif, start + 2))) {
                    out.write(gif, start, at - start);
                }
            } else {
                throw new IllegalArgumentException("unknown GIF block 0x" + Integer.toHexString(block));
            }
        }
        if (frames == 0) throw new IllegalArgumentException("a GIF without a picture");
        out.write(TRAILER);
        return new Cleaned(out.toByteArray(), frames);
    }

    /** Bytes of the colour table announced by a packed field (global or local). */
    private static int colourTable(int packed) {
        return (packed & 0x80) == 0 ? 0 : 3 * (1 << ((packed & 7) + 1));
    }

    /** Skips data sub-blocks starting at {@code at}; returns the offset after the terminating empty one. */
    private static int subBlocks(byte[] gif, int at) {
        while (true) {
            int size = gif[need(gif, at + 1) - 1] & 0xFF;
            at = need(gif, at + 1 + size);
            if (size == 0) return at;
        }
    }

    /** NETSCAPE2.0 (or ANIMEXTS1.0): how often an animation loops. */
    private static boolean isLooping(byte[] gif, int at) {
        if (at + 12 > gif.length || (gif[at] & 0xFF) != 11) return false;
        String id = new String(gif, at + 1, 11, StandardCharsets.US_ASCII);
        return id.equals("NETSCAPE2.0") || id.equals("ANIMEXTS1.0");
    }

    private static int need(byte[] gif, int end) {
        if (end > gif.length) throw new IllegalArgumentException("the GIF is cut off");
        return end;
    }
}
