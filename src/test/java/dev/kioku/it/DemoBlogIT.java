package dev.kioku.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar, started like an operator starts it, on an empty data folder: it fills in the demo blog,
 * every page of it answers 200 and is valid HTML by the Nu checker, and acknowledged writes survive kill -9.
 */
class DemoBlogIT {
    @TempDir
    Path dir;

    @Test
    void every_demo_page_answers_200_and_passes_the_nu_html_checker() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        List<String> assets = new ArrayList<>();
        List<String> feeds = new ArrayList<>();
        java.util.Set<String> oembeds = new java.util.LinkedHashSet<>();
        try (RunningJar kioku = RunningJar.start(dir.resolve("data"), dir.resolve("kioku.log"))) {
            System.out.println("first 200 after " + kioku.startup.toMillis() + " ms (includes writing the demo blog)");
            Deque<String> queue = new ArrayDeque<>(List.of("/"));
            while (!queue.isEmpty() && pages.size() < 300) {
                String path = queue.poll();
                if (pages.containsKey(path) || feeds.contains(path)) continue;
                HttpResponse<String> r = kioku.get(path);
                assertEquals(200, r.statusCode(), "GET " + path);
                String type = r.headers().firstValue("Content-Type").orElse("");
                if (!type.startsWith("text/html")) {
                    // a feed, with no links to follow here: JSON Feed 1.1, or RSS/Atom that Rome can read
                    if (type.startsWith("application/feed+json")) {
                        assertEquals("https://jsonfeed.org/version/1.1",
                                new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("version").asText(), path);
                    } else {
                        new com.rometools.rome.io.SyndFeedInput().build(new com.rometools.rome.io.XmlReader(
                                new java.io.ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8))));
                    }
                    feeds.add(path);
                    continue;
                }
                pages.put(path, r.body());
                Document doc = Jsoup.parse(r.body(), "http://127.0.0.1:" + kioku.port + path);
                String origin = "http://127.0.0.1:" + kioku.port;
                for (Element alternate : doc.select("link[rel=alternate][href^=" + origin + "/]")) {
                    String href = alternate.attr("href").substring(origin.length());
                    if (alternate.attr("type").contains("oembed")) oembeds.add(href);
                    else if (!feeds.contains(href)) queue.add(href);
                }
                for (Element a : doc.select("a[href^=/], link[href^=/], img[src^=/]")) {
                    String link = a.hasAttr("href") ? a.attr("href") : a.attr("src");
                    link = link.replaceFirst("#.*", "");
                    if (link.startsWith("/assets/") || link.startsWith("/media/") || link.startsWith("/avatars/")) assets.add(link);
                    else if (!link.isEmpty() && !pages.containsKey(link)) queue.add(link);
                }
            }
            for (String asset : assets) assertEquals(200, kioku.get(asset).statusCode(), "GET " + asset);
            assertFalse(oembeds.isEmpty(), "pages announce oEmbed");
            for (String oembed : oembeds) {
                HttpResponse<String> r = kioku.get(oembed);
                assertEquals(200, r.statusCode(), "GET " + oembed);
                if (oembed.contains("format=json")) {
                    assertEquals("1.0", new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("version").asText(), oembed);
                } else {
                    assertTrue(r.body().contains("<version>1.0</version>"), oembed);
                }
            }
            discovery(kioku, pages);
            HttpResponse<String> missing = kioku.get("/no/such/page/");
            assertEquals(404, missing.statusCode());
            pages.put("/no/such/page/ (404)", missing.body());
        }

        for (String expected : List.of("/", "/series/", "/series/the-memory-palace/", "/about/", "/tag/memory/", "/author/aiko-mori/")) {
            assertTrue(pages.containsKey(expected),
                    "crawl reached " + expected + " (got " + pages.keySet() + ")");
        }
        assertTrue(pages.keySet().stream().anyMatch(p -> p.matches("/\\d{4}/\\d{2}/\\d{2}/walking-through-a-house-you-already-know/")));
        assertTrue(pages.keySet().stream().anyMatch(p -> p.matches("/\\d{4}/\\d{2}/")), "a month archive");
        assertTrue(pages.size() >= 12, "crawled " + pages.size() + " pages");
        assertTrue(feeds.stream().anyMatch(f -> f.matches("/comments/\\d+/feed/")), "a post's comment feed was linked: " + feeds);
        for (String expected : List.of("/feed/", "/feed/atom/", "/feed/json/", "/tag/memory/feed/json/", "/author/aiko-mori/feed/atom/",
                "/series/the-memory-palace/feed/")) {
            assertTrue(feeds.contains(expected), "crawl reached " + expected + " (got " + feeds + ")");
        }

        List<String> files = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path file = dir.resolve("page-" + (i++) + ".html");
            Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
            files.add(file.toString());
        }
        String report = NuChecker.errors(files);
        assertEquals("", report, "Nu HTML checker errors in " + pages.keySet());
    }

    @Test
    void demo_content_written_before_a_kill_9_is_there_after_a_restart_and_not_added_twice() throws Exception {
        Path data = dir.resolve("data");
        String part1;
        try (RunningJar first = RunningJar.start(data, dir.resolve("first.log"))) {
            Document home = Jsoup.parse(first.get("/").body());
            part1 = home.select(".card__title a").stream().map(a -> a.attr("href"))
                    .filter(h -> h.contains("walking-through")).findFirst().orElseThrow();
            first.kill9();
        }
        try (RunningJar second = RunningJar.start(data, dir.resolve("second.log"))) {
            assertEquals(200, second.get(part1).statusCode());
            Document home = Jsoup.parse(second.get("/").body());
            assertEquals(5, home.select(".card__title").size(), "the demo blog once, not twice");
            assertTrue(Files.readString(dir.resolve("second.log")).lines().noneMatch(l -> l.contains("added the demo blog")));
        }
    }

    /**
     * The demo's review post carries a Review with what search engines require, its oEmbed card (added to the
     * pages the Nu checker reads) answers, and the sitemap and robots.txt name the blog's addresses.
     */
    private static void discovery(RunningJar kioku, Map<String, String> pages) throws Exception {
        String reviewPath = pages.keySet().stream().filter(p -> p.contains("reading-moonwalking-with-einstein")).findFirst()
                .orElseThrow(() -> new AssertionError("the review post was linked: " + pages.keySet()));
        Document review = Jsoup.parse(pages.get(reviewPath));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(review.selectFirst("script[type=application/ld+json]").data());
        var node = java.util.stream.StreamSupport.stream(json.get("@graph").spliterator(), false)
                .filter(n -> n.get("@type").asText().equals("Review")).findFirst().orElseThrow();
        assertEquals("Book", node.at("/itemReviewed/@type").asText());
        assertEquals("Moonwalking with Einstein", node.at("/itemReviewed/name").asText());
        assertEquals(4, node.at("/reviewRating/ratingValue").asInt());
        assertEquals("Aiko Mori", node.at("/author/name").asText());
        assertTrue(node.hasNonNull("datePublished"));

        String oembed = review.selectFirst("link[type=application/json+oembed]").attr("href");
        HttpResponse<String> card = kioku.get(oembed.substring(oembed.indexOf("/oembed/")));
        assertEquals(200, card.statusCode(), oembed);
        String src = Jsoup.parseBodyFragment(new com.fasterxml.jackson.databind.ObjectMapper().readTree(card.body())
                .get("html").asText()).selectFirst("iframe").attr("src");
        String embed = src.substring(src.indexOf("/embed/"));
        HttpResponse<String> framed = kioku.get(embed);
        assertEquals(200, framed.statusCode(), embed);
        pages.put(embed, framed.body());

        HttpResponse<String> sitemap = kioku.get("/sitemap.xml");
        assertEquals(200, sitemap.statusCode());
        assertTrue(sitemap.body().contains(reviewPath + "</loc>"), sitemap.body());
        assertTrue(kioku.get("/robots.txt").body().contains("Sitemap: "), "robots.txt names the sitemap");
    }
}
