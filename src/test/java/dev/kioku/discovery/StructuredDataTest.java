package dev.kioku.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kioku.authors.Author;
import dev.kioku.content.Kind;
import dev.kioku.content.PermalinkStyle;
import dev.kioku.content.Post;
import dev.kioku.content.ReviewKind;
import dev.kioku.content.Status;
import dev.kioku.content.Tag;
import dev.kioku.discovery.StructuredData.Crumb;
import dev.kioku.site.Site;
import dev.kioku.site.SiteSettings;
import dev.kioku.web.Meta;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON-LD of every kind of page is valid JSON that reads back as given and holds no {@code <} (so no title can
 * close its script element), whatever the titles and names hold.
 */
class StructuredDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRICKY = "Quotes \" and \\ back\\slash, </script><!-- tab\tnew\nline\r\f\b \u0000\u001f\u007f "
            + "é 日本 😀 \u2028 a/b & 'single'";

    @Test
    void a_rated_review_with_every_part_is_the_text_jackson_writes_and_reads_back_as_given() throws Exception {
        Site site = site(new Site.Logo("/media/logo.png", 64, 32));
        Post p = post(Kind.POST, new Post.Review("The <Book> \"One\"", 1999, "Ann \\ Author", ReviewKind.BOOK, "https://book.example/?a=1&b=2", 4));
        Author author = new Author(3, TRICKY, "ann", "", null, null, List.of());
        String script = StructuredData.of(site).post(p, author, "https://blog.example/x/", new Meta.Image("https://blog.example/m.jpg", 1200, 600, "alt"), null)
                .breadcrumbs(List.of(new Crumb("Tag " + TRICKY, "/tag/t/"), new Crumb(p.title(), "/x/"))).script();
        JsonNode root = sameAsJackson(script);
        JsonNode review = root.get("@graph").get(0);
        assertEquals("Review", review.get("@type").asText());
        assertEquals(p.title(), review.get("headline").asText());
        assertEquals(p.title(), review.get("name").asText());
        assertEquals(TRICKY, review.get("author").get("name").asText());
        assertEquals(4, review.get("reviewRating").get("ratingValue").asInt());
        assertEquals("The <Book> \"One\"", review.get("itemReviewed").get("name").asText());
        assertEquals("Ann \\ Author", review.get("itemReviewed").get("author").get("name").asText());
        assertEquals("1999", review.get("itemReviewed").get("datePublished").asText());
        assertEquals(64, review.get("publisher").get("logo").get("width").asInt());
        assertEquals("Walks, Sea <3", review.get("keywords").asText());
        JsonNode crumbs = root.get("@graph").get(1).get("itemListElement");
        assertEquals(3, crumbs.size());
        assertEquals("Tag " + TRICKY, crumbs.get(1).get("name").asText());
        assertEquals(3, crumbs.get(2).get("position").asInt());
    }

    @Test
    void pages_profiles_collections_and_the_home_page_are_the_text_jackson_writes() throws Exception {
        Site site = site(null);
        sameAsJackson(StructuredData.of(site).post(post(Kind.PAGE, null), new Author(1, "A", "a", "", null, null, List.of()), "https://blog.example/about/", null, null).script());
        sameAsJackson(StructuredData.of(site).post(post(Kind.POST, new Post.Review("Place", null, null, ReviewKind.PLACE, null, null)),
                new Author(1, "A", "a", "", null, null, List.of()), "https://blog.example/p/", new Meta.Image("https://blog.example/i.png", 0, 0, ""), null).script());
        Author full = new Author(2, "Bo </script>", "bo", "Bio\nwith \"lines\"", "/media/bo.png", null,
                List.of(new Author.Link("Site", "https://bo.example/"), new Author.Link("Code", "https://code.example/bo?x=<1>")));
        JsonNode profile = sameAsJackson(StructuredData.of(site).profile(full).breadcrumbs(List.of(new Crumb(full.displayName(), full.url()))).script());
        assertEquals(2, profile.get("@graph").get(0).get("mainEntity").get("sameAs").size());
        sameAsJackson(StructuredData.of(site).collection("Tag <b>", "", "/tag/b/").script());
        sameAsJackson(StructuredData.of(site).collection("Tag", "About \"tags\"", "/tag/b/").script());
        sameAsJackson(StructuredData.of(site).website("").script());
        sameAsJackson(StructuredData.of(site).website("A blog\u0001 that remembers").script());
    }

    /** Parses {@code script} and checks that Jackson writes the parsed tree as exactly the same text; returns it. */
    private static JsonNode sameAsJackson(String script) throws Exception {
        assertFalse(script.contains("<"), script);
        JsonNode root = JSON.readTree(script);
        assertEquals(JSON.writeValueAsString(root).replace("<", "\\u003c"), script);
        return root;
    }

    private static Site site(Site.Logo logo) {
        SiteSettings settings = new SiteSettings("Kioku \"notes\" <b>", "", "en", ZoneId.of("Europe/Paris"), 10, "", null, null,
                PermalinkStyle.DAY_AND_NAME);
        return new Site(settings, List.of(), "https://blog.example", "/theme.css", "/site.css", "/favicon.ico", logo);
    }

    private static Post post(Kind kind, Post.Review review) {
        Instant at = Instant.parse("2026-11-20T10:42:00Z");
        return new Post(7, kind, "A title with </script> and \"quotes\"", "a-title", "md", "<p>html</p>", "An excerpt\twith a tab",
                10, Status.PUBLISHED, at, at, at.plusSeconds(60), 3, null, true, review,
                List.of(new Tag(1, "walks", "Walks"), new Tag(2, "sea", "Sea <3")), null, 1, false);
    }
}
