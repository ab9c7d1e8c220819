package dev.kioku.feeds;

import dev.kioku.authors.Author;
import dev.kioku.authors.Authors;
import dev.kioku.content.Post;
import dev.kioku.content.Posts;
import dev.kioku.content.Tag;
import dev.kioku.markdown.Markdown;
import dev.kioku.media.MediaLibrary;
import dev.kioku.series.Series;
import dev.kioku.series.SeriesService;
import dev.kioku.site.Site;
import dev.kioku.site.SiteService;
import dev.kioku.web.Meta;
import dev.kioku.web.NotFound;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Routes;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Feeds of posts: the site's ({@code /feed/}), a tag's, an author's and a series', each in RSS 2.0, Atom and
 * JSON Feed. Only published posts are in them, never pages; spoilers never are (see
 * {@link Markdown#htmlWithoutSpoilers}). Whether an item carries the whole text or the excerpt, and how
 * many items there are, are site settings.
 */
public final class PostFeeds implements Routes {
    private final Posts posts;
    private final SeriesService series;
    private final Authors authors;
    private final MediaLibrary media;
    private final Markdown markdown;
    private final SiteService site;

    public PostFeeds(Posts posts, SeriesService series, Authors authors, MediaLibrary media, Markdown markdown, SiteService site) {
        this.posts = posts;
        this.series = series;
        this.authors = authors;
        this.media = media;
        this.markdown = markdown;
        this.site = site;
    }

    /** Autodiscovery links of a tag's feed, for the tag's page. */
    public static List<Meta.Alternate> alternates(Site s, Tag tag) {
        return Feeds.alternates(title(s, tag), s.absolute(tag.url() + "feed/"));
    }

    /** Autodiscovery links of an author's feed, for the author's page. */
    public static List<Meta.Alternate> alternates(Site s, Author a) {
        return Feeds.alternates(title(s, a), s.absolute(a.url() + "feed/"));
    }

    /** Autodiscovery links of a series' feed, for the series' page. */
    public static List<Meta.Alternate> alternates(Site s, Series found) {
        return Feeds.alternates(title(s, found), s.absolute(found.url() + "feed/"));
    }

    private static String title(Site s, Tag tag) {
        return s.title() + " » Tag: " + tag.name();
    }

    private static String title(Site s, Author a) {
        return s.title() + " » Posts by " + a.displayName();
    }

    private static String title(Site s, Series found) {
        return s.title() + " » Series: " + found.title();
    }

    @Override
    public void register(PublicPages pages) {
        Feeds.register(pages, "/feed", (ctx, keys) -> siteFeed(keys));
        Feeds.register(pages, "/tag/{slug}/feed", (ctx, keys) -> tagFeed(ctx.pathParam("slug"), keys));
        Feeds.register(pages, "/author/{slug}/feed", (ctx, keys) -> authorFeed(ctx.pathParam("slug"), keys));
        Feeds.register(pages, "/series/{slug}/feed", (ctx, keys) -> seriesFeed(ctx.pathParam("slug"), keys));
    }

    private Feed siteFeed(Set<String> keys) {
        Site s = site.site();
        keys.add("posts");
        List<Post> list = posts.newest(null, null, s.settings().feedItems());
        return feed(s, s.title(), "/", s.settings().tagline(), list, keys);
    }

    private Feed tagFeed(String slug, Set<String> keys) {
        Tag tag = posts.tag(slug).orElseThrow(() -> new NotFound("tag " + slug));
        Site s = site.site();
        keys.add("tag:" + tag.slug());
        List<Post> list = posts.newest(tag, null, s.settings().feedItems());
        return feed(s, title(s, tag), tag.url(), "Posts tagged " + tag.name(), list, keys);
    }

    private Feed authorFeed(String slug, Set<String> keys) {
        Author a = authors.bySlug(slug).orElseThrow(() -> new NotFound("author " + slug));
        Site s = site.site();
        keys.add("author:" + a.id());
        keys.add("author-posts:" + a.id());
        List<Post> list = posts.newest(null, a.id(), s.settings().feedItems());
        return feed(s, title(s, a), a.url(), "Posts by " + a.displayName(), list, keys);
    }

    private Feed seriesFeed(String slug, Set<String> keys) {
        Series found = series.bySlug(slug).orElseThrow(() -> new NotFound("series " + slug));
        Site s = site.site();
        keys.add(found.key());
        // every part, drafts and scheduled ones too: publishing a part already in the series changes only its own key
        keys.addAll(series.view(found).keys());
        List<Post> list = series.publishedParts(found).stream().limit(s.settings().feedItems()).toList();
        return feed(s, title(s, found), found.url(), "Parts of the series " + found.title(), list, keys);
    }

    /** @param home the site path of the page this feed follows; its feed lives at {@code home + "feed/"} */
    private Feed feed(Site s, String title, String home, String description, List<Post> list, Set<String> keys) {
        Map<Long, Feed.Person> people = new HashMap<>();
        List<Feed.Item> items = list.stream().map(p -> item(p, s, people, keys)).toList();
        Instant updated = items.stream().map(Feed.Item::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
        return new Feed(title, s.absolute(home), s.absolute(home + "feed/"), description, s.settings().language(), updated, items);
    }

    /**
     * The post's HTML as its page shows it, unless it holds a spoiler: only then is the Markdown rendered again, with
     * each spoiler replaced by a note (the saved HTML comes from the same pipeline, so it needs no second render).
     */
    private String withoutSpoilers(Post p, String url) {
        return p.bodyHtml().contains("class=\"spoiler\"") ? markdown.htmlWithoutSpoilers(p.bodyMd(), url) : p.bodyHtml();
    }

    private Feed.Item item(Post p, Site s, Map<Long, Feed.Person> people, Set<String> keys) {
        keys.add("post:" + p.id());
        keys.add("author:" + p.authorId());
        String url = s.absolute(s.settings().permalink(p));
        String html = s.settings().feedFullText() ? Feeds.absoluteHtml(withoutSpoilers(p, url), url) : null;
        Feed.Person author = people.computeIfAbsent(p.authorId(), id -> authors.byId(id)
                .map(a -> new Feed.Person(a.displayName(), s.absolute(a.url()))).orElse(null));
        Feed.Image image = null;
        if (p.featuredMediaId() != null) {
            keys.add("media:" + p.featuredMediaId());
            image = media.byId(p.featuredMediaId()).map(m -> new Feed.Image(s.absolute(m.path()), m.mime(), m.bytes())).orElse(null);
        }
        return new Feed.Item(Feeds.postId(s.base(), p.id()), url, p.title(), html, p.excerpt(), p.publishedAt(), p.updatedAt(),
                author, p.tags().stream().map(Tag::name).toList(), image);
    }
}
