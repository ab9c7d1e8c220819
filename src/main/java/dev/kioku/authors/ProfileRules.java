package dev.kioku.authors;

import java.util.Locale;

/** What a public profile may contain: the URL and email rules shared by new accounts and profile edits. */
final class ProfileRules {
    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private ProfileRules() {
    }

    /** Links shown to readers may only go to web pages or this site: no {@code javascript:} and friends. */
    static boolean safeUrl(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        return (u.startsWith("https://") && u.length() > 8) || (u.startsWith("http://") && u.length() > 7)
                || (u.startsWith("/") && !u.startsWith("//") && !u.startsWith("/\\"));
    }

    /** A contact link: a web page, a page of this site, or an email address ({@code mailto:}). */
    static boolean safeLink(String url) {
        String u = url.strip();
        return safeUrl(u) || (u.toLowerCase(Locale.ROOT).startsWith("mailto:") && u.substring(7).matches(EMAIL));
    }
}
