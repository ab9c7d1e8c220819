package dev.kioku.site;

/** One entry of the site's main navigation. */
public record NavLink(String title, String url) {
}
