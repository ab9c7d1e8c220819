package dev.kioku.feeds;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One feed, whatever format it is written in ({@link FeedFormat}): the site's posts, a tag's, a series', an
 * author's, or comments. Every URL is absolute. Text is kept as XML 1.0 can hold it: characters it cannot
 * (controls, lone surrogates) are dropped here, wherever they came from.
 *
 * @param homeUrl     the page the feed follows (the home page, a tag page, a post)
 * @param feedUrl     the RSS form's own URL, ending in {@code /feed/}; the others are {@link FeedFormat#url}
 * @param description one line about it, plain text; "" for none
 * @param language    BCP 47 tag of the text
 * @param updated     when the newest item changed, or when the feed's subject did for an empty feed
 * @param items       newest first
 */
public record Feed(String title, String homeUrl, String feedUrl, String description, String language, Instant updated,
                   List<Item> items) {
    public Feed {
        title = xmlText(title);
        description = xmlText(description);
        Objects.requireNonNull(homeUrl, "homeUrl");
        if (feedUrl == null || !feedUrl.endsWith("/feed/")) throw new IllegalArgumentException("feedUrl must end in /feed/: " + feedUrl);
        Objects.requireNonNull(updated, "updated");
        items = List.copyOf(items);
    }

    /**
     * One post or comment.
     *
     * @param id        stable identifier, never made from a title or slug (WordPress' {@code BASE/?p=ID})
     * @param html      the whole text as sanitized HTML with absolute URLs, or null to give the summary only
     * @param summary   plain text excerpt, or null when {@code html} is all there is (comments)
     * @param updated   last change, never before {@code published}
     * @param tags      tag names
     * @param image     the featured image, or null
     */
    public record Item(String id, String url, String title, String html, String summary, Instant published,
                       Instant updated, Person author, List<String> tags, Image image) {
        public Item {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(published, "published");
            if (html == null && summary == null) throw new IllegalArgumentException("an item needs html or a summary");
            title = xmlText(title);
            html = html == null ? null : xmlText(html);
            summary = summary == null ? null : xmlText(summary);
            updated = updated == null || updated.isBefore(published) ? published : updated;
            tags = tags.stream().map(Feed::xmlText).toList();
        }
    }

    /** Who wrote an item; {@code url} (their page or website) may be null. */
    public record Person(String name, String url) {
        public Person {
            name = xmlText(name);
        }
    }

    /** An image with what an enclosure needs to announce it. */
    public record Image(String url, String type, long bytes) {
    }

    /** Drops the characters XML 1.0 cannot hold (controls, lone surrogates); null becomes "". */
    static String xmlText(String text) {
        return text == null ? "" : text.replaceAll("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]", "");
    }
}
