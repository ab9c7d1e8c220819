package dev.kioku.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.content.Kind;
import dev.kioku.content.Post;
import dev.kioku.content.Status;
import dev.kioku.db.Engine;
import dev.kioku.testing.TestBlog;
import dev.kioku.testing.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The WordPress Theme Unit Test data, imported into a running blog: what readers then see, and which old
 * addresses lead where.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class ThemeUnitTestImportTest {
    static final String FILE = "wptt-theme-test-data/themeunittestdata.wordpress.xml";

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Path export;

    @BeforeEach
    void start() {
        export = WxrCorpus.file(FILE);
        blog = TestBlog.start(engine, dir);
    }

    @AfterEach
    void stop() {
        if (blog != null) blog.close();
    }

    private ImportReport importIt(Path media) {
        return blog.app.wordpressImport().run(new WordPressImport.Options(export, media, false), WordPressImport.Progress.NONE);
    }

    private long count(String sql) {
        return blog.app.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private Post post(long wpId) {
        long id = count("select kioku_id from wordpress_ids where kind = 'post' and wp_id = " + wpId);
        return blog.app.posts().get(id);
    }

    @Test
    void the_ten_deep_comment_chain_is_stored_and_shown_as_ten_nested_levels() {
        importIt(null);

        long deepest = count("select max(depth) from comments");
        long chain = blog.app.database().jdbi().withHandle(h -> {
            Long id = h.createQuery("select id from comments order by depth desc, id limit 1").mapTo(Long.class).one();
            long levels = 0;
            while (id != null) {
                levels++;
                id = h.createQuery("select parent_id from comments where id = :id").bind("id", id).mapTo(Long.class).findOne().orElse(null);
            }
            return levels;
        });
        Document page = blog.page("/2012/01/03/template-comments/");
        int nested = 0;
        for (Element c : page.select("li.comment")) nested = Math.max(nested, (int) c.parents().stream().filter(e -> e.is("li.comment")).count() + 1);

        assertEquals(9, deepest);
        assertEquals(10, chain);
        assertEquals(10, nested);
        assertEquals(10, blog.app.comments().settings().threadDepth());
    }

    @Test
    void every_imported_public_post_and_page_answers_200() {
        importIt(null);

        List<Post> published = new ArrayList<>(blog.app.posts().latest(0, 1000).posts());
        published.addAll(blog.app.posts().publicPages());
        List<String> failed = new ArrayList<>();
        for (Post p : published) {
            String path = blog.app.site().settings().permalink(p);
            int status = blog.get(path).status();
            if (status != 200) failed.add(status + " " + path);
        }

        assertEquals(55, blog.app.posts().latest(0, 1000).total());
        assertEquals(21, blog.app.posts().publicPages().size());
        assertEquals(List.of(), failed);
    }

    @Test
    void old_addresses_answer_301_to_their_new_home() {
        importIt(null);
        String about = blog.app.site().settings().permalink(post(2));

        assertEquals("/2012/01/03/template-comments/", blog.get("/?p=1148").header("Location"));
        assertEquals(301, blog.get("/?p=1148").status());
        assertEquals(about, blog.get("/?page_id=2").header("Location"));
        assertEquals("/tag/aciform/", blog.get("/category/aciform/").header("Location"));
        assertEquals("/tag/aciform/", blog.get("/?cat=2835016").header("Location"));
        assertEquals(blog.app.site().settings().permalink(post(555)), blog.get("/2010/09/10/post-format-gallery/canola2/").header("Location"));
        assertEquals(blog.app.site().settings().permalink(post(555)), blog.get("/?attachment_id=611").header("Location"));
        assertEquals(200, blog.get("/?p=999999").status(), "an unknown id is the home page, as before");
    }

    @Test
    void drafts_scheduled_and_password_protected_posts_keep_out_of_sight_and_are_reported() {
        ImportReport report = importIt(null);

        assertEquals(Status.SCHEDULED, post(1153).status());
        assertEquals("2030-01-01T19:00:18Z", post(1153).publishedAt().toString());
        assertEquals(Status.DRAFT, post(1164).status());
        Post secret = blog.app.posts().get(count("select id from posts where title like 'Template: Password Protected%'"));
        assertEquals(Status.DRAFT, secret.status());
        assertEquals(404, blog.get(blog.app.site().settings().permalink(secret)).status());
        assertTrue(report.notes().stream().anyMatch(n -> n.contains("Password Protected") && n.contains("imported as a draft")), () -> String.join("\n", report.summary()));
        assertTrue(report.notes().stream().anyMatch(n -> n.contains("Template: Sticky") && n.contains("sticky")), () -> String.join("\n", report.summary()));
    }

    @Test
    void comments_keep_their_status_and_names_are_decoded_once() {
        importIt(null);

        assertEquals(33, count("select count(*) from comments"));
        assertEquals(3, count("select count(*) from comments where status = 'pending'"));
        assertEquals(1, count("select count(*) from comments where author_name = 'Ping 1 « What’s a tellyworth?'"));
        assertEquals(0, count("select count(*) from mail_outbox"), "an import mails nobody");
    }

    @Test
    void a_reader_can_comment_after_the_import() {
        importIt(null);

        var c = blog.app.comments().addApproved(post(1148).id(), null, "After", "after@example.org", null, "Still open.", TestBlog.START);

        assertTrue(c.id() > count("select max(id) from comments where author_name <> 'After'"));
        assertEquals(34, count("select count(*) from comments"));
    }

    @Test
    void importing_the_same_export_again_adds_nothing() {
        importIt(null);
        long before = count("select (select count(*) from posts) + (select count(*) from comments) + (select count(*) from users)"
                + " + (select count(*) from tags) + (select count(*) from redirects)");

        ImportReport again = importIt(null);

        assertEquals(before, count("select (select count(*) from posts) + (select count(*) from comments) + (select count(*) from users)"
                + " + (select count(*) from tags) + (select count(*) from redirects)"));
        assertEquals(0, again.count("posts") + again.count("pages") + again.count("comments"));
        assertEquals(58, again.skippedAsAlreadyImported("posts"));
        assertEquals(33, again.skippedAsAlreadyImported("comments"));
    }

    @Test
    void images_from_the_media_folder_come_with_their_alt_text_and_posts_show_them() throws IOException {
        Path uploads = dir.resolve("uploads");
        for (String rel : List.of("2008/06/canola2.jpg", "2013/03/featured-image-horizontal.jpg", "2013/03/image-alignment-150x150.jpg")) {
            Files.createDirectories(uploads.resolve(rel).getParent());
            Files.write(uploads.resolve(rel), TestImages.jpeg(640, 480));
        }

        ImportReport report = importIt(uploads);

        assertEquals(3, report.count("images"));
        assertEquals(37, report.count("attachments"));
        Post featured = blog.app.posts().get(count("select id from posts where title = 'Template: Featured Image (Horizontal)'"));
        assertNotNull(featured.featuredMediaId());
        Map<String, Object> image = blog.app.database().jdbi().withHandle(h -> h.createQuery(
                "select path, alt from media where original_name = 'image-alignment-150x150.jpg'").mapToMap().one());
        assertEquals("Image Alignment 150x150", image.get("alt"));
        Document alignment = blog.page(blog.app.site().settings().permalink(post(1177)));
        assertTrue(alignment.select("img[src=" + image.get("path") + "]").size() > 0, alignment::html);
        assertTrue(report.notes().stream().anyMatch(n -> n.contains("“St. Louis Blues”") && n.contains("file missing")), () -> String.join("\n", report.summary()));
        assertEquals(Kind.POST, featured.kind());
    }
}
