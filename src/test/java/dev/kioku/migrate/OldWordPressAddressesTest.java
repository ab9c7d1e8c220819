package dev.kioku.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Author;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.testing.TestBlog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * WordPress's other addresses, which feed readers and old links still ask for: its feed names, a post's comment
 * feed below the post, nested categories and a post's {@code /?p=ID}, for imported posts and Kioku's own.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class OldWordPressAddressesTest {
    static final String EXPORT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                 xmlns:wp="http://wordpress.org/export/1.2/">
            <channel>
              <title>Old blog</title>
              <link>http://old.example</link>
              <wp:wxr_version>1.2</wp:wxr_version>
              <wp:base_site_url>http://old.example</wp:base_site_url>
              <wp:base_blog_url>http://old.example</wp:base_blog_url>
              <wp:category><wp:term_id>10</wp:term_id><wp:category_nicename>news</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>News</wp:cat_name></wp:category>
              <wp:category><wp:term_id>11</wp:term_id><wp:category_nicename>local</wp:category_nicename><wp:category_parent>news</wp:category_parent><wp:cat_name>Local</wp:cat_name></wp:category>
              <item>
                <title>Harbour day</title>
                <link>http://old.example/blog/harbour-day/</link>
                <dc:creator>ann</dc:creator>
                <content:encoded><![CDATA[Boats in the harbour.]]></content:encoded>
                <wp:post_id>42</wp:post_id>
                <wp:post_date_gmt>2019-05-01 10:00:00</wp:post_date_gmt>
                <wp:post_name>harbour-day</wp:post_name>
                <wp:status>publish</wp:status>
                <wp:post_type>post</wp:post_type>
                <category domain="category" nicename="local"><![CDATA[Local]]></category>
              </item>
            </channel>
            </rss>
            """;

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Post own;
    Post draft;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        Author aiko = blog.author("Aiko Mori");
        var posts = blog.app.posts();
        own = posts.publish(posts.create(PostDraft.post("On rain", "Rain on the roof.", aiko.id(), List.of("weather"))).id(),
                TestBlog.START.minus(Duration.ofHours(1)));
        draft = posts.create(PostDraft.post("Not yet", "Soon.", aiko.id(), List.of()));
    }

    @AfterEach
    void stop() {
        if (blog != null) blog.close();
    }

    private String permalink(Post p) {
        return blog.app.site().settings().permalink(p);
    }

    private void assertMoved(String from, String to) {
        TestBlog.Response r = blog.get(from);
        assertEquals(301, r.status(), "GET " + from);
        assertEquals(to, r.header("Location"), "GET " + from);
    }

    private Post imported() throws IOException {
        Path export = Files.writeString(dir.resolve("export.xml"), EXPORT);
        ImportReport report = blog.app.wordpressImport().run(new WordPressImport.Options(export, null, false), WordPressImport.Progress.NONE);
        assertEquals(1, report.count("posts"), () -> String.join("\n", report.summary()));
        long id = blog.app.database().jdbi().withHandle(h -> h.createQuery("select kioku_id from wordpress_ids where kind = 'post' and wp_id = 42")
                .mapTo(Long.class).one());
        return blog.app.posts().get(id);
    }

    @Test
    void a_kioku_post_s_own_id_answers_301_to_the_post_as_feed_item_ids_promise() {
        assertMoved("/?p=" + own.id(), permalink(own));
        assertEquals(200, blog.get(permalink(own)).status());
        assertEquals(200, blog.get("/?p=" + draft.id()).status(), "a draft's id is the home page, as any unknown id");
        assertTrue(blog.get("/?p=" + draft.id()).text().contains("On rain"), "the home page");
        assertEquals(200, blog.get("/?p=99999").status());
    }

    @Test
    void wordpress_feed_addresses_answer_301_to_the_feeds() {
        assertMoved("/feed/rss2/", "/feed/");
        assertMoved("/feed/rss/", "/feed/");
        assertMoved("/feed/rdf/", "/feed/");
        assertMoved("/?feed=rss2", "/feed/");
        assertMoved("/?feed=atom", "/feed/atom/");
        assertMoved("/?feed=comments-rss2", "/comments/feed/");
        assertMoved("/tag/weather/feed/rss2/", "/tag/weather/feed/");
        assertEquals(200, blog.get("/feed/").status());
        assertEquals(200, blog.get("/feed/atom/").status());
        assertEquals(200, blog.get("/comments/feed/").status());
        assertEquals(404, blog.get("/tag/no-such-tag/feed/").status(), "no redirect to itself");
    }

    @Test
    void a_post_s_comment_feed_below_its_address_answers_301_to_its_comment_feed() {
        assertMoved(permalink(own) + "feed/", "/comments/" + own.id() + "/feed/");
        assertMoved(permalink(own) + "feed/atom/", "/comments/" + own.id() + "/feed/atom/");
        assertEquals(200, blog.get("/comments/" + own.id() + "/feed/").status());
        assertEquals(404, blog.get("/2026/11/20/" + draft.slug() + "/feed/").status(), "nothing of a draft");
        assertEquals(404, blog.get("/" + draft.slug() + "/feed/").status(), "nothing of a draft");
    }

    @Test
    void after_an_import_old_comment_feeds_nested_categories_and_ids_find_their_new_home() throws IOException {
        Post harbour = imported();

        assertMoved("/blog/harbour-day/", permalink(harbour));
        assertMoved("/blog/harbour-day/feed/", "/comments/" + harbour.id() + "/feed/");
        assertMoved("/blog/harbour-day/feed/rss2/", "/comments/" + harbour.id() + "/feed/");
        assertMoved("/?p=42", permalink(harbour));
        assertMoved("/category/local/", "/tag/local/");
        assertMoved("/category/news/local/", "/tag/local/");
        assertMoved("/category/news/local/feed/", "/tag/local/feed/");
        assertMoved("/category/local/feed/rss2/", "/tag/local/feed/");
        assertEquals(200, blog.get("/tag/local/").status());
        assertEquals(200, blog.get("/tag/local/feed/").status());
        assertEquals(404, blog.get("/category/news/nothing/").status());
        assertMoved("/?p=" + own.id(), permalink(own));
    }
}
