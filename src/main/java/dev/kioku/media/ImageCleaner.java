package dev.kioku.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns uploaded bytes into the image Kioku stores, or refuses them with a sentence for the writer.
 *
 * <p>What is accepted is decided by decoding, never by the name or the browser's content type: the bytes
 * must be a JPEG, PNG, GIF or WebP that ImageIO can read to the last pixel. Then:
 * <ul>
 * <li>JPEG and PNG are turned upright (EXIF orientation) and encoded again, which drops EXIF (GPS position,
 * camera serial numbers), comments and anything smuggled after the image data. A JPEG that has none of these
 * ({@link JpegSegments#isBare}) and needs no turning or shrinking is kept byte for byte: encoding it again would
 * only lose quality.</li>
 * <li>WebP cannot be written by ImageIO, so it is stored as PNG when it has transparency and as JPEG when
 * it does not. An animated WebP keeps its first frame.</li>
 * <li>GIF keeps its frames byte for byte (animations stay animated) with comments and application blocks
 * removed ({@link GifBlocks}).</li>
 * <li>A picture larger than {@value #MAX_EDGE} px on a side is shrunk to that, as WordPress does: no
 * screen needs more, and it keeps memory and disk in check.</li>
 * </ul>
 */
final class ImageCleaner {
    /** Longest side of a stored (non-GIF) image. */
    static final int MAX_EDGE = 2560;
    /** Largest picture decoded at all: beyond this a small file could be a decompression bomb. */
    static final long MAX_PIXELS = 60_000_000L;
    static final int MAX_FRAMES = 1000;

    static final String NOT_AN_IMAGE = "This file is not an image Kioku can use. Images are recognised by their "
            + "contents, not their name: upload a JPEG, PNG, GIF or WebP.";
    static final String DAMAGED = "This image is damaged or cut off, so it cannot be read. Export it again and upload the new file.";

    /**
     * An image ready to store.
     *
     * @param picture the decoded, upright picture to draw smaller copies from; null for animations
     */
    record Cleaned(ImageFormat format, byte[] bytes, int width, int height, BufferedImage picture) {
    }

    private ImageCleaner() {
    }

    /** @throws IllegalArgumentException with a sentence for the writer when the bytes are refused */
    static Cleaned clean(byte[] bytes) {
        return clean(bytes, Runtime.getRuntime().maxMemory());
    }

    /**
     * Largest WebP taken with this much heap: ImageIO's WebP reader cannot read part of a picture, so a WebP is
     * decoded whole (4 bytes a pixel) where JPEG and PNG are read in strips, and with its stored copy and the smaller
     * copies made from it, a sixth of the heap is what fits beside a busy blog's live set (the review measured a 7 MP
     * WebP with alpha running a 112 MB heap holding 55 MB out of memory, and 4.7 MP not): 4.9 megapixels with the
     * launcher's 112 MB, 8.4 with 192 MB.
     */
    static long maxWebpPixels(long maxHeap) {
        return maxHeap / 24;
    }

    /** {@link #clean(byte[])} as on a JVM whose heap is at most {@code maxHeap} bytes. */
    static Cleaned clean(byte[] bytes, long maxHeap) {
        if (bytes == null || bytes.length == 0) throw new IllegalArgumentException("This file is empty.");
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(in);
            try {
                ImageFormat format = ImageFormat.ofReaderName(reader.getFormatName()).orElseThrow();
                reader.setInput(in, false, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if ((long) w * h > MAX_PIXELS) {
                    throw new IllegalArgumentException("This image is " + w + " × " + h + " pixels; Kioku takes up to "
                            + MAX_PIXELS / 1_000_000 + " megapixels. Make it smaller and upload it again.");
                }
                if (format == ImageFormat.WEBP && (long) w * h > maxWebpPixels(maxHeap)) {
                    throw new IllegalArgumentException("This WebP picture is " + w + " × " + h + " pixels; Kioku takes WebP up to "
                            + String.format(Locale.ROOT, "%.1f", maxWebpPixels(maxHeap) / 1e6) + " megapixels, as it has to read "
                            + "a WebP whole. Save it as JPEG or PNG, or make it smaller, and upload it again.");
                }
                return format == ImageFormat.GIF ? gif(bytes, reader) : still(bytes, format, reader, w, h);
            } finally {
                reader.dispose();
            }
        } catch (IllegalArgumentException refused) {
            throw refused;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(DAMAGED, e);
        }
    }

    /** A reader for one of the accepted formats; refuses other formats by name, and non-images. */
    private static ImageReader readerFor(ImageInputStream in) {
        Optional<String> other = Optional.empty();
        for (Iterator<ImageReader> it = ImageIO.getImageReaders(in); it.hasNext(); ) {
            ImageReader reader = it.next();
            String name;
            try {
                name = reader.getFormatName();
            } catch (IOException e) {
                reader.dispose();
                continue;
            }
            if (ImageFormat.ofReaderName(name).isPresent()) return reader;
            other = Optional.of(name.toUpperCase(Locale.ROOT));
            reader.dispose();
        }
        throw new IllegalArgumentException(other
                .map(name -> "This is a " + name + " image; Kioku takes JPEG, PNG, GIF and WebP. Convert it and upload it again.")
                .orElse(NOT_AN_IMAGE));
    }

    private static Cleaned still(byte[] bytes, ImageFormat format, ImageReader reader, int w, int h) throws IOException {
        int orientation = format == ImageFormat.JPEG ? ExifOrientation.of(bytes) : ExifOrientation.NORMAL;
        boolean shrunk = w > MAX_EDGE || h > MAX_EDGE;
        int width = w >= h ? MAX_EDGE : Math.max(1, (int) Math.round(w * (double) MAX_EDGE / h));
        int height = w >= h ? Math.max(1, (int) Math.round(h * (double) MAX_EDGE / w)) : MAX_EDGE;
        BufferedImage picture;
        boolean alpha;
        ImageFormat stored;
        if (shrunk && format != ImageFormat.WEBP) {
            // decoded strip by strip into the stored size, upright: a full-size decode needed 57 MB for 19 megapixels
            picture = StripDecoder.fitted(reader, width, height, orientation, format != ImageFormat.JPEG);
            alpha = picture.getColorModel().hasAlpha();
            stored = storedAs(format, alpha);
        } else {
            // WebP is not decoded in strips: TwelveMonkeys' lossless WebP decoder fills a full-size picture whatever
            // the region asked for, and fails on a region of one. A huge one is subsampled, as before strips.
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(w, h) / MAX_EDGE;
            if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage decoded = reader.read(0, param);
            reader.reset(); // ImageIO's JPEG reader holds on to the picture until then
            if (shrunk) decoded = Pixels.narrower(decoded, width);
            alpha = decoded.getColorModel().hasAlpha() && format != ImageFormat.JPEG;
            stored = storedAs(format, alpha);
            picture = Pixels.upright(decoded, orientation, alpha, stored);
            if (format == ImageFormat.JPEG && picture == decoded && JpegSegments.isBare(bytes)) {
                return new Cleaned(stored, bytes, w, h, picture); // encoding it again would only lose quality
            }
        }
        return new Cleaned(stored, Pixels.encode(picture, stored), picture.getWidth(), picture.getHeight(), picture);
    }

    /** WebP cannot be written: it is stored as PNG when it has transparency, as JPEG when not. */
    private static ImageFormat storedAs(ImageFormat format, boolean alpha) {
        return format == ImageFormat.WEBP ? (alpha ? ImageFormat.PNG : ImageFormat.JPEG) : format;
    }

    private static Cleaned gif(byte[] bytes, ImageReader reader) throws IOException {
        int frames = reader.getNumImages(true);
        if (frames > MAX_FRAMES) {
            throw new IllegalArgumentException("This GIF has " + frames + " frames; Kioku takes up to " + MAX_FRAMES + ".");
        }
        BufferedImage first = reader.read(0);
        for (int i = 1; i < frames; i++) reader.read(i); // every frame must decode, not just the first
        GifBlocks.Cleaned cleaned = GifBlocks.clean(bytes);
        int w = (bytes[6] & 0xFF) | (bytes[7] & 0xFF) << 8; // the logical screen: frames may be smaller
        int h = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        if (w == 0 || h == 0) throw new IllegalArgumentException(DAMAGED);
        BufferedImage picture = cleaned.frames() == 1 ? Pixels.upright(first, ExifOrientation.NORMAL, true, ImageFormat.PNG) : null;
        return new Cleaned(ImageFormat.GIF, cleaned.bytes(), w, h, picture);
    }
}
