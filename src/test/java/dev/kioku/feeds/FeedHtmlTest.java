package dev.kioku.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Feed HTML is read far from the site: every address in it is made absolute against the post it came from. */
class FeedHtmlTest {
    private static final String POST = "https://blog.example/2026/11/20/on-rain/";

    @Test
    void site_paths_fragments_and_relative_paths_become_absolute() {
        assertEquals("<a href=\"https://blog.example/about/\">a</a> <a href=\"https://blog.example/2026/11/20/on-rain/#fn-1\">1</a>"
                        + " <a href=\"https://blog.example/2026/11/20/on-rain/notes/\">n</a>",
                FeedHtml.absolute("<a href=\"/about/\">a</a> <a href=\"#fn-1\">1</a> <a href=\"notes/\">n</a>", POST));
    }

    @Test
    void every_candidate_of_a_srcset_becomes_absolute() {
        assertEquals("<img src=\"https://blog.example/media/a.png\" srcset=\"https://blog.example/media/a-480w.png 480w, "
                        + "https://blog.example/media/a.png 1600w\" alt=\"\" />",
                FeedHtml.absolute("<img src=\"/media/a.png\" srcset=\"/media/a-480w.png 480w, /media/a.png 1600w\" alt=\"\" />", POST));
    }

    @Test
    void absolute_and_other_scheme_addresses_are_left_alone() {
        String html = "<a href=\"https://other.example/x?a&amp;b\">x</a> <a href=\"mailto:me&#64;example.org\">m</a>";
        assertEquals(html, FeedHtml.absolute(html, POST));
        assertEquals("<a href=\"https://cdn.example/x\">x</a>", FeedHtml.absolute("<a href=\"//cdn.example/x\">x</a>", POST));
    }

    @Test
    void text_outside_attributes_is_untouched() {
        String html = "<p>Write href=\"/x\" in code: <code>src=\"/y\"</code></p>";
        assertEquals(html, FeedHtml.absolute(html, POST));
    }
}
