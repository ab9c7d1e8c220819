package dev.kioku.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kioku.markdown.ImageSizes;
import dev.kioku.markdown.Markdown;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** WordPress content becomes Markdown that renders as WordPress showed it. */
class WordPressHtmlTest {
    private static final Markdown MARKDOWN = new Markdown(ImageSizes.NONE);
    private static final UnaryOperator<String> SAME = u -> u;

    private static WordPressHtml.Converted convert(String html) {
        return WordPressHtml.convert(html, SAME, ids -> List.of(new Shortcodes.Image("/media/a.jpg", "A", "First"),
                new Shortcodes.Image("/media/b.jpg", "B", "")));
    }

    private static String html(String wordpress) {
        return MARKDOWN.render(convert(wordpress).markdown()).html();
    }

    @Test
    void classic_posts_get_paragraphs_from_blank_lines_and_breaks_from_single_ones() {
        assertEquals("<p>One line<br />\nnext line</p>\n<p>Second paragraph</p>\n", html("One line\nnext line\n\nSecond paragraph"));
    }

    @Test
    void a_caption_becomes_a_figure_with_its_caption() {
        String out = html("[caption id=\"attachment_1\" align=\"alignright\" width=\"300\"]<a href=\"/x\"><img src=\"/media/x.jpg\" alt=\"A boat\" "
                + "width=\"300\" height=\"200\" /></a> The boat at dawn[/caption]");

        assertTrue(out.contains("<figure><img src=\"/media/x.jpg\" alt=\"A boat\""), out);
        assertTrue(out.contains("<figcaption>The boat at dawn</figcaption></figure>"), out);
    }

    @Test
    void a_gallery_becomes_figures() {
        String out = html("[gallery columns=\"2\" ids=\"1,2\"]");

        assertTrue(out.contains("<figure><img src=\"/media/a.jpg\" alt=\"A\""), out);
        assertTrue(out.contains("<figcaption>First</figcaption>"), out);
        assertTrue(out.contains("<figure><img src=\"/media/b.jpg\" alt=\"B\""), out);
    }

    @Test
    void audio_and_video_become_links_and_are_reported() {
        WordPressHtml.Converted c = convert("[audio mp3=\"https://example.org/song.mp3\"][/audio]\n\n<video src=\"https://example.org/v.mp4\"></video>");
        String out = MARKDOWN.render(c.markdown()).html();

        assertTrue(out.contains("<a href=\"https://example.org/song.mp3\">Audio: song.mp3</a>"), out);
        assertTrue(out.contains("<a href=\"https://example.org/v.mp4\">Video: https://example.org/v.mp4</a>"), out);
        assertTrue(c.notes().contains("<video> turned into a link"), c.notes()::toString);
    }

    @Test
    void unknown_shortcodes_stay_visible_and_are_reported_but_bracketed_words_are_not() {
        WordPressHtml.Converted c = convert("[contact-form to=\"me@example.org\"] and [simple boat] [top]");
        String out = MARKDOWN.render(c.markdown()).html();

        assertEquals("[contact-form to=\"me@example.org\"] and [simple boat] [top]", org.jsoup.Jsoup.parse(out).text());
        assertEquals(List.of("shortcode [contact-form] kept as text"), c.notes());
    }

    @Test
    void block_editor_comments_go_and_their_html_becomes_markdown() {
        WordPressHtml.Converted c = convert("<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">Title</h2>\n<!-- /wp:heading -->\n\n"
                + "<!-- wp:paragraph -->\n<p>Some <strong>bold</strong> and a <a href=\"https://example.org/\">link</a>.</p>\n<!-- /wp:paragraph -->\n\n"
                + "<!-- wp:list -->\n<ul><li>one</li><li>two</li></ul>\n<!-- /wp:list -->");

        assertEquals("## Title\n\nSome **bold** and a [link](https://example.org/).\n\n- one\n- two", c.markdown());
    }

    @Test
    void text_that_looks_like_markdown_stays_text() {
        String out = html("<p>2 * 3 = 6, C# and &lt;b&gt;</p><p>1. not a list</p>");

        assertEquals("2 * 3 = 6, C# and <b>|1. not a list", String.join("|", org.jsoup.Jsoup.parse(out).select("p").eachText()));
    }

    @Test
    void tables_are_kept_as_sanitized_html() {
        String out = html("<table>\n<tr><th>A</th></tr>\n\n<tr><td onclick=\"x()\">1</td></tr></table>");

        assertTrue(out.contains("<th>A</th>") && out.contains("<td>1</td>") && !out.contains("onclick"), out);
    }

    @Test
    void links_and_images_of_the_old_site_are_rewritten() {
        WordPressHtml.Converted c = WordPressHtml.convert("<a href=\"https://old.example/?p=5\">x</a> <img src=\"https://old.example/up/a.jpg\" alt=\"\">",
                u -> u.replace("https://old.example/?p=5", "/2020/01/01/x/").replace("https://old.example/up/a.jpg", "/media/a.jpg"),
                ids -> List.of());

        assertEquals("[x](/2020/01/01/x/) ![](/media/a.jpg)", c.markdown());
    }

    @Test
    void a_line_break_at_the_end_of_a_quote_citation_does_not_swallow_its_closing_tag() {
        String out = html("<blockquote class=\"wp-block-quote\"><p>Quoted.</p><cite>The Team<br></cite></blockquote>\n\n<p>After.</p>"
                + "<blockquote><p>More.</p><cite><br><em>Johannes</em><br></cite></blockquote>");

        assertEquals("<blockquote>\n<p>Quoted.</p>\n<p><em>The Team</em></p>\n</blockquote>\n<p>After.</p>\n"
                + "<blockquote>\n<p>More.</p>\n<p><em><em>Johannes</em></em></p>\n</blockquote>\n", out);
    }

    @Test
    void a_heading_that_skips_a_level_under_the_title_moves_up_and_is_reported() {
        WordPressHtml.Converted c = convert("<h3>Part</h3><p>x</p><h4>Sub</h4><h6>Deep</h6><h2>Next</h2><h1>Top</h1><h3>Again</h3>");

        assertEquals("## Part\n\nx\n\n### Sub\n\n#### Deep\n\n## Next\n\n# Top\n\n## Again", c.markdown());
        assertEquals(List.of("heading levels moved up so that none is skipped"), c.notes());
    }
}
