package dev.kioku.feeds;

import dev.kioku.events.ChangeEvent;
import dev.kioku.web.Meta;
import dev.kioku.web.Page;
import dev.kioku.web.PublicPages;
import io.javalin.http.Context;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Serving feeds: each feed at its three addresses, from the page cache like any public page; the links that
 * let readers' apps find them; the ids that keep an item the same item for ever.
 */
public final class Feeds {
    private Feeds() {
    }

    /** Builds one feed for a request and adds the change keys of everything it shows to {@code keys}. */
    @FunctionalInterface
    public interface Source {
        /** @throws dev.kioku.web.NotFound when the request names nothing that has a feed */
        Feed feed(Context ctx, Set<String> keys);
    }

    /**
     * Serves {@code path} (Javalin syntax, no trailing slash, e.g. {@code /tag/{slug}/feed}) as RSS 2.0, and
     * {@code path/atom} and {@code path/json} as Atom and JSON Feed, each cached until a change event names
     * one of its keys. Every feed also depends on {@code site} (title, language, feed settings).
     */
    public static void register(PublicPages pages, String path, Source source) {
        for (FeedFormat format : FeedFormat.values()) {
            String suffix = format.url("");
            pages.page(path + (suffix.isEmpty() ? "" : "/" + suffix.substring(0, suffix.length() - 1)), format.contentType(), ctx -> {
                Set<String> keys = new HashSet<>(Set.of(ChangeEvent.SITE));
                Feed feed = source.feed(ctx, keys);
                return new Page(format.write(feed), keys);
            });
        }
    }

    /**
     * Autodiscovery links for {@code <head>}: the feed in each format.
     *
     * @param title   what the feed is, e.g. "Kioku" or "Kioku » Tag: anime"
     * @param feedUrl absolute URL of its RSS form, ending in {@code /feed/}
     */
    public static List<Meta.Alternate> alternates(String title, String feedUrl) {
        return java.util.Arrays.stream(FeedFormat.values())
                .map(f -> new Meta.Alternate(f.mediaType(), title + " (" + f.label() + ")", f.url(feedUrl))).toList();
    }

    /**
     * The id of a post in every feed, as WordPress makes it ({@code BASE/?p=ID}): from the post's number only,
     * so a new title or slug is not a new item.
     */
    public static String postId(String base, long postId) {
        return base + "/?p=" + postId;
    }

    /** The id of a comment in every feed: its post's id and {@code #comment-ID}, as WordPress makes it. */
    public static String commentId(String base, long postId, long commentId) {
        return postId(base, postId) + "#comment-" + commentId;
    }

    /** Sanitized HTML with every link and image address made absolute against {@code pageUrl}. */
    public static String absoluteHtml(String html, String pageUrl) {
        return FeedHtml.absolute(html, pageUrl);
    }
}
