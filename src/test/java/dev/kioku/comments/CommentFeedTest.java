package dev.kioku.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.testing.Commenter;
import dev.kioku.testing.TestBlog;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** RSS feeds of a post's comments and of the whole site's, kept in the page cache and dropped by a new comment. */
@ParameterizedClass
@EnumSource(Engine.class)
class CommentFeedTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Post post;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        var aiko = blog.author("Aiko Mori");
        post = blog.app.posts().publish(blog.app.posts().create(PostDraft.post("On rain", "It rains.", aiko.id(), List.of())).id(),
                TestBlog.START.minus(Duration.ofHours(1)));
        blog.app.comments().saveSettings(new DiscussionSettings(Moderation.APPROVE_ALL, 0, 5, 50, 2, List.of(), List.of(),
                List.of(), true, true, "", null));
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private Document feed(String path) throws Exception {
        TestBlog.Response r = blog.get(path);
        assertEquals(200, r.status(), path);
        assertTrue(r.header("Content-Type").startsWith("application/rss+xml"), r.header("Content-Type"));
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
    }

    private static List<String> texts(Document d, String tag) {
        var nodes = d.getElementsByTagName(tag);
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent()).toList();
    }

    @Test
    void a_posts_comment_feed_is_rss_with_absolute_links_and_a_new_comment_shows_at_once() throws Exception {
        String path = "/comments/" + post.id() + "/feed/";
        assertEquals(List.of(), texts(feed(path), "item"), "empty, and now cached");

        new Commenter(blog).comment(post.id(), "Kenji", "kenji@example.org", "A *fine* <b>point</b>");

        Document d = feed(path);
        assertEquals("rss", d.getDocumentElement().getTagName());
        assertEquals(List.of("Comments on: On rain", "Comment on On rain by Kenji"), texts(d, "title"));
        String link = texts(d, "link").get(1);
        assertTrue(link.startsWith("http://") && link.contains("/2026/11/20/on-rain/#comment-"), link);
        assertEquals("Kenji", texts(d, "dc:creator").getFirst());
        DateTimeFormatter.RFC_1123_DATE_TIME.parse(texts(d, "pubDate").getFirst());
        String html = texts(d, "description").get(1);
        assertTrue(html.contains("<em>fine</em>") && html.contains("&lt;b&gt;point&lt;/b&gt;"), html);
        assertTrue(!blog.get(path).text().contains("kenji@example.org"), "no email in feeds");
    }

    @Test
    void the_sites_comment_feed_has_the_newest_comments_first_across_posts() throws Exception {
        assertEquals(0, feed("/comments/feed/").getElementsByTagName("item").getLength());
        new Commenter(blog).comment(post.id(), "Kenji", "kenji@example.org", "Older");
        blog.clock.advance(Duration.ofMinutes(5));
        new Commenter(blog).comment(post.id(), "Mei", "mei@example.org", "Newer");

        Document d = feed("/comments/feed/");
        List<String> titles = texts(d, "title");
        assertEquals(List.of("Comments for Kioku", "Comment on On rain by Mei", "Comment on On rain by Kenji"), titles);
        Element self = (Element) d.getElementsByTagName("atom:link").item(0);
        assertTrue(self.getAttribute("href").endsWith("/comments/feed/"));
    }

    @Test
    void control_characters_in_a_name_never_break_the_feeds() throws Exception {
        new Commenter(blog).comment(post.id(), "Bell\u0001Ringer\u0007", "bell@example.org", "Ding\u0008 dong");

        assertEquals("Bell Ringer", texts(feed("/comments/feed/"), "dc:creator").getFirst());
        assertEquals(1, feed("/comments/" + post.id() + "/feed/").getElementsByTagName("item").getLength());
    }

    @Test
    void a_page_has_no_comment_feed() {
        var about = blog.app.posts().create(PostDraft.page("About", "Me.", post.authorId()));
        blog.app.posts().publish(about.id(), TestBlog.START.minus(Duration.ofHours(1)));

        assertEquals(404, blog.get("/comments/" + about.id() + "/feed/").status());
    }
}
