package dev.kioku.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Role;
import dev.kioku.db.Engine;
import dev.kioku.testing.AdminClient;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code /admin/posts/} and {@code /admin/pages/} over HTTP, on SQLite and PostgreSQL. */
@ParameterizedClass
@EnumSource(Engine.class)
class AdminPostListTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    AdminClient editor;
    long editorId;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        editor = blog.signIn("Eda Editor", Role.EDITOR);
        editorId = blog.app.authors().staff(idOf("eda.editor@example.org")).orElseThrow().id();
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private long idOf(String email) {
        return blog.app.authors().allStaff().stream().filter(s -> s.email().equals(email)).findFirst().orElseThrow().id();
    }

    private Post post(String title, String body, long author, Status status) {
        Post p = blog.app.posts().create(PostDraft.post(title, body, author, List.of("notes")));
        if (status == Status.PUBLISHED) return blog.app.posts().publish(p.id(), TestBlog.START.minus(Duration.ofHours(1)));
        if (status == Status.SCHEDULED) return blog.app.posts().publish(p.id(), TestBlog.START.plus(Duration.ofDays(1)));
        return p;
    }

    private static List<String> titles(Document page) {
        return page.select(".row-title").eachText();
    }

    @Test
    void status_tabs_filter_and_count_the_posts() {
        post("A draft", "x", editorId, Status.DRAFT);
        post("A plan", "x", editorId, Status.SCHEDULED);
        post("A story", "x", editorId, Status.PUBLISHED);

        Document all = editor.page("/admin/posts/");
        assertEquals(3, titles(all).size());
        assertEquals(List.of("All 3", "Drafts 1", "Scheduled 1", "Published 1"), all.select(".tabs a").eachText());
        assertEquals(List.of("A plan"), titles(editor.page("/admin/posts/?status=scheduled")));
        assertEquals(List.of("A draft"), titles(editor.page("/admin/posts/?status=draft")));
        Document published = editor.page("/admin/posts/?status=published");
        assertEquals(List.of("A story"), titles(published));
        assertEquals("page", published.selectFirst(".tabs a[href='/admin/posts/?status=published']").attr("aria-current"));
        assertEquals("/2026/11/20/a-story/", published.selectFirst(".row-meta a").attr("href"));
    }

    @Test
    void search_finds_words_in_titles_and_text_and_keeps_the_status_filter() {
        post("Green tea", "Leaves.", editorId, Status.DRAFT);
        post("Coffee", "Beans, not tea.", editorId, Status.PUBLISHED);
        post("Rain", "Weather.", editorId, Status.PUBLISHED);

        assertEquals(List.of("Coffee", "Green tea"), titles(editor.page("/admin/posts/?q=TEA")).stream().sorted().toList());
        Document filtered = editor.page("/admin/posts/?status=published&q=tea");
        assertEquals(List.of("Coffee"), titles(filtered));
        assertEquals("tea", filtered.selectFirst("input[name=q]").val());
        assertEquals("published", filtered.selectFirst("form.search input[name=status]").val());
        assertTrue(editor.page("/admin/posts/?q=100%25").select(".empty").text().contains("Nothing matches “100%”"));
    }

    @Test
    void authors_and_contributors_see_only_their_own_posts_and_no_author_column() {
        AdminClient author = blog.signIn("Ann Author", Role.AUTHOR);
        long annId = idOf("ann.author@example.org");
        post("Ann's", "x", annId, Status.DRAFT);
        post("Eda's", "x", editorId, Status.DRAFT);

        Document mine = author.page("/admin/posts/");
        assertEquals(List.of("Ann's"), titles(mine));
        assertTrue(mine.select("th:contains(Author)").isEmpty());
        Document everyone = editor.page("/admin/posts/");
        assertEquals(2, titles(everyone).size());
        assertEquals("Author", everyone.select("thead th").get(1).text());
    }

    @Test
    void a_contributor_sees_a_published_post_of_theirs_but_cannot_open_it() {
        AdminClient contributor = blog.signIn("Cy Contributor", Role.CONTRIBUTOR);
        long cyId = idOf("cy.contributor@example.org");
        post("Accepted", "x", cyId, Status.PUBLISHED);
        post("Still mine", "x", cyId, Status.DRAFT);

        Document list = contributor.page("/admin/posts/");
        assertEquals(1, list.select("a.row-title").size());
        assertEquals("Still mine", list.selectFirst("a.row-title").text());
        assertEquals("Accepted", list.selectFirst("span.row-title").text());
    }

    @Test
    void long_lists_come_in_pages_of_twenty() {
        for (int i = 1; i <= 23; i++) {
            post("Post " + i, "x", editorId, Status.DRAFT);
            blog.clock.advance(Duration.ofMinutes(1));
        }

        Document first = editor.page("/admin/posts/");
        assertEquals(20, titles(first).size());
        assertEquals("Post 23", titles(first).get(0));
        assertEquals("1–20 of 23", first.selectFirst(".pager .muted").text());
        assertNull(first.selectFirst(".pager a[rel=prev]"));
        assertEquals("/admin/posts/?page=2", first.selectFirst(".pager a[rel=next]").attr("href"));
        Document second = editor.page("/admin/posts/?page=2");
        assertEquals(List.of("Post 3", "Post 2", "Post 1"), titles(second));
    }

    @Test
    void pages_have_their_own_list_for_editors_only() {
        blog.app.posts().create(PostDraft.page("About", "Me.", editorId));
        post("Not a page", "x", editorId, Status.DRAFT);
        AdminClient author = blog.signIn("Ann Author", Role.AUTHOR);

        Document pages = editor.page("/admin/pages/");
        assertEquals(List.of("About"), titles(pages));
        assertEquals("New page", pages.selectFirst(".toolbar .button").text());
        assertEquals(403, author.get("/admin/pages/").status());
        assertEquals(403, author.get("/admin/pages/new/").status());
    }

    @Test
    void signed_out_visitors_are_sent_to_sign_in() {
        TestBlog.Response r = blog.get("/admin/posts/?status=draft");
        assertEquals(302, r.status());
        assertEquals("/admin/sign-in/?next=%2Fadmin%2Fposts%2F%3Fstatus%3Ddraft", r.header("Location"));
    }
}
