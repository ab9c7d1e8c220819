package dev.kioku.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Author;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
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

/** The reader-facing pages over HTTP, on SQLite and PostgreSQL. */
@ParameterizedClass
@EnumSource(Engine.class)
class PublicSiteTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Author aiko;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        aiko = blog.author("Aiko Mori");
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private Post published(String title, String body, List<String> tags, Duration ago) {
        Post p = blog.app.posts().create(PostDraft.post(title, body, aiko.id(), tags));
        return blog.app.posts().publish(p.id(), TestBlog.START.minus(ago));
    }

    @Test
    void a_published_post_lives_at_its_dated_permalink_with_byline_tags_and_canonical_link() {
        published("Hello, world", "First *post*.", List.of("Notes", "Life"), Duration.ofHours(1));

        Document page = blog.page("/2026/11/20/hello-world/");

        assertEquals("Hello, world", page.selectFirst("h1").text());
        assertTrue(page.selectFirst(".post-head .meta").text().contains("By Aiko Mori"));
        assertEquals("First post.", page.selectFirst(".prose p").text());
        assertEquals(List.of("#Life", "#Notes"), page.select(".tags a").eachText());
        assertTrue(page.selectFirst("link[rel=canonical]").attr("href").endsWith("/2026/11/20/hello-world/"));
        assertEquals("Aiko Mori", page.selectFirst(".author-box__name").text());
    }

    @Test
    void drafts_are_not_public() {
        blog.app.posts().create(PostDraft.post("Secret", "Not yet.", aiko.id(), List.of()));

        assertEquals(404, blog.get("/2026/11/20/secret/").status());
        assertFalse(blog.get("/").text().contains("Secret"));
    }

    @Test
    void the_home_page_lists_newest_first_with_excerpt_and_reading_time_and_pages_past_the_limit() {
        for (int i = 1; i <= 12; i++) published("Post number " + i, "Body " + i + ".", List.of(), Duration.ofDays(20 - i));

        Document home = blog.page("/");
        List<String> titles = home.select(".card__title").eachText();
        assertEquals(10, titles.size());
        assertEquals("Post number 12", titles.get(0));
        assertTrue(home.selectFirst(".card .meta").text().contains("1 min read"));
        assertEquals("Body 12.", home.selectFirst(".card__excerpt").text());
        assertEquals("/page/2/", home.selectFirst("a[rel=next]").attr("href"));

        Document second = blog.page("/page/2/");
        assertEquals(List.of("Post number 2", "Post number 1"), second.select(".card__title").eachText());
        assertEquals(301, blog.get("/page/1/").status());
        assertEquals(404, blog.get("/page/3/").status());
    }

    @Test
    void tag_author_and_date_archives_list_their_posts() {
        published("Tea", "Tea.", List.of("drinks"), Duration.ofDays(1));
        published("Coffee", "Coffee.", List.of("drinks"), Duration.ofDays(40));
        published("Rain", "Rain.", List.of("weather"), Duration.ofDays(2));

        assertEquals(List.of("Tea", "Coffee"), blog.page("/tag/drinks/").select(".card__title").eachText());
        assertEquals(List.of("Tea", "Rain", "Coffee"), blog.page("/author/aiko-mori/").select(".card__title").eachText());
        assertEquals(List.of("Tea", "Rain"), blog.page("/2026/11/").select(".card__title").eachText());
        assertEquals(List.of("Tea", "Rain", "Coffee"), blog.page("/2026/").select(".card__title").eachText());
        assertEquals(List.of("Tea"), blog.page("/2026/11/19/").select(".card__title").eachText());
        assertEquals(404, blog.get("/tag/nothing/").status());
        assertEquals(404, blog.get("/1999/").status());
    }

    @Test
    void pages_live_at_their_slug_and_appear_in_the_navigation() {
        Post about = blog.app.posts().create(PostDraft.page("About me", "I write.", aiko.id()));
        blog.app.posts().publish(about.id(), null);

        Document page = blog.page("/about-me/");
        assertEquals("About me", page.selectFirst("h1").text());
        assertTrue(blog.page("/").select(".site-nav a").eachText().contains("About me"));
    }

    @Test
    void a_changed_slug_answers_301_from_the_old_url() {
        Post p = published("Old title", "Body.", List.of(), Duration.ofHours(2));

        blog.app.posts().update(p.id(), PostDraft.post("New title", "Body.", aiko.id(), List.of()).withSlug("new-title"));

        TestBlog.Response old = blog.get("/2026/11/20/old-title/");
        assertEquals(301, old.status());
        assertEquals("/2026/11/20/new-title/", old.header("Location"));
        assertEquals("New title", blog.page("/2026/11/20/new-title/").selectFirst("h1").text());
    }

    @Test
    void a_post_asked_for_under_a_wrong_date_is_sent_to_its_canonical_url() {
        published("Dated", "Body.", List.of(), Duration.ofHours(2));

        TestBlog.Response r = blog.get("/2020/01/01/dated/");
        assertEquals(301, r.status());
        assertEquals("/2026/11/20/dated/", r.header("Location"));
    }

    @Test
    void paths_without_a_trailing_slash_redirect_to_the_canonical_one() {
        TestBlog.Response r = blog.get("/series");
        assertEquals(301, r.status());
        assertEquals("/series/", r.header("Location"));
    }

    @Test
    void unknown_paths_get_the_styled_404_page() {
        TestBlog.Response r = blog.get("/no/such/thing/here/");
        assertEquals(404, r.status());
        Document page = org.jsoup.Jsoup.parse(r.text());
        assertEquals("Page not found", page.selectFirst("h1").text());
        assertNotNull(page.selectFirst("link[rel=stylesheet]"));
    }

    @Test
    void previous_and_next_links_join_neighbouring_posts() {
        published("First", "1.", List.of(), Duration.ofDays(3));
        published("Second", "2.", List.of(), Duration.ofDays(2));
        published("Third", "3.", List.of(), Duration.ofDays(1));

        Document middle = blog.page("/2026/11/18/second/");
        assertEquals("PreviousFirst", middle.selectFirst("a[rel=prev]").text().replace(" ", ""));
        assertEquals("NextThird", middle.selectFirst("a[rel=next]").text().replace(" ", ""));
    }

    @Test
    void titles_and_tags_are_escaped() {
        published("<script>alert(1)</script>", "x", List.of("<b>bold</b>"), Duration.ofHours(1));

        String html = blog.get("/").text();
        assertFalse(html.contains("<script>alert(1)"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertFalse(html.contains("<b>bold</b>"));
    }

    @Test
    void a_failure_gets_the_styled_500_page_without_details() {
        blog.app.site().site();
        blog.app.database().close();

        TestBlog.Response r = blog.get("/2026/11/20/anything/");
        assertEquals(500, r.status());
        Document page = org.jsoup.Jsoup.parse(r.text());
        assertEquals("Something went wrong", page.selectFirst("h1").text());
        assertFalse(r.text().contains("Exception"));
        assertEquals("no-store", r.header("Cache-Control"));
    }

    @Test
    void a_post_with_a_japanese_slug_is_reachable_and_its_old_url_redirects_encoded() {
        Post p = published("記憶の宮殿", "本文。", List.of("日本"), Duration.ofHours(1));
        String encoded = "/2026/11/20/%E8%A8%98%E6%86%B6%E3%81%AE%E5%AE%AE%E6%AE%BF/";

        assertEquals("記憶の宮殿", blog.page(encoded).selectFirst("h1").text());
        assertEquals(200, blog.get("/tag/%E6%97%A5%E6%9C%AC/").status());
        blog.app.posts().update(p.id(), PostDraft.post("記憶の宮殿", "本文。", aiko.id(), List.of()).withSlug("kioku"));
        TestBlog.Response moved = blog.get(encoded);
        assertEquals(301, moved.status());
        assertEquals("/2026/11/20/kioku/", moved.header("Location"));
        published("新しい", "x", List.of(), Duration.ofMinutes(5));
        assertEquals("/2026/11/20/%E6%96%B0%E3%81%97%E3%81%84/", blog.get("/2026/11/19/新しい/".replace("新しい", "%E6%96%B0%E3%81%97%E3%81%84")).header("Location"));
    }

    @Test
    void redirects_never_leave_the_site() {
        for (String sneaky : List.of("/%2Fevil.example/page/1/", "/%5Cevil.example/page/1/", "/tag/%2F%2Fevil.example/page/1/")) {
            TestBlog.Response r = blog.get(sneaky);
            String location = r.header("Location");
            assertTrue(location == null || (location.startsWith("/") && !location.startsWith("//") && !location.startsWith("/\\")),
                    sneaky + " -> " + r.status() + " " + location);
        }
    }

    @Test
    void any_unknown_address_or_method_gets_the_styled_404_and_assets_with_a_slash_are_not_errors() {
        for (String path : List.of("/a/b/c/d/e/f/", "/assets/theme.nothing.css/", "/media/nothing.png")) {
            TestBlog.Response r = blog.get(path);
            assertEquals(404, r.status(), path);
            assertTrue(r.header("Content-Type").startsWith("text/html"), path);
            assertEquals("Page not found", org.jsoup.Jsoup.parse(r.text()).selectFirst("h1").text(), path);
        }
        String css = blog.page("/").selectFirst("link[rel=stylesheet]").attr("href");
        assertTrue(blog.get(css + "/").status() < 500);
    }

    @Test
    void head_answers_like_get_without_a_body() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var uri = java.net.URI.create(blog.page("/").location());
        var head = http.send(java.net.http.HttpRequest.newBuilder(uri).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(blog.get("/").header("ETag"), head.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void the_first_page_of_any_listing_has_one_address() {
        published("Tea", "Tea.", List.of("drinks"), Duration.ofDays(1));
        assertEquals("/tag/drinks/", blog.get("/tag/drinks/page/1/").header("Location"));
        assertEquals("/author/aiko-mori/", blog.get("/author/aiko-mori/page/1/").header("Location"));
        assertEquals("/2026/11/", blog.get("/2026/11/page/1/").header("Location"));
    }

    @Test
    void dates_in_urls_and_archives_follow_the_site_time_zone() {
        var s = blog.app.site().settings();
        blog.app.site().update(new dev.kioku.site.SiteSettings(s.title(), s.tagline(), s.language(),
                java.time.ZoneId.of("Asia/Tokyo"), s.postsPerPage(), s.footerText(), s.accentColor(), s.logoMediaId(), s.permalinks()));
        Post p = blog.app.posts().create(PostDraft.post("Late evening", "x", aiko.id(), List.of()));
        blog.app.posts().publish(p.id(), java.time.Instant.parse("2026-11-19T20:00:00Z"));

        assertEquals("Late evening", blog.page("/2026/11/20/late-evening/").selectFirst("h1").text());
        assertEquals(List.of("Late evening"), blog.page("/2026/11/20/").select(".card__title").eachText());
        assertTrue(blog.page("/2026/11/20/late-evening/").selectFirst("time").attr("datetime").endsWith("+09:00"));
    }

    @Test
    void a_page_cannot_take_a_year_or_a_site_path_as_its_slug() {
        Post year = blog.app.posts().create(PostDraft.page("2024", "x", aiko.id()));
        Post series = blog.app.posts().create(PostDraft.page("Series", "x", aiko.id()));
        blog.app.posts().publish(year.id(), null);
        blog.app.posts().publish(series.id(), null);

        assertEquals("2024-2", year.slug());
        assertEquals("series-2", series.slug());
        assertEquals(200, blog.get("/2024-2/").status());
        assertEquals(200, blog.get("/series-2/").status());
    }

    @Test
    void clients_refusing_gzip_get_plain_bytes() {
        assertEquals(null, blog.get("/", "Accept-Encoding", "gzip;q=0").header("Content-Encoding"));
        assertEquals("gzip", blog.get("/", "Accept-Encoding", "deflate, gzip;q=0.5").header("Content-Encoding"));
    }

    @Test
    void security_headers_are_sent() {
        TestBlog.Response r = blog.get("/");
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        assertTrue(r.header("Content-Security-Policy").contains("script-src 'self'"));
    }
}
