package dev.kioku.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void ascii_is_lower_cased_and_punctuation_runs_become_one_dash() {
        assertEquals("hello-world-2024", Slugs.slugify("  Hello, World!! -- 2024 "));
    }

    @Test
    void accents_become_plain_letters() {
        assertEquals("creme-brulee-a-la-facon-de-zoe", Slugs.slugify("Crème Brûlée à la façon de Zoë"));
        assertEquals("ελληνικα", Slugs.slugify("Ελληνικά"));
    }

    @Test
    void japanese_is_kept_whole_including_voiced_kana() {
        assertEquals("日本語のガイド", Slugs.slugify("日本語のガイド"));
        assertEquals("東京-2024年", Slugs.slugify("東京 (2024年)"));
    }

    @Test
    void other_scripts_keep_their_letters_and_marks() {
        assertEquals("привет-мир", Slugs.slugify("Привет, мир"));
        assertEquals("हिन्दी", Slugs.slugify("हिन्दी"));
    }

    @Test
    void emoji_are_dropped() {
        assertEquals("party-time", Slugs.slugify("🎉 Party 🎉 time 🚀"));
    }

    @Test
    void text_without_letters_or_digits_gives_an_empty_slug() {
        assertEquals("", Slugs.slugify(""));
        assertEquals("", Slugs.slugify(null));
        assertEquals("", Slugs.slugify("!!! — ???"));
        assertEquals("", Slugs.slugify("🎉🚀"));
    }

    @Test
    void full_width_forms_are_folded_by_nfkd() {
        assertEquals("abc123", Slugs.slugify("ＡＢＣ１２３"));
    }

    @Test
    void long_text_is_cut_at_a_dash_within_eighty_characters() {
        String slug = Slugs.slugify("word ".repeat(40));

        assertTrue(slug.length() <= 80, slug);
        assertTrue(slug.endsWith("word"), slug);
        assertFalse(slug.endsWith("-"));
    }

    @Test
    void one_long_word_is_cut_hard_at_eighty_characters() {
        assertEquals(80, Slugs.slugify("a".repeat(200)).length());
    }
}
