package dev.kioku.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kioku.authors.Author;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.media.Media;
import dev.kioku.testing.TestBlog;
import dev.kioku.testing.TestImages;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** oEmbed answers for posts and pages, and the card they frame, on SQLite and PostgreSQL. */
@ParameterizedClass
@EnumSource(Engine.class)
class OEmbedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Author aiko;
    Post walk;
    Media photo;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir);
        aiko = blog.author("Aiko Mori");
        photo = blog.app.media().add("test", "walk.jpg", TestImages.jpeg(1200, 800), "A road over hills", "");
        Post p = blog.app.posts().create(PostDraft.post("A walk & a <talk>", "We walked along the coast.", aiko.id(), List.of())
                .withSlug("a-walk").withFeaturedImage(photo.id()));
        walk = blog.app.posts().publish(p.id(), TestBlog.START.minus(Duration.ofHours(1)));
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private String abs(String path) {
        return blog.app.site().site().absolute(path);
    }

    private TestBlog.Response oembed(String url, String more) {
        return blog.get("/oembed/?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8) + more);
    }

    @Test
    void a_post_address_answers_a_rich_card_whose_iframe_shows_the_embed_page() throws Exception {
        TestBlog.Response r = oembed(abs("/2026/11/20/a-walk/"), "&format=json");

        assertEquals(200, r.status());
        assertTrue(r.header("Content-Type").startsWith("application/json"));
        JsonNode o = JSON.readTree(r.body());
        assertEquals("1.0", o.get("version").asText());
        assertEquals("rich", o.get("type").asText());
        assertEquals("A walk & a <talk>", o.get("title").asText());
        assertEquals("Aiko Mori", o.get("author_name").asText());
        assertEquals(abs("/author/aiko-mori/"), o.get("author_url").asText());
        assertEquals("Kioku", o.get("provider_name").asText());
        assertEquals(abs("/"), o.get("provider_url").asText());
        assertEquals(600, o.get("width").asInt());
        assertEquals(338, o.get("height").asInt());
        Media.Variant thumb = photo.renditionAtLeast(480);
        assertEquals(abs(thumb.path()), o.get("thumbnail_url").asText());
        assertEquals(thumb.width(), o.get("thumbnail_width").asInt());
        assertEquals(thumb.height(), o.get("thumbnail_height").asInt());
        Element iframe = Jsoup.parseBodyFragment(o.get("html").asText()).selectFirst("iframe");
        assertEquals(abs("/embed/" + walk.id() + "/"), iframe.attr("src"));
        assertEquals("allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation", iframe.attr("sandbox"));
        assertEquals("A walk & a <talk> · Kioku", iframe.attr("title"));
        assertFalse(o.get("html").asText().contains("<talk>"), "the title is escaped inside the HTML");
        assertEquals("600", iframe.attr("width"));
    }

    @Test
    void the_xml_format_carries_the_same_fields_and_maxwidth_and_maxheight_are_respected() throws Exception {
        TestBlog.Response r = oembed(abs("/2026/11/20/a-walk/"), "&format=xml&maxwidth=400&maxheight=200");

        assertEquals(200, r.status());
        assertTrue(r.header("Content-Type").startsWith("text/xml"));
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
        assertEquals("oembed", doc.getDocumentElement().getTagName());
        assertEquals("rich", doc.getElementsByTagName("type").item(0).getTextContent());
        assertEquals("A walk & a <talk>", doc.getElementsByTagName("title").item(0).getTextContent());
        assertEquals("400", doc.getElementsByTagName("width").item(0).getTextContent());
        assertEquals("200", doc.getElementsByTagName("height").item(0).getTextContent());
        assertTrue(doc.getElementsByTagName("html").item(0).getTextContent().contains("width=\"400\" height=\"200\""));
    }

    @Test
    void pages_can_be_embedded_and_addresses_that_are_not_public_posts_of_this_site_answer_404() {
        Post about = blog.app.posts().create(PostDraft.page("About", "Me.", aiko.id()));
        blog.app.posts().publish(about.id(), null);
        Post draft = blog.app.posts().create(PostDraft.post("Draft", "Soon.", aiko.id(), List.of()));

        assertEquals(200, oembed(abs("/about/"), "").status(), "json is the default format");
        assertEquals(404, oembed(abs("/2026/11/20/draft/"), "").status());
        assertEquals(404, oembed(abs("/archives/" + draft.id() + "/"), "").status());
        assertEquals(404, oembed("https://elsewhere.example/2026/11/20/a-walk/", "").status());
        assertEquals(404, oembed(abs("/2026/11/20/nothing/"), "").status());
        assertEquals(404, oembed(abs("/tag/notes/"), "").status());
        assertEquals(404, oembed("not a url at all", "").status());
        assertEquals(400, blog.get("/oembed/").status());
        assertEquals(501, oembed(abs("/2026/11/20/a-walk/"), "&format=yaml").status());
    }

    @Test
    void the_embed_card_may_be_framed_by_any_site_while_other_pages_may_not() {
        TestBlog.Response r = blog.get("/embed/" + walk.id() + "/");

        assertEquals(200, r.status());
        assertTrue(r.header("Content-Security-Policy").contains("frame-ancestors *"), r.header("Content-Security-Policy"));
        assertNull(r.header("X-Frame-Options"));
        Document card = Jsoup.parse(r.text(), abs("/"));
        assertEquals("A walk & a <talk>", card.selectFirst("h1").text());
        assertEquals("We walked along the coast.", card.selectFirst(".embed-card__excerpt").text());
        assertEquals("Kioku", card.selectFirst(".embed-card__site").text());
        assertTrue(card.selectFirst(".embed-card__image img").attr("src").startsWith("/media/"));
        Element more = card.selectFirst(".embed-card__more a");
        assertEquals(abs("/2026/11/20/a-walk/"), more.attr("href"));
        assertEquals("_top", more.attr("target"), "the post opens in the reader's window, not in the frame");
        assertEquals("noindex", card.selectFirst("meta[name=robots]").attr("content"));
        TestBlog.Response again = blog.get("/embed/" + walk.id() + "/");
        assertTrue(again.header("Content-Security-Policy").contains("frame-ancestors *"), "the cached answer too");

        TestBlog.Response post = blog.get("/2026/11/20/a-walk/");
        assertTrue(post.header("Content-Security-Policy").contains("frame-ancestors 'self'"));
        assertEquals("SAMEORIGIN", post.header("X-Frame-Options"));
        assertEquals(404, blog.get("/embed/999999/").status());
        assertEquals(404, blog.get("/embed/abc/").status());
    }
}
