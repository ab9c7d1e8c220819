package dev.kioku.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Role;
import dev.kioku.db.Engine;
import dev.kioku.testing.AdminClient;
import dev.kioku.testing.TestBlog;
import java.net.URI;
import java.nio.file.Path;
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

/** The private preview link of a draft, on both engines. */
@ParameterizedClass
@EnumSource(Engine.class)
class DraftPreviewTest {
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
        id = blog.app.posts().create(PostDraft.post("Secret plans", "Not *yet*.", blog.app.authors().allStaff().get(0).id(),
                List.of("plans"))).id();
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private String previewPath() {
        Document editor = ann.page("/admin/posts/" + id + "/");
        assertEquals("Copy preview link", editor.selectFirst("button[data-copy=preview-link]").text());
        return URI.create(editor.selectFirst("#preview-link").val()).getPath();
    }

    @Test
    void the_editors_preview_link_shows_the_draft_with_the_public_template_to_anyone_uncached_and_unindexed() {
        String path = previewPath();
        assertTrue(path.matches("/preview/[A-Za-z0-9_-]{32}/"), path);
        long cached = blog.app.cache().size();

        TestBlog.Response r = blog.get(path);

        assertEquals(200, r.status());
        assertEquals("noindex, nofollow", r.header("X-Robots-Tag"));
        assertEquals("private, no-store", r.header("Cache-Control"));
        assertEquals("no-referrer", r.header("Referrer-Policy"));
        Document page = Jsoup.parse(r.text());
        assertEquals("Secret plans", page.selectFirst("h1.post-title").text());
        assertEquals("Not yet.", page.selectFirst(".prose p").text());
        assertNull(page.selectFirst("link[rel=canonical]"));
        assertEquals(cached, blog.app.cache().size(), "not put in the page cache");
        assertEquals(404, blog.get("/2026/11/20/secret-plans/").status(), "still a draft");

        ann.submit(ann.page("/admin/posts/" + id + "/"), "#editor", "action=save", "body", "Changed.");
        assertEquals("Changed.", Jsoup.parse(blog.get(path).text()).selectFirst(".prose p").text());
        assertEquals(path, previewPath(), "the link stays the same");
    }

    @Test
    void a_wrong_or_malformed_token_is_not_found() {
        String path = previewPath();
        String token = path.substring("/preview/".length(), path.length() - 1);
        String wrong = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);

        assertEquals(404, blog.get("/preview/" + wrong + "/").status());
        assertEquals(404, blog.get("/preview/short/").status());
        assertEquals(404, blog.get("/preview/%27%20or%201=1/").status());
    }

    @Test
    void each_post_has_its_own_secret() {
        long other = blog.app.posts().create(PostDraft.post("Other", "x", blog.app.authors().allStaff().get(0).id(), List.of())).id();

        String a = blog.app.posts().previewToken(id);
        String b = blog.app.posts().previewToken(other);

        assertTrue(!a.equals(b));
        assertEquals(a, blog.app.posts().previewToken(id));
        assertEquals(id, blog.app.posts().byPreviewToken(a).orElseThrow().id());
    }
}
