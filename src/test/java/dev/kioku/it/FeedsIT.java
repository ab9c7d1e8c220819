package dev.kioku.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar's demo blog as feed readers see it: the site's, a tag's, a series' and a post's comment feeds,
 * found through the pages' autodiscovery links, parse with Rome (RSS, Atom) and are valid JSON Feed 1.1 by
 * the schema (npm jsonfeed-schema, checked by ajv); the demo's spoiler is in none of them.
 */
class FeedsIT {
    /** A line inside the spoiler of the demo's series part 1. */
    private static final String SPOILER = "Herons are birds";

    @TempDir
    Path dir;

    @Test
    void the_demo_blogs_feeds_parse_with_rome_and_validate_against_the_json_feed_schema() throws Exception {
        List<Path> jsonFeeds = new ArrayList<>();
        List<String> found = new ArrayList<>();
        try (RunningJar kioku = RunningJar.start(dir.resolve("data"), dir.resolve("kioku.log"))) {
            String base = "http://127.0.0.1:" + kioku.port;
            Document home = Jsoup.parse(kioku.get("/").body(), base + "/");
            String post = home.select(".card__title a").stream().map(a -> a.attr("href"))
                    .filter(h -> h.contains("walking-through")).findFirst().orElseThrow();
            assertTrue(kioku.get(post).body().contains(SPOILER), "the post page has the spoiler, folded");
            for (String page : List.of("/", "/tag/memory/", "/series/the-memory-palace/", post)) {
                Document d = Jsoup.parse(kioku.get(page).body(), base + page);
                // each page's own feeds come after the site's
                var links = d.select("link[rel=alternate]:not([type*=oembed])");
                assertEquals(page.equals("/") ? 3 : 6, links.size(), page);
                for (var link : links.subList(links.size() - 3, links.size())) {
                    String href = link.attr("href");
                    assertTrue(href.startsWith(base + "/"), href);
                    String path = href.substring(base.length());
                    HttpResponse<String> r = kioku.get(path);
                    assertEquals(200, r.statusCode(), path);
                    assertEquals(link.attr("type") + "; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""), path);
                    assertFalse(r.body().contains(SPOILER), "spoiler in " + path);
                    assertFalse(r.body().contains("@example.org"), "a commenter's email in " + path);
                    found.add(path);
                    if (link.attr("type").equals("application/feed+json")) {
                        Path file = dir.resolve("feed-" + jsonFeeds.size() + ".json");
                        Files.writeString(file, r.body(), StandardCharsets.UTF_8);
                        jsonFeeds.add(file);
                    } else {
                        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8))));
                        assertFalse(feed.getEntries().isEmpty(), path);
                        feed.getEntries().forEach(e -> assertTrue(e.getLink().startsWith(base + "/"), e.getLink()));
                    }
                }
            }
        }
        assertTrue(found.contains("/feed/json/") && found.contains("/tag/memory/feed/atom/")
                && found.contains("/series/the-memory-palace/feed/") && found.stream().anyMatch(p -> p.matches("/comments/\\d+/feed/json/")),
                "site, tag, series and comment feeds: " + found);
        assertEquals(4, jsonFeeds.size());
        assertEquals("", validate(jsonFeeds), "JSON Feed schema errors");
    }

    private static String validate(List<Path> files) throws IOException, InterruptedException {
        Path tools = Path.of(System.getProperty("kioku.tools", "target/tools"));
        assertTrue(Files.isDirectory(tools.resolve("node_modules/jsonfeed-schema")),
                "jsonfeed-schema is installed by the build (src/test/tools/install-tools.sh): " + tools);
        List<String> cmd = new ArrayList<>(List.of("node", Path.of("src/test/tools/validate-jsonfeed.js").toString(), tools.toString()));
        files.forEach(f -> cmd.add(f.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        return out.strip();
    }
}
