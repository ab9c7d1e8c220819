package dev.kioku.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Pixel work on decoded pictures: turning them upright in standard sRGB, shrinking them, and encoding them
 * again with no metadata at all. Each step makes at most one copy of a picture no larger than stored; pictures
 * larger than that are shrunk while they are decoded ({@link StripDecoder}).
 */
final class Pixels {
    /** JPEG quality of stored images and their copies (WordPress uses 0.82; photos keep their grain at 0.85). */
    static final float JPEG_QUALITY = 0.85f;

    private Pixels() {
    }

    /**
     * The picture upright and in a type the encoders write faithfully (8-bit sRGB or grey, with alpha only
     * when {@code keepAlpha}); the same object when it already is.
     */
    static BufferedImage upright(BufferedImage src, int orientation, boolean keepAlpha, ImageFormat target) {
        if (orientation == ExifOrientation.NORMAL && writesAsIs(src, target)) return src;
        boolean swap = ExifOrientation.swapsSides(orientation);
        int w = swap ? src.getHeight() : src.getWidth();
        int h = swap ? src.getWidth() : src.getHeight();
        BufferedImage out = new BufferedImage(w, h, keepAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            if (!keepAlpha) {
                g.setColor(Color.WHITE); // a transparent pixel flattened into a JPEG shows as white, not black
                g.fillRect(0, 0, w, h);
            }
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(src, ExifOrientation.upright(orientation, src.getWidth(), src.getHeight()), null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The picture shrunk to {@code width} pixels wide, keeping its proportions. */
    static BufferedImage narrower(BufferedImage src, int width) {
        int type = src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        try {
            return Thumbnails.of(src).width(width).imageType(type).asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resize an image in memory", e);
        }
    }

    /** JPEG or PNG bytes with no metadata: no EXIF, no comments, no text chunks. */
    static byte[] encode(BufferedImage image, ImageFormat format) {
        var out = new ByteArrayOutputStream(64 * 1024);
        try {
            if (format == ImageFormat.JPEG) {
                ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
                try (var stream = ImageIO.createImageOutputStream(out)) {
                    ImageWriteParam param = writer.getDefaultWriteParam();
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(JPEG_QUALITY);
                    writer.setOutput(stream);
                    writer.write(null, new IIOImage(image, null, null), param);
                } finally {
                    writer.dispose();
                }
            } else if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode an image in memory", e);
        }
        return out.toByteArray();
    }

    /** True when the encoder for {@code target} writes this picture's colours exactly as decoded. */
    private static boolean writesAsIs(BufferedImage src, ImageFormat target) {
        ColorSpace cs = src.getColorModel().getColorSpace();
        boolean standard = cs.isCS_sRGB() || cs.getType() == ColorSpace.TYPE_GRAY;
        int type = src.getType();
        if (target == ImageFormat.JPEG) {
            return standard && (type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_INT_RGB
                    || type == BufferedImage.TYPE_BYTE_GRAY);
        }
        return standard && type != BufferedImage.TYPE_CUSTOM && src.getColorModel().getComponentSize(0) == 8;
    }
}
