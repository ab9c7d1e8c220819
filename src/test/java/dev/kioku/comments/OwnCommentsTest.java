package dev.kioku.comments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.testing.Commenter;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a commenter sees of their own comments through the browser cookie: held comments with "awaiting
 * moderation", edit and delete for ten minutes, and the follow-up unsubscribe page. Both engines.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class OwnCommentsTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Post post;
    static final String URL = "/2026/11/20/on-rain/";

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        var aiko = blog.author("Aiko Mori");
        post = blog.app.posts().publish(blog.app.posts().create(PostDraft.post("On rain", "It rains.", aiko.id(), List.of())).id(),
                TestBlog.START.minus(Duration.ofHours(1)));
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private long only() {
        return blog.app.comments().find(1).orElseThrow().id();
    }

    @Test
    void a_held_first_comment_is_shown_only_to_its_writer_and_the_page_stays_the_same_bytes() {
        byte[] before = blog.get(URL).body();
        Commenter writer = new Commenter(blog);
        assertEquals(303, writer.comment(post.id(), "Kenji", "kenji@example.org", "My *first* comment").status());
        long id = only();
        assertEquals(CommentStatus.PENDING, blog.app.comments().find(id).orElseThrow().status());

        assertArrayEquals(before, blog.get(URL).body(), "a held comment changes nothing public");
        assertArrayEquals(before, writer.get(URL).body(), "the page is the same bytes for its writer too");
        String mine = writer.get("/comments/mine/?post=" + post.id()).text();
        assertTrue(mine.contains("\"id\":" + id), mine);
        String html = Jsoup.parse(mine.replaceAll(".*\"html\":\"(.*?)\"}.*", "$1").replace("\\n", "\n").replace("\\\"", "\"")
                .replace("\\u003C", "<").replace("\\u003E", ">")).text();
        assertTrue(html.contains("awaiting moderation"), html);
        assertTrue(html.contains("My first comment"), html);
        assertEquals("{\"held\":[],\"editable\":[]}", new Commenter(blog).get("/comments/mine/?post=" + post.id()).text());
        assertEquals("no-store", writer.get("/comments/mine/?post=" + post.id()).header("Cache-Control"));
    }

    @Test
    void once_approved_the_next_comment_from_that_email_appears_at_once() {
        Commenter writer = new Commenter(blog);
        writer.comment(post.id(), "Kenji", "kenji@example.org", "First");
        blog.app.comments().moderate(blog.app.authors().staff(post.authorId()).orElseThrow(), List.of(only()), CommentStatus.APPROVED);
        blog.clock.advance(Duration.ofMinutes(5));

        writer.comment(post.id(), "Kenji", "Kenji@example.org", "Second");

        assertEquals(2, blog.app.comments().approved(post.id()).size());
        assertEquals(2, blog.page(URL).select(".comment").size());
    }

    @Test
    void the_writer_may_edit_for_ten_minutes_and_nobody_else_ever() {
        approveAll();
        Commenter writer = new Commenter(blog);
        writer.comment(post.id(), "Kenji", "kenji@example.org", "Tpyo here");
        long id = only();
        assertTrue(writer.get("/comments/mine/?post=" + post.id()).text().contains("/comments/" + id + "/edit/"));

        assertEquals("Tpyo here", Jsoup.parse(writer.get("/comments/" + id + "/edit/").text()).selectFirst("#comment-body").text());
        assertEquals(404, new Commenter(blog).get("/comments/" + id + "/edit/").status());
        assertEquals(404, new Commenter(blog).post("/comments/" + id + "/edit/", Map.of("body", "Hijacked"), blog.base()).status());

        TestBlog.Response saved = writer.post("/comments/" + id + "/edit/", Map.of("body", "Typo fixed"), blog.base());
        assertEquals(303, saved.status());
        assertEquals("Typo fixed", blog.page(URL).selectFirst("#comment-" + id + " .comment__text").text());

        TestBlog.Response empty = writer.post("/comments/" + id + "/edit/", Map.of("body", "  "), blog.base());
        assertEquals(422, empty.status());
        assertTrue(Jsoup.parse(empty.text()).selectFirst("#body-error").text().contains("Please write a comment"));

        blog.clock.advance(Duration.ofMinutes(11));
        assertEquals(404, writer.get("/comments/" + id + "/edit/").status());
        assertEquals(404, writer.post("/comments/" + id + "/edit/", Map.of("body", "Too late"), blog.base()).status());
        assertEquals("Typo fixed", blog.app.comments().find(id).orElseThrow().bodyMd());
    }

    @Test
    void an_edit_that_adds_many_links_goes_back_to_the_moderators() {
        approveAll();
        Commenter writer = new Commenter(blog);
        writer.comment(post.id(), "Kenji", "kenji@example.org", "Innocent");
        long id = only();

        writer.post("/comments/" + id + "/edit/", Map.of("body", "https://a.example https://b.example https://c.example"), blog.base());

        assertEquals(CommentStatus.PENDING, blog.app.comments().find(id).orElseThrow().status());
        assertNull(blog.page(URL).selectFirst("#comment-" + id));
    }

    @Test
    void the_writer_may_delete_their_comment_in_the_first_minutes() {
        approveAll();
        Commenter writer = new Commenter(blog);
        writer.comment(post.id(), "Kenji", "kenji@example.org", "Regrettable");
        long id = only();

        assertEquals(404, new Commenter(blog).post("/comments/" + id + "/delete/", Map.of(), blog.base()).status());
        TestBlog.Response deleted = writer.post("/comments/" + id + "/delete/", Map.of(), blog.base());

        assertEquals(200, deleted.status());
        assertTrue(deleted.text().contains("Your comment was removed"));
        assertNull(blog.page(URL).selectFirst("#comment-" + id));
        assertEquals(CommentStatus.TRASH, blog.app.comments().find(id).orElseThrow().status());
    }

    @Test
    void follow_up_emails_stop_from_the_unsubscribe_link_in_one_click() {
        approveAll();
        Map<String, String> f = Commenter.form(post.id(), "Kenji", "kenji@example.org", "Tell me more");
        f.put("follow", "yes");
        new Commenter(blog).send(f);
        String token = blog.app.database().jdbi().withHandle(h -> h.createQuery("select token from comment_followers")
                .mapTo(String.class).one());

        TestBlog.Response page = blog.get("/comments/unsubscribe/" + token + "/");
        assertEquals(200, page.status());
        assertTrue(Jsoup.parse(page.text()).text().contains("On rain"));
        assertEquals(1, (int) blog.app.database().jdbi().withHandle(h -> h.createQuery("select count(*) from comment_followers").mapTo(Integer.class).one()),
                "looking at the page unsubscribes nobody (mail scanners open links)");

        // RFC 8058: the mail client POSTs List-Unsubscribe=One-Click, with no Origin
        TestBlog.Response done = new Commenter(blog).post("/comments/unsubscribe/" + token + "/", Map.of("List-Unsubscribe", "One-Click"), null);
        assertEquals(200, done.status());
        assertTrue(done.text().contains("no more emails"));
        assertEquals(0, (int) blog.app.database().jdbi().withHandle(h -> h.createQuery("select count(*) from comment_followers").mapTo(Integer.class).one()));
        assertTrue(blog.get("/comments/unsubscribe/" + token + "/").text().contains("Already unsubscribed"));
    }

    @Test
    void a_known_email_with_another_name_is_still_held_as_a_first_comment() {
        Commenter writer = new Commenter(blog);
        writer.comment(post.id(), "Kenji", "kenji@example.org", "First");
        blog.app.comments().moderate(blog.app.authors().staff(post.authorId()).orElseThrow(), List.of(only()), CommentStatus.APPROVED);
        blog.clock.advance(Duration.ofMinutes(5));

        new Commenter(blog).comment(post.id(), "Not Kenji", "kenji@example.org", "Borrowing his address");

        assertEquals(1, blog.app.comments().approved(post.id()).size());
    }

    @Test
    void a_comment_sent_to_spam_by_a_rule_shows_to_its_writer_as_awaiting_moderation() {
        blog.app.comments().saveSettings(new DiscussionSettings(Moderation.APPROVE_ALL, 0, 5, 50, 2, List.of("rain"), List.of(),
                List.of(), true, true, "", null));
        Commenter writer = new Commenter(blog);
        writer.comment(post.id(), "Kenji", "kenji@example.org", "I love rain");

        assertEquals(CommentStatus.SPAM, blog.app.comments().find(only()).orElseThrow().status());
        assertTrue(writer.get("/comments/mine/?post=" + post.id()).text().contains("awaiting moderation"));
    }

    private void approveAll() {
        blog.app.comments().saveSettings(new DiscussionSettings(Moderation.APPROVE_ALL, 0, 5, 50, 2, List.of(), List.of(),
                List.of(), true, true, "", null));
    }
}
