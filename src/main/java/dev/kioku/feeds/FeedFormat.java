package dev.kioku.feeds;

import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.nio.charset.StandardCharsets;

/**
 * The three formats every feed is offered in, at WordPress' addresses: {@code …/feed/} (RSS 2.0),
 * {@code …/feed/atom/} and {@code …/feed/json/}.
 */
public enum FeedFormat {
    RSS("", "application/rss+xml", "RSS"),
    ATOM("atom/", "application/atom+xml", "Atom"),
    JSON("json/", "application/feed+json", "JSON Feed");

    private final String suffix;
    private final String mediaType;
    private final String label;

    FeedFormat(String suffix, String mediaType, String label) {
        this.suffix = suffix;
        this.mediaType = mediaType;
        this.label = label;
    }

    /** This format's address of a feed whose RSS form is at {@code feedUrl} (ending in {@code /feed/}). */
    public String url(String feedUrl) {
        return feedUrl + suffix;
    }

    /** The media type without parameters, as autodiscovery links name it. */
    public String mediaType() {
        return mediaType;
    }

    public String contentType() {
        return mediaType + "; charset=utf-8";
    }

    /** "RSS", "Atom", "JSON Feed": for link titles. */
    public String label() {
        return label;
    }

    /** The feed as a UTF-8 document in this format. */
    public byte[] write(Feed feed) {
        if (this == JSON) return JsonFeedWriter.write(feed);
        try {
            var wire = this == RSS ? RssWriter.channel(feed) : AtomWriter.feed(feed);
            return new WireFeedOutput().outputString(wire).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("writing a " + label + " feed", e);
        }
    }
}
