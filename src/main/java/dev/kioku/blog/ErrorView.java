package dev.kioku.blog;

import dev.kioku.site.Site;

/** The styled 404 and 500 pages. */
public record ErrorView(Site site, int status, String title, String message) {
}
