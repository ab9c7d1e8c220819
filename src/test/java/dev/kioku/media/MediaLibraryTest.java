package dev.kioku.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.db.Engine;
import dev.kioku.markdown.ImageSizes;
import dev.kioku.testing.TestBlog;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Images in the data folder, their rows, and how they are served, on both engines. */
@ParameterizedClass
@EnumSource(Engine.class)
class MediaLibraryTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    MediaLibrary media;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        media = blog.app.media();
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private static byte[] png(int w, int h) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void an_image_is_stored_with_its_size_alt_and_caption_and_served_back() throws IOException {
        byte[] bytes = png(640, 360);
        Media m = media.add("2026", "fox.png", bytes, "A fox", "At dawn");

        assertEquals("/media/2026/fox.png", m.path());
        assertEquals(Optional.of(new ImageSizes.Size(640, 360)), media.sizeOf("/media/2026/fox.png"));
        assertEquals(m, media.byId(m.id()).orElseThrow());
        TestBlog.Response r = blog.get("/media/2026/fox.png");
        assertEquals(200, r.status());
        assertEquals("image/png", r.header("Content-Type"));
        assertArrayEquals(bytes, r.body());
    }

    @Test
    void figures_in_posts_get_the_stored_width_and_height() throws IOException {
        media.add("2026", "wide.png", png(1200, 300), "Wide", "");
        var author = blog.author("Aiko Mori");
        var post = blog.app.posts().create(dev.kioku.content.PostDraft.post("Pictures",
                "![Wide](/media/2026/wide.png \"A wide one\")", author.id(), java.util.List.of()));

        assertTrue(post.bodyHtml().contains("width=\"1200\""), post.bodyHtml());
        assertTrue(post.bodyHtml().contains("height=\"300\""), post.bodyHtml());
        assertTrue(post.bodyHtml().contains("<figcaption>A wide one</figcaption>"), post.bodyHtml());
    }

    @Test
    void replacing_an_image_updates_the_pages_that_show_it_as_featured() throws IOException {
        Media m = media.add("2026", "cover.png", png(800, 450), "Old alt", "");
        var author = blog.author("Aiko Mori");
        var post = blog.app.posts().create(dev.kioku.content.PostDraft.post("Cover", "x", author.id(), java.util.List.of())
                .withFeaturedImage(m.id()));
        blog.app.posts().publish(post.id(), null);
        assertEquals("Old alt", blog.page("/2026/11/20/cover/").selectFirst(".featured img").attr("alt"));

        media.add("2026", "cover.png", png(800, 450), "New alt", "A caption");

        assertEquals("New alt", blog.page("/2026/11/20/cover/").selectFirst(".featured img").attr("alt"));
        assertEquals("A caption", blog.page("/2026/11/20/cover/").selectFirst(".featured figcaption").text());
    }

    @Test
    void bytes_that_are_not_an_image_are_refused_whatever_the_name_and_nothing_is_left_on_disk() throws IOException {
        var e = assertThrows(IllegalArgumentException.class,
                () -> media.add("2026", "evil.png", "<script>alert(1)</script>".getBytes(), "", ""));
        assertTrue(e.getMessage().contains("not an image"), e.getMessage());
        Path folder = blog.app.config().dataDir().resolve("media");
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                assertEquals(0, files.filter(Files::isRegularFile).count(), "no file written");
            }
        }
        assertEquals(404, blog.get("/media/2026/evil.png").status());
    }

    @Test
    void unsafe_names_and_paths_outside_the_media_folder_are_refused() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> media.add("..", "x.png", png(1, 1), "", ""));
        assertThrows(IllegalArgumentException.class, () -> media.add("a", "../x.png", png(1, 1), "", ""));
        Files.writeString(blog.app.config().dataDir().resolve("kioku-secret.txt"), "secret");

        assertEquals(Optional.empty(), media.file("/media/../kioku-secret.txt"));
        assertTrue(blog.get("/media/../kioku-secret.txt").status() >= 400);
        assertTrue(blog.get("/media/%2e%2e/kioku-secret.txt").status() >= 400);
        assertTrue(!blog.get("/media/%2e%2e/kioku-secret.txt").text().contains("secret"));
    }
}
