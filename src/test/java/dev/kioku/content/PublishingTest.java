package dev.kioku.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.App;
import dev.kioku.authors.Role;
import dev.kioku.db.Engine;
import dev.kioku.site.SiteSettings;
import dev.kioku.testing.AdminClient;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Publish now, schedule (in the site's zone, published by the scheduled job), unpublish: over HTTP on both engines. */
@ParameterizedClass
@EnumSource(Engine.class)
class PublishingTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    AdminClient ann;
    long id;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        ann = blog.signIn("Ann Author", Role.AUTHOR);
        long annId = blog.app.authors().allStaff().get(0).id();
        id = blog.app.posts().create(PostDraft.post("Spring tea", "First flush.", annId, List.of("tea"))).id();
    }

    @AfterEach
    void stop() {
        if (blog != null) blog.close();
    }

    private Document editor() {
        return ann.page("/admin/posts/" + id + "/");
    }

    @Test
    void publish_makes_the_post_public_at_once_even_on_pages_already_cached() {
        assertFalse(blog.page("/").text().contains("Spring tea"), "the home page is now in the page cache");

        TestBlog.Response r = ann.submit(editor(), "#editor", "action=publish", "body", "First flush, *fresh*.");

        assertEquals("/admin/posts/" + id + "/?notice=published", r.header("Location"));
        assertEquals(Status.PUBLISHED, blog.app.posts().get(id).status());
        assertTrue(blog.page("/").select(".card__title").eachText().contains("Spring tea"));
        assertEquals("First flush, fresh.", blog.page("/2026/11/20/spring-tea/").selectFirst(".prose p").text());
        Document after = ann.page("/admin/posts/" + id + "/?notice=published");
        assertEquals("Published. It is live on your site.", after.selectFirst(".notice").text());
        assertEquals("/2026/11/20/spring-tea/", after.selectFirst("a:contains(View on your site)").attr("href"));
        assertFalse(after.select("button[value=unpublish]").isEmpty());
    }

    @Test
    void a_scheduled_post_stays_private_until_the_clock_passes_its_time_in_the_sites_zone() {
        var s = blog.app.site().settings();
        blog.app.site().update(new SiteSettings(s.title(), s.tagline(), s.language(), ZoneId.of("Asia/Tokyo"), s.postsPerPage(), s.footerText(), s.accentColor(), s.logoMediaId(), s.permalinks()));
        blog.page("/");

        // the clock says 2026-11-20 10:00 UTC, 19:00 in Tokyo; 21:30 Tokyo time is 12:30 UTC
        TestBlog.Response r = ann.submit(editor(), "#editor", "action=schedule", "publishAt", "2026-11-20T21:30");

        assertEquals("/admin/posts/" + id + "/?notice=scheduled", r.header("Location"));
        Post scheduled = blog.app.posts().get(id);
        assertEquals(Status.SCHEDULED, scheduled.status());
        assertEquals(Instant.parse("2026-11-20T12:30:00Z"), scheduled.publishedAt());
        Document page = editor();
        assertTrue(page.selectFirst(".editor-bar__when").text().startsWith("Scheduled for Nov 20, 2026, 9:30"), page.selectFirst(".editor-bar__when").text());
        assertEquals("2026-11-20T21:30", page.selectFirst("#publishAt").val());
        assertEquals("Asia/Tokyo", page.selectFirst("label[for=publishAt] .muted").text().replaceAll("[()]", ""));
        assertEquals(404, blog.get("/2026/11/20/spring-tea/").status());

        blog.clock.advance(Duration.ofHours(2));
        assertEquals(List.of(), blog.app.publisher().publishDue(), "not yet at 12:00");
        assertEquals(404, blog.get("/2026/11/20/spring-tea/").status());

        blog.clock.advance(Duration.ofMinutes(31));
        List<Post> published = blog.app.publisher().publishDue();

        assertEquals(List.of(id), published.stream().map(Post::id).toList());
        assertEquals(Status.PUBLISHED, blog.app.posts().get(id).status());
        assertEquals(Instant.parse("2026-11-20T12:30:00Z"), blog.app.posts().get(id).publishedAt());
        assertEquals(200, blog.get("/2026/11/20/spring-tea/").status());
        assertTrue(blog.page("/").select(".card__title").eachText().contains("Spring tea"));
        assertEquals(List.of(), blog.app.publisher().publishDue(), "published once");
    }

    @Test
    void a_schedule_in_the_past_or_unreadable_is_refused_with_the_text_kept() {
        TestBlog.Response past = ann.submit(editor(), "#editor", "action=schedule", "publishAt", "2026-11-20T09:00", "body", "Kept.");

        assertEquals(422, past.status());
        Document page = Jsoup.parse(past.text());
        assertEquals("That time has passed. Choose a later one, or use Publish now.", page.selectFirst("#publishAt-error").text());
        assertEquals("Kept.", page.selectFirst("#body").wholeText());
        assertEquals(422, ann.submit(editor(), "#editor", "action=schedule", "publishAt", "").status());
        assertEquals(422, ann.submit(editor(), "#editor", "action=schedule", "publishAt", "next tuesday").status());
        assertEquals(Status.DRAFT, blog.app.posts().get(id).status());
    }

    @Test
    void unpublishing_takes_the_post_off_the_site_and_makes_it_a_draft() {
        ann.submit(editor(), "#editor", "action=publish");
        assertEquals(200, blog.get("/2026/11/20/spring-tea/").status());

        TestBlog.Response r = ann.submit(editor(), "#editor", "action=unpublish");

        assertEquals("/admin/posts/" + id + "/?notice=unpublished", r.header("Location"));
        assertEquals(Status.DRAFT, blog.app.posts().get(id).status());
        assertEquals(404, blog.get("/2026/11/20/spring-tea/").status());
        assertFalse(blog.page("/").text().contains("Spring tea"));
    }

    @Test
    void a_post_that_came_due_while_the_blog_was_down_is_published_at_start_up() throws InterruptedException {
        blog.app.posts().publish(id, TestBlog.START.plus(Duration.ofHours(1)));
        var config = blog.app.config();
        blog.close();
        blog.clock.advance(Duration.ofHours(3));

        try (App restarted = new App(config, blog.clock)) {
            restarted.start();
            assertEquals(Status.PUBLISHED, restarted.posts().get(id).status());
            // the jobs start on a thread of their own once the blog listens
            assertEquals(1, registeredPublishingTasks(restarted), "the every-minute task is registered with db-scheduler");
        } finally {
            blog = null;
        }
    }

    /** Rows of the publishing task in db-scheduler's table, waiting up to 30 s for the first. */
    private static int registeredPublishingTasks(App app) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            int rows = app.database().jdbi().withHandle(h -> h.createQuery(
                    "select count(*) from scheduled_tasks where task_name = 'publish-scheduled-posts'").mapTo(Integer.class).one());
            if (rows > 0 || System.nanoTime() > deadline) return rows;
            Thread.sleep(50);
        }
    }

    @Test
    void a_contributor_cannot_publish_schedule_or_unpublish() {
        AdminClient cy = blog.signIn("Cy Contributor", Role.CONTRIBUTOR);
        long cyId = blog.app.authors().allStaff().stream().filter(st -> st.role() == Role.CONTRIBUTOR).findFirst().orElseThrow().id();
        long draft = blog.app.posts().create(PostDraft.post("Cy's", "x", cyId, List.of())).id();
        Document form = cy.page("/admin/posts/" + draft + "/");
        assertTrue(form.select("button[value=publish], button[value=schedule], #publishAt").isEmpty());

        for (String action : List.of("publish", "schedule", "unpublish")) {
            TestBlog.Response r = cy.submit(form, "#editor", "action=" + action, "publishAt", "2026-12-01T09:00");
            assertEquals(403, r.status(), action);
        }
        assertEquals(Status.DRAFT, blog.app.posts().get(draft).status());
    }
}
