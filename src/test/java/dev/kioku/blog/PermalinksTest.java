package dev.kioku.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Author;
import dev.kioku.authors.Role;
import dev.kioku.content.PermalinkStyle;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.testing.AdminSession;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The permalink style setting over HTTP, on SQLite and PostgreSQL: one address served, the others sent on to it. */
@ParameterizedClass
@EnumSource(Engine.class)
class PermalinksTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Author aiko;
    Post post;
    Map<PermalinkStyle, String> addresses;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        aiko = blog.author("Aiko Mori");
        post = published("Sample post");
        addresses = Map.of(PermalinkStyle.DAY_AND_NAME, "/2026/11/20/sample-post/",
                PermalinkStyle.MONTH_AND_NAME, "/2026/11/sample-post/",
                PermalinkStyle.NUMERIC, "/archives/" + post.id() + "/",
                PermalinkStyle.POST_NAME, "/sample-post/");
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private Post published(String title) {
        Post p = blog.app.posts().create(PostDraft.post(title, "Some words.", aiko.id(), List.of("notes")));
        return blog.app.posts().publish(p.id(), TestBlog.START.minus(Duration.ofHours(1)));
    }

    private void use(PermalinkStyle style) {
        blog.app.site().update(blog.app.site().settings().withPermalinks(style));
    }

    @Test
    void each_style_serves_the_post_at_its_own_address_and_the_others_answer_301_to_it() {
        for (PermalinkStyle style : PermalinkStyle.values()) {
            use(style);
            String own = addresses.get(style);

            Document page = blog.page(own);
            assertEquals("Sample post", page.selectFirst("h1").text(), style.label());
            assertEquals(blog.app.site().site().absolute(own), page.selectFirst("link[rel=canonical]").attr("href"), style.label());
            assertEquals(own, blog.page("/").selectFirst(".card__title a").attr("href"), style.label());
            for (String other : addresses.values()) {
                if (other.equals(own)) continue;
                TestBlog.Response moved = blog.get(other);
                assertEquals(301, moved.status(), style.label() + ": " + other);
                assertEquals(own, moved.header("Location"), style.label() + ": " + other);
            }
        }
    }

    @Test
    void pages_archives_and_neighbour_links_keep_working_in_every_style() {
        Post about = blog.app.posts().create(PostDraft.page("About", "Who writes here.", aiko.id()));
        blog.app.posts().publish(about.id(), null);
        blog.clock.advance(Duration.ofMinutes(1));
        Post newer = published("Newer post");

        for (PermalinkStyle style : PermalinkStyle.values()) {
            use(style);
            assertEquals("About", blog.page("/about/").selectFirst("h1").text(), style.label());
            for (String archive : List.of("/2026/", "/2026/11/", "/2026/11/20/")) {
                assertEquals(2, blog.page(archive).select(".card__title").size(), style.label() + " " + archive);
            }
            assertEquals(blog.app.site().settings().permalink(newer),
                    blog.page(addresses.get(style)).selectFirst("a[rel=next]").attr("href"), style.label());
        }
        assertEquals(404, blog.get("/archives/" + about.id() + "/").status(), "pages are not numbered");
        assertEquals(404, blog.get("/archives/0/").status());
        assertEquals(404, blog.get("/abcd/11/sample-post/").status(), "a month address has a year");
    }

    @Test
    void a_post_renamed_under_one_style_is_found_by_its_old_address_under_every_style() {
        blog.app.posts().update(post.id(), PostDraft.post("Sample post", "Some words.", aiko.id(), List.of()).withSlug("better-name"));

        for (PermalinkStyle style : PermalinkStyle.values()) {
            use(style);
            String now = blog.app.site().settings().permalink(blog.app.posts().get(post.id()));
            assertEquals(200, blog.get(now).status(), style.label());
            for (String old : List.of("/2026/11/20/sample-post/", "/2026/11/sample-post/", "/sample-post/")) {
                TestBlog.Response moved = blog.get(old);
                assertEquals(301, moved.status(), style.label() + ": " + old);
                assertEquals(now, moved.header("Location"), style.label() + ": " + old);
            }
        }
    }

    @Test
    void a_post_that_shares_its_slug_with_a_page_stays_at_its_dated_address_in_post_name_style() {
        Post about = blog.app.posts().create(PostDraft.page("About", "The page.", aiko.id()));
        blog.app.posts().publish(about.id(), null);
        // saved before slugs were shared by posts and pages
        blog.app.database().jdbi().useHandle(h -> h.execute("update posts set slug = 'about' where id = ?", post.id()));

        use(PermalinkStyle.POST_NAME);

        assertEquals("About", blog.page("/about/").selectFirst("h1").text(), "the page keeps /about/");
        Document dated = blog.page("/2026/11/20/about/");
        assertEquals("Sample post", dated.selectFirst("h1").text(), "served, not sent to the page");
        assertEquals(blog.app.site().site().absolute("/2026/11/20/about/"), dated.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("/2026/11/20/about/", blog.page("/").selectFirst(".card__title a").attr("href"));
        assertEquals("/2026/11/20/about/", blog.get("/archives/" + post.id() + "/").header("Location"));
    }

    @Test
    void the_owner_changes_the_style_in_settings_and_cached_pages_and_admin_links_follow_at_once() {
        AdminSession owner = AdminSession.as(blog, Role.OWNER, "Olive Owner");
        assertEquals(200, blog.get("/2026/11/20/sample-post/").status());
        assertEquals("/2026/11/20/sample-post/", blog.page("/").selectFirst(".card__title a").attr("href"));
        Document settings = owner.page("/admin/settings/");
        assertEquals("day-and-name", settings.selectFirst("input[name=permalinks][checked]").val());
        assertEquals(List.of("Day and name /2026/11/20/sample-post/", "Month and name /2026/11/sample-post/",
                "Numeric /archives/123/", "Post name /sample-post/"), settings.select("label:has(input[name=permalinks])").eachText());

        TestBlog.Response saved = owner.post("/admin/settings/", settingsForm(settings, "permalinks", "post-name"));

        assertEquals(303, saved.status(), saved.text());
        assertEquals(PermalinkStyle.POST_NAME, blog.app.site().settings().permalinks());
        assertEquals("/sample-post/", blog.page("/").selectFirst(".card__title a").attr("href"));
        assertEquals(301, blog.get("/2026/11/20/sample-post/").status(), "the cached page was dropped");
        assertEquals("/sample-post/", owner.page("/admin/posts/").selectFirst("a:contains(View on site)").attr("href"));
        assertEquals("post-name", owner.page("/admin/settings/").selectFirst("input[name=permalinks][checked]").val());
    }

    @Test
    void a_style_that_does_not_exist_is_refused_with_the_form_kept() {
        AdminSession owner = AdminSession.as(blog, Role.OWNER, "Olive Owner");
        Document settings = owner.page("/admin/settings/");

        TestBlog.Response refused = owner.post("/admin/settings/", settingsForm(settings, "permalinks", "plain", "title", "New title"));

        assertEquals(422, refused.status());
        Document form = owner.parse(refused);
        assertEquals("Choose one of the address styles in the list.", form.selectFirst("#permalinks-error").text());
        assertEquals("New title", form.selectFirst("#title").val());
        assertEquals(PermalinkStyle.DAY_AND_NAME, blog.app.site().settings().permalinks());
        assertTrue(form.select("input[name=permalinks][checked]").isEmpty(), "no style is shown chosen when the one sent is unknown");
    }

    /** The settings form's fields as the page shows them, with some changed. */
    private static String[] settingsForm(Document page, String... overrides) {
        Map<String, List<String>> fields = dev.kioku.testing.AdminClient.fields(page.selectFirst("form.settings"));
        fields.remove("_csrf");
        fields.put("logo", List.of("")); // fields() sends a checked radio without a value as "on"
        for (int i = 0; i < overrides.length; i += 2) fields.put(overrides[i], List.of(overrides[i + 1]));
        return fields.entrySet().stream().flatMap(e -> e.getValue().stream().flatMap(v -> java.util.stream.Stream.of(e.getKey(), v)))
                .toArray(String[]::new);
    }
}
