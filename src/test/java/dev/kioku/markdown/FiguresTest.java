package dev.kioku.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

    /** A 1200 px fox with copies 480 and 960 wide, and an 800 px owl with none. */
    private final Markdown withCopies = new Markdown(new ImageSizes() {
        @Override
        public Optional<Size> sizeOf(String src) {
            return switch (src) {
                case "/media/fox.jpg" -> Optional.of(new Size(1200, 800));
                case "/media/owl.jpg" -> Optional.of(new Size(800, 600));
                default -> Optional.empty();
            };
        }

        @Override
        public List<Variant> variantsOf(String src) {
            return src.equals("/media/fox.jpg")
                    ? List.of(new Variant("/media/fox-960w.jpg", 960), new Variant("/media/fox-480w.jpg", 480))
                    : List.of();
        }
    });

    @Test
    void a_figure_with_smaller_copies_offers_them_in_srcset_with_the_width_the_theme_shows_it() {
        Element img = Jsoup.parseBodyFragment(withCopies.render("![A fox](/media/fox.jpg \"Dawn\")").html())
                .selectFirst("figure > img");

        assertEquals("/media/fox.jpg", img.attr("src"));
        assertEquals(List.of("/media/fox-480w.jpg 480w", "/media/fox-960w.jpg 960w", "/media/fox.jpg 1200w"),
                List.of(img.attr("srcset").split("\\s*,\\s*")));
        assertEquals(ImageRenderer.FIGURE_SIZES, img.attr("sizes"));
        assertEquals("1200", img.attr("width"));
    }

    @Test
    void an_image_inside_text_with_copies_gets_srcset_sized_to_the_column() {
        Element img = Jsoup.parseBodyFragment(withCopies.render("See ![a fox](/media/fox.jpg) here.").html())
                .selectFirst("p > img");

        assertTrue(img.attr("srcset").endsWith("/media/fox.jpg 1200w"), img.attr("srcset"));
        assertEquals(ImageRenderer.INLINE_SIZES, img.attr("sizes"));
    }

    @Test
    void images_without_copies_or_unknown_images_get_no_srcset() {
        Document doc = Jsoup.parseBodyFragment(withCopies.render("![owl](/media/owl.jpg)\n\n![far](https://example.com/far.jpg)").html());

        for (Element img : doc.select("img")) {
            assertFalse(img.hasAttr("srcset"), img.outerHtml());
            assertFalse(img.hasAttr("sizes"), img.outerHtml());
        }
        assertEquals("800", doc.selectFirst("img[alt=owl]").attr("width"));
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
