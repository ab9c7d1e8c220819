package dev.kioku.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.demo.GeneratedBlog;
import dev.kioku.testing.StatementLog;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 8's growth promise, checked on the queries themselves: with a blog of {@value #POSTS} posts, every kind of
 * public page runs a bounded number of statements, and none of them reads all posts, comments or tag links.
 *
 * <p>How "reads all" is decided, per engine:
 * <ul>
 * <li>SQLite: {@code EXPLAIN QUERY PLAN} of each statement with its values must not {@code SCAN} a table that grows
 *     with the blog (a full table or full index walk).</li>
 * <li>PostgreSQL: the tables are {@code ANALYZE}d, then each statement runs under {@code EXPLAIN (ANALYZE, FORMAT JSON)}
 *     with {@code enable_seqscan=off}. A {@code Seq Scan} of a growing table that remains means no index serves it; and
 *     no scan of one may read more than {@value #READ_BOUND} rows (rows returned plus rows removed by a filter, times
 *     loops). The plan alone cannot tell a seek that stops after ten rows from one that walks the whole index (a
 *     {@code count(*)}); the rows actually read can. Seq scans are turned off because on a table this small PostgreSQL
 *     rightly prefers them, which would say nothing about 100,000 posts.</li>
 * </ul>
 * Every page's statements, with their values, are written to {@code target/public-page-queries-ENGINE.txt}.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class PublicPageQueriesTest {
    static final int POSTS = 1500;
    static final int READ_BOUND = 600;
    /** Tables whose size grows with the number of posts or comments. */
    static final Set<String> GROWING = Set.of("posts", "comments", "post_tags", "series_parts", "redirects", "revisions",
            "comment_followers", "webmentions", "mentions", "media", "media_variants");

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    StatementLog log;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        new GeneratedBlog(blog.app).generate(new GeneratedBlog.Options(POSTS, 2, 120, 3));
        var owner = blog.author("Page Writer");
        Post about = blog.app.posts().create(PostDraft.page("About this notebook", "Who writes here, and why.", owner.id()));
        blog.app.posts().publish(about.id(), null);
        if (engine == Engine.POSTGRESQL) blog.app.database().jdbi().useHandle(h -> h.execute("analyze"));
        log = StatementLog.install(blog.app.database().jdbi());
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    @Test
    void every_public_page_runs_few_statements_and_none_reads_all_posts() throws Exception {
        Map<String, List<StatementLog.Statement>> byPage = new LinkedHashMap<>();
        Map<String, Integer> bound = new LinkedHashMap<>();

        Document home = fetch("/", 200, 8, byPage, bound);
        int homePages = pages(home);
        assertTrue(homePages > 100, "the home page lists " + POSTS + " posts over many pages: " + homePages);
        fetch("/page/2/", 200, 8, byPage, bound);
        fetch("/page/" + homePages + "/", 200, 8, byPage, bound);

        String postPath = home.select(".card__title a").first().attr("href");
        Document post = fetch(postPath, 200, 14, byPage, bound);
        assertTrue(post.select("li[id^=comment-]").size() >= 50, "the newest post shows its long thread");
        String postId = post.select("input[name=post]").first().attr("value");
        String older = post.select("a[href^=/comments/" + postId + "/page/]").eachAttr("href").stream().findFirst()
                .orElseThrow(() -> new AssertionError("the long thread has a second page"));
        fetch(older, 200, 10, byPage, bound);
        fetch(home.select(".card__title a").get(3).attr("href"), 200, 14, byPage, bound);
        fetch("/about-this-notebook/", 200, 10, byPage, bound);

        String tag = post.select("a[href^=/tag/]").first().attr("href");
        Document tagPage = fetch(tag, 200, 9, byPage, bound);
        fetch(tag + "page/" + pages(tagPage) + "/", 200, 9, byPage, bound);
        String author = post.select("a[href^=/author/]").first().attr("href");
        Document authorPage = fetch(author, 200, 9, byPage, bound);
        fetch(author + "page/" + pages(authorPage) + "/", 200, 9, byPage, bound);
        String series = blog.app.series().all().getFirst().url();
        // the series index reads each series' parts and posts: two statements a series (not a post); see the report
        fetch("/series/", 200, 1 + 2 * blog.app.series().all().size(), byPage, bound);
        fetch(series, 200, 8, byPage, bound);
        Matcher month = Pattern.compile("^/(\\d{4})/(\\d{2})/(\\d{2})/").matcher(postPath);
        assertTrue(month.find(), "a dated address: " + postPath);
        fetch("/" + month.group(1) + "/", 200, 8, byPage, bound);
        fetch("/" + month.group(1) + "/" + month.group(2) + "/", 200, 8, byPage, bound);
        fetch("/" + month.group(1) + "/" + month.group(2) + "/" + month.group(3) + "/", 200, 8, byPage, bound);

        for (String feed : List.of("/feed/", "/feed/atom/", "/feed/json/", tag + "feed/", author + "feed/", series + "feed/",
                "/comments/feed/", "/comments/" + postId + "/feed/")) {
            fetch(feed, 200, 12, byPage, bound);
        }
        String index = fetch("/sitemap.xml", 200, 16, byPage, bound).outerHtml();
        assertTrue(index.contains("<sitemapindex"), "past 1,000 addresses the sitemap is an index");
        for (String part : List.of("/sitemap-posts-1.xml", "/sitemap-posts-2.xml", "/sitemap-pages-1.xml", "/sitemap-taxonomies-1.xml")) {
            assertTrue(index.contains(part), "the index names " + part);
            // a posts part counts the posts and lists its thousand; the others list the whole site's pages, tags and authors
            fetch(part, 200, part.contains("-posts-") ? 2 : 16, byPage, bound);
        }
        fetch("/robots.txt", 200, 2, byPage, bound);
        String oembed = post.selectFirst("link[type=application/json+oembed]").attr("href");
        fetch(oembed.substring(oembed.indexOf("/oembed/")), 200, 6, byPage, bound);
        fetch("/embed/" + postId + "/", 200, 6, byPage, bound);
        fetch("/archives/" + postId + "/", 301, 4, byPage, bound);
        fetch("/no-such-page/", 404, 6, byPage, bound);

        // not a page, but it runs every minute beside them: the job that publishes scheduled posts
        log.drain();
        Thread.ofVirtual().start(() -> blog.app.posts().publishDue()).join();
        byPage.put("(job) publish scheduled posts", log.drain());
        bound.put("(job) publish scheduled posts", 1);

        assertTrue(byPage.get(postPath).size() >= 3, "the statements of a post page are recorded: " + byPage.get(postPath));
        List<String> problems = new ArrayList<>();
        byPage.forEach((page, statements) -> {
            if (statements.size() > bound.get(page)) {
                problems.add(page + " ran " + statements.size() + " statements (at most " + bound.get(page) + "):\n    "
                        + String.join("\n    ", statements.stream().map(Object::toString).toList()));
            }
        });
        try (Connection c = blog.app.database().dataSource().getConnection()) {
            if (engine == Engine.POSTGRESQL) c.createStatement().execute("set enable_seqscan = off");
            try {
                for (var e : byPage.entrySet()) {
                    for (StatementLog.Statement s : e.getValue()) {
                        if (!s.isQuery()) continue;
                        String why = engine == Engine.SQLITE ? sqlitePlan(c, s) : postgresPlan(c, s);
                        if (why != null && !allowed(e.getKey(), s, why)) problems.add(e.getKey() + ": " + why + "\n    " + s);
                    }
                }
            } finally {
                if (engine == Engine.POSTGRESQL) c.createStatement().execute("reset enable_seqscan");
            }
        }
        java.nio.file.Files.writeString(Path.of("target", "public-page-queries-" + engine.folder() + ".txt"), report(byPage)
                + "\n\nproblems:\n" + String.join("\n", problems));
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    /**
     * Reads of many rows that this test accepts, each with its reason. Keep this list short: every entry is a read
     * that grows with the blog on the page it names. None of them is on a post page (W1, W6); all are on listings or
     * sitemaps, which are rendered once per change of the posts and then served from the page cache (W2).
     */
    private record Allowed(String pages, String sql, String reason) {
        /** Only rows read on PostgreSQL are ever accepted: a full scan, a sort of every row or a Seq Scan never is. */
        boolean covers(String page, StatementLog.Statement s, String why) {
            return why.matches(".* read \\d+ rows .*") && page.matches(pages) && s.sql().replaceAll("\\s+", " ").strip().matches(sql);
        }
    }

    private static final List<Allowed> ALLOWED = List.of(
            new Allowed("/((tag|author)/[^/]+/)?(page/\\d+/)?|/\\d{4}/.*", "select count\\(\\*\\) from posts p (join post_tags pt .*)?where .*",
                    "\"Page 2 of 150\": the pager counts the listing's posts, an index-only count once per change of the"
                            + " posts (WordPress counts the same way); feeds no longer count"),
            new Allowed(".*/page/\\d+/", "select .* limit \\? offset \\?",
                    "deep pages of a listing: OFFSET walks the index up to the page (as WordPress does); page 1, which"
                            + " W2 measures, reads only its ten posts"),
            new Allowed("/sitemap.*\\.xml", "select (count\\(\\*\\)|p\\.author_id, max|t\\.id, t\\.slug, t\\.name, max).*",
                    "a sitemap names every tag and author with their newest change, and the index counts the posts to"
                            + " know how many parts to name: whole-site reads by nature, cached until a post changes"),
            new Allowed("/sitemap-posts-\\d+\\.xml", "select p\\.id, p\\.kind, p\\.slug, .* order by p\\.id limit \\? offset \\?",
                    "sitemap part N walks posts_public_by_id to its thousand posts (no sort since V16)"));

    private static boolean allowed(String page, StatementLog.Statement s, String why) {
        return ALLOWED.stream().anyMatch(a -> a.covers(page, s, why));
    }

    /** The first problem in SQLite's plan for {@code s}, or null. */
    private static String sqlitePlan(Connection c, StatementLog.Statement s) throws Exception {
        Map<String, String> tables = aliases(s.sql());
        try (var ps = StatementLog.prepare(c, "explain query plan ", s); ResultSet rs = ps.executeQuery()) {
            List<String> plan = new ArrayList<>();
            while (rs.next()) plan.add(rs.getString("detail"));
            boolean growing = false;
            for (String step : plan) {
                Matcher m = Pattern.compile("^(SCAN|SEARCH) (\\w+)").matcher(step);
                if (!m.find()) continue;
                String table = tables.getOrDefault(m.group(2), m.group(2));
                growing |= GROWING.contains(table);
                if (m.group(1).equals("SCAN") && GROWING.contains(table)) return "full scan of " + table + " (" + String.join("; ", plan) + ")";
            }
            // sorting to take a few rows means reading every row that matches first
            if (growing && s.sql().contains("limit") && plan.stream().anyMatch(step -> step.startsWith("USE TEMP B-TREE FOR ORDER BY"))) {
                return "sorts every matching row to take a few (" + String.join("; ", plan) + ")";
            }
        }
        return null;
    }

    /** The first problem in PostgreSQL's executed plan for {@code s}, or null. */
    private static String postgresPlan(Connection c, StatementLog.Statement s) throws Exception {
        try (var ps = StatementLog.prepare(c, "explain (analyze, format json) ", s); ResultSet rs = ps.executeQuery()) {
            rs.next();
            JsonNode plan = new ObjectMapper().readTree(rs.getString(1)).get(0).get("Plan");
            return postgresNode(plan);
        }
    }

    private static String postgresNode(JsonNode node) {
        String relation = node.path("Relation Name").asText("");
        if (GROWING.contains(relation)) {
            String type = node.path("Node Type").asText();
            long read = (node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
                    + node.path("Rows Removed by Index Recheck").asLong()) * Math.max(1, node.path("Actual Loops").asLong());
            if (type.equals("Seq Scan")) return "Seq Scan on " + relation + " with seq scans off: no index serves it";
            if (read > READ_BOUND) return type + " on " + relation + " read " + read + " rows (at most " + READ_BOUND + ")";
        }
        for (JsonNode child : node.path("Plans")) {
            String why = postgresNode(child);
            if (why != null) return why;
        }
        return null;
    }

    /** Table of each alias in {@code from x a} and {@code join x a} (and each table as itself). */
    private static Map<String, String> aliases(String sql) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?i)\\b(?:from|join)\\s+(\\w+)(?:\\s+(?:as\\s+)?(\\w+))?").matcher(sql);
        Set<String> keywords = Set.of("where", "join", "left", "inner", "on", "order", "group", "limit", "union", "using", "cross");
        while (m.find()) {
            out.put(m.group(1), m.group(1));
            if (m.group(2) != null && !keywords.contains(m.group(2).toLowerCase())) out.put(m.group(2), m.group(1));
        }
        return out;
    }

    private Document fetch(String path, int status, int maxStatements, Map<String, List<StatementLog.Statement>> byPage,
                           Map<String, Integer> bound) {
        log.drain();
        TestBlog.Response r = blog.get(path);
        assertEquals(status, r.status(), "GET " + path + ":\n" + r.text());
        byPage.put(path, log.drain());
        bound.put(path, maxStatements);
        return org.jsoup.Jsoup.parse(r.text(), blog.url(path));
    }

    private static String report(Map<String, List<StatementLog.Statement>> byPage) {
        StringBuilder out = new StringBuilder();
        byPage.forEach((page, statements) -> {
            out.append(page).append(": ").append(statements.size()).append(" statements\n");
            statements.forEach(s -> out.append("    ").append(s).append('\n'));
        });
        return out.toString();
    }

    /** N of the "Page 1 of N" line of a listing. */
    private static int pages(Document list) {
        Matcher m = Pattern.compile("of (\\d+)").matcher(list.select(".pager__count").text());
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }
}
