package dev.kioku.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.testing.Commenter;
import dev.kioku.testing.FakeAkismet;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Each spam defence rejects (or holds) its case and lets an ordinary comment through. Both engines. */
@ParameterizedClass
@EnumSource(Engine.class)
class SpamDefencesTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Post post;
    FakeAkismet akismet;

    @BeforeEach
    void start() {
        blog = TestBlog.startWithLocalFetches(engine, dir);
        var aiko = blog.author("Aiko Mori");
        post = blog.app.posts().publish(blog.app.posts().create(PostDraft.post("On rain", "It rains.", aiko.id(), List.of())).id(),
                TestBlog.START.minus(Duration.ofHours(1)));
        rules(List.of(), List.of(), List.of(), "", null);
    }

    @AfterEach
    void stop() {
        blog.close();
        if (akismet != null) akismet.close();
    }

    private void rules(List<String> words, List<String> emails, List<String> ips, String key, String endpoint) {
        blog.app.comments().saveSettings(new DiscussionSettings(Moderation.APPROVE_ALL, 0, 5, 50, 2, words, emails, ips,
                true, true, key, endpoint));
    }

    private CommentStatus statusOfLast() {
        return blog.app.comments().find(lastId()).orElseThrow().status();
    }

    private long lastId() {
        long id = 0;
        while (blog.app.comments().find(id + 1).isPresent()) id++;
        return id;
    }

    private void ordinaryCommentStillPasses() {
        blog.clock.advance(Duration.ofHours(2));
        TestBlog.Response ok = new Commenter(blog).comment(post.id(), "Ordinary Reader", "ordinary@example.org",
                "An ordinary remark " + blog.clock.instant());
        assertEquals(303, ok.status());
        assertEquals(CommentStatus.APPROVED, statusOfLast());
    }

    @Test
    void the_hidden_field_filled_in_sends_the_comment_to_spam_quietly() {
        Map<String, String> f = Commenter.form(post.id(), "Bot", "bot@example.org", "Buy things");
        f.put("homepage", "https://spam.example");

        assertEquals(303, new Commenter(blog).send(f).status(), "the bot learns nothing");
        assertEquals(CommentStatus.SPAM, statusOfLast());
        assertTrue(blog.app.comments().approved(post.id()).isEmpty());
        ordinaryCommentStillPasses();
    }

    @Test
    void a_form_sent_seconds_after_it_was_opened_is_refused_with_the_text_kept() {
        Commenter bot = new Commenter(blog);
        Map<String, String> f = Commenter.form(post.id(), "Quick", "quick@example.org", "Instant reply");
        f.put("ft", bot.token());

        TestBlog.Response r = bot.send(f);

        assertEquals(422, r.status());
        Document page = Jsoup.parse(r.text());
        assertTrue(page.selectFirst(".form-error").text().contains("That was very quick"));
        assertEquals("Instant reply", page.selectFirst("#comment-body").text());
        assertEquals(0, lastId());
        ordinaryCommentStillPasses();
    }

    @Test
    void a_form_without_the_scripts_token_waits_for_a_moderator() {
        Map<String, String> f = Commenter.form(post.id(), "No Script", "noscript@example.org", "Hello without JavaScript");
        f.put("ft", "");

        assertEquals(303, new Commenter(blog).send(f).status());
        assertEquals(CommentStatus.PENDING, statusOfLast());
        assertEquals("sent without the page's script", blog.app.comments().find(lastId()).orElseThrow().moderationNote());
        ordinaryCommentStillPasses();
    }

    @Test
    void one_address_commenting_too_fast_gets_429_and_keeps_its_text() {
        Commenter reader = new Commenter(blog);
        for (int i = 0; i < RateLimits.PER_IP_MINUTE; i++) {
            assertEquals(303, reader.send(Commenter.form(post.id(), "Fast", "fast" + i + "@example.org", "Comment " + i)).status());
        }
        // all within a minute of the first: five seconds of "typing" each
        TestBlog.Response r = reader.send(Commenter.form(post.id(), "Fast", "fast9@example.org", "One too many"));

        assertEquals(429, r.status());
        Document page = Jsoup.parse(r.text());
        assertTrue(page.selectFirst(".form-error").text().contains("faster than this blog allows"));
        assertEquals("One too many", page.selectFirst("#comment-body").text());
        ordinaryCommentStillPasses();
    }

    @Test
    void the_same_comment_twice_is_refused_as_a_duplicate() {
        Commenter reader = new Commenter(blog);
        assertEquals(303, reader.comment(post.id(), "Kenji", "kenji@example.org", "Same words").status());
        blog.clock.advance(Duration.ofMinutes(2));

        TestBlog.Response again = reader.comment(post.id(), "Kenji", "kenji@example.org", "Same words");

        assertEquals(422, again.status());
        assertTrue(Jsoup.parse(again.text()).selectFirst(".form-error").text().contains("already said that"));
        assertEquals(1, blog.app.comments().approved(post.id()).size());
        ordinaryCommentStillPasses();
    }

    @Test
    void more_links_than_allowed_wait_for_a_moderator() {
        new Commenter(blog).comment(post.id(), "Linker", "linker@example.org",
                "https://a.example https://b.example https://c.example");

        assertEquals(CommentStatus.PENDING, statusOfLast());
        ordinaryCommentStillPasses();
    }

    @Test
    void block_lists_send_words_emails_domains_and_addresses_to_spam() {
        rules(List.of("casino"), List.of("pest@example.org", "@spam.example"), List.of(), "", null);
        new Commenter(blog).comment(post.id(), "Lucky", "lucky@example.org", "Try the CASINO");
        assertEquals(CommentStatus.SPAM, statusOfLast());
        blog.clock.advance(Duration.ofHours(2));
        new Commenter(blog).comment(post.id(), "Pest", "pest@example.org", "Hello");
        assertEquals(CommentStatus.SPAM, statusOfLast());
        blog.clock.advance(Duration.ofHours(2));
        new Commenter(blog).comment(post.id(), "Someone", "someone@spam.example", "Hello there");
        assertEquals(CommentStatus.SPAM, statusOfLast());

        rules(List.of(), List.of(), List.of("127.0.0."), "", null);
        blog.clock.advance(Duration.ofHours(2));
        new Commenter(blog).comment(post.id(), "Local", "local@example.org", "From a blocked address");
        assertEquals(CommentStatus.SPAM, statusOfLast());

        rules(List.of("casino"), List.of(), List.of(), "", null);
        ordinaryCommentStillPasses();
    }

    @Test
    void an_akismet_compatible_service_is_asked_when_a_key_is_set() {
        akismet = new FakeAkismet("key-123");
        rules(List.of(), List.of(), List.of(), "key-123", akismet.endpoint().toString());

        new Commenter(blog).comment(post.id(), FakeAkismet.SPAM_AUTHOR, "spammer@example.org", "Cheap pills");
        assertEquals(CommentStatus.SPAM, statusOfLast());
        ordinaryCommentStillPasses();
        var asked = akismet.requests().getLast();
        assertTrue(asked.form().get("permalink").endsWith("/2026/11/20/on-rain/"), asked.form().toString());

        akismet.failWith(500);
        blog.clock.advance(Duration.ofHours(2));
        new Commenter(blog).comment(post.id(), "Unlucky", "unlucky@example.org", "While the service is down");
        assertEquals(CommentStatus.PENDING, statusOfLast(), "no answer: a moderator decides");
    }
}
