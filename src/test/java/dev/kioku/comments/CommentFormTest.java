package dev.kioku.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Author;
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
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** "Leave a Reply" as a guest, over HTTP, on SQLite and PostgreSQL. */
@ParameterizedClass
@EnumSource(Engine.class)
class CommentFormTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Post post;
    String url;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        Author aiko = blog.author("Aiko Mori");
        Post draft = blog.app.posts().create(PostDraft.post("On rain", "It rains.", aiko.id(), List.of()));
        post = blog.app.posts().publish(draft.id(), TestBlog.START.minus(Duration.ofHours(2)));
        url = "/2026/11/20/on-rain/";
        approveAll();
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private void approveAll() {
        DiscussionSettings d = blog.app.comments().settings();
        blog.app.comments().saveSettings(new DiscussionSettings(Moderation.APPROVE_ALL, d.closeAfterDays(), d.threadDepth(),
                d.perPage(), d.maxLinks(), d.blockedWords(), d.blockedEmails(), d.blockedIps(), d.gravatar(), d.notifyAuthor(),
                d.akismetKey(), d.akismetEndpoint()));
    }

    private Document page() {
        return blog.page(url);
    }

    @Test
    void the_post_page_offers_leave_a_reply_with_the_four_fields_and_three_choices() {
        Document page = page();

        assertEquals("Leave a Reply", page.selectFirst("#reply-title").text());
        Element form = page.selectFirst("form.comment-form");
        assertEquals("/comments/", form.attr("action"));
        for (String field : List.of("body", "name", "email", "url", "remember", "follow", "subscribe", "homepage")) {
            assertNotNull(form.selectFirst("[name=" + field + "]"), field);
        }
        assertTrue(form.text().contains("Notify me of follow-up comments by email."));
        assertTrue(form.text().contains("Notify me of new posts by email."));
        assertTrue(form.text().contains("Your email address will not be published."));
        assertEquals("No comments yet", page.selectFirst("#comments-title").text());
    }

    @Test
    void a_guest_comment_appears_at_once_and_the_cached_page_is_dropped() {
        page(); // cached now
        Commenter reader = new Commenter(blog);

        TestBlog.Response sent = reader.comment(post.id(), "Kenji", "Kenji@Example.org", "Lovely *rain*.");

        assertEquals(303, sent.status());
        long id = blog.app.comments().approved(post.id()).getFirst().id();
        assertEquals(url + "#comment-" + id, sent.header("Location"));
        Document page = page();
        assertEquals("1 Comment", page.selectFirst("#comments-title").text());
        Element c = page.selectFirst("#comment-" + id);
        assertEquals("Kenji", c.selectFirst(".comment__author").text());
        assertEquals("<p>Lovely <em>rain</em>.</p>", c.selectFirst(".comment__text").html());
        assertFalse(blog.get(url).text().toLowerCase().contains("kenji@example.org"), "the email is never shown");
        assertEquals("1 comment", blog.page("/").selectFirst(".card .meta a").text());
    }

    @Test
    void the_website_links_the_name_with_nofollow_ugc_and_markdown_links_too() {
        new Commenter(blog).send(with(Map.of("url", "example.org/me"), Commenter.form(post.id(), "Mei", "mei@example.org",
                "See [my notes](https://example.org/notes) and https://example.com/x")));

        Element c = page().selectFirst(".comment");
        Element name = c.selectFirst("a.comment__author");
        assertEquals("https://example.org/me", name.attr("href"));
        assertTrue(name.attr("rel").contains("nofollow") && name.attr("rel").contains("ugc"));
        for (Element a : c.select(".comment__text a")) {
            assertTrue(a.attr("rel").contains("nofollow") && a.attr("rel").contains("ugc"), a.outerHtml());
        }
        assertEquals(2, c.select(".comment__text a").size());
    }

    @Test
    void only_the_small_markdown_subset_is_kept_and_html_is_shown_as_text() {
        new Commenter(blog).comment(post.id(), "Mei", "mei@example.org",
                "# Big\n\n> quoted\n\n`code` **bold**\n\n<script>alert(1)</script> <b onclick=x>hi</b> ![pic](https://example.org/a.png)");

        Element text = page().selectFirst(".comment__text");
        assertNull(text.selectFirst("h1"));
        assertNotNull(text.selectFirst("blockquote"));
        assertNotNull(text.selectFirst("code"));
        assertNotNull(text.selectFirst("strong"));
        assertNull(text.selectFirst("script"));
        assertNull(text.selectFirst("b"));
        assertNull(text.selectFirst("img"));
        assertTrue(text.text().contains("<script>alert(1)</script>"), text.text());
        assertEquals("https://example.org/a.png", text.select("a").last().attr("href"));
    }

    @Test
    void a_reply_nests_under_its_parent_and_the_reply_page_works_without_script() {
        Commenter reader = new Commenter(blog);
        reader.comment(post.id(), "Kenji", "kenji@example.org", "First!");
        long parent = blog.app.comments().approved(post.id()).getFirst().id();

        Document replyPage = Jsoup.parse(reader.get("/comments/" + parent + "/reply/").text());
        assertEquals("Reply to Kenji", replyPage.selectFirst("#reply-title").text());
        assertEquals(Long.toString(parent), replyPage.selectFirst("input[name=parent]").val());

        Map<String, String> reply = Commenter.form(post.id(), "Mei", "mei@example.org", "Second.");
        reply.put("parent", Long.toString(parent));
        assertEquals(303, new Commenter(blog).send(reply).status());

        Element nested = page().selectFirst("#comment-" + parent + " > ol.comment-list--replies > li.comment");
        assertNotNull(nested);
        assertEquals("Mei", nested.selectFirst(".comment__author").text());
    }

    @Test
    void replies_stop_nesting_at_the_configured_depth() {
        Commenter reader = new Commenter(blog);
        Long parent = null;
        for (int i = 0; i < 7; i++) {
            blog.clock.advance(Duration.ofMinutes(1));
            Map<String, String> f = Commenter.form(post.id(), "R" + i, "r" + i + "@example.org", "Level " + i);
            if (parent != null) f.put("parent", Long.toString(parent));
            assertEquals(303, reader.send(f).status());
            parent = blog.app.comments().approved(post.id()).getLast().id();
        }
        Document page = page();
        int deepest = page.select("li.comment").stream().mapToInt(CommentFormTest::level).max().orElse(0);
        assertEquals(4, deepest, "five levels: the top and four of replies");
        assertEquals(0, page.select("li.comment").stream().filter(li -> level(li) == 4)
                .filter(li -> li.selectFirst(".comment__reply") != null).count(), "no Reply link on the deepest level");
        assertEquals(7, page.select("li.comment").size(), "the replies past the depth are still shown");
    }

    @Test
    void missing_fields_come_back_with_messages_and_everything_typed() {
        Map<String, String> f = Commenter.form(post.id(), "", "not-an-email", "My careful thoughts.");
        f.put("url", "javascript:alert(1)");
        TestBlog.Response r = new Commenter(blog).send(f);

        assertEquals(422, r.status());
        Document page = Jsoup.parse(r.text());
        assertEquals("My careful thoughts.", page.selectFirst("#comment-body").text());
        assertEquals("not-an-email", page.selectFirst("#comment-email").val());
        assertTrue(page.selectFirst("#name-error").text().contains("Please give a name"));
        assertTrue(page.selectFirst("#email-error").text().contains("does not look like an email"));
        assertTrue(page.selectFirst("#url-error").text().contains("does not look like a web address"));
        assertTrue(blog.app.comments().approved(post.id()).isEmpty());
    }

    @Test
    void a_hundred_kilobyte_comment_is_refused_and_kept() {
        String huge = "word ".repeat(20_480);
        TestBlog.Response r = new Commenter(blog).comment(post.id(), "Kenji", "kenji@example.org", huge);

        assertEquals(422, r.status());
        Document page = Jsoup.parse(r.text());
        assertTrue(page.selectFirst("#body-error").text().contains("the limit is 10,000"), page.selectFirst("#body-error").text());
        assertEquals(huge.strip(), page.selectFirst("#comment-body").wholeText().strip());
    }

    @Test
    void a_reply_to_an_unknown_comment_is_refused_with_the_text_kept() {
        Map<String, String> f = Commenter.form(post.id(), "Kenji", "kenji@example.org", "Replying to nothing");
        f.put("parent", "987654");
        TestBlog.Response r = new Commenter(blog).send(f);

        assertEquals(422, r.status());
        Document page = Jsoup.parse(r.text());
        assertTrue(page.selectFirst(".form-error").text().contains("not there any more"));
        assertEquals("Replying to nothing", page.selectFirst("#comment-body").text());
    }

    @Test
    void a_post_with_comments_closed_has_no_form_and_refuses_a_sent_one() {
        blog.app.posts().update(post.id(), new PostDraft(dev.kioku.content.Kind.POST, "On rain", "on-rain", "It rains.", post.authorId(), List.of(), null, false, null));

        assertNull(page().selectFirst("form.comment-form"));
        assertEquals("Comments are closed.", page().selectFirst(".comments__closed").text());
        TestBlog.Response r = new Commenter(blog).comment(post.id(), "Kenji", "kenji@example.org", "Let me in");
        assertEquals(422, r.status());
        assertTrue(Jsoup.parse(r.text()).text().contains("Comments are closed on this post."));
    }

    @Test
    void comments_close_by_themselves_after_the_configured_days() {
        DiscussionSettings d = blog.app.comments().settings();
        blog.app.comments().saveSettings(new DiscussionSettings(d.moderation(), 14, d.threadDepth(), d.perPage(), d.maxLinks(),
                d.blockedWords(), d.blockedEmails(), d.blockedIps(), d.gravatar(), d.notifyAuthor(), "", null));
        assertNotNull(page().selectFirst("form.comment-form"));

        blog.clock.advance(Duration.ofDays(15));
        assertEquals(1, blog.app.comments().closeByAge(), "the job redraws the page of the post that closed");

        assertNull(page().selectFirst("form.comment-form"));
        assertEquals(422, new Commenter(blog).comment(post.id(), "Kenji", "kenji@example.org", "Late").status());
    }

    @Test
    void a_form_sent_from_another_site_is_forbidden() {
        Commenter reader = new Commenter(blog);
        Map<String, String> f = Commenter.form(post.id(), "Kenji", "kenji@example.org", "Forged");
        f.put("ft", reader.token());
        blog.clock.advance(Duration.ofSeconds(5));

        assertEquals(403, reader.post("/comments/", f, "https://evil.example").status());
        assertEquals(403, reader.post("/comments/", f, "null").status(), "a sandboxed page says its origin is null");
        assertTrue(blog.app.comments().approved(post.id()).isEmpty());
        assertEquals(303, reader.post("/comments/", f, blog.base()).status());
    }

    @Test
    void remembered_details_are_kept_in_a_cookie_only_when_asked() {
        Commenter reader = new Commenter(blog);
        reader.comment(post.id(), "Kenji", "kenji@example.org", "One");
        assertTrue(reader.cookie("kioku_comment_author") == null || reader.cookie("kioku_comment_author").isEmpty());

        blog.clock.advance(Duration.ofMinutes(1));
        reader.send(with(Map.of("remember", "yes"), Commenter.form(post.id(), "Kenji", "kenji@example.org", "Two")));
        String saved = new String(java.util.Base64.getUrlDecoder().decode(reader.cookie("kioku_comment_author")));
        assertTrue(saved.contains("\"name\":\"Kenji\"") && saved.contains("kenji@example.org"), saved);
        assertNotNull(reader.cookie("kioku_commenter"));
    }

    @Test
    void comments_past_one_page_continue_on_numbered_pages_and_comment_links_find_them() {
        DiscussionSettings d = blog.app.comments().settings();
        blog.app.comments().saveSettings(new DiscussionSettings(d.moderation(), 0, d.threadDepth(), 10, 100,
                List.of(), List.of(), List.of(), true, true, "", null));
        for (int i = 0; i < 12; i++) {
            blog.clock.advance(Duration.ofMinutes(1));
            new Commenter(blog).comment(post.id(), "Reader " + i, "r" + i + "@example.org", "Comment number " + i);
        }
        Document first = page();
        assertEquals("12 Comments", first.selectFirst("#comments-title").text());
        assertEquals(10, first.select("#comments > ol.comment-list > li").size());
        String more = first.selectFirst(".comments__pages a[rel=next]").attr("href");
        assertEquals("/comments/" + post.id() + "/page/2/", more);
        Document second = blog.page(more);
        assertEquals(2, second.select("ol.comment-list > li").size());

        long last = blog.app.comments().approved(post.id()).getLast().id();
        TestBlog.Response link = blog.get("/comments/" + last + "/");
        assertEquals(302, link.status());
        assertEquals(more + "#comment-" + last, link.header("Location"));
    }

    private static int level(Element li) {
        return (int) li.parents().stream().filter(e -> e.is("li.comment")).count();
    }

    private static Map<String, String> with(Map<String, String> extra, Map<String, String> form) {
        form.putAll(extra);
        return form;
    }
}
