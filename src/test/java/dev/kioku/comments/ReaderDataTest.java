package dev.kioku.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.kioku.authors.Author;
import dev.kioku.authors.Staff;
import dev.kioku.config.Smtp;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.testing.Commenter;
import dev.kioku.testing.ReaderLogin;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** "Your data": a signed-in reader sees their comments and deletes one, or their identity with or without them. */
@ParameterizedClass
@EnumSource(Engine.class)
class ReaderDataTest {
    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    private static final String PAGE = "/readers/me/data/";

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Post post;
    Staff aiko;
    String postUrl;
    Commenter kenji;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir, new Smtp("127.0.0.1", smtp.getSmtp().getPort(), null, null, Smtp.Security.NONE,
                "Kioku <blog@example.org>"));
        Author a = blog.author("Aiko Mori");
        aiko = blog.app.authors().staff(a.id()).orElseThrow();
        post = blog.app.posts().publish(blog.app.posts().create(PostDraft.post("On rain", "It rains.", a.id(), List.of())).id(),
                TestBlog.START.minus(Duration.ofHours(1)));
        postUrl = blog.app.site().settings().permalink(post);
        kenji = ReaderLogin.signIn(blog, smtp, "kenji@example.org", "Kenji");
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private long comment(Commenter who, String body) {
        Map<String, String> f = Commenter.form(post.id(), "", "", body);
        blog.clock.advance(Duration.ofMinutes(1));
        TestBlog.Response r = who.send(f);
        assertEquals(303, r.status(), r.text());
        return Long.parseLong(r.header("Location").replaceAll(".*#comment-", ""));
    }

    private Document page(Commenter who, String path) {
        TestBlog.Response r = who.get(path);
        assertEquals(200, r.status(), path + "\n" + r.text());
        assertEquals("no-store", r.header("Cache-Control"));
        return Jsoup.parse(r.text(), blog.url(path));
    }

    private long kenjisId() {
        return blog.app.readers().find("email", "kenji@example.org").orElseThrow().id();
    }

    @Test
    void signed_out_the_page_offers_to_sign_in_and_its_forms_change_nothing() {
        long id = comment(kenji, "Mine.");
        Commenter stranger = new Commenter(blog);
        Document d = page(stranger, PAGE);
        assertTrue(d.text().contains("Sign in to see your data"), d.text());
        assertEquals("/readers/email/?return=%2Freaders%2Fme%2Fdata%2F", d.select("a:contains(email link)").attr("href"));
        assertEquals(401, stranger.post(PAGE + "comments/" + id + "/delete/", Map.of(), blog.base()).status());
        assertEquals(401, stranger.post(PAGE + "delete/with-comments/", Map.of(), blog.base()).status());
        assertTrue(blog.app.comments().find(id).isPresent());
    }

    @Test
    void the_page_lists_every_comment_of_the_reader_whatever_its_status_and_no_one_elses() {
        long first = comment(kenji, "My first, now published.");
        blog.app.comments().moderate(aiko, List.of(first), CommentStatus.APPROVED);
        long held = comment(kenji, "Waiting <b>for</b> approval.");
        blog.app.comments().moderate(aiko, List.of(held), CommentStatus.PENDING);
        Commenter mei = ReaderLogin.signIn(blog, smtp, "mei@example.org", "Mei");
        comment(mei, "Mei's comment.");

        Document d = page(kenji, PAGE);
        assertTrue(d.text().contains("signed in as Kenji with your email account (kenji@example.org"), d.text());
        assertEquals(2, d.select(".reader-data__comments > li").size());
        String publishedRow = d.select("#own-comment-" + first).text();
        assertTrue(publishedRow.contains("Published") && publishedRow.contains("On rain"), publishedRow);
        assertEquals("/comments/" + first + "/", d.select("#own-comment-" + first + " a").attr("href"));
        assertTrue(d.select("#own-comment-" + held).text().contains("Awaiting moderation"));
        assertEquals("Waiting <b>for</b> approval.", d.select("#own-comment-" + held + " blockquote").text(), "escaped, as typed");
        assertFalse(d.text().contains("Mei's comment"));
    }

    @Test
    void deleting_one_comment_asks_first_then_removes_it_from_the_post() {
        long id = comment(kenji, "Soon gone.");
        blog.app.comments().moderate(aiko, List.of(id), CommentStatus.APPROVED);
        assertTrue(blog.get(postUrl).text().contains("Soon gone."));

        Document ask = page(kenji, PAGE + "comments/" + id + "/delete/");
        assertTrue(ask.text().contains("Delete this comment?"));
        assertEquals(PAGE + "comments/" + id + "/delete/", ask.select("form[method=post]").attr("action"));
        assertTrue(blog.app.comments().find(id).isPresent(), "asking deletes nothing");

        TestBlog.Response done = kenji.post(PAGE + "comments/" + id + "/delete/", Map.of(), blog.base());
        assertEquals(200, done.status());
        assertTrue(done.text().contains("Comment deleted"));
        assertTrue(blog.app.comments().find(id).isEmpty());
        assertFalse(blog.get(postUrl).text().contains("Soon gone."), "the cached post page was dropped");
    }

    @Test
    void another_readers_comment_cannot_be_deleted() {
        Commenter mei = ReaderLogin.signIn(blog, smtp, "mei@example.org", "Mei");
        long meis = comment(mei, "Mei's.");
        blog.clock.advance(Duration.ofMinutes(1));
        TestBlog.Response guest = new Commenter(blog).comment(post.id(), "Guest", "guest@example.org", "A guest's.");
        long guests = Long.parseLong(guest.header("Location").replaceAll(".*#comment-", ""));
        for (long id : List.of(meis, guests)) {
            assertEquals(404, kenji.post(PAGE + "comments/" + id + "/delete/", Map.of(), blog.base()).status());
            assertEquals(404, kenji.get(PAGE + "comments/" + id + "/delete/").status());
            assertTrue(blog.app.comments().find(id).isPresent());
        }
    }

    @Test
    void deleting_the_identity_can_keep_the_comments_as_a_guests_under_the_same_name() {
        long id = comment(kenji, "Stays.");
        blog.app.comments().moderate(aiko, List.of(id), CommentStatus.APPROVED);
        long reader = kenjisId();

        Document ask = page(kenji, PAGE + "delete/keep-comments/");
        assertTrue(ask.text().contains("keep your comments"), ask.text());
        TestBlog.Response done = kenji.post(PAGE + "delete/keep-comments/", Map.of(), blog.base());
        assertEquals(200, done.status());
        assertTrue(done.text().contains("1 comment stay as guest comments") || done.text().contains("1 comment stay"), done.text());

        assertTrue(blog.app.readers().find(reader).isEmpty());
        assertEquals(0, blog.app.readers().sessions(reader));
        assertEquals("{\"signedIn\":false}", kenji.get("/readers/me/").text());
        Comment kept = blog.app.comments().find(id).orElseThrow();
        assertNull(kept.readerId());
        assertEquals("Kenji", kept.authorName());
        assertTrue(blog.page(postUrl).select("#comment-" + id).text().contains("Kenji"));
    }

    @Test
    void deleting_the_identity_with_the_comments_leaves_nothing() {
        long published = comment(kenji, "Gone too.");
        blog.app.comments().moderate(aiko, List.of(published), CommentStatus.APPROVED);
        long held = comment(kenji, "Held and gone.");
        long reader = kenjisId();

        TestBlog.Response done = kenji.post(PAGE + "delete/with-comments/", Map.of(), blog.base());
        assertEquals(200, done.status());
        assertTrue(done.text().contains("2 comments were deleted"), done.text());
        assertTrue(blog.app.readers().find(reader).isEmpty());
        assertTrue(blog.app.comments().find(published).isEmpty());
        assertTrue(blog.app.comments().find(held).isEmpty());
        assertFalse(blog.get(postUrl).text().contains("Gone too."));
    }

    @Test
    void a_deletion_sent_from_another_site_is_refused() {
        long id = comment(kenji, "Safe.");
        assertEquals(403, kenji.post(PAGE + "delete/with-comments/", Map.of(), "https://evil.example").status());
        assertEquals(403, kenji.post(PAGE + "comments/" + id + "/delete/", Map.of(), "https://evil.example").status());
        assertTrue(blog.app.comments().find(id).isPresent());
        assertTrue(blog.app.readers().find(kenjisId()).isPresent());
    }
}
