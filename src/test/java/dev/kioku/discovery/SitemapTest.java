package dev.kioku.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.authors.Author;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.series.Series;
import dev.kioku.testing.TestBlog;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code /sitemap.xml}, its sub-sitemaps past 1,000 addresses, and {@code /robots.txt}, on SQLite and PostgreSQL. */
@ParameterizedClass
@EnumSource(Engine.class)
class SitemapTest {
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

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

    private String abs(String path) {
        return blog.app.site().site().absolute(path);
    }

    private Post published(PostDraft draft, Duration ago) {
        Post p = blog.app.posts().create(draft);
        return blog.app.posts().publish(p.id(), TestBlog.START.minus(ago));
    }

    /** The sitemap document at {@code path}: root element name, then each loc with its lastmod (or ""). */
    private record Sitemap(String root, Map<String, String> urls) {
    }

    private Sitemap sitemap(String path) throws Exception {
        TestBlog.Response r = blog.get(path);
        assertEquals(200, r.status(), path);
        assertEquals("application/xml; charset=utf-8", r.header("Content-Type"));
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        var doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
        Element root = doc.getDocumentElement();
        assertEquals(NS, root.getNamespaceURI());
        Map<String, String> urls = new LinkedHashMap<>();
        NodeList entries = root.getElementsByTagNameNS(NS, root.getLocalName().equals("urlset") ? "url" : "sitemap");
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            NodeList lastmod = e.getElementsByTagNameNS(NS, "lastmod");
            urls.put(e.getElementsByTagNameNS(NS, "loc").item(0).getTextContent(),
                    lastmod.getLength() == 0 ? "" : lastmod.item(0).getTextContent());
        }
        return new Sitemap(root.getLocalName(), urls);
    }

    @Test
    void the_sitemap_lists_every_public_address_absolute_with_its_last_change_and_nothing_private() throws Exception {
        Post tea = published(PostDraft.post("Tea", "Tea.", aiko.id(), List.of("Drinks")), Duration.ofDays(2));
        blog.clock.advance(Duration.ofHours(1));
        blog.app.posts().update(tea.id(), PostDraft.post("Tea", "Green tea.", aiko.id(), List.of("Drinks")));
        blog.app.posts().create(PostDraft.post("Secret draft", "Not yet.", aiko.id(), List.of("Hidden")));
        Post about = blog.app.posts().create(PostDraft.page("About", "Me.", aiko.id()));
        blog.app.posts().publish(about.id(), null);
        blog.app.posts().create(PostDraft.page("Unfinished page", "…", aiko.id()));
        blog.author("Ren Takahashi");
        Series palace = blog.app.series().create("The Memory Palace", "");

        Sitemap map = sitemap("/sitemap.xml");

        assertEquals("urlset", map.root());
        assertEquals(List.of(abs("/"), abs("/about/"), abs("/2026/11/18/tea/"), abs("/series/"), abs(palace.url()),
                abs("/tag/drinks/"), abs("/author/aiko-mori/")), new ArrayList<>(map.urls().keySet()));
        String teaChanged = "2026-11-20T11:00:00Z";
        assertEquals(teaChanged, map.urls().get(abs("/2026/11/18/tea/")), "lastmod is the post's last update, W3C format");
        assertEquals(teaChanged, map.urls().get(abs("/")));
        assertEquals(teaChanged, map.urls().get(abs("/tag/drinks/")));
        for (String lastmod : map.urls().values()) {
            assertTrue(lastmod.isEmpty() || Instant.parse(lastmod) != null, lastmod);
        }
        assertEquals(404, blog.get("/sitemap-posts-1.xml").status(), "no sub-sitemaps while one file holds everything");
    }

    @Test
    void publishing_a_post_adds_it_to_the_cached_sitemap() throws Exception {
        published(PostDraft.post("First", "One.", aiko.id(), List.of()), Duration.ofDays(1));
        assertEquals(3, sitemap("/sitemap.xml").urls().size());

        published(PostDraft.post("Second", "Two.", aiko.id(), List.of()), Duration.ofHours(1));

        assertTrue(sitemap("/sitemap.xml").urls().containsKey(abs("/2026/11/20/second/")));
    }

    @Test
    void past_a_thousand_addresses_the_sitemap_is_an_index_of_sub_sitemaps_of_a_thousand_each() throws Exception {
        published(PostDraft.post("Made the usual way", "Body.", aiko.id(), List.of("Notes")), Duration.ofDays(1));
        Post about = blog.app.posts().create(PostDraft.page("About", "Me.", aiko.id()));
        blog.app.posts().publish(about.id(), null);
        long day = Duration.ofDays(1).toMillis();
        long start = TestBlog.START.minus(Duration.ofDays(3000)).toEpochMilli();
        blog.app.database().jdbi().useTransaction(h -> {
            var batch = h.prepareBatch("""
                    insert into posts (kind, title, slug, body_md, body_html, excerpt, words, status, published_at,
                                       created_at, updated_at, author_id, comments_open)
                    values ('post', :title, :slug, 'x', '<p>x</p>', 'x', 1, :status, :at, :at, :at, :author, true)""");
            for (int i = 0; i < 1105; i++) {
                batch.bind("title", "Bulk " + i).bind("slug", "bulk-" + i).bind("status", i < 1100 ? "published" : "draft")
                        .bind("at", start + i * day).bind("author", aiko.id()).add();
            }
            batch.execute();
        });

        Sitemap index = sitemap("/sitemap.xml");

        assertEquals("sitemapindex", index.root());
        assertEquals(List.of(abs("/sitemap-posts-1.xml"), abs("/sitemap-posts-2.xml"), abs("/sitemap-pages-1.xml"),
                abs("/sitemap-taxonomies-1.xml")), new ArrayList<>(index.urls().keySet()));
        Sitemap posts1 = sitemap("/sitemap-posts-1.xml");
        Sitemap posts2 = sitemap("/sitemap-posts-2.xml");
        assertEquals("urlset", posts1.root());
        assertEquals(1000, posts1.urls().size());
        assertEquals(101, posts2.urls().size(), "1,100 bulk posts and the usual one; the drafts are left out");
        assertTrue(posts1.urls().keySet().stream().allMatch(u -> u.startsWith(abs("/"))));
        assertFalse(posts2.urls().keySet().stream().anyMatch(u -> u.contains("bulk-1100")), "drafts are not listed");
        assertTrue(posts1.urls().containsKey(abs("/2026/11/19/made-the-usual-way/")), "listed in the order they were made");
        assertEquals(List.of(abs("/"), abs("/about/")), new ArrayList<>(sitemap("/sitemap-pages-1.xml").urls().keySet()));
        assertEquals(List.of(abs("/tag/notes/"), abs("/author/aiko-mori/")),
                new ArrayList<>(sitemap("/sitemap-taxonomies-1.xml").urls().keySet()));
        assertEquals(404, blog.get("/sitemap-posts-3.xml").status());
        assertEquals(404, blog.get("/sitemap-anything-1.xml").status());
    }

    @Test
    void robots_txt_keeps_crawlers_out_of_private_places_and_names_the_sitemap() {
        TestBlog.Response r = blog.get("/robots.txt");

        assertEquals(200, r.status());
        assertEquals("text/plain;charset=utf-8", r.header("Content-Type").replace(" ", ""));
        List<String> lines = r.text().lines().toList();
        assertEquals("User-agent: *", lines.getFirst());
        for (String path : List.of("/admin/", "/preview/", "/readers/", "/comments/*/reply", "/comments/*/edit")) {
            assertTrue(lines.contains("Disallow: " + path), path);
        }
        assertFalse(lines.contains("Disallow: /"), "the blog itself stays open");
        assertTrue(lines.contains("Sitemap: " + abs("/sitemap.xml")), r.text());
    }
}
