package dev.kioku.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kioku.authors.Author;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.content.ReviewKind;
import dev.kioku.db.Engine;
import dev.kioku.media.Media;
import dev.kioku.series.Series;
import dev.kioku.testing.TestBlog;
import dev.kioku.testing.TestImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Link-preview tags and structured data in the head of every kind of public page, on SQLite and PostgreSQL. */
@ParameterizedClass
@EnumSource(Engine.class)
class HeadTagsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private Post published(PostDraft draft) {
        Post p = blog.app.posts().create(draft);
        return blog.app.posts().publish(p.id(), TestBlog.START.minus(Duration.ofHours(2)));
    }

    /** The absolute URL the blog gives a path (its configured base). */
    private String abs(String path) {
        return blog.app.site().site().absolute(path);
    }

    private static String meta(Document d, String key) {
        Element e = d.selectFirst("meta[property=" + key + "], meta[name=" + key + "]");
        return e == null ? null : e.attr("content");
    }

    /** Every object of the page's JSON-LD graph. */
    private static List<JsonNode> graph(Document d) throws Exception {
        List<Element> scripts = d.select("script[type=application/ld+json]");
        assertEquals(1, scripts.size(), "one JSON-LD script");
        JsonNode root = JSON.readTree(scripts.getFirst().data());
        assertEquals("https://schema.org", root.get("@context").asText());
        List<JsonNode> out = new ArrayList<>();
        root.get("@graph").forEach(out::add);
        return out;
    }

    private static JsonNode ofType(List<JsonNode> graph, String type) {
        return graph.stream().filter(n -> n.get("@type").asText().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + graph));
    }

    private static List<String> crumbs(List<JsonNode> graph) {
        List<String> out = new ArrayList<>();
        ofType(graph, "BreadcrumbList").get("itemListElement").forEach(i -> out.add(i.get("name").asText() + " " + i.get("item").asText()));
        return out;
    }

    @Test
    void a_post_has_description_canonical_opengraph_article_and_twitter_tags_with_its_large_featured_image() throws Exception {
        Media photo = blog.app.media().add("test", "walk.jpg", TestImages.jpeg(2400, 1200), "A road over green hills", "");
        Post p = published(PostDraft.post("A walk by the sea", "We walked along the *coast* all day.", aiko.id(), List.of("Walks", "Sea"))
                .withFeaturedImage(photo.id()));
        String url = abs("/2026/11/20/a-walk-by-the-sea/");

        Document d = blog.page("/2026/11/20/a-walk-by-the-sea/");

        assertEquals("We walked along the coast all day.", meta(d, "description"));
        assertEquals(url, d.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(url, meta(d, "og:url"));
        assertEquals("article", meta(d, "og:type"));
        assertEquals("A walk by the sea · Kioku", meta(d, "og:title"));
        assertEquals("We walked along the coast all day.", meta(d, "og:description"));
        assertEquals("Kioku", meta(d, "og:site_name"));
        assertEquals("en", meta(d, "og:locale"));
        Media.Variant big = photo.renditionAtLeast(1200);
        assertEquals(1600, big.width(), "the 1600 copy, not the 2400 original");
        assertEquals(abs(big.path()), meta(d, "og:image"));
        assertEquals("1600", meta(d, "og:image:width"));
        assertEquals("800", meta(d, "og:image:height"));
        assertEquals("A road over green hills", meta(d, "og:image:alt"));
        assertEquals("2026-11-20T08:00:00Z", meta(d, "article:published_time"));
        assertNotNull(meta(d, "article:modified_time"));
        assertEquals(abs("/author/aiko-mori/"), meta(d, "article:author"));
        assertEquals(List.of("Sea", "Walks"), d.select("meta[property=article:tag]").eachAttr("content"));
        assertEquals("summary_large_image", meta(d, "twitter:card"));
        assertEquals("A walk by the sea · Kioku", meta(d, "twitter:title"));
        assertEquals(abs(big.path()), meta(d, "twitter:image"));
        assertEquals(200, blog.get(big.path()).status(), "the preview image is served");
        String oembed = abs("/oembed/?url=") + java.net.URLEncoder.encode(url, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(oembed + "&format=json", d.selectFirst("link[type=application/json+oembed]").attr("href"));
        assertEquals(oembed + "&format=xml", d.selectFirst("link[type=text/xml+oembed]").attr("href"));

        JsonNode posting = ofType(graph(d), "BlogPosting");
        assertEquals("A walk by the sea", posting.get("headline").asText());
        assertEquals("We walked along the coast all day.", posting.get("description").asText());
        assertEquals("2026-11-20T08:00:00Z", posting.get("datePublished").asText());
        assertTrue(posting.has("dateModified"));
        assertEquals("Person", posting.at("/author/@type").asText());
        assertEquals("Aiko Mori", posting.at("/author/name").asText());
        assertEquals(abs("/author/aiko-mori/"), posting.at("/author/url").asText());
        assertEquals(abs(big.path()), posting.at("/image/url").asText());
        assertEquals(url, posting.at("/mainEntityOfPage/@id").asText());
        assertEquals("Kioku", posting.at("/publisher/name").asText());
        assertEquals("Sea, Walks", posting.get("keywords").asText());
        assertFalse(posting.has("itemReviewed"));
        assertEquals(List.of("Kioku " + abs("/"), "Sea " + abs("/tag/sea/"), "A walk by the sea " + url), crumbs(graph(d)));
    }

    @Test
    void a_post_without_image_has_a_small_twitter_card_and_no_image_tags() {
        published(PostDraft.post("Plain", "Just words.", aiko.id(), List.of()));

        Document d = blog.page("/2026/11/20/plain/");

        assertEquals("summary", meta(d, "twitter:card"));
        assertNull(meta(d, "og:image"));
        assertNull(meta(d, "twitter:image"));
    }

    @Test
    void a_rated_review_post_is_a_review_of_its_item_with_the_properties_search_engines_require() throws Exception {
        Post p = published(new PostDraft(dev.kioku.content.Kind.POST, "On Moonwalking with Einstein", null,
                "A book about *memory palaces*.", aiko.id(), List.of("Books"), null, true,
                new Post.Review("Moonwalking with Einstein", 2011, "Joshua Foer", ReviewKind.BOOK, "https://example.org/book", 4)));
        Series memory = blog.app.series().create("Memory", "");
        blog.app.series().addPost(memory.id(), p.id());

        Document d = blog.page("/2026/11/20/on-moonwalking-with-einstein/");

        JsonNode review = ofType(graph(d), "Review");
        assertEquals("On Moonwalking with Einstein", review.get("name").asText());
        assertEquals("Book", review.at("/itemReviewed/@type").asText());
        assertEquals("Moonwalking with Einstein", review.at("/itemReviewed/name").asText());
        assertEquals("Joshua Foer", review.at("/itemReviewed/author/name").asText());
        assertEquals("https://example.org/book", review.at("/itemReviewed/url").asText());
        assertEquals("2011", review.at("/itemReviewed/datePublished").asText());
        assertEquals("Rating", review.at("/reviewRating/@type").asText());
        assertEquals(4, review.at("/reviewRating/ratingValue").asInt());
        assertEquals(5, review.at("/reviewRating/bestRating").asInt());
        assertEquals("Aiko Mori", review.at("/author/name").asText());
        assertEquals("2026-11-20T08:00:00Z", review.get("datePublished").asText());
        assertEquals("Memory", review.at("/isPartOf/name").asText());
        assertEquals(List.of("Kioku " + abs("/"), "Memory " + abs("/series/memory/"),
                "On Moonwalking with Einstein " + abs("/2026/11/20/on-moonwalking-with-einstein/")), crumbs(graph(d)));
        // the item reviewed is visible on the page, not only in the structured data
        assertEquals("Review of Moonwalking with Einstein (2011) by Joshua Foer ★★★★☆", d.selectFirst(".review-of").text());
        assertEquals("4 out of 5 stars", d.selectFirst(".review-of__stars").attr("aria-label"));
        assertEquals("https://example.org/book", d.selectFirst(".review-of a").attr("href"));
    }

    @Test
    void an_unrated_review_is_a_blog_posting_about_its_item() throws Exception {
        published(new PostDraft(dev.kioku.content.Kind.POST, "Watching Frieren", null, "Slow and kind.", aiko.id(), List.of(),
                null, true, new Post.Review("Frieren", 2023, null, ReviewKind.TV_SERIES)));

        Document d = blog.page("/2026/11/20/watching-frieren/");

        JsonNode posting = ofType(graph(d), "BlogPosting");
        assertEquals("TVSeries", posting.at("/about/@type").asText());
        assertEquals("Frieren", posting.at("/about/name").asText());
        assertEquals("Review of Frieren (2023)", d.selectFirst(".review-of").text());
    }

    @Test
    void a_title_that_closes_the_script_element_stays_inside_the_json() throws Exception {
        String evil = "</script><script>alert(1)</script>";
        published(PostDraft.post(evil, "Body.", aiko.id(), List.of()).withSlug("evil"));

        Document d = blog.page("/2026/11/20/evil/");
        String html = blog.get("/2026/11/20/evil/").text();

        assertTrue(d.select("script").stream().noneMatch(e -> e.data().startsWith("alert")), "no script element came out of the title");
        assertFalse(html.contains("<script>alert(1)"), html);
        assertTrue(html.contains("\\u003c/script>\\u003cscript>alert(1)"), "< is written as \\u003c");
        assertEquals(evil, ofType(graph(d), "BlogPosting").get("headline").asText(), "the JSON still says what the title says");
    }

    @Test
    void a_page_is_a_web_page_with_its_excerpt_and_breadcrumb() throws Exception {
        Post about = blog.app.posts().create(PostDraft.page("About", "I write about memory.", aiko.id()));
        blog.app.posts().publish(about.id(), null);

        Document d = blog.page("/about/");

        assertEquals("I write about memory.", meta(d, "description"));
        assertEquals(abs("/about/"), d.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("website", meta(d, "og:type"));
        assertNull(meta(d, "article:published_time"));
        JsonNode page = ofType(graph(d), "WebPage");
        assertEquals("About", page.get("name").asText());
        assertEquals(abs("/about/"), page.get("url").asText());
        assertEquals(List.of("Kioku " + abs("/"), "About " + abs("/about/")), crumbs(graph(d)));
        assertNotNull(d.selectFirst("link[type=application/json+oembed]"));
    }

    @Test
    void the_home_page_is_the_web_site_and_lists_have_descriptions_of_their_own() throws Exception {
        published(PostDraft.post("Tea", "Tea.", aiko.id(), List.of("Drinks")));
        Series palace = blog.app.series().create("The Memory Palace", "");

        Document home = blog.page("/");
        assertEquals("A blog that remembers", meta(home, "description"));
        assertEquals(abs("/"), home.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("website", meta(home, "og:type"));
        JsonNode site = ofType(graph(home), "WebSite");
        assertEquals("Kioku", site.get("name").asText());
        assertEquals(abs("/"), site.get("url").asText());

        Document tag = blog.page("/tag/drinks/");
        assertEquals("Posts tagged Drinks on Kioku", meta(tag, "description"));
        assertEquals(abs("/tag/drinks/"), meta(tag, "og:url"));
        assertEquals("CollectionPage", ofType(graph(tag), "CollectionPage").get("@type").asText());
        assertEquals(List.of("Kioku " + abs("/"), "Drinks " + abs("/tag/drinks/")), crumbs(graph(tag)));

        Document series = blog.page(palace.url());
        assertEquals("The Memory Palace: a series in 0 parts on Kioku", meta(series, "description"));
        assertEquals(abs(palace.url()), series.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(List.of("Kioku " + abs("/"), "Series " + abs("/series/"), "The Memory Palace " + abs(palace.url())),
                crumbs(graph(series)));
        assertEquals(List.of("Kioku " + abs("/"), "Series " + abs("/series/")), crumbs(graph(blog.page("/series/"))));
    }

    @Test
    void an_author_page_is_a_profile_of_a_person_with_bio_avatar_and_contact_links() throws Exception {
        Author ren = blog.app.authors().create(new dev.kioku.authors.NewAuthor("ren@example.org", "Ren Takahashi",
                dev.kioku.authors.Role.AUTHOR, null, "Writes about trains.", null, null,
                List.of(new Author.Link("Mastodon", "https://mastodon.example/@ren"))));
        published(PostDraft.post("Trains", "Trains.", ren.id(), List.of()));

        Document d = blog.page("/author/ren-takahashi/");

        assertEquals("Writes about trains.", meta(d, "description"));
        assertEquals("profile", meta(d, "og:type"));
        assertEquals(abs("/author/ren-takahashi/"), d.selectFirst("link[rel=canonical]").attr("href"));
        JsonNode person = ofType(graph(d), "ProfilePage").get("mainEntity");
        assertEquals("Person", person.get("@type").asText());
        assertEquals("Ren Takahashi", person.get("name").asText());
        assertEquals(abs("/author/ren-takahashi/"), person.get("url").asText());
        assertEquals("Writes about trains.", person.get("description").asText());
        assertEquals("https://mastodon.example/@ren", person.get("sameAs").get(0).asText());
        assertEquals(List.of("Kioku " + abs("/"), "Ren Takahashi " + abs("/author/ren-takahashi/")), crumbs(graph(d)));
    }
}
