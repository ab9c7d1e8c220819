package dev.kioku.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ExtensionsTest {

    private final Markdown markdown = new Markdown(ImageSizes.NONE);

    private Document render(String source) {
        return Jsoup.parseBodyFragment(markdown.render(source).html());
    }

    @Test
    void a_footnote_reference_links_to_its_note_and_back_with_ids_kept_by_the_policy() {
        Document doc = render("A claim.[^src]\n\n[^src]: The *source*.\n");

        Element ref = doc.selectFirst("p > sup.footnote-ref > a");
        Element note = doc.selectFirst("body > section.footnotes > ol > li");
        assertEquals("#" + note.id(), ref.attr("href"));
        assertFalse(note.id().isEmpty());
        assertEquals("source", note.selectFirst("em").text());
        Element back = note.selectFirst("a.footnote-backref");
        assertEquals("#" + ref.id(), back.attr("href"));
        assertFalse(ref.id().isEmpty());
    }

    @Test
    void a_table_renders_with_alignment_as_classes_not_obsolete_align() {
        Document doc = render("""
        | Name | Age | Town |
        |:-----|----:|:----:|
        | Ana  | 31  | Oslo |
        """);

        List<String> headers = doc.select("table > thead > tr > th").eachText();
        assertEquals(List.of("Name", "Age", "Town"), headers);
        List<String> classes = doc.select("table > tbody > tr > td").eachAttr("class");
        assertEquals(List.of("align-left", "align-right", "align-center"), classes);
        assertTrue(doc.select("[align]").isEmpty());
    }

    @Test
    void bare_urls_and_emails_become_links() {
        Document doc =
                render("See https://example.com/a?b=1 or www.example.org, mail ana@example.com.");

        List<String> hrefs = doc.select("a").eachAttr("href");
        assertEquals(List.of("https://example.com/a?b=1", "http://www.example.org",
                "mailto:ana@example.com"), hrefs);
    }

    @Test
    void off_site_links_keep_their_href_and_gain_nothing() {
        Element a = render("[elsewhere](https://other.example/page \"Other\")").selectFirst("a");

        assertEquals("https://other.example/page", a.attr("href"));
        assertEquals("Other", a.attr("title"));
        assertEquals(2, a.attributesSize(), "no rel, target or anything else is added");
    }

    @Test
    void a_fenced_code_language_becomes_a_lower_case_class() {
        Element code = render("```Java\nint x;\n```").selectFirst("pre > code");

        assertEquals("language-java", code.className());
        assertEquals("int x;\n", code.wholeText());
    }

    @Test
    void allowed_raw_html_passes_and_the_rest_is_stripped() {
        Document doc = render("Press <kbd>Ctrl</kbd> "
                + "<span style=\"color:red\" onclick=\"x()\">now</span>"
                + " <abbr title=\"HyperText\">HTML</abbr> <u>under</u>");

        assertEquals("Ctrl", doc.selectFirst("kbd").text());
        assertEquals("HyperText", doc.selectFirst("abbr").attr("title"));
        assertTrue(doc.select("[style], [onclick], u").isEmpty());
        assertTrue(doc.text().contains("now") && doc.text().contains("under"));
    }
}
