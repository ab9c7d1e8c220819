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
import dev.kioku.readers.Reader;
import dev.kioku.readers.Readers;
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

/** The comment form with a signed-in reader: their identity instead of the fields, "approved before" by reader, avatars. */
@ParameterizedClass
@EnumSource(Engine.class)
class ReaderCommentsTest {
    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Post post;
    Staff aiko;
    String postUrl;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir, new Smtp("127.0.0.1", smtp.getSmtp().getPort(), null, null, Smtp.Security.NONE,
                "Kioku <blog@example.org>"));
        Author a = blog.author("Aiko Mori");
        aiko = blog.app.authors().staff(a.id()).orElseThrow();
        post = blog.app.posts().publish(blog.app.posts().create(PostDraft.post("On rain", "It rains.", a.id(), List.of())).id(),
                TestBlog.START.minus(Duration.ofHours(1)));
        postUrl = blog.app.site().settings().permalink(post);
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private Map<String, String> bodyOnly(String body) {
        Map<String, String> f = Commenter.form(post.id(), "", "", body);
        f.remove("name");
        f.remove("email");
        return f;
    }

    /** What the form sends for a reader signed in elsewhere (a provider flow), with the page's timing stamp. */
    private Submission byReader(Reader r, String body) {
        String stamp = blog.app.comments().formToken();
        blog.clock.advance(Duration.ofSeconds(5));
        return new Submission(post.id(), null, body, null, null, null, true, true, null, stamp, "192.0.2.7", "test", null, null, r);
    }

    @Test
    void guests_see_the_sign_in_choices_for_this_post_and_providers_once_registered() {
        blog.app.readers().registerProvider("google", "Google");
        Document page = blog.page(postUrl);
        assertTrue(page.text().contains("Fill in your details below or click an icon to log in"));
        assertEquals("/readers/email/", page.select("[data-sign-in-email]").attr("action"));
        assertEquals(postUrl, page.select("[data-sign-in-email] input[name=return]").val());
        assertEquals("/readers/sign-in/google/?return=" + java.net.URLEncoder.encode(postUrl, java.nio.charset.StandardCharsets.UTF_8),
                page.select("[data-provider=google] a").attr("href"));
        assertEquals("Google", page.select("[data-provider=google] a").first().ownText(), "the label beside its (decorative) icon");
        assertEquals("true", page.select("[data-provider=google] .sign-in-choice__icon").attr("aria-hidden"));
        assertTrue(page.select("[data-reader]").hasAttr("hidden"), "who is signed in is the script's to show");
        assertTrue(page.select(".comment-form").first().select("[data-sign-in-email]").isEmpty(), "no form inside the comment form");
    }

    @Test
    void the_post_page_is_the_same_bytes_for_a_signed_in_reader_and_a_guest() {
        Commenter reader = ReaderLogin.signIn(blog, smtp, "kenji@example.org", "Kenji");
        TestBlog.Response guest = blog.get(postUrl);
        TestBlog.Response signedIn = reader.get(postUrl);
        assertEquals(200, signedIn.status());
        assertEquals(guest.text(), signedIn.text());
        assertEquals(guest.header("ETag"), signedIn.header("ETag"));
        assertFalse(signedIn.text().contains("Kenji"));
    }

    @Test
    void a_signed_in_reader_comments_without_name_and_email_under_their_identity() {
        Commenter reader = ReaderLogin.signIn(blog, smtp, "kenji@example.org", "Kenji Sato");
        long id = blog.app.readers().find(1).orElseThrow().id();
        Map<String, String> f = bodyOnly("Signed in, so no fields.");
        f.put("name", "Somebody Else");
        f.put("email", "else@example.org");
        TestBlog.Response r = reader.send(f);
        assertEquals(303, r.status(), r.text());

        Comment c = blog.app.comments().find(1).orElseThrow();
        assertEquals(id, c.readerId());
        assertEquals("Kenji Sato", c.authorName(), "the typed name is ignored");
        assertEquals("kenji@example.org", c.authorEmail());
        assertNull(reader.cookie(CommentRoutes.AUTHOR_COOKIE), "nothing of a reader's identity goes into the guest cookie");
    }

    @Test
    void a_refused_signed_in_comment_still_names_the_text_field_only() {
        Commenter reader = ReaderLogin.signIn(blog, smtp, "kenji@example.org", "Kenji");
        TestBlog.Response r = reader.send(bodyOnly(""));
        assertEquals(422, r.status());
        Document page = Jsoup.parse(r.text());
        assertEquals("true", page.select("#comment-body").attr("aria-invalid"));
        assertTrue(page.select("#comment-name").attr("aria-invalid").isEmpty(), "no complaint about a name the reader was not asked for");
    }

    @Test
    void approved_before_carries_over_by_reader_even_under_a_new_name() {
        Commenter reader = ReaderLogin.signIn(blog, smtp, "kenji@example.org", "Kenji");
        reader.send(bodyOnly("My first comment here."));
        Comment first = blog.app.comments().find(1).orElseThrow();
        assertEquals(CommentStatus.PENDING, first.status(), "a first comment waits, as a guest's does");
        assertEquals("first comment from this signed-in reader", first.moderationNote());
        blog.app.comments().moderate(aiko, List.of(first.id()), CommentStatus.APPROVED);

        ReaderLogin.signIn(blog, smtp, reader, "kenji@example.org", "K. Sato");
        blog.clock.advance(Duration.ofMinutes(2));
        assertEquals(303, reader.send(bodyOnly("And a second one.")).status());
        Comment second = blog.app.comments().find(2).orElseThrow();
        assertEquals("K. Sato", second.authorName());
        assertEquals(CommentStatus.APPROVED, second.status(), second.moderationNote());
    }

    @Test
    void another_reader_with_the_same_name_is_not_approved_before() {
        Commenter kenji = ReaderLogin.signIn(blog, smtp, "kenji@example.org", "Kenji");
        kenji.send(bodyOnly("Kenji's first."));
        blog.app.comments().moderate(aiko, List.of(1L), CommentStatus.APPROVED);

        Commenter other = ReaderLogin.signIn(blog, smtp, "other@example.org", "Kenji");
        blog.clock.advance(Duration.ofMinutes(2));
        other.send(bodyOnly("Someone else called Kenji."));
        assertEquals(CommentStatus.PENDING, blog.app.comments().find(2).orElseThrow().status());
    }

    @Test
    void a_reader_without_an_email_gets_a_stand_in_address_that_follows_nothing_and_their_own_picture() {
        blog.app.comments().saveSettings(new DiscussionSettings(Moderation.APPROVE_ALL, 0, 5, 50, 2, List.of(), List.of(),
                List.of(), true, true, "", null));
        Reader mei = blog.app.readers().upsert(new Readers.Profile("github", "42", "Mei", null,
                "https://avatars.example/mei.png", "https://github.com/mei"));
        Comment c = blog.app.comments().submit(byReader(mei, "From GitHub.")).comment();

        assertEquals("reader-" + mei.id() + "@readers.invalid", c.authorEmail());
        assertEquals("https://github.com/mei", c.authorUrl());
        assertEquals(CommentStatus.APPROVED, c.status());
        assertTrue(blog.app.database().jdbi().withHandle(h -> blog.app.comments().followers(h, post.id())).isEmpty());
        int requests = blog.app.database().jdbi().withHandle(h -> h.createQuery("select count(*) from subscribers")
                .mapTo(Integer.class).one());
        assertEquals(0, requests);

        Document page = blog.page(postUrl);
        assertEquals("https://avatars.example/mei.png", page.select("#comment-" + c.id() + " img.comment__avatar").attr("src"));
        assertEquals("https://github.com/mei", page.select("#comment-" + c.id() + " a.comment__author").attr("href"));
        blog.app.outbox().sendDue();
        for (var m : smtp.getReceivedMessages()) {
            try {
                assertFalse(m.getAllRecipients()[0].toString().endsWith("readers.invalid"));
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void a_reader_without_a_picture_gets_the_identicon_not_a_gravatar_of_the_stand_in() {
        blog.app.comments().saveSettings(new DiscussionSettings(Moderation.APPROVE_ALL, 0, 5, 50, 2, List.of(), List.of(),
                List.of(), true, true, "", null));
        Reader mei = blog.app.readers().upsert(new Readers.Profile("github", "42", "Mei", null, "http://insecure.example/a.png", null));
        Comment c = blog.app.comments().submit(byReader(mei, "No picture.")).comment();
        String src = blog.page(postUrl).select("#comment-" + c.id() + " img.comment__avatar").attr("src");
        assertTrue(src.startsWith("/avatars/") && src.endsWith(".svg"), src);
    }
}
