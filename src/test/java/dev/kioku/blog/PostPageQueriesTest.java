package dev.kioku.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Author;
import dev.kioku.authors.NewAuthor;
import dev.kioku.authors.Role;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.media.Media;
import dev.kioku.series.Series;
import dev.kioku.testing.StatementLog;
import dev.kioku.testing.TestBlog;
import dev.kioku.testing.TestImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

/**
 * How many SQL statements rendering a post page costs (a page-cache miss), on SQLite and PostgreSQL.
 *
 * <p>Why: every statement of a miss is paid again for each of thousands of posts (issue 8, W6). The count must
 * stay small and, above all, must not grow with what the post holds (tags, comments, series parts, author
 * links): a query per item is the N+1 this test is here to catch.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class PostPageQueriesTest {
    /**
     * What a post page may cost at most: the post and its tags, both neighbours, the series outline and its
     * posts, comments, webmentions, the author with links, the featured image with its sizes (one statement).
     */
    static final int MOST_STATEMENTS = 9;

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    StatementLog log;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        // the test's own set-up and the jobs are left out, so only renders are counted
        log = StatementLog.install(blog.app.database().jdbi());
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    @Test
    void a_post_page_costs_a_few_statements_however_many_tags_comments_parts_and_links_it_shows() {
        Post small = scenario("Small", 1, 1, 1, 1);
        Post large = scenario("Large", 6, 12, 6, 5);

        List<StatementLog.Statement> forSmall = statementsFor(small, 1, 1);
        List<StatementLog.Statement> forLarge = statementsFor(large, 6, 12);

        assertTrue(forLarge.size() <= MOST_STATEMENTS, "a post page ran " + forLarge.size() + " statements, at most "
                + MOST_STATEMENTS + " expected:\n" + lines(forLarge));
        assertEquals(forSmall.size(), forLarge.size(), "the statements of a post page grew with its tags, comments, parts or links:\n"
                + lines(forLarge));
        // the reads made with plain JDBC (db.PlainReads) are counted too: the post, its tags, neighbours, comments,
        // author, series and webmentions
        Map<String, Object> plain = Map.of("from posts p where p.kind", large.slug(), "from post_tags pt", large.id(),
                "older union all", large.id(), "from comments c", large.id(), "from users u", large.authorId(),
                "from series_parts mine", large.id(), "from webmentions w", large.id());
        plain.forEach((sql, value) -> assertTrue(forLarge.stream().map(String::valueOf)
                        .anyMatch(st -> st.contains(sql) && st.contains(String.valueOf(value))),
                "no statement '" + sql + "' with " + value + " was counted:\n" + lines(forLarge)));
    }

    @Test
    void a_page_served_from_the_cache_costs_no_statement() {
        Post p = scenario("Cached", 2, 2, 2, 1);
        String path = blog.app.site().settings().permalink(p);
        assertEquals(200, blog.get(path).status());
        log.drain();

        assertEquals(200, blog.get(path).status());

        assertEquals(List.of(), log.drain());
    }

    private static String lines(List<StatementLog.Statement> statements) {
        return String.join("\n", statements.stream().map(String::valueOf).toList());
    }

    /** Renders the post's page (a miss) and returns the statements that took, checking what the page shows. */
    private List<StatementLog.Statement> statementsFor(Post p, int tags, int comments) {
        log.drain();
        Document page = blog.page(blog.app.site().settings().permalink(p));
        List<StatementLog.Statement> counted = log.drain();
        assertEquals(p.title(), page.selectFirst("h1").text());
        assertEquals(tags, page.select(".tags a").size());
        assertEquals(comments, page.select("li[id^=comment-]").size());
        assertEquals(2, page.select("a[rel=prev], a[rel=next]").size());
        assertTrue(page.html().contains("/media/"), "the featured image is shown");
        // with its copies, narrowest first, then the image itself (1,600 pixels wide)
        String srcset = page.selectFirst("img[srcset]").attr("srcset");
        assertEquals(List.of(480, 960, 1600), java.util.Arrays.stream(srcset.split(", "))
                .map(c -> Integer.parseInt(c.substring(c.lastIndexOf(' ') + 1, c.length() - 1))).toList(), srcset);
        return counted;
    }

    /**
     * A published post with a featured image between two neighbours, in a series of {@code parts} (one of them
     * planned), with {@code tags} tags, {@code comments} approved comments (every other one a reply) and an
     * author with {@code links} profile links.
     */
    private Post scenario(String name, int tags, int comments, int parts, int links) {
        List<Author.Link> authorLinks = new ArrayList<>();
        for (int i = 0; i < links; i++) authorLinks.add(new Author.Link("Link " + i, "https://example.org/" + name + "/" + i));
        Author author = blog.app.authors().create(new NewAuthor(name.toLowerCase() + "@example.org", name + " Writer",
                Role.AUTHOR, null, "Writes.", null, null, authorLinks));
        Media photo = blog.app.media().add("test", name.toLowerCase() + ".jpg", TestImages.jpeg(1600, 900), "A photo", "A caption");
        Duration base = Duration.ofDays(name.length() * 10L);
        publish(name + " older", author, List.of(), null, base.plusDays(2));
        List<String> tagNames = new ArrayList<>();
        for (int i = 0; i < tags; i++) tagNames.add(name + " tag " + i);
        Post p = publish(name + " post", author, tagNames, photo.id(), base.plusDays(1));
        publish(name + " newer", author, List.of(), null, base);
        Series s = blog.app.series().create(name + " series", "A series.");
        blog.app.series().addPost(s.id(), p.id());
        for (int i = 1; i < parts - 1; i++) {
            Post part = publish(name + " part " + i, author, List.of(), null, base.plusDays(3 + i));
            blog.app.series().addPost(s.id(), part.id());
        }
        if (parts > 1) blog.app.series().addPlanned(s.id(), name + " planned part", "Soon.");
        Long parent = null;
        for (int i = 0; i < comments; i++) {
            var c = blog.app.comments().addApproved(p.id(), i % 2 == 1 ? parent : null, "Reader " + i, "r" + i + "@example.org",
                    null, "Comment " + i + ".", TestBlog.START.minus(Duration.ofMinutes(comments - i)));
            if (i % 2 == 0) parent = c.id();
        }
        return blog.app.posts().get(p.id());
    }

    private Post publish(String title, Author author, List<String> tags, Long featured, Duration ago) {
        Post p = blog.app.posts().create(PostDraft.post(title, "Some *text* of " + title + ".", author.id(), tags).withFeaturedImage(featured));
        return blog.app.posts().publish(p.id(), TestBlog.START.minus(ago));
    }
}
