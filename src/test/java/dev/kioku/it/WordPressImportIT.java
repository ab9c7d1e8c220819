package dev.kioku.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real WordPress exports from the shared corpus, imported with {@code kioku import wordpress} into the built jar:
 * every public address the blog then lists (its sitemap: posts, pages, tags, authors) answers 200 and passes the
 * Nu HTML checker. An error is accepted only on a post or page the importer reported as carrying markup that
 * cannot be made valid.
 */
class WordPressImportIT {
    static final Path CORPUS = Path.of("..", "shared", "corpus", "wxr").toAbsolutePath().normalize();
    static final String THEME_UNIT_TEST = "wptt-theme-test-data/themeunittestdata.wordpress.xml";
    /** The theme unit test, the block-editor test data, a real WordPress.com export of 2025, and the accessibility test data. */
    static final List<String> FILES = List.of(THEME_UNIT_TEST, "wptt-theme-test-data/64-block-test-data.xml",
            "jekyll-import/sitetitle.wordpress.2025-01-19.000.xml", "wordpress-importer/phpunit-data/a11y-unit-test-data.xml");
    static final String CARRIED = "markup the source carries";

    @TempDir
    Path dir;

    /** One crawled page: which import, its path, and the title of the post or page it shows. */
    record Checked(String file, String path, String title) {
    }

    @Test
    void every_imported_post_and_page_answers_200_and_passes_the_nu_html_checker() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(CORPUS.resolve("STATS.json")), "skipped: the WordPress export corpus is not at " + CORPUS);
        List<String> listed = new ArrayList<>();
        for (JsonNode row : new ObjectMapper().readTree(CORPUS.resolve("STATS.json").toFile())) listed.add(Path.of(row.get("file").asText()).normalize().toString());
        assertTrue(listed.containsAll(FILES), "STATS.json lists " + FILES + ": " + listed);

        Map<String, Checked> pages = new LinkedHashMap<>();
        Map<String, List<String>> notes = new LinkedHashMap<>();
        int themePostsAndPages = 0;
        for (String file : FILES) {
            Path data = dir.resolve("data-" + notes.size());
            String out = RunningJar.command("import", "wordpress", CORPUS.resolve(file).toString(), "--data", data.toString());
            notes.put(file, out.lines().filter(l -> l.startsWith("  ")).map(String::strip).toList());
            try (RunningJar kioku = RunningJar.start(data, dir.resolve("kioku-" + notes.size() + ".log"))) {
                List<String> paths = sitemap(kioku, "/sitemap.xml");
                assertTrue(paths.size() > 3, file + ": sitemap lists " + paths);
                for (String path : paths) {
                    HttpResponse<String> r = kioku.get(path);
                    assertEquals(200, r.statusCode(), file + ": GET " + path);
                    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
                    Document doc = Jsoup.parse(r.body());
                    Element h1 = doc.selectFirst("main h1, h1");
                    Path saved = dir.resolve("page-" + pages.size() + ".html");
                    Files.writeString(saved, r.body(), StandardCharsets.UTF_8);
                    pages.put(saved.getFileName().toString(), new Checked(file, path, h1 == null ? "" : h1.text()));
                    if (file.equals(THEME_UNIT_TEST) && isPostOrPage(path)) themePostsAndPages++;
                }
            }
        }
        assertEquals(55 + 21, themePostsAndPages, "the theme unit test's public posts and pages are all listed");

        List<String> unexplained = new ArrayList<>();
        int accepted = 0;
        Pattern line = Pattern.compile("^\"[^\"]*/(page-\\d+\\.html)\":(\\S+): (?:error|fatal): (.*)$");
        for (String error : NuChecker.errors(pages.keySet().stream().map(f -> dir.resolve(f).toString()).toList()).lines().toList()) {
            Matcher m = line.matcher(error);
            if (!m.matches()) {
                unexplained.add(error);
                continue;
            }
            Checked page = pages.get(m.group(1));
            boolean reported = notes.get(page.file()).stream().anyMatch(n -> n.contains("“" + page.title() + "”") && n.contains(CARRIED));
            if (reported) accepted++;
            else unexplained.add(page.file() + " " + page.path() + " (“" + page.title() + "”) " + m.group(2) + ": " + m.group(3));
        }
        System.out.println("checked " + pages.size() + " pages of " + FILES.size() + " imports; " + accepted
                + " Nu errors on markup the importer reported");
        assertEquals("", String.join("\n", unexplained), "Nu HTML checker errors not reported by the importer");
    }

    private static boolean isPostOrPage(String path) {
        return !path.equals("/") && !path.startsWith("/tag/") && !path.startsWith("/author/") && !path.startsWith("/series/");
    }

    /** Every path a sitemap (or a sitemap index, through its sub-sitemaps) names. */
    private static List<String> sitemap(RunningJar kioku, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = kioku.get(path);
        assertEquals(200, r.statusCode(), "GET " + path);
        Document xml = Jsoup.parse(r.body(), Parser.xmlParser());
        List<String> paths = new ArrayList<>();
        boolean index = xml.selectFirst("sitemapindex") != null;
        for (Element loc : xml.select("loc")) {
            String p = URI.create(loc.text().strip()).getRawPath();
            if (index) paths.addAll(sitemap(kioku, p));
            else paths.add(p);
        }
        return paths;
    }
}
