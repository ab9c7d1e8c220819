package dev.kioku.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class HeadingIdsTest {

    private final Markdown markdown = new Markdown(ImageSizes.NONE);

    private List<String> headingIds(String source) {
        return Jsoup.parseBodyFragment(markdown.render(source).html())
                .select("h1, h2, h3, h4, h5, h6").eachAttr("id");
    }

    @Test
    void every_heading_gets_an_id_from_its_text() {
        assertEquals(List.of("getting-started", "the-config-file"),
                headingIds("# Getting Started!\n\n## The `config` file"));
    }

    @Test
    void repeated_headings_get_numbered_ids_unique_within_the_document() {
        assertEquals(List.of("intro", "intro-1", "intro-2"),
                headingIds("# Intro\n\n## Intro\n\nIntro\n---"));
    }

    @Test
    void a_numbered_id_never_collides_with_a_heading_that_reads_the_same() {
        assertEquals(List.of("intro-1", "intro", "intro-2"),
                headingIds("# Intro 1\n\n# Intro\n\n# Intro"));
    }

    @Test
    void a_heading_without_letters_or_digits_falls_back_to_section() {
        assertEquals(List.of("section", "section-1"), headingIds("# !!!\n\n# 🎉"));
    }

    @Test
    void a_heading_never_takes_an_id_that_footnotes_use() {
        assertEquals(List.of("section-fn-1"), headingIds("# Fn 1\n\nA note.[^1]\n\n[^1]: x"));
    }

    @Test
    void japanese_headings_keep_their_text() {
        assertEquals(List.of("はじめに"), headingIds("# はじめに"));
    }

    @Test
    void one_markdown_shared_by_many_threads_gives_each_document_its_own_ids() {
        List<List<String>> ids = java.util.stream.IntStream.range(0, 200).parallel()
                .mapToObj(i -> headingIds("# Intro\n\n# Intro"))
                .toList();

        assertEquals(java.util.Set.of(List.of("intro", "intro-1")), java.util.Set.copyOf(ids));
    }

    @Test
    void ids_restart_for_each_document() {
        markdown.render("# Intro");

        assertEquals(List.of("intro"), headingIds("# Intro"));
    }
}
