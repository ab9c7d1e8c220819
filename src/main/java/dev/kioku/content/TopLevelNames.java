package dev.kioku.content;

import java.util.Set;

/**
 * Names a slug may not take because {@code /name/} is the site's own address, or one that robots and old
 * WordPress links ask for: pages live at {@code /slug/}, and so do posts in the Post name style.
 * SlugRulesTest checks that every top-level route of the app is here.
 */
final class TopLevelNames {
    static final Set<String> RESERVED = Set.of("admin", "assets", "media", "tag", "author", "series", "page", "feed",
            "comments", "readers", "subscribe", "search", "avatars", "preview", "setup", "webmention", PermalinkStyle.ARCHIVES, "sitemap", "login", "api",
            "wp-admin", "wp-content", "wp-includes", "wp-json", "wp-login.php", "xmlrpc.php", "sitemap.xml",
            "robots.txt", "favicon.ico", "oembed", "embed", "index.php");

    private TopLevelNames() {
    }

    static boolean isReserved(String slug) {
        return RESERVED.contains(slug);
    }

    /** True for a slug made only of digits, which reads as a date archive ({@code /2026/}). */
    static boolean isNumber(String slug) {
        return !slug.isEmpty() && slug.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
