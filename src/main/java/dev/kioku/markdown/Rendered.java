package dev.kioku.markdown;

/**
 * The result of rendering one Markdown document.
 *
 * @param html    sanitized HTML, safe to print raw; "" for an empty document
 * @param excerpt plain text of the opening ~55 words (no spoilers, headings, code, images,
 *                tables or footnotes), whitespace collapsed, ending with {@code …} when cut;
 *                "" when there is none
 * @param words   words in the whole document except spoilers; each CJK character counts as one
 */
public record Rendered(String html, String excerpt, int words) {

    static final int WORDS_PER_MINUTE = 230;

    public Rendered {
        html = html == null ? "" : html;
        excerpt = excerpt == null ? "" : excerpt;
        if (words < 0) throw new IllegalArgumentException("words must be >= 0, was " + words);
    }

    /** Minutes to read at 230 words a minute, never less than 1. */
    public int readingMinutes() {
        return Math.max(1, Math.round(words / (float) WORDS_PER_MINUTE));
    }
}
