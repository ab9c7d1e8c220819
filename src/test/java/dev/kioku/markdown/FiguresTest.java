package dev.kioku.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class FiguresTest {

    private final Markdown markdown = new Markdown(src -> src.equals("/media/fox.png")
            ? Optional.of(new ImageSizes.Size(1200, 800))
            : Optional.empty());

    private Document render(String source) {
        return Jsoup.parseBodyFragment(markdown.render(source).html());
    }

    @Test
    void an_image_alone_in_a_paragraph_becomes_a_figure_captioned_by_its_title() {
        Document doc = render("![A red fox](/media/fox.png \"The fox, at dawn\")");

        Element figure = doc.selectFirst("body > figure");
        Element img = figure.selectFirst("> img");
        assertEquals("/media/fox.png", img.attr("src"));
        assertEquals("A red fox", img.attr("alt"));
        assertEquals("lazy", img.attr("loading"));
        assertEquals("async", img.attr("decoding"));
        assertEquals("1200", img.attr("width"));
        assertEquals("800", img.attr("height"));
        assertEquals("The fox, at dawn", figure.selectFirst("> figcaption").text());
        assertTrue(doc.select("p").isEmpty(), "no paragraph wraps the figure");
    }

    @Test
    void a_figure_without_a_title_has_no_caption_and_no_size_when_the_size_is_unknown() {
        Element figure = render("![](https://cdn.example.com/a.png)").selectFirst("figure");

        Element img = figure.selectFirst("img");
        assertTrue(img.hasAttr("alt"), "alt is always present");
        assertEquals("", img.attr("alt"));
        assertFalse(img.hasAttr("width"));
        assertFalse(img.hasAttr("height"));
        assertNull(figure.selectFirst("figcaption"));
    }

    @Test
    void a_caption_is_escaped_text_not_markup() {
        Element figure = render("![x](/media/fox.png \"<b>bold</b> & <script>x</script>\")")
                .selectFirst("figure");

        assertEquals("<b>bold</b> & <script>x</script>", figure.selectFirst("figcaption").text());
        assertTrue(figure.select("b, script").isEmpty());
    }

    @Test
    void an_image_inside_text_stays_inline_lazy_and_sized() {
        Document doc = render("See ![the fox](/media/fox.png) here.");

        Element img = doc.selectFirst("p > img");
        assertEquals("lazy", img.attr("loading"));
        assertEquals("1200", img.attr("width"));
        assertEquals("800", img.attr("height"));
        assertEquals("the fox", img.attr("alt"));
        assertTrue(doc.select("figure").isEmpty());
    }

    @Test
    void a_size_lookup_that_fails_leaves_the_image_unsized() {
        Markdown failing = new Markdown(src -> {
            throw new IllegalStateException("disk gone");
        });

        Element img = Jsoup.parseBodyFragment(failing.render("![a](/media/a.png)").html())
                .selectFirst("figure > img");

        assertEquals("/media/a.png", img.attr("src"));
        assertFalse(img.hasAttr("width"));
    }

    @Test
    void alt_text_is_the_plain_text_of_the_image_description() {
        Element img = render("![a *fine* `fox`](/media/fox.png)").selectFirst("img");

        assertEquals("a fine fox", img.attr("alt"));
    }

    @Test
    void a_linked_image_stays_an_inline_image_inside_its_link() {
        Document doc = render("[![fox](/media/fox.png)](https://example.com/)");

        assertEquals("https://example.com/", doc.selectFirst("p > a").attr("href"));
        assertEquals("/media/fox.png", doc.selectFirst("p > a > img").attr("src"));
    }
}
