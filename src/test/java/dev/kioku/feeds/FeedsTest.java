package dev.kioku.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.kioku.App;
import dev.kioku.authors.Author;
import dev.kioku.authors.Role;
import dev.kioku.content.Kind;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.series.Series;
import dev.kioku.testing.AdminSession;
import dev.kioku.testing.TestBlog;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The site's, a tag's, an author's, a series' and the comment feeds in RSS 2.0, Atom and JSON Feed, as a feed
 * reader fetches them, on SQLite and PostgreSQL.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class FeedsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPOILER = "the butler did it";

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Author aiko;
    Post rain;
    Post palace;
    Series series;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        aiko = blog.author("Aiko Mori");
        var posts = blog.app.posts();
        rain = posts.publish(posts.create(PostDraft.post("On rain", """
                        Rain on the [roof](/about/) & the <window>.

                        ![A wet street](/media/2026/11/street.jpg "Evening")

                        :::spoiler The ending
                        In the end, %s.
                        :::

                        After the spoiler.[^1]

                        [^1]: A footnote.
                        """.formatted(SPOILER), aiko.id(), List.of("anime", "weather"))).id(),
                TestBlog.START.minus(Duration.ofHours(2)));
        palace = posts.publish(posts.create(PostDraft.post("The memory palace", "Walk through a house you know.",
                aiko.id(), List.of("anime"))).id(), TestBlog.START.minus(Duration.ofHours(1)));
        posts.create(PostDraft.post("Secret draft", "Not yet.", aiko.id(), List.of("anime")));
        posts.publish(posts.create(PostDraft.page("About", "About me.", aiko.id())).id(), TestBlog.START.minus(Duration.ofHours(3)));
        series = blog.app.series().create("Palaces", "A series.");
        blog.app.series().addPost(series.id(), rain.id());
        blog.app.series().addPost(series.id(), palace.id());
        blog.app.comments().addApproved(rain.id(), null, "Kenji", "kenji@example.org", "https://kenji.example/",
                "A [link](/about/) and *praise*.", TestBlog.START.minus(Duration.ofMinutes(30)));
    }

    @AfterEach
    void stop() {
        if (blog != null) blog.close();
    }

    /** Every feed of the site, as its RSS address. */
    private List<String> feedPaths() {
        return List.of("/feed/", "/tag/anime/feed/", "/author/aiko-mori/feed/", series.url() + "feed/", "/comments/feed/",
                "/comments/" + rain.id() + "/feed/");
    }

    private TestBlog.Response fetch(String path, FeedFormat format) {
        TestBlog.Response r = blog.get(format.url(path));
        assertEquals(200, r.status(), format.url(path) + ": " + r.text());
        assertEquals(format.contentType(), r.header("Content-Type"), format.url(path));
        return r;
    }

    private SyndFeed rome(String path, FeedFormat format) throws Exception {
        TestBlog.Response r = fetch(path, format);
        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(r.body())));
        assertEquals(format == FeedFormat.RSS ? "rss_2.0" : "atom_1.0", feed.getFeedType(), path);
        return feed;
    }

    private JsonNode json(String path) throws Exception {
        return JSON.readTree(fetch(path, FeedFormat.JSON).body());
    }

    private static List<String> all(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static void assertAbsolute(String url, String where) {
        assertNotNull(url, where);
        URI u = URI.create(url);
        assertTrue(u.isAbsolute() && u.getHost() != null && url.startsWith("http"), where + ": " + url);
    }

    private String rssItems(String path) {
        return fetch(path, FeedFormat.RSS).text();
    }

    // ---- format

    @Test
    void every_feed_parses_with_rome_with_absolute_links_and_rfc_dates() throws Exception {
        for (String path : feedPaths()) {
            for (FeedFormat format : List.of(FeedFormat.RSS, FeedFormat.ATOM)) {
                SyndFeed feed = rome(path, format);
                String where = format + " " + path;
                assertFalse(feed.getEntries().isEmpty(), where);
                assertAbsolute(feed.getLink(), where);
                for (SyndLink l : feed.getLinks()) assertAbsolute(l.getHref(), where);
                for (SyndEntry e : feed.getEntries()) {
                    assertAbsolute(e.getLink(), where);
                    assertTrue(e.getUri().startsWith(blog.app.config().publicBase() + "/?p="), where + ": " + e.getUri());
                    assertNotNull(e.getPublishedDate(), where);
                    assertFalse(e.getAuthor() == null || e.getAuthor().isBlank(), where);
                }
                String xml = fetch(path, format).text();
                assertFalse(xml.contains("@example.org"), "no commenter email in " + where);
                assertTrue(xml.contains("rel=\"self\""), where);
                assertFalse(xml.contains("href=\"/") || xml.contains("src=\"/") || xml.contains("href=&quot;/")
                        || xml.contains("src=&quot;/"), "no relative URL in " + where);
                if (format == FeedFormat.RSS) {
                    List<String> dates = all(xml, "<(?:pubDate|lastBuildDate)>([^<]+)<");
                    assertTrue(dates.size() > feed.getEntries().size(), where);
                    for (String d : dates) DateTimeFormatter.RFC_1123_DATE_TIME.parse(d);
                } else {
                    List<String> dates = all(xml, "<(?:updated|published)>([^<]+)<");
                    assertTrue(dates.size() > feed.getEntries().size(), where);
                    for (String d : dates) {
                        assertTrue(d.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})"), where + ": " + d);
                    }
                }
            }
            JsonNode j = json(path);
            assertEquals("https://jsonfeed.org/version/1.1", j.get("version").asText());
            assertEquals(blog.app.config().publicBase() + path + "json/", j.get("feed_url").asText());
            assertAbsolute(j.get("home_page_url").asText(), path);
            assertFalse(j.get("items").isEmpty(), path);
            for (JsonNode item : j.get("items")) {
                assertAbsolute(item.get("url").asText(), path);
                OffsetDateTime.parse(item.get("date_published").asText());
                OffsetDateTime.parse(item.get("date_modified").asText());
                assertTrue(item.has("content_html") || item.has("content_text"), path);
            }
        }
    }

    @Test
    void the_site_feed_has_published_posts_newest_first_and_no_page_or_draft() throws Exception {
        SyndFeed rss = rome("/feed/", FeedFormat.RSS);
        assertEquals(List.of("The memory palace", "On rain"), rss.getEntries().stream().map(SyndEntry::getTitle).toList());
        assertEquals("Kioku", rss.getTitle());
        assertEquals(blog.app.config().publicBase() + "/", rss.getLink());
        SyndEntry entry = rss.getEntries().get(1);
        assertEquals(blog.app.config().publicBase() + "/2026/11/20/on-rain/", entry.getLink());
        assertEquals("Aiko Mori", entry.getAuthor());
        assertEquals(List.of("anime", "weather"), entry.getCategories().stream().map(c -> c.getName()).toList());

        assertEquals(List.of("Kioku » Tag: weather"), List.of(rome("/tag/weather/feed/", FeedFormat.ATOM).getTitle()));
        assertEquals(List.of("On rain"), rome("/tag/weather/feed/", FeedFormat.ATOM).getEntries().stream().map(SyndEntry::getTitle).toList());
        assertEquals(List.of("The memory palace", "On rain"),
                rome(series.url() + "feed/", FeedFormat.ATOM).getEntries().stream().map(SyndEntry::getTitle).toList());
        assertEquals(404, blog.get("/tag/no-such-tag/feed/").status());
        assertEquals(404, blog.get("/series/no-such-series/feed/json/").status());
        assertEquals(404, blog.get("/author/nobody/feed/atom/").status());
    }

    // ---- content

    @Test
    void full_text_has_the_body_with_absolute_urls_and_never_the_spoiler() throws Exception {
        String base = blog.app.config().publicBase();
        String postUrl = base + "/2026/11/20/on-rain/";
        SyndEntry rss = rome("/feed/", FeedFormat.RSS).getEntries().get(1);
        String html = rss.getContents().getFirst().getValue();
        assertTrue(html.contains("<a href=\"" + base + "/about/\">roof</a>"), html);
        assertTrue(html.contains("src=\"" + base + "/media/2026/11/street.jpg\""), html);
        assertTrue(html.contains("<figure") || html.contains("<img"), html);
        assertTrue(html.contains("This post contains a spoiler — <a href=\"" + postUrl + "\">read it on the site</a>"), html);
        assertTrue(html.contains("After the spoiler."), html);
        assertTrue(html.contains("href=\"" + postUrl + "#"), "footnote links point into the post: " + html);
        assertTrue(rss.getDescription().getValue().startsWith("Rain on the roof &amp; the"), rss.getDescription().getValue());

        SyndEntry atom = rome("/feed/", FeedFormat.ATOM).getEntries().get(1);
        assertTrue(atom.getContents().getFirst().getValue().contains("read it on the site"));
        assertEquals("html", atom.getContents().getFirst().getType());
        JsonNode item = json("/feed/").get("items").get(1);
        assertTrue(item.get("content_html").asText().contains("read it on the site"));
        assertTrue(item.get("summary").asText().startsWith("Rain on the roof & the"));

        for (String path : feedPaths()) {
            for (FeedFormat f : FeedFormat.values()) assertFalse(fetch(path, f).text().contains(SPOILER), "spoiler in " + f.url(path));
        }
        assertTrue(blog.get("/2026/11/20/on-rain/").text().contains(SPOILER), "the post itself still has it, folded");
    }

    @Test
    void the_excerpt_setting_leaves_the_text_out_and_the_item_count_is_a_setting() throws Exception {
        AdminSession owner = AdminSession.as(blog, Role.OWNER, "Olive Owner");
        Document settings = owner.page("/admin/settings/");
        assertEquals("full", settings.selectFirst("input[name=feedContent][checked]").val());
        assertEquals("10", settings.selectFirst("#feedItems").val());
        String before = rssItems("/feed/");
        assertTrue(before.contains("<content:encoded>"), before);

        TestBlog.Response saved = owner.post("/admin/settings/", settingsForm(settings, "feedContent", "excerpt", "feedItems", "1"));
        assertEquals(303, saved.status(), saved.text());

        String rss = rssItems("/feed/");
        assertFalse(rss.contains("content:encoded"), rss);
        assertEquals(1, rome("/feed/", FeedFormat.RSS).getEntries().size(), "the feed was redrawn with one item");
        SyndFeed atom = rome("/tag/anime/feed/", FeedFormat.ATOM);
        assertEquals(1, atom.getEntries().size());
        assertTrue(atom.getEntries().getFirst().getContents().isEmpty());
        JsonNode item = json("/feed/").get("items").get(0);
        assertNull(item.get("content_html"));
        assertEquals("Walk through a house you know.", item.get("content_text").asText());
        blog.app.comments().addApproved(rain.id(), null, "Mei", "mei@example.org", null, "Second.", TestBlog.START);
        assertEquals(1, rome("/comments/" + rain.id() + "/feed/", FeedFormat.ATOM).getEntries().size());
        for (String path : feedPaths()) assertFalse(fetch(path, FeedFormat.JSON).text().contains(SPOILER));

        TestBlog.Response refused = owner.post("/admin/settings/", settingsForm(owner.page("/admin/settings/"),
                "feedItems", "many", "feedContent", "everything"));
        assertEquals(422, refused.status());
        Document form = owner.parse(refused);
        assertEquals("Choose a number from 1 to 100.", form.selectFirst("#feedItems-error").text());
        assertEquals("Choose full text or excerpt.", form.selectFirst("#feedContent-error").text());
        assertEquals("many", form.selectFirst("#feedItems").val(), "kept as typed");
        assertEquals(1, blog.app.site().settings().feedItems());
        assertFalse(blog.app.site().settings().feedFullText());
    }

    private static String[] settingsForm(Document page, String... overrides) {
        var fields = dev.kioku.testing.AdminClient.fields(page.selectFirst("form.settings"));
        fields.remove("_csrf");
        fields.put("logo", List.of(""));
        for (int i = 0; i < overrides.length; i += 2) fields.put(overrides[i], List.of(overrides[i + 1]));
        return fields.entrySet().stream().flatMap(e -> e.getValue().stream().flatMap(v -> java.util.stream.Stream.of(e.getKey(), v)))
                .toArray(String[]::new);
    }

    // ---- ids

    private List<String> ids(TestBlog.Response rss, TestBlog.Response atom, TestBlog.Response jsonFeed) throws Exception {
        List<String> guids = all(rss.text(), "<guid isPermaLink=\"false\">([^<]+)</guid>");
        List<String> atomIds = all(atom.text(), "<entry>.*?<id>([^<]+)</id>");
        List<String> jsonIds = StreamSupport.stream(JSON.readTree(jsonFeed.body()).get("items").spliterator(), false)
                .map(i -> i.get("id").asText()).toList();
        assertEquals(guids, atomIds);
        assertEquals(guids, jsonIds);
        return guids;
    }

    private List<String> ids(String path) throws Exception {
        return ids(fetch(path, FeedFormat.RSS), fetch(path, FeedFormat.ATOM), fetch(path, FeedFormat.JSON));
    }

    @Test
    void ids_stay_the_same_after_a_new_title_and_slug_and_across_restarts() throws Exception {
        String base = blog.app.config().publicBase();
        List<String> posts = ids("/feed/");
        assertEquals(List.of(base + "/?p=" + palace.id(), base + "/?p=" + rain.id()), posts);
        long commentId = blog.app.comments().approved(rain.id()).getFirst().id();
        List<String> comments = ids("/comments/" + rain.id() + "/feed/");
        assertEquals(List.of(base + "/?p=" + rain.id() + "#comment-" + commentId), comments);

        blog.app.posts().update(rain.id(), new PostDraft(Kind.POST, "On heavy rain", "heavy-rain", rain.bodyMd(), aiko.id(),
                List.of("anime", "weather"), null, true, null));
        SyndFeed renamed = rome("/feed/", FeedFormat.RSS);
        assertEquals("On heavy rain", renamed.getEntries().get(1).getTitle(), "the cached feed was dropped");
        assertEquals(base + "/2026/11/20/heavy-rain/", renamed.getEntries().get(1).getLink());
        assertEquals(posts, ids("/feed/"));
        assertEquals(comments, ids("/comments/" + rain.id() + "/feed/"));
        assertTrue(rome("/comments/" + rain.id() + "/feed/", FeedFormat.ATOM).getEntries().getFirst().getTitle().contains("On heavy rain"));

        String rssBefore = fetch("/feed/", FeedFormat.RSS).text();
        var config = blog.app.config();
        blog.close();
        blog = null;
        try (App again = new App(config, new dev.kioku.testing.MutableClock(TestBlog.START.plus(Duration.ofDays(1))))) {
            int port = again.start();
            HttpClient http = HttpClient.newHttpClient();
            String url = "http://127.0.0.1:" + port;
            TestBlog.Response rss = TestBlog.send(http, HttpRequest.newBuilder(URI.create(url + "/feed/")));
            TestBlog.Response atom = TestBlog.send(http, HttpRequest.newBuilder(URI.create(url + "/feed/atom/")));
            TestBlog.Response json = TestBlog.send(http, HttpRequest.newBuilder(URI.create(url + "/feed/json/")));
            assertEquals(posts, ids(rss, atom, json));
            assertEquals(rssBefore, rss.text(), "the same feed, byte for byte, after a restart a day later");
        }
    }

    // ---- caching

    @Test
    void feeds_answer_304_to_their_etag_and_to_if_modified_since() {
        for (FeedFormat f : FeedFormat.values()) {
            TestBlog.Response first = fetch("/tag/anime/feed/", f);
            String etag = first.header("ETag");
            assertNotNull(etag);
            assertNotNull(first.header("Last-Modified"));
            assertEquals(304, blog.get(f.url("/tag/anime/feed/"), "If-None-Match", etag).status());
            assertEquals(304, blog.get(f.url("/tag/anime/feed/"), "If-Modified-Since", first.header("Last-Modified")).status());
            assertEquals(200, blog.get(f.url("/tag/anime/feed/"), "If-Modified-Since", "Thu, 01 Jan 2026 00:00:00 GMT").status());
            assertEquals(200, blog.get(f.url("/tag/anime/feed/"), "If-None-Match", "\"other\"", "If-Modified-Since",
                    first.header("Last-Modified")).status(), "If-None-Match decides when both are sent");
            TestBlog.Response zipped = blog.get(f.url("/tag/anime/feed/"), "Accept-Encoding", "gzip");
            assertEquals("gzip", zipped.header("Content-Encoding"));
        }
    }

    @Test
    void a_post_published_now_is_in_the_feeds_at_once_and_a_draft_or_scheduled_post_never() throws Exception {
        var posts = blog.app.posts();
        assertEquals(2, rome("/feed/", FeedFormat.RSS).getEntries().size(), "cached now");
        Post draft = posts.create(PostDraft.post("Fresh news", "Hot off the press.", aiko.id(), List.of("anime")));
        Post later = posts.create(PostDraft.post("Tomorrow's news", "Not yet.", aiko.id(), List.of("anime")));
        posts.publish(later.id(), TestBlog.START.plus(Duration.ofDays(1)));
        for (String path : List.of("/feed/", "/tag/anime/feed/", "/author/aiko-mori/feed/")) {
            for (FeedFormat f : FeedFormat.values()) {
                String text = fetch(path, f).text();
                assertFalse(text.contains("Fresh news") || text.contains("Secret draft") || text.contains("Tomorrow"), f.url(path));
                assertFalse(text.contains("About me"), "pages are not in feeds: " + f.url(path));
            }
        }

        posts.publish(draft.id(), null);

        for (String path : List.of("/feed/", "/tag/anime/feed/", "/author/aiko-mori/feed/")) {
            assertEquals("Fresh news", rome(path, FeedFormat.RSS).getEntries().getFirst().getTitle(), path);
            assertEquals("Fresh news", rome(path, FeedFormat.ATOM).getEntries().getFirst().getTitle(), path);
            assertEquals("Fresh news", json(path).get("items").get(0).get("title").asText(), path);
        }
        blog.app.series().addPost(series.id(), draft.id());
        assertEquals("Fresh news", rome(series.url() + "feed/", FeedFormat.RSS).getEntries().getFirst().getTitle());

        // a part already in the series when it is published shows in the series' feed at once (it was cached without it)
        Post part = posts.create(PostDraft.post("Next part", "Soon.", aiko.id(), List.of()));
        blog.app.series().addPost(series.id(), part.id());
        assertEquals("Fresh news", rome(series.url() + "feed/", FeedFormat.RSS).getEntries().getFirst().getTitle());
        posts.publish(part.id(), null);
        assertEquals("Next part", rome(series.url() + "feed/", FeedFormat.RSS).getEntries().getFirst().getTitle());
    }

    // ---- autodiscovery

    /** The feeds a page announces (its other alternates, such as oEmbed discovery, are left out). */
    private List<String> alternates(String path) {
        Document page = blog.page(path);
        return page.select("link[rel=alternate]").stream().filter(l -> !l.attr("type").contains("oembed"))
                .map(l -> l.attr("type") + " " + l.attr("href")).toList();
    }

    private List<String> three(String feedUrl) {
        return List.of("application/rss+xml " + feedUrl, "application/atom+xml " + feedUrl + "atom/",
                "application/feed+json " + feedUrl + "json/");
    }

    @Test
    void pages_announce_the_sites_feeds_and_their_own() {
        String base = blog.app.config().publicBase();
        List<String> site = three(base + "/feed/");
        assertEquals(site, alternates("/"));
        assertEquals(site, alternates("/about/"));
        assertEquals(concat(site, three(base + "/tag/anime/feed/")), alternates("/tag/anime/"));
        assertEquals(concat(site, three(base + "/author/aiko-mori/feed/")), alternates("/author/aiko-mori/"));
        assertEquals(concat(site, three(base + series.url() + "feed/")), alternates(series.url()));
        assertEquals(concat(site, three(base + "/comments/" + rain.id() + "/feed/")), alternates("/2026/11/20/on-rain/"));
        for (String alternate : alternates("/2026/11/20/on-rain/")) {
            String path = alternate.substring(alternate.indexOf(' ') + 1).substring(base.length());
            TestBlog.Response r = blog.get(path);
            assertEquals(200, r.status(), path);
            assertEquals(alternate.substring(0, alternate.indexOf(' ')) + "; charset=utf-8", r.header("Content-Type"));
        }
        var rss = blog.page("/").selectFirst(".site-footer a[href=/feed/]");
        assertNotNull(rss, "a visible RSS link in the footer");
        assertEquals("RSS", rss.text());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
