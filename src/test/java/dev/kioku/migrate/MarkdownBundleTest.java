package dev.kioku.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.db.Engine;
import dev.kioku.testing.TestBlog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code kioku export markdown} and {@code kioku import markdown}: a bundle for Hugo and Jekyll that Kioku reads back. */
@ParameterizedClass
@EnumSource(Engine.class)
class MarkdownBundleTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog source;
    TestBlog target;

    @BeforeEach
    void start() {
        source = TestBlog.start(engine, dir.resolve("source"));
        RoundTripBlog.fill(source);
    }

    @AfterEach
    void stop() {
        if (source != null) source.close();
        if (target != null) target.close();
    }

    private Path bundle() {
        source.app.markdownExport().run(dir.resolve("bundle"));
        return dir.resolve("bundle");
    }

    private long rows() {
        return target.app.database().jdbi().withHandle(h -> h.createQuery("select (select count(*) from posts) + (select count(*) from comments)"
                + " + (select count(*) from media) + (select count(*) from series) + (select count(*) from tags)").mapTo(Long.class).one());
    }

    @Test
    void a_bundle_imported_into_an_empty_blog_gives_the_same_posts_pages_series_tags_comments_and_media() {
        Map<String, Object> before = RoundTripBlog.describe(source.app);
        Path bundle = bundle();
        target = TestBlog.start(engine, dir.resolve("target"));

        ImportReport report = target.app.markdownImport().run(bundle);

        assertEquals(before, RoundTripBlog.describe(target.app), () -> String.join("\n", report.summary()));
        assertEquals(5, report.count("posts"));
        assertEquals(1, report.count("pages"));
        assertEquals(5, report.count("comments"));
        assertEquals(2, report.count("images"));
        assertEquals(1, report.count("series"));
    }

    @Test
    void importing_the_bundle_again_adds_nothing() {
        Path bundle = bundle();
        target = TestBlog.start(engine, dir.resolve("target"));
        target.app.markdownImport().run(bundle);
        Map<String, Object> once = RoundTripBlog.describe(target.app);

        ImportReport again = target.app.markdownImport().run(bundle);

        assertEquals(once, RoundTripBlog.describe(target.app));
        assertEquals(0, again.count("posts") + again.count("pages") + again.count("comments") + again.count("images") + again.count("series"));
    }

    @Test
    void posts_are_files_with_front_matter_hugo_and_jekyll_read() throws IOException {
        Path bundle = bundle();

        String first = Files.readString(bundle.resolve("content/posts/2026-10-01-walking-in-winter-part-one.md"));
        String page = Files.readString(bundle.resolve("content/pages/about.md"));

        assertTrue(first.startsWith("""
                ---
                title: "Walking in winter: part one"
                date: "2026-10-01T08:30:00Z"
                """), first);
        assertTrue(first.contains("\nslug: \"walking-in-winter-part-one\"\ndraft: false\nstatus: \"published\"\ntags:\n- \"Walks\"\n- \"Winter & Snow\"\n"), first);
        assertTrue(first.contains("\nseries: \"winter-walks\"\nseries_part: 1\n"), first);
        assertTrue(first.contains("\nsummary: \"A fox, in snow.\"\n"), first);
        assertTrue(first.contains("---\nSnow *everywhere*, and a fox:\n\n![A red fox in snow](/media/2026/11/"), first);
        assertTrue(page.contains("\ndraft: true\nstatus: \"draft\"\n"), page);
        assertTrue(Files.readString(bundle.resolve("data/comments/posts/walking-in-winter-part-one.yaml")).contains("status: \"spam\""));
        assertTrue(Files.readString(bundle.resolve("data/media.yaml")).contains("alt: \"A red fox in snow\""));
        try (var images = Files.walk(bundle.resolve("media"))) {
            assertEquals(2, images.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void a_bad_file_stops_the_import_naming_it_and_nothing_is_imported() throws IOException {
        Path bundle = bundle();
        Files.writeString(bundle.resolve("content/posts/2026-11-02-walking-in-winter-part-two.md"), "---\ntitle: [unclosed\n---\nBody");
        target = TestBlog.start(engine, dir.resolve("target"));
        long before = rows();

        WxrException e = assertThrows(WxrException.class, () -> target.app.markdownImport().run(bundle));

        assertTrue(e.getMessage().startsWith("content/posts/2026-11-02-walking-in-winter-part-two.md: front matter is not valid YAML"), e.getMessage());
        assertEquals(before, rows());
        try (var files = Files.walk(dir.resolve("target/data"))) {
            assertEquals(0, files.filter(f -> f.toString().contains("/media/") && Files.isRegularFile(f)).count());
        }
    }

    @Test
    void the_demo_blog_comes_back_the_same_through_a_bundle_and_through_wxr() {
        TestBlog demo = TestBlog.start(engine, dir.resolve("demo"));
        try {
            new dev.kioku.demo.DemoContent(demo.app).seed();
            Map<String, Object> before = RoundTripBlog.describe(demo.app);
            demo.app.markdownExport().run(dir.resolve("demo-bundle"));
            demo.app.wordpressExport().run(dir.resolve("demo.xml"), dir.resolve("demo-uploads"));
            target = TestBlog.start(engine, dir.resolve("target"));
            TestBlog viaWxr = TestBlog.start(engine, dir.resolve("via-wxr"));
            try {
                ImportReport bundle = target.app.markdownImport().run(dir.resolve("demo-bundle"));
                ImportReport wxr = viaWxr.app.wordpressImport().run(new WordPressImport.Options(dir.resolve("demo.xml"), dir.resolve("demo-uploads"),
                        false), WordPressImport.Progress.NONE);

                assertEquals(before, RoundTripBlog.describe(target.app), () -> String.join("\n", bundle.summary()));
                assertEquals(before, RoundTripBlog.describe(viaWxr.app), () -> String.join("\n", wxr.summary()));
            } finally {
                viaWxr.close();
            }
        } finally {
            demo.close();
        }
    }
}
