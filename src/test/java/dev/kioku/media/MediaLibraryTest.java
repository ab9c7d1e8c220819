package dev.kioku.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.io.UncheckedIOException;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import dev.kioku.events.EventBus;
import dev.kioku.testing.TestImages;
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

    private List<Path> filesOnDisk() throws IOException {
        Path folder = blog.app.config().dataDir().resolve("media");
        if (!Files.exists(folder)) return List.of();
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private MediaLibrary libraryMovingWith(MediaFiles.Mover mover) {
        return new MediaLibrary(blog.app.database().jdbi(), blog.app.config().dataDir(), new EventBus(), blog.clock,
                new Random(7), mover);
    }

    @Test
    void an_upload_failing_half_way_through_moving_its_files_into_place_leaves_no_file_and_no_row() throws IOException {
        long author = blog.author("Aiko Mori").id();
        AtomicInteger moves = new AtomicInteger();
        MediaLibrary failing = libraryMovingWith((from, to) -> {
            if (moves.incrementAndGet() == 3) throw new IOException("disk full");
            MediaFiles.ATOMIC.move(from, to);
        });

        assertThrows(UncheckedIOException.class, () -> failing.upload("big.jpg", TestImages.jpeg(2000, 1000), author));

        assertEquals(3, moves.get(), "the image and one copy were in place when the third move failed");
        assertEquals(List.of(), filesOnDisk());
        assertEquals(0, media.list(0, 10).total());
    }

    @Test
    void an_upload_the_database_refuses_leaves_no_file() throws IOException {
        long nobody = 999_999;

        assertThrows(RuntimeException.class, () -> media.upload("a.png", TestImages.png(1000, 500), nobody));

        assertEquals(List.of(), filesOnDisk());
        assertEquals(0, media.list(0, 10).total());
    }

    @Test
    void staging_files_left_by_a_crash_are_swept_at_start_and_never_served() throws IOException {
        Path staging = Files.createDirectories(blog.app.config().dataDir().resolve("media/.staging"));
        Path old = Files.writeString(staging.resolve("upload-1.tmp"), "half an image");
        Files.setLastModifiedTime(old, FileTime.from(blog.clock.instant().minus(Duration.ofHours(2))));
        Path fresh = Files.writeString(staging.resolve("upload-2.tmp"), "another node is writing this");
        Files.setLastModifiedTime(fresh, FileTime.from(blog.clock.instant()));

        libraryMovingWith(MediaFiles.ATOMIC);

        assertFalse(Files.exists(old));
        assertTrue(Files.exists(fresh));
        assertEquals(404, blog.get("/media/.staging/upload-2.tmp").status());
    }

    @Test
    void deleting_an_image_removes_its_row_its_copies_and_their_files() throws IOException {
        Media m = media.add("2026", "wide.png", png(1200, 600), "", "");
        assertEquals(3, filesOnDisk().size());

        assertEquals(Optional.of(m), media.delete(m.id()));

        assertEquals(List.of(), filesOnDisk());
        assertEquals(Optional.empty(), media.byId(m.id()));
        assertEquals(List.of(), media.variantsOf("/media/2026/wide.png"));
        assertEquals(Optional.empty(), media.delete(m.id()));
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
