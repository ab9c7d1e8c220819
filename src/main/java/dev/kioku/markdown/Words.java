package dev.kioku.markdown;

import java.lang.Character.UnicodeScript;

/**
 * Counts and cuts words. A word is a whitespace-separated run holding a letter or digit, except
 * that Chinese and Japanese are written without spaces, so each Han, Hiragana or Katakana
 * character is a word of its own. (Korean separates words with spaces and is counted as words.)
 */
final class Words {

    private Words() {}

    static int count(String text) {
        return scan(text, Integer.MAX_VALUE).words;
    }

    /**
     * The first {@code max} words of {@code text}, whitespace collapsed to single spaces, with
     * {@code …} appended when words were left out; "" when there are none.
     */
    static String excerpt(String text, int max) {
        String collapsed = text.strip().replaceAll("\\s+", " ");
        Scan scan = scan(collapsed, max);
        if (scan.cutAt < 0) return collapsed;
        // "One folder.…" reads badly: the ellipsis replaces the sentence's own closing punctuation
        return collapsed.substring(0, scan.cutAt).stripTrailing().replaceAll("[.,;:!?。、]+$", "") + "…";
    }

    private record Scan(int words, int cutAt) {}

    /** Counts words up to {@code max}; {@code cutAt} is where word {@code max + 1} starts, or -1. */
    private static Scan scan(String text, int max) {
        int words = 0;
        boolean inWord = false;
        boolean wordHasLetter = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isWhitespace(cp) || isCjk(cp)) {
                if (inWord && wordHasLetter) words++;
                inWord = false;
                wordHasLetter = false;
                if (isCjk(cp)) {
                    if (words == max) return new Scan(words, i);
                    words++;
                }
            } else {
                if (!inWord && words == max && hasLetterAhead(text, i)) return new Scan(words, i);
                inWord = true;
                wordHasLetter |= Character.isLetterOrDigit(cp);
            }
            i += Character.charCount(cp);
        }
        if (inWord && wordHasLetter) words++;
        return new Scan(words, -1);
    }

    /** Whether the run starting at {@code from} is a word (holds a letter or digit). */
    private static boolean hasLetterAhead(String text, int from) {
        for (int i = from; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isWhitespace(cp) || isCjk(cp)) return false;
            if (Character.isLetterOrDigit(cp)) return true;
            i += Character.charCount(cp);
        }
        return false;
    }

    static boolean isCjk(int cp) {
        UnicodeScript script = UnicodeScript.of(cp);
        return script == UnicodeScript.HAN || script == UnicodeScript.HIRAGANA
                || script == UnicodeScript.KATAKANA;
    }
}
