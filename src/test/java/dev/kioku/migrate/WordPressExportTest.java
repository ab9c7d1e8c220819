package dev.kioku.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.db.Engine;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code kioku export wordpress}, read back by Kioku's own importer into an empty blog. */
@ParameterizedClass
@EnumSource(Engine.class)
class WordPressExportTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog source;
    TestBlog target;

    @BeforeEach
    void start() {
        source = TestBlog.start(engine, dir.resolve("source"));
        RoundTripBlog.fill(source);
    }

    @AfterEach
    void stop() {
        if (source != null) source.close();
        if (target != null) target.close();
    }

    private ImportReport exportAndImport() {
        source.app.wordpressExport().run(dir.resolve("blog.xml"), dir.resolve("uploads"));
        target = TestBlog.start(engine, dir.resolve("target"));
        return target.app.wordpressImport().run(new WordPressImport.Options(dir.resolve("blog.xml"), dir.resolve("uploads"), false),
                WordPressImport.Progress.NONE);
    }

    @Test
    void an_export_imported_into_an_empty_blog_gives_the_same_posts_pages_series_tags_comments_and_media() {
        Map<String, Object> before = RoundTripBlog.describe(source.app);

        ImportReport report = exportAndImport();

        assertEquals(before, RoundTripBlog.describe(target.app), () -> String.join("\n", report.summary()));
        assertEquals(5, report.count("posts"));
        assertEquals(1, report.count("pages"));
        assertEquals(5, report.count("comments"));
        assertEquals(2, report.count("images"));
    }

    @Test
    void importing_the_export_twice_adds_nothing_the_second_time() {
        exportAndImport();
        Map<String, Object> once = RoundTripBlog.describe(target.app);

        ImportReport again = target.app.wordpressImport().run(new WordPressImport.Options(dir.resolve("blog.xml"), dir.resolve("uploads"), false),
                WordPressImport.Progress.NONE);

        assertEquals(once, RoundTripBlog.describe(target.app));
        assertEquals(0, again.count("posts") + again.count("pages") + again.count("comments") + again.count("images") + again.count("series"));
    }

    @Test
    void the_file_is_wxr_1_2_that_the_reader_takes_item_by_item() {
        source.app.wordpressExport().run(dir.resolve("blog.xml"), null);
        List<Wxr.Item> items = new ArrayList<>();
        List<Wxr.Term> terms = new ArrayList<>();
        Wxr.Channel[] channel = new Wxr.Channel[1];

        new WxrReader().read(dir.resolve("blog.xml"), new Wxr.Listener() {
            @Override
            public void channel(Wxr.Channel c) {
                channel[0] = c;
            }

            @Override
            public void term(Wxr.Term t) {
                terms.add(t);
            }

            @Override
            public void item(Wxr.Item i) {
                items.add(i);
            }
        });

        assertEquals("1.2", channel[0].version());
        assertEquals(source.base(), channel[0].baseSiteUrl());
        assertEquals(2, items.stream().filter(i -> i.type().equals("attachment")).count());
        Wxr.Item first = items.stream().filter(i -> i.slug().equals("walking-in-winter-part-one")).findFirst().orElseThrow();
        assertEquals("publish", first.status());
        assertTrue(first.content().contains("<img") && first.content().contains(source.base() + "/wp-content/uploads/2026/11/"), first.content());
        assertTrue(first.meta().get(WxrWriter.MARKDOWN).contains("`a < b && c > d` ]]> stays"), "a CDATA end inside the text survives");
        assertEquals(List.of("future"), items.stream().filter(i -> i.slug().equals("coming-soon")).map(Wxr.Item::status).toList());
        assertEquals(4, first.comments().size());
        assertTrue(terms.stream().anyMatch(t -> t.taxonomy().equals("kioku_series") && t.slug().equals("winter-walks")
                && t.meta().get(WxrWriter.PLANNED).size() == 1), terms::toString);
        assertTrue(terms.stream().anyMatch(t -> t.taxonomy().equals("post_tag") && t.name().equals("Winter & Snow")), terms::toString);
    }

    @Test
    void every_element_wordpress_itself_writes_for_channels_authors_posts_pages_images_and_comments_is_there() throws Exception {
        source.app.wordpressExport().run(dir.resolve("blog.xml"), null);

        java.util.Set<String> ours = shape(dir.resolve("blog.xml"));
        java.util.Set<String> wordpress = shape(WxrCorpus.file("wordpress-importer/phpunit-data/theme-unit-test-data.xml"));

        java.util.Set<String> missing = new java.util.TreeSet<>(wordpress);
        missing.removeAll(ours);
        missing.remove("channel/wp:category"); // Kioku has tags only: categories came in as tags
        missing.remove("page/wp:comment"); // pages take no comments here
        missing.remove("channel/image"); // the site icon, optional in RSS (the test blog has no logo)
        assertEquals(java.util.Set.of(), missing, "what WordPress writes and this export does not");
    }

    /** Which child elements each kind of thing has: {@code post/wp:post_name}, {@code comment/wp:comment_parent}, … */
    private static java.util.Set<String> shape(Path file) throws Exception {
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document d = factory.newDocumentBuilder().parse(file.toFile());
        java.util.Set<String> out = new java.util.TreeSet<>();
        org.w3c.dom.Element channel = children(d.getDocumentElement()).getFirst();
        for (org.w3c.dom.Element c : children(channel)) {
            String name = name(c);
            if (name.equals("item")) {
                String type = children(c).stream().filter(e -> name(e).equals("wp:post_type")).findFirst().map(e -> e.getTextContent().strip()).orElse("");
                if (!List.of("post", "page", "attachment").contains(type)) continue;
                for (org.w3c.dom.Element f : children(c)) {
                    out.add(type + "/" + name(f));
                    if (name(f).equals("wp:comment")) for (org.w3c.dom.Element g : children(f)) if (!name(g).equals("wp:commentmeta")) out.add("comment/" + name(g));
                }
            } else {
                out.add("channel/" + name);
                if (name.equals("wp:author")) for (org.w3c.dom.Element g : children(c)) out.add("author/" + name(g));
            }
        }
        return out;
    }

    private static List<org.w3c.dom.Element> children(org.w3c.dom.Element e) {
        List<org.w3c.dom.Element> out = new ArrayList<>();
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof org.w3c.dom.Element el) out.add(el);
        return out;
    }

    private static String name(org.w3c.dom.Element e) {
        String ns = e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
        String prefix = ns.contains("/excerpt") ? "excerpt:" : ns.contains("wordpress.org/export") ? "wp:" : ns.contains("/content/") ? "content:"
                : ns.contains("purl.org/dc") ? "dc:" : ns.isEmpty() ? "" : "?:";
        return prefix + e.getLocalName();
    }
}
