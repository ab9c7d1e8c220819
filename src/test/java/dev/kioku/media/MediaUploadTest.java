package dev.kioku.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Role;
import dev.kioku.db.Engine;
import dev.kioku.testing.UploadClient;
import dev.kioku.testing.UploadClient.FilePart;
import dev.kioku.testing.TestBlog;
import dev.kioku.testing.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Uploading through the admin over HTTP, on both engines: what is accepted, how it is cleaned, what is refused. */
@ParameterizedClass
@EnumSource(Engine.class)
class MediaUploadTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    UploadClient author;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        author = UploadClient.signIn(blog, Role.AUTHOR, "Aiko Mori");
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private Media uploadOne(String name, byte[] bytes) {
        TestBlog.Response r = author.upload("/admin/media/", List.of(FilePart.image(name, bytes)), true);
        assertEquals(302, r.status(), r.text());
        assertEquals("/admin/media/?notice=uploaded", r.header("Location"));
        return blog.app.media().list(0, 1).items().get(0);
    }

    private byte[] served(String path, String type) {
        TestBlog.Response r = blog.get(path);
        assertEquals(200, r.status(), path);
        assertEquals(type, r.header("Content-Type"), path);
        return r.body();
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    private static boolean reddish(int rgb) {
        Color c = new Color(rgb, true);
        return c.getRed() > 200 && c.getBlue() < 60 && c.getGreen() < 60;
    }

    private static boolean bluish(int rgb) {
        Color c = new Color(rgb, true);
        return c.getBlue() > 200 && c.getRed() < 60 && c.getGreen() < 60;
    }

    private List<Path> filesOnDisk() throws IOException {
        Path media = blog.app.config().dataDir().resolve("media");
        if (!Files.exists(media)) return List.of();
        try (Stream<Path> files = Files.walk(media)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void a_jpeg_gets_a_safe_unique_name_under_its_month_and_copies_480_960_and_1600_wide() throws IOException {
        Media m = uploadOne("Holiday Photo (1).JPG", TestImages.jpeg(2000, 1000));

        assertTrue(m.path().matches("/media/2026/11/holiday-photo-1-[a-z0-9]{6}\\.jpg"), m.path());
        assertEquals("image/jpeg", m.mime());
        assertEquals(2000, m.width());
        assertEquals("Holiday Photo (1).JPG", m.originalName());
        assertEquals(List.of(480, 960, 1600), m.variants().stream().map(Media.Variant::width).toList());
        assertEquals(List.of(240, 480, 800), m.variants().stream().map(Media.Variant::height).toList());
        for (Media.Variant v : m.variants()) {
            assertTrue(v.path().startsWith(m.path().replace(".jpg", "-")), v.path());
            assertEquals(v.width(), decode(served(v.path(), "image/jpeg")).getWidth());
        }
        assertEquals(2000, decode(served(m.path(), "image/jpeg")).getWidth());
        assertEquals(4, filesOnDisk().size(), "the image and three copies, no temporary files");

        Media again = uploadOne("Holiday Photo (1).JPG", TestImages.jpeg(2000, 1000));
        assertNotEquals(m.path(), again.path());
    }

    @Test
    void only_copies_narrower_than_the_image_are_made() {
        Media m = uploadOne("mid.png", TestImages.png(1000, 500));

        assertEquals(List.of(480, 960), m.variants().stream().map(Media.Variant::width).toList());
        assertEquals(List.of(), uploadOne("small.png", TestImages.png(300, 200)).variants());
    }

    @Test
    void the_exif_orientation_is_applied_and_every_exif_byte_removed() throws IOException {
        byte[] sideways = TestImages.jpegWithExif(400, 200, 6, "SECRET-CAMERA");
        assertEquals(6, ExifOrientation.of(sideways), "the test image carries the tag");

        Media m = uploadOne("phone.jpg", sideways);

        assertEquals(200, m.width());
        assertEquals(400, m.height());
        byte[] stored = served(m.path(), "image/jpeg");
        BufferedImage upright = decode(stored);
        assertEquals(200, upright.getWidth());
        assertTrue(reddish(upright.getRGB(100, 80)), "the left (red) half is on top after a quarter turn clockwise");
        assertTrue(bluish(upright.getRGB(100, 320)), "the right (blue) half is below");
        assertFalse(contains(stored, "Exif"), "no EXIF block");
        assertFalse(contains(stored, "SECRET-CAMERA"), "no camera details");
        assertEquals(ExifOrientation.NORMAL, ExifOrientation.of(stored));
    }

    @Test
    void an_upside_down_photo_is_turned_and_its_copies_are_upright_too() throws IOException {
        Media m = uploadOne("upside.jpg", TestImages.jpegWithExif(1200, 600, 3, "Cam"));

        BufferedImage copy = decode(served(m.variants().get(0).path(), "image/jpeg"));
        assertEquals(480, copy.getWidth());
        assertTrue(bluish(copy.getRGB(60, 120)), "after a half turn the blue half is on the left");
        assertTrue(reddish(copy.getRGB(420, 120)));
    }

    @Test
    void a_png_stays_a_png_and_keeps_its_transparency() throws IOException {
        BufferedImage image = new BufferedImage(600, 300, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 300; y++) for (int x = 0; x < 300; x++) image.setRGB(x, y, 0xFFFF0000);
        Media m = uploadOne("logo.png", TestImages.write(image, "png"));

        assertTrue(m.path().endsWith(".png"), m.path());
        BufferedImage stored = decode(served(m.path(), "image/png"));
        assertEquals(0, stored.getRGB(500, 100) >>> 24, "the right half stays transparent");
        assertTrue(reddish(stored.getRGB(100, 100)));
        BufferedImage copy = decode(served(m.variants().get(0).path(), "image/png"));
        assertEquals(0, copy.getRGB(400, 50) >>> 24, "copies keep transparency");
    }

    @Test
    void an_animated_gif_keeps_its_frames_but_not_its_comments_and_gets_no_frozen_copies() throws IOException {
        Media m = uploadOne("dance.gif", TestImages.animatedGif(600, 300, 3, "SECRET-COMMENT"));

        assertTrue(m.path().endsWith(".gif"), m.path());
        byte[] stored = served(m.path(), "image/gif");
        assertFalse(contains(stored, "SECRET-COMMENT"));
        assertTrue(contains(stored, "NETSCAPE2.0"), "it still loops");
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(stored))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true));
        }
        assertEquals(List.of(), m.variants());
    }

    @Test
    void a_still_gif_stays_a_gif_with_png_copies() throws IOException {
        Media m = uploadOne("chart.gif", TestImages.gif(1000, 400));

        assertTrue(m.path().endsWith(".gif"));
        assertEquals(List.of(480, 960), m.variants().stream().map(Media.Variant::width).toList());
        assertTrue(m.variants().get(0).path().endsWith("-480w.png"), m.variants().get(0).path());
        assertEquals(480, decode(served(m.variants().get(0).path(), "image/png")).getWidth());
    }

    @Test
    void a_webp_is_stored_as_jpeg_or_as_png_when_it_has_transparency() throws IOException {
        Media photo = uploadOne("photo.webp", TestImages.webp(1000, 500, false));
        assertTrue(photo.path().endsWith(".jpg"), photo.path());
        BufferedImage stored = decode(served(photo.path(), "image/jpeg"));
        assertTrue(reddish(stored.getRGB(100, 100)));
        assertTrue(bluish(stored.getRGB(900, 100)));
        assertEquals(List.of(480, 960), photo.variants().stream().map(Media.Variant::width).toList());

        Media sticker = uploadOne("sticker.webp", TestImages.webp(400, 200, true));
        assertTrue(sticker.path().endsWith(".png"), sticker.path());
        BufferedImage png = decode(served(sticker.path(), "image/png"));
        assertEquals(0, png.getRGB(300, 100) >>> 24);
        assertTrue(reddish(png.getRGB(100, 100)));
    }

    @Test
    void a_file_whose_bytes_are_not_an_image_is_refused_whatever_its_name_and_type_and_nothing_is_written() throws IOException {
        for (FilePart fake : List.of(
                new FilePart("files", "shell.jpg", "image/jpeg", "<?php system($_GET['c']); ?>".getBytes(StandardCharsets.UTF_8)),
                new FilePart("files", "page.png", "image/png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)),
                new FilePart("files", "half.jpg", "image/jpeg", java.util.Arrays.copyOf(TestImages.jpeg(400, 200), 40)))) {
            TestBlog.Response r = author.upload("/admin/media/", List.of(fake), true);

            assertEquals(422, r.status(), fake.fileName());
            String error = Jsoup.parse(r.text()).selectFirst(".error").text();
            assertTrue(error.contains(fake.fileName()), error);
            assertTrue(error.contains("not an image") || error.contains("damaged"), error);
        }
        assertEquals(List.of(), filesOnDisk());
        assertEquals(0, blog.app.media().list(0, 10).total());
    }

    @Test
    void a_file_over_the_limit_is_refused_with_the_limit_in_the_message_and_nothing_is_written() throws IOException {
        byte[] huge = new byte[21 * 1024 * 1024];
        System.arraycopy(TestImages.jpeg(100, 100), 0, huge, 0, 100);

        TestBlog.Response r = author.upload("/admin/media/", List.of(FilePart.image("huge.jpg", huge)), true);

        assertEquals(413, r.status());
        assertTrue(r.text().contains("20 MB"), r.text());
        assertEquals(List.of(), filesOnDisk());
        assertEquals(0, blog.app.media().list(0, 10).total());
        assertEquals(200, author.get("/admin/media/").status(), "the server carries on");
    }

    @Test
    void a_form_announcing_more_than_100_mb_is_refused_before_it_is_read() throws IOException {
        try (var socket = new java.net.Socket("127.0.0.1", java.net.URI.create(blog.url("/")).getPort())) {
            socket.getOutputStream().write(("POST /admin/media/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 200000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readNBytes(2000), StandardCharsets.UTF_8);

            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("100 MB all together"), answer);
        }
    }

    @Test
    void in_a_form_of_several_files_the_good_ones_are_kept_and_the_refused_ones_named() {
        TestBlog.Response r = author.upload("/admin/media/", List.of(FilePart.image("good.png", TestImages.png(200, 100)),
                FilePart.image("bad.jpg", "not at all".getBytes(StandardCharsets.UTF_8))), true);

        assertEquals(422, r.status());
        String error = Jsoup.parse(r.text()).selectFirst(".error").text();
        assertTrue(error.contains("1 image was uploaded"), error);
        assertTrue(error.contains("bad.jpg"), error);
        assertEquals(1, blog.app.media().list(0, 10).total());
        assertTrue(blog.app.media().list(0, 1).items().get(0).path().contains("/good-"));
    }

    @Test
    void a_script_uploading_gets_json_per_file() {
        TestBlog.Response ok = author.upload("/admin/media/", List.of(FilePart.image("a.png", TestImages.png(50, 50))), false,
                "X-CSRF-Token", author.csrf(), "Accept", "application/json");
        assertEquals(200, ok.status(), ok.text());
        assertTrue(ok.header("Content-Type").startsWith("application/json"));
        assertTrue(ok.text().contains("\"path\":\"/media/2026/11/a-"), ok.text());

        TestBlog.Response refused = author.upload("/admin/media/", List.of(FilePart.image("b.png", "nope".getBytes(StandardCharsets.UTF_8))),
                false, "X-CSRF-Token", author.csrf(), "Accept", "application/json");
        assertEquals(422, refused.status());
        assertTrue(refused.text().contains("not an image"), refused.text());
    }

    @Test
    void a_bmp_is_refused_by_the_name_of_its_format() {
        TestBlog.Response r = author.upload("/admin/media/", List.of(FilePart.image("scan.png", TestImages.write(
                TestImages.halves(20, 20, Color.RED, Color.BLUE), "bmp"))), true);

        assertEquals(422, r.status());
        assertTrue(Jsoup.parse(r.text()).selectFirst(".error").text().contains("This is a BMP image"), r.text());
    }
}
