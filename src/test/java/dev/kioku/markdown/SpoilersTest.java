package dev.kioku.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class SpoilersTest {

    private final Markdown markdown = new Markdown(ImageSizes.NONE);

    private Document render(String source) {
        return Jsoup.parseBodyFragment(markdown.render(source).html());
    }

    @Test
    void a_spoiler_renders_as_closed_details_with_its_summary_and_markdown_body() {
        Document doc = render("""
        Before.

        :::spoiler Who did it
        The **butler**.

        Second paragraph.
        :::

        After.
        """);

        Element details = doc.selectFirst("body > details.spoiler");
        assertFalse(details.hasAttr("open"));
        assertEquals("Spoiler: Who did it", details.selectFirst("> summary").text());
        Element body = details.selectFirst("> div.spoiler-body");
        assertEquals("butler", body.selectFirst("p > strong").text());
        assertEquals(2, body.select("> p").size());
        assertEquals("After.", doc.select("body > p").last().text());
    }

    @Test
    void a_spoiler_without_summary_invites_a_click_and_the_spaced_form_works_too() {
        Element summary = render("::: spoiler\nhidden\n:::").selectFirst("details.spoiler > summary");

        assertEquals("Spoiler (click to reveal)", summary.text());
    }

    @Test
    void spoiler_text_is_never_in_the_excerpt_nor_the_word_count() {
        Rendered rendered = markdown.render("""
        Visible words here.

        :::spoiler
        Secret ending nobody should read in a feed.
        :::

        And more visible.
        """);

        assertEquals("Visible words here. And more visible.", rendered.excerpt());
        assertEquals(6, rendered.words());
    }

    @Test
    void an_unclosed_spoiler_runs_to_the_end_of_the_document() {
        Document doc = render("Open.\n\n:::spoiler Ending\n# Title\n\n- a\n- b");

        Element body = doc.selectFirst("details.spoiler > div.spoiler-body");
        assertEquals("Title", body.selectFirst("h1").text());
        assertEquals(2, body.select("li").size());
        assertEquals("Open.", doc.selectFirst("body > p").text());
    }

    @Test
    void a_closing_fence_closes_the_innermost_spoiler_first() {
        Document doc = render(":::spoiler outer\nA\n:::spoiler inner\nB\n:::\nC\n:::\nD");

        Element outer = doc.selectFirst("body > details");
        Element inner = outer.selectFirst("> div.spoiler-body > details");
        assertEquals("B", inner.selectFirst("div.spoiler-body").text());
        assertEquals("C", outer.select("> div.spoiler-body > p").last().text());
        assertEquals("D", doc.selectFirst("body > p").text());
    }

    @Test
    void a_colon_fence_inside_a_code_block_is_code_not_the_end_of_the_spoiler() {
        Document doc = render(":::spoiler\n```\n:::\n```\nstill hidden\n:::\nshown");

        Element body = doc.selectFirst("details.spoiler > div.spoiler-body");
        assertEquals(":::", body.selectFirst("pre > code").text());
        assertEquals("still hidden", body.selectFirst("p").text());
        assertEquals("shown", doc.selectFirst("body > p").text());
    }

    @Test
    void spoilers_work_inside_lists_and_quotes() {
        Document doc = render(
                "- :::spoiler in a list\n  hidden\n  :::\n- next\n\n> :::spoiler\n> quoted");

        assertEquals("hidden", doc.selectFirst("li > details.spoiler div.spoiler-body").text());
        assertEquals("quoted", doc.selectFirst("blockquote > details.spoiler div.spoiler-body").text());
    }

    @Test
    void the_summary_is_plain_escaped_text() {
        Element summary = render(":::spoiler <img src=x onerror=alert(1)> *hi*\nx\n:::")
                .selectFirst("summary");

        assertEquals("Spoiler: <img src=x onerror=alert(1)> *hi*", summary.text());
        assertTrue(summary.children().isEmpty());
    }

    @Test
    void a_word_merely_starting_with_spoiler_is_not_a_spoiler() {
        Document doc = render(":::spoilers\ntext\n:::");

        assertTrue(doc.select("details").isEmpty());
    }
}
