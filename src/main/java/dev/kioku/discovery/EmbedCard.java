package dev.kioku.discovery;

import dev.kioku.site.Site;

/**
 * The card another site frames for a post or page ({@code /embed/ID/}).
 *
 * @param url       the post's absolute address; every link of the card opens it in the top window
 * @param image     the featured image, or null
 * @param byline    "By Aiko Mori · November 20, 2026", or "" for a page
 * @param embedCss  the card's own stylesheet
 */
public record EmbedCard(Site site, String title, String url, String excerpt, Image image, String byline, String embedCss) {
    /** The image beside the text (decorative: the title says what the card is), a copy about as wide as the card. */
    public record Image(String src, int width, int height) {
    }
}
