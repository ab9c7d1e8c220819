package dev.kioku.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.testing.TestImages;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Large pictures are decoded strip by strip into the stored size: same picture, no seams, upright, alpha kept. */
class StripDecodingTest {
    /** Something like a photo: a gradient, overlapping translucent discs, thin dark lines and text. */
    static BufferedImage photo(int w, int h, boolean transparentCorner) {
        var image = new BufferedImage(w, h, transparentCorner ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(30, 80, 160), w, h, new Color(240, 200, 90)));
        g.fillRect(0, 0, w, h);
        var random = new Random(7);
        for (int i = 0; i < 200; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 160));
            int size = random.nextInt(w / 6) + 10;
            g.fillOval(random.nextInt(w), random.nextInt(h), size, size);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(3));
        for (int x = 0; x < w; x += 97) g.drawLine(x, 0, x + h / 3, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 60));
        for (int y = 100; y < h; y += 300) g.drawString("Kioku test photo, line " + y, 50, y);
        if (transparentCorner) {
            g.setComposite(java.awt.AlphaComposite.Src);
            g.setColor(new Color(0, 255, 0, 0)); // transparent, with a green no one should see
            g.fillRect(0, 0, w / 2, h / 2);
        }
        g.dispose();
        return image;
    }

    private static BufferedImage stripped(byte[] bytes, int width, int height, int orientation, int stripBytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in, false, true);
                return StripDecoder.fitted(reader, width, height, orientation, true, stripBytes);
            } finally {
                reader.dispose();
            }
        }
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @ParameterizedTest
    @CsvSource({"jpeg", "png"})
    void strips_of_any_height_give_the_same_pixels_so_there_are_no_seams(String format) throws IOException {
        byte[] bytes = TestImages.write(photo(3000, 2000, false), format);

        BufferedImage whole = stripped(bytes, 2560, 1707, ExifOrientation.NORMAL, Integer.MAX_VALUE);
        BufferedImage thin = stripped(bytes, 2560, 1707, ExifOrientation.NORMAL, 3000 * 3 * 7); // strips of 7 rows

        assertEquals(2560, whole.getWidth());
        assertEquals(1707, whole.getHeight());
        assertArrayEquals(pixels(whole), pixels(thin));
    }

    @ParameterizedTest
    @CsvSource({"jpeg", "png"})
    void the_stored_picture_is_as_close_to_the_full_size_decode_shrunk_as_a_resampler_gets(String format) throws IOException {
        byte[] bytes = TestImages.write(photo(3200, 2400, false), format);

        BufferedImage strips = ImageCleaner.clean(bytes).picture();
        BufferedImage full = Pixels.narrower(TestImages.read(bytes), 2560);

        assertEquals(full.getWidth(), strips.getWidth());
        assertEquals(full.getHeight(), strips.getHeight());
        long difference = 0;
        int[] a = pixels(strips);
        int[] b = pixels(full);
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift < 24; shift += 8) difference += Math.abs((a[i] >> shift & 0xFF) - (b[i] >> shift & 0xFF));
        }
        double mean = difference / (3.0 * a.length);
        assertTrue(mean < 2.5, "mean absolute difference per channel " + mean);
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "3", "4", "5", "6", "7", "8"})
    void every_exif_orientation_is_applied_while_the_rows_are_written(int orientation) throws IOException {
        byte[] bytes = TestImages.write(photo(600, 400, false), "png");

        BufferedImage turned = stripped(bytes, 300, 200, orientation, 600 * 3 * 5);
        BufferedImage upright = Pixels.upright(stripped(bytes, 300, 200, ExifOrientation.NORMAL, 600 * 3 * 5), orientation,
                false, ImageFormat.PNG);

        assertEquals(upright.getWidth(), turned.getWidth());
        assertEquals(upright.getHeight(), turned.getHeight());
        assertArrayEquals(pixels(upright), pixels(turned));
    }

    @Test
    void a_big_png_keeps_its_transparency_and_the_hidden_colour_of_transparent_pixels_does_not_bleed() {
        ImageCleaner.Cleaned cleaned = ImageCleaner.clean(TestImages.write(photo(3000, 2000, true), "png"));

        assertEquals(ImageFormat.PNG, cleaned.format());
        BufferedImage stored = TestImages.read(cleaned.bytes());
        assertEquals(2560, stored.getWidth());
        assertEquals(0, stored.getRGB(100, 100) >>> 24, "the cleared corner stays transparent");
        assertEquals(255, stored.getRGB(2000, 1500) >>> 24);
        int edge = stored.getRGB(600, 853); // source rows 999.4 to 1000.6: the corner's last row and the one below it
        assertTrue((edge >>> 24) > 0 && (edge >>> 24) < 255, "a pixel on the edge is partly transparent: " + Integer.toHexString(edge));
        int below = stored.getRGB(600, 855);
        for (int shift = 0; shift < 24; shift += 8) {
            int channel = shift;
            assertTrue(Math.abs((edge >> shift & 0xFF) - (below >> shift & 0xFF)) < 24,
                    () -> "the edge keeps the colour next to it, not the hidden green: " + Integer.toHexString(edge) + " next to "
                            + Integer.toHexString(below) + " (channel at bit " + channel + ")");
        }
    }

    @Test
    void a_big_png_cut_off_in_its_last_rows_is_refused_as_damaged() {
        var noise = new BufferedImage(600, 6000, BufferedImage.TYPE_INT_RGB); // read subsampled by 2: rows 0, 2 ... 5998
        var random = new java.util.Random(7);
        for (int y = 0; y < noise.getHeight(); y++) for (int x = 0; x < noise.getWidth(); x++) noise.setRGB(x, y, random.nextInt());
        byte[] png = TestImages.write(noise, "png");
        byte[] cut = java.util.Arrays.copyOf(png, png.length - 1000); // noise does not compress: part of row 5999 only

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ImageCleaner.clean(cut));

        assertEquals(ImageCleaner.DAMAGED, refused.getMessage());
    }

    @Test
    void a_webp_too_big_to_decode_whole_in_a_sixth_of_the_heap_is_refused_with_its_size() {
        long heap = 96L << 20; // 4.2 megapixels: a sixth of it at 4 bytes each
        byte[] big = TestImages.webp(2600, 1700, false);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ImageCleaner.clean(big, heap));

        assertEquals("This WebP picture is 2600 × 1700 pixels; Kioku takes WebP up to 4.2 megapixels, as it has to read a WebP "
                + "whole. Save it as JPEG or PNG, or make it smaller, and upload it again.", refused.getMessage());
        ImageCleaner.Cleaned fits = ImageCleaner.clean(TestImages.webp(2000, 1500, false), heap);
        assertEquals(ImageFormat.JPEG, fits.format());
        assertEquals(2000, fits.width());
    }

    @Test
    void a_big_webp_is_decoded_whole_and_shrunk_and_stored_as_jpeg_or_png_when_the_heap_holds_it() {
        long heap = 1L << 30; // the WebP reader cannot decode in strips (see ImageCleaner.maxWebpPixels)
        ImageCleaner.Cleaned photo = ImageCleaner.clean(TestImages.webp(6000, 3000, false), heap);
        ImageCleaner.Cleaned sticker = ImageCleaner.clean(TestImages.webp(3000, 1500, true), heap);

        assertEquals(ImageFormat.JPEG, photo.format());
        BufferedImage stored = TestImages.read(photo.bytes());
        assertEquals(2560, stored.getWidth());
        assertEquals(1280, stored.getHeight());
        for (int y : new int[] {5, 640, 1275}) {
            assertTrue((stored.getRGB(600, y) >> 16 & 0xFF) > 200, "left half red at row " + y);
            assertTrue((stored.getRGB(1900, y) & 0xFF) > 200, "right half blue at row " + y);
        }
        assertEquals(ImageFormat.PNG, sticker.format());
        BufferedImage png = TestImages.read(sticker.bytes());
        assertEquals(255, png.getRGB(600, 1270) >>> 24);
        assertEquals(0, png.getRGB(1900, 1270) >>> 24, "the transparent right half stays transparent");
    }

    @Test
    void a_picture_that_fits_is_not_strip_decoded_and_a_bare_jpeg_is_kept() {
        byte[] bare = ImageCleaner.clean(TestImages.jpeg(2560, 1200)).bytes();

        assertArrayEquals(bare, ImageCleaner.clean(bare).bytes());
    }
}
