package dev.kioku.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Role;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.testing.AdminSession;
import dev.kioku.testing.Commenter;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
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
 * The moderation queue over HTTP as editors and authors use it, on SQLite and PostgreSQL: held comments wait
 * in Pending with the reason, each action moves them and the public post page follows on the next request.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class CommentModerationTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    AdminSession editor;
    Post post;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        editor = AdminSession.as(blog, Role.EDITOR, "Emi Editor");
        post = published("On rain", blog.author("Aiko Mori").id());
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private Post published(String title, long authorId) {
        Post draft = blog.app.posts().create(PostDraft.post(title, "It rains.", authorId, List.of()));
        return blog.app.posts().publish(draft.id(), TestBlog.START.minus(Duration.ofHours(2)));
    }

    /** A reader's comment through the public form; a minute later, so the rate limit never interferes. */
    private Comment comment(Post on, String name, String email, String body) {
        TestBlog.Response r = new Commenter(blog).comment(on.id(), name, email, body);
        assertEquals(303, r.status(), r.text());
        blog.clock.advance(Duration.ofMinutes(1));
        String id = r.header("Location").replaceAll(".*#comment-(\\d+)$", "$1");
        return blog.app.comments().find(Long.parseLong(id)).orElseThrow();
    }

    private CommentStatus status(Comment c) {
        return blog.app.comments().find(c.id()).orElseThrow().status();
    }

    private String publicPage(Post p) {
        return blog.page(blog.app.site().settings().permalink(p)).text();
    }

    private static String seeOther(TestBlog.Response r) {
        assertEquals(303, r.status(), r.text());
        return r.header("Location");
    }

    private static Element row(Document queue, Comment c) {
        Element row = queue.getElementById("comment-" + c.id());
        assertNotNull(row, "comment " + c.id() + " is in the queue");
        return row;
    }

    @Test
    void a_held_comment_waits_in_pending_with_its_reason_and_readers_do_not_see_it() {
        Comment c = comment(post, "Kenji Sato", "kenji@example.org", "First time here.");

        Document queue = editor.page("/admin/comments/");
        Element row = row(queue, c);
        assertEquals("Pending 1", queue.selectFirst(".tabs a[aria-current=page]").text());
        assertTrue(row.text().contains("Kenji Sato"));
        assertEquals("mailto:kenji@example.org", row.selectFirst("a[href^=mailto:]").attr("href"));
        assertTrue(row.selectFirst(".comment-who__ip").text().matches("[0-9a-f.:]+"), "the address is shown");
        assertEquals("Held: first comment from this name and email", row.selectFirst(".comment-note").text());
        assertEquals("On rain", row.selectFirst(".comments-table__post a").text());
        assertFalse(publicPage(post).contains("First time here."));
    }

    @Test
    void approving_puts_the_comment_on_the_cached_post_page_at_once() {
        Comment c = comment(post, "Kenji Sato", "kenji@example.org", "First time here.");
        assertFalse(publicPage(post).contains("First time here."), "the page is cached without it");

        Document queue = editor.page("/admin/comments/");
        String back = seeOther(editor.post("/admin/comments/", "id", Long.toString(c.id()), "action", "approve",
                "status", "pending", "page", "1"));

        assertEquals("/admin/comments/?done=approve&count=1", back);
        assertEquals("1 comment approved.", editor.page(back).selectFirst(".notice").text());
        assertEquals(CommentStatus.APPROVED, status(c));
        assertTrue(publicPage(post).contains("First time here."));
        Element approved = row(editor.page("/admin/comments/?status=approved"), c);
        assertEquals("/comments/" + c.id() + "/", approved.selectFirst(".comments-table__post a").attr("href"));
        assertNotNull(queue.selectFirst("#comment-" + c.id() + " button[value=approve]"), "the row offered Approve");
    }

    @Test
    void spam_not_spam_trash_restore_and_delete_permanently_each_move_the_comment() {
        Comment c = comment(post, "Kenji Sato", "kenji@example.org", "Maybe spam.");
        String id = Long.toString(c.id());

        seeOther(editor.post("/admin/comments/" + id + "/", "action", "spam"));
        assertEquals(CommentStatus.SPAM, status(c));
        Document spam = editor.page("/admin/comments/?status=spam");
        assertNotNull(row(spam, c).selectFirst("button[value=delete][data-confirm]"), "Spam offers Delete permanently");
        assertEquals("Spam 1", spam.selectFirst(".tabs a[aria-current=page]").text());

        seeOther(editor.post("/admin/comments/", "id", id, "action", "not-spam", "status", "spam"));
        assertEquals(CommentStatus.PENDING, status(c));
        assertEquals("/admin/comments/?done=delete&count=0", seeOther(editor.post("/admin/comments/", "id", id, "action", "delete")));
        assertEquals(CommentStatus.PENDING, status(c), "a pending comment is never deleted for good");

        seeOther(editor.post("/admin/comments/", "id", id, "action", "trash"));
        assertEquals(CommentStatus.TRASH, status(c));
        seeOther(editor.post("/admin/comments/", "id", id, "action", "restore", "status", "trash"));
        assertEquals(CommentStatus.PENDING, status(c));
        seeOther(editor.post("/admin/comments/", "id", id, "action", "trash"));

        String back = seeOther(editor.post("/admin/comments/" + id + "/", "action", "delete"));
        assertEquals("/admin/comments/?status=trash&done=delete&count=1", back);
        assertTrue(blog.app.comments().find(c.id()).isEmpty());
        assertEquals("1 comment deleted permanently.", editor.page(back).selectFirst(".notice").text());
    }

    @Test
    void bulk_approve_moves_every_checked_comment_and_says_how_many() {
        Comment a = comment(post, "Ann", "ann@example.org", "One.");
        Comment b = comment(post, "Ben", "ben@example.org", "Two.");
        Comment c = comment(post, "Cho", "cho@example.org", "Three.");
        assertNotNull(editor.page("/admin/comments/").selectFirst("form#bulk option[value=approve]"));

        String back = seeOther(editor.post("/admin/comments/", "action", "approve", "status", "pending", "page", "1",
                "id", Long.toString(a.id()), "id", Long.toString(b.id()), "id", Long.toString(c.id())));

        Document after = editor.page(back);
        assertEquals("3 comments approved.", after.selectFirst(".notice").text());
        assertEquals(List.of("Pending 0", "Approved 3", "Spam 0", "Trash 0"), after.select(".tabs a").eachText());
        String page = publicPage(post);
        assertTrue(page.contains("One.") && page.contains("Two.") && page.contains("Three."));
        assertEquals("Nothing was changed: choose an action and at least one comment.",
                editor.page(seeOther(editor.post("/admin/comments/", "action", "trash"))).selectFirst(".notice").text());
    }

    @Test
    void the_queue_pages_fifty_at_a_time() {
        for (int i = 1; i <= 53; i++) {
            blog.app.comments().submit(new Submission(post.id(), null, "Comment number " + i, "Reader " + i,
                    "reader" + i + "@example.org", null, false, false, null, null, "198.51.100." + i, "test", null, null));
        }

        Document first = editor.page("/admin/comments/");
        assertEquals(50, first.select(".comments-table tbody tr").size());
        assertEquals("1–50 of 53", first.selectFirst(".pager .muted").text());
        String older = first.selectFirst(".pager a[rel=next]").attr("href");
        assertEquals("/admin/comments/?page=2", older);
        Document second = editor.page(older);
        assertEquals(3, second.select(".comments-table tbody tr").size());
        assertTrue(second.text().contains("Comment number 1"), "oldest last");
        assertNull(second.selectFirst(".pager a[rel=next]"));
    }

    @Test
    void an_edit_with_a_bad_email_is_refused_with_what_was_typed_and_a_good_one_is_saved() {
        Comment c = comment(post, "Kenji Sato", "kenji@example.org", "Teh typo.");

        TestBlog.Response refused = editor.post("/admin/comments/" + c.id() + "/edit/", "name", "Kenji S.", "email", "not an email",
                "url", "kenji.example", "body", "The typo, fixed.");

        assertEquals(422, refused.status());
        Document form = editor.parse(refused);
        assertEquals("not an email", form.getElementById("edit-email").val());
        assertEquals("Kenji S.", form.getElementById("edit-name").val());
        assertEquals("The typo, fixed.", form.getElementById("edit-body").text());
        assertEquals("email-error", form.getElementById("edit-email").attr("aria-describedby"));
        assertNotNull(form.getElementById("email-error"));
        assertEquals("Teh typo.", blog.app.comments().find(c.id()).orElseThrow().bodyMd(), "nothing saved");

        seeOther(editor.post("/admin/comments/" + c.id() + "/edit/", "name", "Kenji S.", "email", "kenji@example.org",
                "url", "kenji.example", "body", "The typo, fixed."));
        Comment edited = blog.app.comments().find(c.id()).orElseThrow();
        assertEquals("The typo, fixed.", edited.bodyMd());
        assertEquals("https://kenji.example", edited.authorUrl());
    }

    @Test
    void the_post_authors_reply_is_published_nested_with_an_author_badge_and_approves_the_comment() {
        AdminSession aiko = AdminSession.as(blog, Role.AUTHOR, "Aiko Writer");
        Post own = published("On snow", aiko.userId);
        Comment question = comment(own, "Kenji Sato", "kenji@example.org", "Is it cold?");

        seeOther(aiko.post("/admin/comments/" + question.id() + "/reply/", "reply", "Very cold."));

        assertEquals(CommentStatus.APPROVED, status(question));
        Document page = blog.page(blog.app.site().settings().permalink(own));
        Element reply = page.selectFirst("#comment-" + question.id() + " .comment-list--replies .comment");
        assertNotNull(reply, "the reply is nested under the question");
        assertTrue(reply.text().contains("Very cold."));
        assertEquals("Author", reply.selectFirst(".comment__badge").text());

        TestBlog.Response empty = aiko.post("/admin/comments/" + question.id() + "/reply/", "reply", "  ");
        assertEquals(422, empty.status());
        assertNotNull(aiko.parse(empty).getElementById("reply-error"));
    }

    @Test
    void an_author_moderates_comments_on_their_own_posts_and_cannot_touch_anyone_elses() {
        AdminSession aiko = AdminSession.as(blog, Role.AUTHOR, "Aiko Writer");
        Post own = published("On snow", aiko.userId);
        Comment mine = comment(own, "Kenji Sato", "kenji@example.org", "On your post.");
        Comment theirs = comment(post, "Mari Ito", "mari@example.org", "On someone else's post.");

        Document queue = aiko.page("/admin/comments/");
        assertNotNull(queue.getElementById("comment-" + mine.id()));
        assertNull(queue.getElementById("comment-" + theirs.id()));
        assertEquals("Pending 1", queue.selectFirst(".tabs a[aria-current=page]").text());

        assertEquals("/admin/comments/?done=approve&count=1", seeOther(aiko.post("/admin/comments/", "action", "approve",
                "id", Long.toString(mine.id()), "id", Long.toString(theirs.id()))));
        assertEquals(CommentStatus.APPROVED, status(mine));
        assertEquals(CommentStatus.PENDING, status(theirs));
        assertEquals(404, aiko.get("/admin/comments/" + theirs.id() + "/").status());
        assertEquals(404, aiko.post("/admin/comments/" + theirs.id() + "/", "action", "spam").status());
        assertEquals(404, aiko.post("/admin/comments/" + theirs.id() + "/edit/", "name", "X", "email", "x@example.org", "body", "X").status());
        assertEquals(CommentStatus.PENDING, status(theirs));
        assertEquals("Mari Ito", blog.app.comments().find(theirs.id()).orElseThrow().authorName());
    }

    @Test
    void contributors_are_turned_away_and_see_no_comments_link() {
        AdminSession carol = AdminSession.as(blog, Role.CONTRIBUTOR, "Carol Contributor");
        Comment c = comment(post, "Kenji Sato", "kenji@example.org", "Hello.");

        assertEquals(403, carol.get("/admin/comments/").status());
        assertEquals(403, carol.get("/admin/comments/" + c.id() + "/").status());
        assertEquals(403, carol.post("/admin/comments/", "action", "approve", "id", Long.toString(c.id())).status());
        assertEquals(CommentStatus.PENDING, status(c));
        assertNull(carol.page("/admin/").selectFirst(".sidebar a[href=/admin/comments/]"));
        assertNotNull(editor.page("/admin/").selectFirst(".sidebar a[href=/admin/comments/]"));
    }

    @Test
    void an_emails_approve_link_shows_the_comment_with_that_button_and_changes_nothing() {
        Comment c = comment(post, "Kenji Sato", "kenji@example.org", "Hello.");

        Document page = editor.page("/admin/comments/" + c.id() + "/?action=spam");

        assertEquals(CommentStatus.PENDING, status(c));
        Element spam = page.selectFirst(".comment-card__actions button[value=spam]");
        assertEquals("button button--small", spam.className(), "the button asked for stands out");
        assertTrue(page.selectFirst(".comment-card__actions button[value=approve]").hasClass("button--quiet"));
        assertTrue(page.selectFirst(".comment-card__confirm").text().contains("Spam"));
        seeOther(editor.post("/admin/comments/" + c.id() + "/", "action", "spam"));
        assertEquals(CommentStatus.SPAM, status(c));
        assertTrue(editor.page("/admin/comments/" + c.id() + "/?action=spam").selectFirst(".notice").text().contains("spam already"));
    }

    @Test
    void deleting_a_spam_comment_for_good_keeps_its_public_replies_and_redraws_the_page() {
        var aiko = blog.app.authors().staff(post.authorId()).orElseThrow();
        Comment parent = comment(post, "Kenji", "kenji@example.org", "Soon to be spam");
        blog.app.comments().moderate(aiko, List.of(parent.id()), CommentStatus.APPROVED);
        Comment reply = blog.app.comments().reply(aiko, parent.id(), "A reply that stays");
        blog.app.comments().moderate(aiko, List.of(parent.id()), CommentStatus.SPAM);
        assertTrue(publicPage(post).contains("A reply that stays"));

        assertEquals(1, blog.app.comments().deleteForever(aiko, List.of(parent.id())));

        assertEquals(CommentStatus.APPROVED, status(reply));
        assertNull(blog.app.comments().find(reply.id()).orElseThrow().parentId());
        String page = publicPage(post);
        assertTrue(page.contains("A reply that stays"), page);
        assertTrue(page.contains("1 Comment"), page);
    }
}
