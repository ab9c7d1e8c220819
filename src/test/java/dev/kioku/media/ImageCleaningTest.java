package dev.kioku.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.testing.TestImages;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pieces of upload cleaning on their own: EXIF orientation, GIF blocks, file names, refusals. */
class ImageCleaningTest {
    private static final int W = 3;
    private static final int H = 2;

    /** A 3 x 2 picture whose every pixel is different. */
    private static BufferedImage numbered() {
        var image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) image.setRGB(x, y, pixel(x, y));
        return image;
    }

    private static int pixel(int x, int y) {
        return 0xFF000000 | (x * 80) << 16 | (y * 120) << 8 | 7;
    }

    /** Where each upright pixel comes from, per the EXIF specification (and Pillow's exif_transpose). */
    private static IntBinaryOperator[] source(int orientation) {
        return switch (orientation) {
            case 1 -> new IntBinaryOperator[] {(x, y) -> x, (x, y) -> y};
            case 2 -> new IntBinaryOperator[] {(x, y) -> W - 1 - x, (x, y) -> y};
            case 3 -> new IntBinaryOperator[] {(x, y) -> W - 1 - x, (x, y) -> H - 1 - y};
            case 4 -> new IntBinaryOperator[] {(x, y) -> x, (x, y) -> H - 1 - y};
            case 5 -> new IntBinaryOperator[] {(x, y) -> y, (x, y) -> x};
            case 6 -> new IntBinaryOperator[] {(x, y) -> y, (x, y) -> H - 1 - x};
            case 7 -> new IntBinaryOperator[] {(x, y) -> W - 1 - y, (x, y) -> H - 1 - x};
            default -> new IntBinaryOperator[] {(x, y) -> W - 1 - y, (x, y) -> x};
        };
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "3", "4", "5", "6", "7", "8"})
    void every_exif_orientation_is_turned_upright_pixel_for_pixel(int orientation) {
        BufferedImage upright = Pixels.upright(numbered(), orientation, false, ImageFormat.PNG);

        boolean quarter = orientation >= 5;
        assertEquals(quarter ? H : W, upright.getWidth());
        assertEquals(quarter ? W : H, upright.getHeight());
        IntBinaryOperator[] from = source(orientation);
        for (int y = 0; y < upright.getHeight(); y++) {
            for (int x = 0; x < upright.getWidth(); x++) {
                assertEquals(pixel(from[0].applyAsInt(x, y), from[1].applyAsInt(x, y)), upright.getRGB(x, y),
                        "orientation " + orientation + " at " + x + "," + y);
            }
        }
    }

    @Test
    void a_big_sideways_photo_is_shrunk_to_2560_and_turned_upright() {
        // left half red, right half blue as the camera saw it; orientation 6 turns it a quarter clockwise
        ImageCleaner.Cleaned cleaned = ImageCleaner.clean(TestImages.jpegWithExif(3000, 2000, 6, "Cam"));

        assertEquals(1707, cleaned.width());
        assertEquals(2560, cleaned.height());
        BufferedImage stored = TestImages.read(cleaned.bytes());
        assertEquals(1707, stored.getWidth());
        assertEquals(2560, stored.getHeight());
        assertTrue(reddish(stored.getRGB(850, 200)), "the camera's left half is now on top");
        assertTrue(bluish(stored.getRGB(850, 2360)), "and its right half at the bottom");
    }

    private static boolean reddish(int rgb) {
        return (rgb >> 16 & 0xFF) > 200 && (rgb & 0xFF) < 60;
    }

    private static boolean bluish(int rgb) {
        return (rgb & 0xFF) > 200 && (rgb >> 16 & 0xFF) < 60;
    }

    @Test
    void the_orientation_is_read_from_big_and_little_endian_exif_and_defaults_to_upright() {
        assertEquals(6, ExifOrientation.of(TestImages.jpegWithExif(40, 20, 6, "Cam")));
        assertEquals(8, ExifOrientation.of(TestImages.jpegWithExif(40, 20, 8, "Cam")));
        assertEquals(1, ExifOrientation.of(TestImages.jpeg(40, 20)));
        assertEquals(1, ExifOrientation.of(TestImages.png(40, 20)));
        assertEquals(1, ExifOrientation.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 100}));
        byte[] little = TestImages.jpegWithExif(40, 20, 3, "Cam");
        int tiff = indexOf(little, "MM\0*");
        little[tiff] = 'I';
        little[tiff + 1] = 'I';
        little[tiff + 2] = 42;
        little[tiff + 3] = 0;
        assertEquals(1, ExifOrientation.of(little), "the offsets are now read little-endian and point nowhere: no crash");
    }

    @Test
    void gif_cleaning_keeps_frames_and_looping_and_drops_comments_and_trailing_bytes() {
        byte[] gif = TestImages.animatedGif(60, 30, 3, "SECRET-COMMENT");
        byte[] withTail = Arrays.copyOf(gif, gif.length + 20);
        System.arraycopy("<script>x</script>".getBytes(StandardCharsets.US_ASCII), 0, withTail, gif.length, 18);

        GifBlocks.Cleaned cleaned = GifBlocks.clean(withTail);

        assertEquals(3, cleaned.frames());
        String text = new String(cleaned.bytes(), StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("SECRET-COMMENT"));
        assertFalse(text.contains("<script>"));
        assertTrue(text.contains("NETSCAPE2.0"));
        assertEquals(0x3B, cleaned.bytes()[cleaned.bytes().length - 1] & 0xFF, "ends with the trailer");
        assertArrayEquals(cleaned.bytes(), GifBlocks.clean(cleaned.bytes()).bytes(), "cleaning twice changes nothing");
        assertThrows(IllegalArgumentException.class, () -> GifBlocks.clean(Arrays.copyOf(gif, gif.length / 2)));
        assertThrows(IllegalArgumentException.class, () -> GifBlocks.clean("GIF89a".getBytes(StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "IMG_2041 (1).JPG|img-2041-1",
            "Café au lait.png|cafe-au-lait",
            "写真.jpg|image",
            "C:\\Users\\aiko\\Desktop\\cat.gif|cat",
            "../../etc/passwd|passwd",
            ".hidden|hidden",
            "''|image"})
    void file_names_keep_a_plain_ascii_slug_of_the_uploaded_name(String uploaded, String stem) {
        assertEquals(stem, FileNames.stem(uploaded));
    }

    @Test
    void file_names_get_six_random_characters_and_copies_their_width() {
        String suffix = FileNames.suffix(new Random(1));
        assertTrue(suffix.matches("[a-z0-9]{6}"), suffix);
        assertEquals(48, FileNames.stem("x".repeat(100)).length());
        assertEquals("2026/11/fox-abc123-480w.png", FileNames.variant("2026/11/fox-abc123.gif", 480, "png"));
    }

    @Test
    void pictures_too_large_to_decode_safely_are_refused_by_their_header() {
        var e = assertThrows(IllegalArgumentException.class, () -> ImageCleaner.clean(pngHeader(10_000, 10_000)));
        assertTrue(e.getMessage().contains("10000 × 10000 pixels"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImageCleaner.clean(new byte[0]));
    }

    /** A PNG signature and header announcing a size, with no pixels: enough for ImageIO to report the size. */
    private static byte[] pngHeader(int w, int h) {
        byte[] png = TestImages.png(2, 2);
        int ihdr = indexOf(png, "IHDR") + 4;
        png[ihdr] = (byte) (w >>> 24);
        png[ihdr + 1] = (byte) (w >>> 16);
        png[ihdr + 2] = (byte) (w >>> 8);
        png[ihdr + 3] = (byte) w;
        png[ihdr + 4] = (byte) (h >>> 24);
        png[ihdr + 5] = (byte) (h >>> 16);
        png[ihdr + 6] = (byte) (h >>> 8);
        png[ihdr + 7] = (byte) h;
        return png;
    }

    private static int indexOf(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).indexOf(text);
    }

    @Test
    void a_jpeg_cleaned_once_is_kept_byte_for_byte_when_it_comes_again() {
        byte[] once = ImageCleaner.clean(TestImages.jpeg(640, 480)).bytes();

        byte[] twice = ImageCleaner.clean(once).bytes();

        assertArrayEquals(once, twice);
        assertTrue(JpegSegments.isBare(once));
    }

    @Test
    void a_jpeg_with_exif_a_comment_or_bytes_after_its_end_is_not_bare_and_is_encoded_again() {
        byte[] bare = ImageCleaner.clean(TestImages.jpeg(64, 48)).bytes();
        byte[] exif = TestImages.jpegWithExif(64, 48, 1, "Camera");
        byte[] comment = new byte[bare.length + 8];
        System.arraycopy(bare, 0, comment, 0, 2);
        System.arraycopy(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 6, 'h', 'i', '!', '!'}, 0, comment, 2, 8);
        System.arraycopy(bare, 2, comment, 10, bare.length - 2);
        byte[] tail = Arrays.copyOf(bare, bare.length + 5);

        assertFalse(JpegSegments.isBare(exif));
        assertFalse(JpegSegments.isBare(comment));
        assertFalse(JpegSegments.isBare(tail));
        assertTrue(JpegSegments.isBare(ImageCleaner.clean(comment).bytes()));
        assertFalse(Arrays.equals(exif, ImageCleaner.clean(exif).bytes()));
    }
}
