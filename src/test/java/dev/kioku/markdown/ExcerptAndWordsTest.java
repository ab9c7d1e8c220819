package dev.kioku.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExcerptAndWordsTest {

    private final Markdown markdown = new Markdown(ImageSizes.NONE);

    @Test
    void the_excerpt_is_plain_text_without_headings_code_images_tables_or_footnotes() {
        Rendered r = markdown.render("""
        # Title words

        First *emphasised*   paragraph[^1] with `code`.

        ![Alt of a figure](/media/a.png "Caption")

        ```
        block code
        ```

        | table | cell |
        |---|---|
        | a | b |

        > Quoted
        > line.

        [^1]: Footnote text.
        """);

        assertEquals("First emphasised paragraph with code. Quoted line.", r.excerpt());
    }

    @Test
    void a_cut_after_a_full_stop_ends_in_the_ellipsis_alone() {
        String text = "word ".repeat(54) + "end. More words follow here.";
        Rendered r = markdown.render(text);
        assertTrue(r.excerpt().endsWith(" end…"), r.excerpt());
    }

    @Test
    void a_long_document_is_cut_after_fifty_five_words_with_an_ellipsis() {
        StringBuilder source = new StringBuilder();
        for (int i = 1; i <= 100; i++) source.append("w").append(i).append(i % 10 == 0 ? "\n\n" : " ");

        Rendered r = markdown.render(source.toString());

        assertTrue(r.excerpt().startsWith("w1 w2 w3"), r.excerpt());
        assertTrue(r.excerpt().endsWith(" w55…"), r.excerpt());
        assertEquals(100, r.words());
    }

    @Test
    void a_short_document_is_not_marked_as_cut() {
        assertEquals("Just this.", markdown.render("Just this.").excerpt());
    }

    @Test
    void words_count_the_whole_document_with_headings_and_code_but_not_raw_html() {
        Rendered r =
                markdown.render("# Two words\n\nThree more words.\n\n    one\n\n<div class=\"x\">\n");

        assertEquals(6, r.words());
    }

    @Test
    void each_chinese_or_japanese_character_counts_as_a_word() {
        Rendered r = markdown.render("日本語の文章です。 And two");

        assertEquals(10, r.words());
    }

    @Test
    void a_japanese_excerpt_is_cut_by_characters() {
        Rendered r = markdown.render("あ".repeat(60));

        assertEquals("あ".repeat(55) + "…", r.excerpt());
    }

    @Test
    void reading_time_rounds_at_230_words_a_minute_and_is_never_zero() {
        assertEquals(1, new Rendered("", "", 0).readingMinutes());
        assertEquals(1, new Rendered("", "", 344).readingMinutes());
        assertEquals(2, new Rendered("", "", 345).readingMinutes());
        assertEquals(10, new Rendered("", "", 2300).readingMinutes());
    }

    @Test
    void empty_and_null_sources_render_to_nothing() {
        assertEquals(new Rendered("", "", 0), markdown.render(null));
        assertEquals(new Rendered("", "", 0), markdown.render("  \n\t"));
    }
}
