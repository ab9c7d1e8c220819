package dev.kioku.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The streaming reader sees what STATS.json counted in every corpus file, and refuses what is not XML. */
class WxrReaderTest {
    static final List<WxrCorpus.Row> WELL_FORMED = WxrCorpus.wellFormed();
    static final List<WxrCorpus.Row> MALFORMED = WxrCorpus.malformed();

    @TempDir
    Path dir;

    private static List<Wxr.Item> items(Path file) {
        List<Wxr.Item> items = new ArrayList<>();
        new WxrReader().read(file, new Wxr.Listener() {
            @Override
            public void item(Wxr.Item i) {
                items.add(i);
            }
        });
        return items;
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("WELL_FORMED")
    void a_well_formed_export_yields_the_counted_posts_pages_attachments_and_comments(WxrCorpus.Row row) {
        List<Wxr.Item> items = items(row.file());

        assertEquals(row.posts(), items.stream().filter(i -> i.type().equals("post")).count(), "posts");
        assertEquals(row.pages(), items.stream().filter(i -> i.type().equals("page")).count(), "pages");
        assertEquals(row.attachments(), items.stream().filter(i -> i.type().equals("attachment")).count(), "attachments");
        assertEquals(row.comments(), items.stream().mapToLong(i -> i.comments().size()).sum(), "comments");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("MALFORMED")
    void a_malformed_export_stops_with_a_message_naming_the_line(WxrCorpus.Row row) {
        WxrException e = assertThrows(WxrException.class, () -> items(row.file()));

        assertTrue(e.getMessage().matches("line \\d+: .+"), e.getMessage());
    }

    @Test
    void a_doctype_with_entities_is_refused_before_any_entity_is_expanded() throws IOException {
        Path bomb = Files.writeString(dir.resolve("bomb.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <rss><channel><item><title>&lol2;</title></item></channel></rss>
                """);

        WxrException e = assertThrows(WxrException.class, () -> items(bomb));

        assertTrue(e.getMessage().startsWith("line 2: the file has a DOCTYPE"), e.getMessage());
    }

    @Test
    void an_external_entity_is_never_read() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
        Path xxe = Files.writeString(dir.resolve("xxe.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY x SYSTEM "%s">]>
                <rss><channel><item><title>&x;</title></item></channel></rss>
                """.formatted(secret.toUri()));

        WxrException e = assertThrows(WxrException.class, () -> items(xxe));

        assertTrue(e.getMessage().contains("DOCTYPE") && !e.getMessage().contains("top secret"), e.getMessage());
    }

    @Test
    void both_http_and_https_wordpress_namespaces_are_read() {
        Path file = WxrCorpus.file("wptt-theme-test-data/themeunittestdata.wordpress.xml");

        List<Wxr.Item> items = items(file);

        assertEquals(58, items.stream().filter(i -> i.type().equals("post")).count());
        assertTrue(items.stream().anyMatch(i -> i.sticky()));
    }
}
