package dev.kioku.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlPolicyTest {

    private static Document sanitize(String html) {
        return Jsoup.parseBodyFragment(HtmlPolicy.sanitize(html));
    }

    @Test
    void attribute_grants_survive_together_with_their_elements() {
        Document doc = sanitize("<h2 id=\"intro\">Intro</h2><ol start=\"3\"><li id=\"fn-1\">x</li></ol>"
                + "<sup id=\"r\" class=\"footnote-ref\">"
                + "<a id=\"a\" href=\"#fn-1\" class=\"c\" rel=\"tag\">1</a></sup>"
                + "<pre><code class=\"language-c++\">x</code></pre>");

        assertEquals("intro", doc.selectFirst("h2").id());
        assertEquals("3", doc.selectFirst("ol").attr("start"));
        assertEquals("fn-1", doc.selectFirst("li").id());
        assertEquals("footnote-ref", doc.selectFirst("sup").className());
        Element a = doc.selectFirst("a");
        assertEquals("#fn-1", a.attr("href"));
        assertEquals("tag", a.attr("rel"));
        assertEquals("language-c++", doc.selectFirst("code").className());
    }

    @Test
    void an_image_always_has_alt_and_is_dropped_without_a_safe_src() {
        Document doc = sanitize("<img src=\"/a.png\"><img src=\"javascript:alert(1)\" alt=\"x\">"
                + "<img src=\"mailto:a@b.c\" alt=\"m\"><img alt=\"only alt\">");

        assertEquals(1, doc.select("img").size());
        Element img = doc.selectFirst("img");
        assertEquals("/a.png", img.attr("src"));
        assertTrue(img.hasAttr("alt"));
    }

    @Test
    void srcset_and_sizes_are_kept_only_together_and_only_with_web_urls_and_width_descriptors() {
        Document doc = sanitize("<img src=\"/a.jpg\" alt=\"a\" srcset=\"/a-480w.jpg 480w, https://cdn.example/a.jpg 1200w\" "
                + "sizes=\"(min-width: 60rem) 50rem, 100vw\">"
                + "<img src=\"/b.jpg\" alt=\"b\" srcset=\"javascript:alert(1) 480w, /b.jpg 900w\" sizes=\"100vw\">"
                + "<img src=\"/c.jpg\" alt=\"c\" srcset=\"/c-480w.jpg 480w, /c.jpg 900w\">"
                + "<img src=\"/d.jpg\" alt=\"d\" srcset=\"/d-480w.jpg 480w, /d.jpg 900w\" sizes=\"expression(alert(1))\">"
                + "<img src=\"/e.jpg\" alt=\"e\" srcset=\"//evil.example/e.jpg 2x\" sizes=\"100vw\">");

        Element kept = doc.selectFirst("img[alt=a]");
        assertEquals("/a-480w.jpg 480w, https://cdn.example/a.jpg 1200w", kept.attr("srcset").replace(" , ", ", "));
        assertEquals("(min-width: 60rem) 50rem, 100vw", kept.attr("sizes"));
        assertEquals("/b.jpg 900w", doc.selectFirst("img[alt=b]").attr("srcset"), "the javascript: candidate is dropped");
        for (String alt : new String[] {"c", "d", "e"}) {
            Element img = doc.selectFirst("img[alt=" + alt + "]");
            assertFalse(img.hasAttr("srcset"), alt);
            assertFalse(img.hasAttr("sizes"), alt);
        }
    }

    @Test
    void values_html5_would_reject_are_dropped() {
        Document doc = sanitize(
                "<img src=\"a.png\" alt=\"\" width=\"50%\" height=\"10\" loading=\"soon\">"
                + "<table><tr><td align=\"center\" class=\"evil\">x</td></tr></table>"
                + "<ol start=\"two\"><li>x</li></ol><code class=\"hljs\">y</code>");

        Element img = doc.selectFirst("img");
        assertFalse(img.hasAttr("width"));
        assertEquals("10", img.attr("height"));
        assertFalse(img.hasAttr("loading"));
        Element td = doc.selectFirst("td");
        assertFalse(td.hasAttr("align"));
        assertFalse(td.hasAttr("class"));
        assertFalse(doc.selectFirst("ol").hasAttr("start"));
        assertFalse(doc.selectFirst("code").hasAttr("class"));
    }

    @Test
    void urls_are_percent_encoded_where_html5_forbids_the_raw_character() {
        Document doc = sanitize("<a href=\" /a b\\c`d#x#y \">t</a>"
                + "<a id=\"n\" rel=\"nofollow\">no href</a>");

        assertEquals("/a%20b%5Cc%60d#x%23y", doc.selectFirst("a[href]").attr("href"));
        assertFalse(doc.selectFirst("a#n").hasAttr("rel"), "rel needs href in HTML5");
    }

    @Test
    void control_characters_and_noncharacters_are_dropped() {
        assertEquals("<p>ab c</p>", HtmlPolicy.sanitize("<p>a\u0085\u0000b\uFFFE \uDBFFc</p>"));
    }

    @Test
    void only_http_https_mailto_and_relative_links_keep_their_href() {
        Document doc = sanitize("<a href=\"https://a.example/\">1</a><a href=\"/local\">2</a>"
                + "<a href=\"#frag\">3</a><a href=\"mailto:a@b.c\">4</a><a href=\"javascript:x()\">5</a>"
                + "<a href=\"vbscript:x\">6</a><a href=\"data:text/html,x\">7</a>"
                + "<a href=\"ftp://x\">8</a>");

        assertEquals(java.util.List.of("https://a.example/", "/local", "#frag", "mailto:a@b.c"),
                doc.select("a[href]").eachAttr("href"));
        assertEquals("12345678", doc.text(), "the text of dropped links stays");
    }

    @Test
    void dangerous_elements_and_attributes_are_removed() {
        Document doc = sanitize("<p onclick=\"x()\" style=\"color:red\">p</p><script>alert(1)</script>"
                + "<iframe src=\"https://x\"></iframe><object></object><form><input></form>"
                + "<style>body{}</style><details open ontoggle=\"x()\"><summary>s</summary></details>");

        assertTrue(doc.select("script, iframe, object, form, input, style").isEmpty());
        assertNull(doc.selectFirst("[onclick], [style], [ontoggle]"));
        assertFalse(doc.text().contains("alert"));
    }

    @Test
    void null_and_empty_input_give_empty_output() {
        assertEquals("", HtmlPolicy.sanitize(null));
        assertEquals("", HtmlPolicy.sanitize(""));
    }
}
