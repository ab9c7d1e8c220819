package dev.kioku.web;

/**
 * What the head of a public page says about it.
 *
 * @param title       full document title
 * @param description one-line summary for search results and previews, plain text
 * @param canonical   absolute canonical URL, or null for pages that have none (errors)
 * @param ogType      {@code website} or {@code article}
 * @param imageUrl    absolute URL of a preview image, or null
 */
public record Meta(String title, String description, String canonical, String ogType, String imageUrl) {
    public static Meta website(String title, String description, String canonical) {
        return new Meta(title, description, canonical, "website", null);
    }
}
