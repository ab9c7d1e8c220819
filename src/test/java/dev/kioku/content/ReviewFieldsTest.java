package dev.kioku.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Role;
import dev.kioku.db.Engine;
import dev.kioku.testing.AdminClient;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The editor's Review section over HTTP: saved with the post, shown on it, refused with a message when wrong. */
@ParameterizedClass
@EnumSource(Engine.class)
class ReviewFieldsTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    AdminClient ann;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        ann = blog.signIn("Ann Author", Role.AUTHOR);
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    @Test
    void review_fields_are_saved_with_the_post_shown_back_in_the_editor_and_on_the_published_post() {
        Document blank = ann.page("/admin/posts/new/");
        assertNull(blank.selectFirst("details.review-panel").attribute("open"), "the Review section starts closed");

        TestBlog.Response saved = ann.submit(blank, "#editor", "action=save", "title", "On the Ghibli Museum",
                "body", "A small museum.", "reviewTitle", "Ghibli Museum", "reviewKind", "Place",
                "reviewUrl", "https://www.ghibli-museum.jp/en/", "reviewRating", "5");

        long id = AdminEditorTest.idFrom(saved);
        Post p = blog.app.posts().get(id);
        assertEquals(new Post.Review("Ghibli Museum", null, null, ReviewKind.PLACE, "https://www.ghibli-museum.jp/en/", 5), p.review());
        Document edit = ann.page("/admin/posts/" + id + "/");
        assertNotNull(edit.selectFirst("details.review-panel").attribute("open"), "open when it holds a review");
        assertEquals("Place", edit.selectFirst("#reviewKind option[selected]").val());
        assertEquals("5", edit.selectFirst("#reviewRating").val());
        assertEquals("https://www.ghibli-museum.jp/en/", edit.selectFirst("#reviewUrl").val());

        blog.app.posts().publish(id, TestBlog.START.minus(Duration.ofHours(1)));
        Document post = blog.page("/2026/11/20/on-the-ghibli-museum/");
        assertEquals("Review of Ghibli Museum ★★★★★", post.selectFirst(".review-of").text());
        assertTrue(post.selectFirst("script[type=application/ld+json]").data().contains("\"itemReviewed\":{\"@type\":\"Place\""));

        TestBlog.Response cleared = ann.submit(ann.page("/admin/posts/" + id + "/"), "#editor", "action=save",
                "reviewTitle", "", "reviewKind", "", "reviewUrl", "", "reviewRating", "");
        assertEquals(303, cleared.status(), cleared::text);
        assertNull(blog.app.posts().get(id).review());
        assertNull(blog.page("/2026/11/20/on-the-ghibli-museum/").selectFirst(".review-of"), "the cached page was dropped");
    }

    @Test
    void a_rating_out_of_range_an_unknown_kind_a_bad_address_or_a_rating_without_an_item_is_refused_and_kept() {
        TestBlog.Response r = ann.submit(ann.page("/admin/posts/new/"), "#editor", "action=save", "title", "Stars",
                "body", "Words.", "reviewTitle", "", "reviewKind", "Spaceship", "reviewUrl", "javascript:alert(1)", "reviewRating", "7");

        assertEquals(422, r.status());
        Document page = Jsoup.parse(r.text());
        assertEquals("Rate it with 1 to 5 whole stars, or leave the rating empty.", page.selectFirst("#reviewRating-error").text());
        assertEquals("Choose a kind of work from the list.", page.selectFirst("#reviewKind-error").text());
        assertEquals("Write the full address, starting with https:// (or leave it empty).", page.selectFirst("#reviewUrl-error").text());
        assertEquals("Name the work this post reviews, or clear the other review fields.", page.selectFirst("#reviewTitle-error").text());
        assertEquals("7", page.selectFirst("#reviewRating").val());
        assertEquals("Spaceship", page.selectFirst("#reviewKind option[selected]").val());
        assertEquals("javascript:alert(1)", page.selectFirst("#reviewUrl").val());
        assertNotNull(page.selectFirst("details.review-panel").attribute("open"), "the section with the errors is open");
        assertEquals(0, blog.app.posts().adminList(Kind.POST, null, null, null, 0, 10).total(), "nothing was saved");

        TestBlog.Response half = ann.submit(ann.page("/admin/posts/new/"), "#editor", "action=save", "title", "Half",
                "body", "Words.", "reviewTitle", "A book", "reviewRating", "4.5");
        assertEquals(422, half.status());
        assertEquals("4.5", Jsoup.parse(half.text()).selectFirst("#reviewRating").val());
    }

    @Test
    void the_database_refuses_a_kind_or_rating_outside_the_closed_sets() {
        long id = blog.app.posts().create(PostDraft.post("Direct", "x", blog.author("Ren").id(), java.util.List.of())).id();
        var jdbi = blog.app.database().jdbi();

        for (String bad : new String[] {"update posts set review_kind = 'Spaceship' where id = ?",
                "update posts set review_rating = 6 where id = ?", "update posts set review_rating = 0 where id = ?"}) {
            try {
                jdbi.useHandle(h -> h.execute(bad, id));
                throw new AssertionError("accepted: " + bad);
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException expected) {
                // the CHECK constraint said no
            }
        }
        jdbi.useHandle(h -> h.execute("update posts set review_title = 'Ok', review_kind = 'VideoGame', review_rating = 3 where id = ?", id));
        assertEquals(new Post.Review("Ok", null, null, ReviewKind.VIDEO_GAME, null, 3), blog.app.posts().get(id).review());
    }
}
