package dev.kioku.web;

import java.util.List;

/**
 * What the head of a public page says about it: title, description, canonical link, the OpenGraph and
 * Twitter card tags built from them, alternate links and structured data.
 *
 * @param title       full document title
 * @param description one-line summary for search results and previews, plain text; when blank the layout
 *                    uses the site's tagline instead, so no public page goes without one
 * @param canonical   absolute canonical URL, or null for pages that have none (errors, previews)
 * @param ogType      {@code website}, {@code article} or {@code profile}
 * @param image       the preview image, or null
 * @param alternates  {@code <link rel="alternate">} entries: feeds, oEmbed discovery
 * @param jsonLd      structured data as JSON, already safe inside a script element ({@code <} escaped), or null
 * @param article     the {@code article:*} tags of a post, or null
 */
public record Meta(String title, String description, String canonical, String ogType, Image image,
                   List<Alternate> alternates, String jsonLd, Article article) {

    /** One alternate representation of the page, such as a feed: {@code type} is its media type. */
    public record Alternate(String type, String title, String href) {
    }

    /**
     * A preview image.
     *
     * @param url    absolute URL
     * @param width  in pixels, or 0 when unknown (the size tags are then left out)
     * @param alt    its text alternative, or null
     */
    public record Image(String url, int width, int height, String alt) {
    }

    /**
     * The OpenGraph {@code article:*} facts of a post.
     *
     * @param publishedTime ISO-8601 date-time
     * @param modifiedTime  ISO-8601 date-time
     * @param authorUrl     absolute URL of the author's page
     * @param tags          tag names
     */
    public record Article(String publishedTime, String modifiedTime, String authorUrl, List<String> tags) {
        public Article {
            tags = List.copyOf(tags);
        }
    }

    public Meta {
        alternates = alternates == null ? List.of() : List.copyOf(alternates);
    }

    public Meta(String title, String description, String canonical, String ogType, String imageUrl) {
        this(title, description, canonical, ogType, imageUrl == null ? null : new Image(imageUrl, 0, 0, null),
                List.of(), null, null);
    }

    public Meta(String title, String description, String canonical, String ogType, String imageUrl,
                List<Alternate> alternates, String jsonLd) {
        this(title, description, canonical, ogType, imageUrl == null ? null : new Image(imageUrl, 0, 0, null),
                alternates, jsonLd, null);
    }

    public static Meta website(String title, String description, String canonical) {
        return new Meta(title, description, canonical, "website", null);
    }

    /** The preview image's absolute URL, or null. */
    public String imageUrl() {
        return image == null ? null : image.url();
    }

    /** The description, or {@code fallback} when it is null or blank. */
    public String descriptionOr(String fallback) {
        return description == null || description.isBlank() ? fallback : description;
    }

    public Meta withAlternates(List<Alternate> more) {
        var all = new java.util.ArrayList<>(alternates);
        all.addAll(more);
        return new Meta(title, description, canonical, ogType, image, all, jsonLd, article);
    }

    public Meta withJsonLd(String json) {
        return new Meta(title, description, canonical, ogType, image, alternates, json, article);
    }

    public Meta withImage(Image newImage) {
        return new Meta(title, description, canonical, ogType, newImage, alternates, jsonLd, article);
    }

    public Meta withArticle(Article newArticle) {
        return new Meta(title, description, canonical, ogType, image, alternates, jsonLd, newArticle);
    }
}
