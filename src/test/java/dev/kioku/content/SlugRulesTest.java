package dev.kioku.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Role;
import dev.kioku.db.Engine;
import dev.kioku.testing.AdminClient;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Slugs over HTTP, on SQLite and PostgreSQL: posts and pages share them (both can live at {@code /slug/}), and
 * neither may take a name of the site's own or a number.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class SlugRulesTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    AdminClient eda;
    long edaId;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        eda = blog.signIn("Eda Editor", Role.EDITOR);
        edaId = blog.app.authors().allStaff().stream().filter(s -> s.email().equals("eda.editor@example.org")).findFirst().orElseThrow().id();
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private Document refused(String form, String... fields) {
        TestBlog.Response r = eda.submit(eda.page(form), "#editor", "action=save", fields);
        assertEquals(422, r.status(), r::text);
        return Jsoup.parse(r.text());
    }

    @Test
    void a_post_cannot_take_the_slug_of_a_page_nor_a_page_that_of_a_post() {
        blog.app.posts().create(PostDraft.page("About me", "", edaId));
        blog.app.posts().create(PostDraft.post("Tea notes", "", edaId, List.of()));

        Document post = refused("/admin/posts/new/", "title", "About", "slug", "about-me", "body", "Words I keep.");
        assertEquals("The address “about-me” is already used by the page “About me”.", post.selectFirst("#slug-error").text());
        assertEquals("about-me", post.selectFirst("#slug").val());
        assertEquals("Words I keep.", post.selectFirst("#body").wholeText());

        Document page = refused("/admin/pages/new/", "title", "Tea", "slug", "Tea notes");
        assertEquals("The address “tea-notes” is already used by the post “Tea notes”.", page.selectFirst("#slug-error").text());
        assertEquals("Tea notes", page.selectFirst("#slug").val());
        assertEquals(1, blog.app.posts().adminList(Kind.POST, null, null, null, 0, 10).total(), "no post was created");
        assertEquals(1, blog.app.posts().adminList(Kind.PAGE, null, null, null, 0, 10).total(), "no page was created");
    }

    @Test
    void names_of_the_site_and_numbers_are_refused_for_posts_and_pages_with_the_text_kept() {
        for (String form : List.of("/admin/posts/new/", "/admin/pages/new/")) {
            for (String name : List.of("feed", "wp-admin", "archives", "search", "avatars")) {
                Document f = refused(form, "title", "Mine", "slug", name, "body", "Kept.");
                assertEquals("The address “" + name + "” is used by the site itself (/" + name + "/).", f.selectFirst("#slug-error").text(), form);
                assertEquals(name, f.selectFirst("#slug").val());
                assertEquals("Kept.", f.selectFirst("#body").wholeText());
            }
            Document year = refused(form, "title", "Mine", "slug", "2026");
            assertEquals("The address “2026” cannot be only digits: such addresses are date archives (/2026/).",
                    year.selectFirst("#slug-error").text(), form);
        }
        assertTrue(blog.app.posts().isEmpty());
    }

    @Test
    void slugs_made_from_titles_step_around_pages_names_of_the_site_and_numbers() {
        blog.app.posts().create(PostDraft.page("About", "", edaId));

        assertEquals("about-2", blog.app.posts().create(PostDraft.post("About", "", edaId, List.of())).slug());
        assertEquals("search-2", blog.app.posts().create(PostDraft.post("Search", "", edaId, List.of())).slug());
        assertEquals("1984-2", blog.app.posts().create(PostDraft.post("1984", "", edaId, List.of())).slug());
        assertEquals("tag-2", blog.app.posts().create(PostDraft.page("Tag", "", edaId)).slug());
    }

    @Test
    void a_slug_saved_before_these_rules_is_kept_when_its_post_is_saved_again() {
        long id = blog.app.posts().create(PostDraft.post("Old", "", edaId, List.of())).id();
        blog.app.database().jdbi().useHandle(h -> h.execute("update posts set slug = 'series' where id = ?", id));

        TestBlog.Response saved = eda.submit(eda.page("/admin/posts/" + id + "/"), "#editor", "action=save", "body", "New words.");

        assertEquals(303, saved.status(), saved::text);
        assertEquals("series", blog.app.posts().get(id).slug());
    }

    @Test
    void every_top_level_address_of_the_site_is_a_name_slugs_may_not_take() {
        Set<String> topLevel = new TreeSet<>();
        for (String endpoint : blog.app.endpoints()) {
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            String first = path.split("/").length > 1 ? path.split("/")[1] : "";
            // a pattern with a dot (/sitemap-{part}.xml) matches no slug: slugs are letters, digits and dashes
            boolean dottedPattern = first.contains("{") && first.contains(".");
            if (!first.isEmpty() && !first.startsWith("{") && !dottedPattern) topLevel.add(first);
        }
        assertTrue(topLevel.contains("admin"), topLevel::toString);
        topLevel.removeAll(TopLevelNames.RESERVED);
        assertEquals(Set.of(), topLevel, "top-level routes missing from TopLevelNames.RESERVED");
    }
}
