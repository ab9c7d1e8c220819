package dev.kioku.markdown;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;

/**
 * URL- and id-friendly slugs that keep letters and digits of every script.
 *
 * <p>Why marks are not all dropped: after NFKD, "é" is "e" plus a combining accent, which a slug
 * should lose. But "ガ" is "カ" plus a combining voiced mark, and Hindi vowel signs are marks
 * too; dropping those changes the word. So marks are dropped only after Latin, Greek and Cyrillic
 * letters (where they are accents), kept elsewhere, and the result is recomposed with NFC.
 */
public final class Slugs {

    static final int MAX_LENGTH = 80;

    private Slugs() {}

    /**
     * Lower-cases, strips accents from Latin, Greek and Cyrillic letters, keeps letters and digits
     * of any script, turns every other run of characters into one {@code -}, trims {@code -}, and
     * caps the result at 80 characters, cutting at a {@code -} when one falls in the second half.
     *
     * @return the slug; "" when {@code text} is null or has no letters or digits (callers choose a
     *         fallback)
     */
    public static String slugify(String text) {
        if (text == null || text.isEmpty()) return "";
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean pendingDash = false;
        boolean afterKeptLetter = false;
        boolean accentsAreDiacritics = false;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (isMark(cp)) {
                if (afterKeptLetter && !accentsAreDiacritics) out.appendCodePoint(cp);
            } else if (Character.isLetterOrDigit(cp)) {
                if (pendingDash && !out.isEmpty()) out.append('-');
                pendingDash = false;
                out.appendCodePoint(Character.toLowerCase(cp));
                afterKeptLetter = true;
                accentsAreDiacritics = hasDiacritics(UnicodeScript.of(cp));
            } else {
                pendingDash = true;
                afterKeptLetter = false;
            }
        }
        return cap(Normalizer.normalize(out, Normalizer.Form.NFC));
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean hasDiacritics(UnicodeScript script) {
        return script == UnicodeScript.LATIN || script == UnicodeScript.GREEK
                || script == UnicodeScript.CYRILLIC || script == UnicodeScript.COMMON;
    }

    private static String cap(String slug) {
        if (slug.length() <= MAX_LENGTH) return slug;
        int cut = MAX_LENGTH;
        if (Character.isLowSurrogate(slug.charAt(cut))) cut--; // never split a code point
        int dash = slug.lastIndexOf('-', cut);
        if (dash >= MAX_LENGTH / 2) cut = dash;
        String capped = slug.substring(0, cut);
        return capped.endsWith("-") ? capped.substring(0, capped.length() - 1) : capped;
    }

    /**
     * The slug of {@code text} (or {@code fallback} when it has no letters or digits), made unique with a
     * {@code -2}, {@code -3}… suffix: the first candidate that {@code taken} does not claim.
     */
    public static String unique(String text, String fallback, java.util.function.Predicate<String> taken) {
        String base = slugify(text);
        if (base.isEmpty()) base = fallback;
        String slug = base;
        for (int i = 2; taken.test(slug); i++) slug = base + "-" + i;
        return slug;
    }
}
