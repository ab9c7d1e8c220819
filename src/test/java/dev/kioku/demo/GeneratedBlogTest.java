package dev.kioku.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.db.Engine;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code kioku demo}'s made-up blog, as a reader sees it: posts, tags, a series, comments and the feed all answer. */
@ParameterizedClass
@EnumSource(Engine.class)
class GeneratedBlogTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    @Test
    void the_generated_posts_tags_series_comments_and_feed_are_served() {
        var summary = new GeneratedBlog(blog.app).generate(new GeneratedBlog.Options(40, 3, 12, 7));

        assertEquals(new GeneratedBlog.Summary(40, 39 * 3 + 12, summary.tags(), 1), summary);
        Document home = blog.page("/");
        assertTrue(home.title().contains("The Generated Notebook"), home.title());
        var newestLink = home.select(".card__title a").first();
        Document post = blog.page(newestLink.attr("href"));
        assertEquals(12, post.select("li[id^=comment-]").size(), "the newest post carries the long thread");
        assertFalse(post.select("a[href^=/tag/]").isEmpty(), "the post links its tags");
        String tag = post.select("a[href^=/tag/]").first().attr("href");
        assertFalse(blog.page(tag).select(".card__title a").isEmpty(), "the tag page lists posts");
        var series = blog.app.series().all().getFirst();
        var parts = blog.app.series().publishedParts(series);
        assertEquals(4, parts.size());
        String seriesPage = blog.page(series.url()).text();
        parts.forEach(p -> assertTrue(seriesPage.contains(p.title()), "the series page lists " + p.title()));
        var feed = blog.get("/feed/");
        assertEquals(200, feed.status());
        assertTrue(feed.text().contains(newestLink.text()), "the feed has the newest post");
    }
}
