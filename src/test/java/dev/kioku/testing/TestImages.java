package dev.kioku.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Images for tests, made in code: two-colour pictures (left half one colour, right half another) so a test
 * can tell which way up a stored image is, in every format the media library accepts. ImageIO cannot
 * write WebP, so {@link #webp} encodes a lossless (VP8L) WebP by hand.
 */
public final class TestImages {
    private TestImages() {
    }

    /** Left half {@code left}, right half {@code right}. */
    public static BufferedImage halves(int w, int h, Color left, Color right) {
        var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(left);
        g.fillRect(0, 0, w / 2, h);
        g.setColor(right);
        g.fillRect(w / 2, 0, w - w / 2, h);
        g.dispose();
        return image;
    }

    public static byte[] jpeg(int w, int h) {
        return write(halves(w, h, Color.RED, Color.BLUE), "jpeg");
    }

    public static byte[] png(int w, int h) {
        return write(halves(w, h, Color.RED, Color.BLUE), "png");
    }

    public static byte[] gif(int w, int h) {
        return write(halves(w, h, Color.RED, Color.BLUE), "gif");
    }

    /** The picture in encoded bytes (JPEG, PNG, GIF). */
    public static BufferedImage read(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            if (image == null) throw new IllegalStateException("not an image ImageIO reads");
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] write(BufferedImage image, String format) {
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) throw new IllegalStateException("no writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A JPEG (left red, right blue) with an EXIF block holding an orientation and a camera make, the kind of
     * detail that must not survive upload.
     */
    public static byte[] jpegWithExif(int w, int h, int orientation, String make) {
        byte[] jpeg = jpeg(w, h);
        byte[] makeBytes = (make + "\0").getBytes(StandardCharsets.US_ASCII);
        var tiff = new ByteArrayOutputStream();
        tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8}); // big-endian, first IFD at 8
        u16(tiff, 2);                                                // two entries, sorted by tag
        u16(tiff, 0x010F); u16(tiff, 2); u32(tiff, makeBytes.length); u32(tiff, 8 + 2 + 24 + 4); // Make, ASCII, at the end
        u16(tiff, 0x0112); u16(tiff, 3); u32(tiff, 1); u16(tiff, orientation); u16(tiff, 0);     // Orientation, SHORT
        u32(tiff, 0);                                                // no next IFD
        tiff.writeBytes(makeBytes);
        byte[] body = tiff.toByteArray();
        var app1 = new ByteArrayOutputStream();
        app1.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1});
        u16(app1, 2 + 6 + body.length);
        app1.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        app1.writeBytes(body);
        int at = 2; // after SOI, and after the JFIF APP0 segment ImageIO writes
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) at = 4 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF));
        var out = new ByteArrayOutputStream();
        out.write(jpeg, 0, at);
        out.writeBytes(app1.toByteArray());
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    /** An animated GIF of {@code frames} frames, 100 ms each, looping, with a comment block. */
    public static byte[] animatedGif(int w, int h, int frames, String comment) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        var out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames; i++) {
                BufferedImage frame = halves(w, h, i % 2 == 0 ? Color.RED : Color.GREEN, Color.BLUE);
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
                String format = meta.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
                IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
                control.setAttribute("disposalMethod", "none");
                control.setAttribute("userInputFlag", "FALSE");
                control.setAttribute("transparentColorFlag", "FALSE");
                control.setAttribute("delayTime", "10");
                control.setAttribute("transparentColorIndex", "0");
                root.appendChild(control);
                IIOMetadataNode comments = new IIOMetadataNode("CommentExtensions");
                IIOMetadataNode text = new IIOMetadataNode("CommentExtension");
                text.setAttribute("value", comment);
                comments.appendChild(text);
                root.appendChild(comments);
                if (i == 0) {
                    IIOMetadataNode apps = new IIOMetadataNode("ApplicationExtensions");
                    IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
                    loop.setAttribute("applicationID", "NETSCAPE");
                    loop.setAttribute("authenticationCode", "2.0");
                    loop.setUserObject(new byte[] {1, 0, 0});
                    apps.appendChild(loop);
                    root.appendChild(apps);
                }
                meta.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(frame, null, meta), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * A lossless WebP: left half opaque red, right half blue, or transparent when {@code transparentRight}.
     *
     * <p>The VP8L bitstream (RFC 9649) with no transforms and no colour cache, and each of the five prefix
     * codes a "simple" code of one or two 8-bit symbols: a pixel then costs one bit per channel that varies.
     */
    public static byte[] webp(int w, int h, boolean transparentRight) {
        int[] left = {255, 255, 0, 0};                             // A, R, G, B
        int[] right = transparentRight ? new int[] {0, 0, 0, 0} : new int[] {255, 0, 0, 255};
        var bits = new Bits();
        bits.put(0x2f, 8);
        bits.put(w - 1, 14);
        bits.put(h - 1, 14);
        bits.put(transparentRight ? 1 : 0, 1);
        bits.put(0, 3);   // version
        bits.put(0, 1);   // no transform
        bits.put(0, 1);   // no colour cache
        bits.put(0, 1);   // one prefix code group
        int[] order = {2, 1, 3, 0};                                 // green, red, blue, alpha
        for (int channel : order) simpleCode(bits, left[channel], right[channel]);
        simpleCode(bits, 0, 0);                                    // distance: never used
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] px = x < w / 2 ? left : right;
                for (int channel : order) {
                    int a = left[channel];
                    int b = right[channel];
                    if (a != b) bits.put(px[channel] == Math.max(a, b) ? 1 : 0, 1); // the smaller symbol has code 0
                }
            }
        }
        byte[] data = bits.bytes();
        var out = new ByteArrayOutputStream();
        int padded = data.length + (data.length & 1);
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        le32(out, 4 + 8 + padded);
        out.writeBytes("WEBPVP8L".getBytes(StandardCharsets.US_ASCII));
        le32(out, data.length);
        out.writeBytes(data);
        if ((data.length & 1) == 1) out.write(0);
        return out.toByteArray();
    }

    private static void simpleCode(Bits bits, int a, int b) {
        bits.put(1, 1);                       // simple code
        if (a == b) {
            bits.put(0, 1);                   // one symbol
            bits.put(1, 1);                   // written in 8 bits
            bits.put(a, 8);
        } else {
            bits.put(1, 1);                   // two symbols
            bits.put(1, 1);                   // the first in 8 bits
            bits.put(Math.min(a, b), 8);
            bits.put(Math.max(a, b), 8);
        }
    }

    /** Bits packed least significant first, as VP8L reads them. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int used;

        void put(int value, int count) {
            for (int i = 0; i < count; i++) {
                current |= ((value >> i) & 1) << used;
                if (++used == 8) {
                    out.write(current);
                    current = 0;
                    used = 0;
                }
            }
        }

        byte[] bytes() {
            if (used > 0) out.write(current);
            current = 0;
            used = 0;
            return out.toByteArray();
        }
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >> 8 & 0xFF);
        out.write(v & 0xFF);
    }

    private static void u32(ByteArrayOutputStream out, int v) {
        u16(out, v >>> 16);
        u16(out, v & 0xFFFF);
    }

    private static void le32(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write(v >> 8 & 0xFF);
        out.write(v >> 16 & 0xFF);
        out.write(v >>> 24);
    }
}
