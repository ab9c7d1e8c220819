package dev.kioku.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Author;
import dev.kioku.content.PermalinkStyle;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.series.Series;
import dev.kioku.testing.TestBlog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Public pages are rendered once and then served as bytes until a change they depend on. "Still cached" is
 * seen from outside: the clock moves between requests, and a page that was not rendered again keeps its
 * {@code Last-Modified}.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class PageCacheTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Author aiko;
    Post older;
    Post ancient;
    Post about;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        aiko = blog.author("Aiko Mori");
        ancient = publish("Ancient post", List.of("history"), Duration.ofDays(9));
        older = publish("Older post", List.of("tea"), Duration.ofDays(2));
        publish("Unrelated post", List.of("weather"), Duration.ofDays(5));
        about = blog.app.posts().create(PostDraft.page("About", "Hello.", aiko.id()));
        blog.app.posts().publish(about.id(), TestBlog.START.minus(Duration.ofDays(30)));
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private Post publish(String title, List<String> tags, Duration ago) {
        Post p = blog.app.posts().create(PostDraft.post(title, title + " body.", aiko.id(), tags));
        return blog.app.posts().publish(p.id(), blog.clock.instant().minus(ago));
    }

    private String lastModified(String path) {
        TestBlog.Response r = blog.get(path);
        assertEquals(200, r.status(), path);
        return r.header("Last-Modified");
    }

    @Test
    void a_page_is_served_from_memory_with_a_strong_etag_and_answers_304_when_unchanged() {
        TestBlog.Response first = blog.get("/");
        blog.clock.advance(Duration.ofMinutes(5));
        TestBlog.Response second = blog.get("/");

        assertArrayEquals(first.body(), second.body());
        assertEquals(first.header("ETag"), second.header("ETag"));
        assertEquals(first.header("Last-Modified"), second.header("Last-Modified"));
        assertTrue(first.header("ETag").matches("\"[A-Za-z0-9_-]+\""), "strong ETag");
        assertTrue(first.header("Cache-Control").contains("s-maxage"));
        assertTrue(first.header("Surrogate-Key").contains("posts"));

        TestBlog.Response notModified = blog.get("/", "If-None-Match", first.header("ETag"));
        assertEquals(304, notModified.status());
        assertEquals(0, notModified.body().length);
    }

    @Test
    void gzip_is_sent_to_clients_that_accept_it_and_holds_the_same_page() throws IOException {
        TestBlog.Response plain = blog.get("/");
        TestBlog.Response zipped = blog.get("/", "Accept-Encoding", "gzip");

        assertNull(plain.header("Content-Encoding"));
        assertEquals("gzip", zipped.header("Content-Encoding"));
        assertTrue(zipped.body().length < plain.body().length / 2);
        try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertArrayEquals(plain.body(), in.readAllBytes());
        }
        assertEquals(plain.header("ETag"), zipped.header("ETag"));
        assertEquals("Accept-Encoding", zipped.header("Vary"));
    }

    @Test
    void publishing_a_post_shows_it_on_every_affected_page_at_once_and_leaves_the_others_cached() {
        List<String> affected = List.of("/", "/tag/tea/", "/author/aiko-mori/", "/2026/", "/2026/11/", older.permalink(PermalinkStyle.DAY_AND_NAME, java.time.ZoneOffset.UTC));
        List<String> unaffected = List.of("/about/", "/tag/weather/", "/series/", ancient.permalink(PermalinkStyle.DAY_AND_NAME, java.time.ZoneOffset.UTC));
        for (String path : affected) assertTrue(!blog.get(path).text().contains("Fresh news"), path);
        List<String> before = unaffected.stream().map(this::lastModified).toList();
        blog.clock.advance(Duration.ofMinutes(10));

        Post fresh = publish("Fresh news", List.of("tea"), Duration.ZERO);

        for (String path : affected) assertTrue(blog.get(path).text().contains("Fresh news"), "next request to " + path + " shows the new post");
        assertEquals("Fresh news", blog.page(older.permalink(PermalinkStyle.DAY_AND_NAME, java.time.ZoneOffset.UTC)).selectFirst("a[rel=next]").ownText());
        assertEquals(before, unaffected.stream().map(this::lastModified).toList(), "unaffected pages were not rendered again");
        assertEquals(200, blog.get(fresh.permalink(PermalinkStyle.DAY_AND_NAME, java.time.ZoneOffset.UTC)).status());
    }

    @Test
    void publishing_the_post_of_a_planned_part_turns_coming_soon_into_a_link_everywhere() {
        Series series = blog.app.series().create("The Memory Palace", "Three parts.");
        Post part1 = publish("The house", List.of("memory"), Duration.ofDays(1));
        blog.app.series().addPost(series.id(), part1.id());
        long planned = blog.app.series().addPlanned(series.id(), "The rooms", "Next week.");
        String part1Url = part1.permalink(PermalinkStyle.DAY_AND_NAME, java.time.ZoneOffset.UTC);

        Document before = blog.page(part1Url);
        assertEquals("Part 1 of 2", before.selectFirst(".series-box__count").text());
        assertTrue(before.selectFirst(".series-box .is-soon").text().contains("coming soon"));
        assertEquals("Part 2: The rooms coming soon", before.selectFirst(".series-next__title").text());
        assertEquals("Next week.", before.selectFirst(".series-next__note").text());
        assertTrue(blog.page("/series/the-memory-palace/").selectFirst(".series-part.is-soon").text().contains("The rooms"));
        String unrelated = lastModified("/tag/weather/");
        String aboutPage = lastModified("/about/");
        blog.clock.advance(Duration.ofMinutes(10));

        Post part2 = blog.app.posts().create(PostDraft.post("The rooms", "Furnishing.", aiko.id(), List.of("memory")));
        blog.app.series().attach(planned, part2.id());
        assertTrue(blog.page(part1Url).selectFirst(".series-box .is-soon") != null, "attached but still a draft: still coming soon");
        blog.app.posts().publish(part2.id(), null);

        String part2Url = part2.permalink(PermalinkStyle.DAY_AND_NAME, java.time.ZoneOffset.UTC);
        Document after = blog.page(part1Url);
        assertNull(after.selectFirst(".series-box .is-soon"));
        assertEquals(part2Url, after.selectFirst(".series-box a[href=" + part2Url + "]").attr("href"));
        assertEquals(part2Url, after.selectFirst(".series-next a").attr("href"));
        Document seriesPage = blog.page("/series/the-memory-palace/");
        assertNull(seriesPage.selectFirst(".series-part.is-soon"));
        assertEquals("Part 2: The rooms", seriesPage.select(".series-part__title a").get(1).text());
        assertEquals("Part 2 of 2", blog.page(part2Url).selectFirst(".series-box__count").text());
        assertTrue(blog.page("/").text().contains("Part 2 of 2"));
        assertEquals(unrelated, lastModified("/tag/weather/"));
        assertEquals(aboutPage, lastModified("/about/"));
    }

    @Test
    void attaching_a_post_to_a_series_shows_its_badge_on_every_list_it_is_on() {
        Post tea = blog.app.posts().get(older.id());
        assertTrue(blog.page("/tag/tea/").select(".card .kicker").isEmpty());
        assertTrue(blog.page("/author/aiko-mori/").select(".card .kicker").isEmpty());
        Series series = blog.app.series().create("Tea Time", "");

        blog.app.series().addPost(series.id(), tea.id());

        assertEquals("Tea Time · Part 1 of 1", blog.page("/tag/tea/").selectFirst(".card .kicker").text());
        assertEquals("Tea Time · Part 1 of 1", blog.page("/2026/11/").select(".card .kicker").first().text());
        assertEquals("Tea Time · Part 1 of 1", blog.page("/author/aiko-mori/").selectFirst(".card .kicker").text());
    }

    @Test
    void publishing_a_page_updates_the_navigation_but_editing_its_text_leaves_other_pages_cached() {
        String tagPage = lastModified("/tag/weather/");
        blog.clock.advance(Duration.ofMinutes(1));

        blog.app.posts().update(about.id(), PostDraft.page("About", "Hello again.", aiko.id()));
        assertEquals(tagPage, lastModified("/tag/weather/"), "same title and slug: the navigation did not change");
        assertEquals("Hello again.", blog.page("/about/").selectFirst(".prose p").text());

        Post contact = blog.app.posts().create(PostDraft.page("Contact", "Write to me.", aiko.id()));
        blog.app.posts().publish(contact.id(), null);
        assertTrue(blog.page("/tag/weather/").select(".site-nav a").eachText().contains("Contact"));
    }

    @Test
    void changing_site_settings_drops_every_page() {
        String home = lastModified("/");
        blog.clock.advance(Duration.ofMinutes(1));

        var s = blog.app.site().settings();
        blog.app.site().update(s.withTitle("Aiko's Notebook"));

        assertNotEquals(home, lastModified("/"));
        assertEquals("Aiko's Notebook", blog.page("/about/").selectFirst(".brand__title").text());
    }
}
