package dev.kioku.web;

import java.util.List;

/**
 * What the head of a public page says about it.
 *
 * @param title       full document title
 * @param description one-line summary for search results and previews, plain text
 * @param canonical   absolute canonical URL, or null for pages that have none (errors)
 * @param ogType      {@code website} or {@code article}
 * @param imageUrl    absolute URL of a preview image, or null
 * @param alternates  {@code <link rel="alternate">} entries: feeds, oEmbed discovery
 * @param jsonLd      structured data as JSON, already safe inside a script element ({@code <} escaped), or null
 */
public record Meta(String title, String description, String canonical, String ogType, String imageUrl,
                   List<Alternate> alternates, String jsonLd) {

    /** One alternate representation of the page, such as a feed: {@code type} is its media type. */
    public record Alternate(String type, String title, String href) {
    }

    public Meta {
        alternates = alternates == null ? List.of() : List.copyOf(alternates);
    }

    public Meta(String title, String description, String canonical, String ogType, String imageUrl) {
        this(title, description, canonical, ogType, imageUrl, List.of(), null);
    }

    public static Meta website(String title, String description, String canonical) {
        return new Meta(title, description, canonical, "website", null);
    }

    public Meta withAlternates(List<Alternate> more) {
        var all = new java.util.ArrayList<>(alternates);
        all.addAll(more);
        return new Meta(title, description, canonical, ogType, imageUrl, all, jsonLd);
    }

    public Meta withJsonLd(String json) {
        return new Meta(title, description, canonical, ogType, imageUrl, alternates, json);
    }
}
