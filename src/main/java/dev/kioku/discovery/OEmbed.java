package dev.kioku.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kioku.authors.Author;
import dev.kioku.authors.Authors;
import dev.kioku.content.Kind;
import dev.kioku.content.PermalinkStyle;
import dev.kioku.content.Post;
import dev.kioku.content.Posts;
import dev.kioku.media.Media;
import dev.kioku.media.MediaLibrary;
import dev.kioku.site.Site;
import dev.kioku.site.SiteService;
import dev.kioku.web.Meta;
import dev.kioku.web.NotFound;
import dev.kioku.web.Paths;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * oEmbed (oembed.com) for posts and pages, so that pasting a post's address into WordPress, Mastodon
 * or a chat shows a card: {@code GET /oembed/?url=…&format=json|xml[&maxwidth=…&maxheight=…]} answers a
 * {@code rich} response whose HTML is a sandboxed iframe of {@code /embed/ID/}.
 */
public final class OEmbed {
    /** The card's size when the consumer sets no limit (WordPress embeds are 600 by 338). */
    static final int WIDTH = 600;
    static final int HEIGHT = 338;
    /** What the iframe lets the card do: open the post in a new tab or, on a click, in the top window. */
    static final String SANDBOX = "allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Posts posts;
    private final Authors authors;
    private final MediaLibrary media;
    private final SiteService site;

    OEmbed(Posts posts, Authors authors, MediaLibrary media, SiteService site) {
        this.posts = posts;
        this.authors = authors;
        this.media = media;
        this.site = site;
    }

    /** The {@code <link rel="alternate">} entries that let consumers find the oEmbed answers for {@code url}. */
    public static List<Meta.Alternate> discovery(Site s, String url, String title) {
        String endpoint = s.absolute("/oembed/?url=") + URLEncoder.encode(url, StandardCharsets.UTF_8);
        return List.of(new Meta.Alternate("application/json+oembed", title, endpoint + "&format=json"),
                new Meta.Alternate("text/xml+oembed", title, endpoint + "&format=xml"));
    }

    /** Answers an oEmbed request: 400 without {@code url}, 404 for an address that is no public post or page, 501 for another format. */
    void answer(Context ctx) {
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("json");
        String url = ctx.queryParam("url");
        if (url == null || url.isBlank()) {
            plain(ctx, 400, "The url parameter is required: /oembed/?url=ADDRESS-OF-A-POST");
            return;
        }
        if (!format.equals("json") && !format.equals("xml")) {
            plain(ctx, 501, "Only the json and xml formats are supported.");
            return;
        }
        Site s = site.site();
        Post p = find(s, url.strip()).orElseThrow(() -> new NotFound("oembed for " + url));
        Map<String, Object> fields = fields(s, p, limit(ctx.queryParam("maxwidth"), WIDTH), limit(ctx.queryParam("maxheight"), HEIGHT));
        ctx.header("Cache-Control", "public, max-age=300");
        if (format.equals("json")) {
            try {
                ctx.contentType("application/json; charset=utf-8").result(JSON.writeValueAsBytes(fields));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            ctx.contentType("text/xml; charset=utf-8").result(Sitemap.write(w -> {
                w.writeStartElement("oembed");
                for (var f : fields.entrySet()) {
                    w.writeStartElement(f.getKey());
                    w.writeCharacters(String.valueOf(f.getValue()));
                    w.writeEndElement();
                }
                w.writeEndElement();
            }));
        }
    }

    /** The oEmbed fields in the order the specification lists them. */
    private Map<String, Object> fields(Site s, Post p, int width, int height) {
        Author author = authors.byId(p.authorId()).orElseThrow();
        String title = p.title();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("version", "1.0");
        f.put("type", "rich");
        f.put("title", title);
        f.put("author_name", author.displayName());
        f.put("author_url", s.absolute(author.url()));
        f.put("provider_name", s.title());
        f.put("provider_url", s.absolute("/"));
        f.put("cache_age", 3600);
        if (p.featuredMediaId() != null) {
            media.byId(p.featuredMediaId()).map(m -> m.renditionAtLeast(480)).ifPresent(v -> {
                f.put("thumbnail_url", s.absolute(v.path()));
                f.put("thumbnail_width", v.width());
                f.put("thumbnail_height", v.height());
            });
        }
        f.put("html", "<iframe sandbox=\"" + SANDBOX + "\" src=\"" + s.absolute("/embed/" + p.id() + "/") + "\" width=\"" + width
                + "\" height=\"" + height + "\" title=\"" + attribute(title + " · " + s.title())
                + "\" frameborder=\"0\" scrolling=\"no\" loading=\"lazy\"></iframe>");
        f.put("width", width);
        f.put("height", height);
        return f;
    }

    /** The public post or page whose address (in the current permalink style) {@code url} is, or empty. */
    Optional<Post> find(Site s, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
        URI base = URI.create(s.base());
        if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(base.getHost()) || uri.getPort() != base.getPort()
                || uri.getRawPath() == null) {
            return Optional.empty();
        }
        String path = Paths.decode(uri.getRawPath());
        if (!path.endsWith("/")) path += "/";
        String[] segments = path.substring(1).split("/");
        if (segments.length == 0 || segments[segments.length - 1].isEmpty()) return Optional.empty();
        String last = segments[segments.length - 1];
        Optional<Post> found;
        if (segments.length == 2 && segments[0].equals(PermalinkStyle.ARCHIVES) && last.matches("[1-9]\\d{0,17}")) {
            found = posts.publicById(Long.parseLong(last));
        } else if (segments.length == 1) {
            found = posts.publicBySlug(Kind.PAGE, last).or(() -> posts.publicBySlug(Kind.POST, last));
        } else {
            found = posts.publicBySlug(Kind.POST, last);
        }
        String wanted = path;
        return found.filter(p -> s.settings().permalink(p).equals(wanted));
    }

    /** {@code asked} (a consumer's maxwidth or maxheight) when it is a number below {@code normal}, else {@code normal}. */
    private static int limit(String asked, int normal) {
        if (asked == null || !asked.matches("\\d{1,6}")) return normal;
        return Math.min(normal, Math.max(1, Integer.parseInt(asked)));
    }

    private static String attribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void plain(Context ctx, int status, String message) {
        ctx.status(status).header("Cache-Control", "no-store").contentType("text/plain; charset=utf-8").result(message);
    }

    /** The media a card shows: the featured image, or null. */
    Media featured(Post p) {
        return p.featuredMediaId() == null ? null : media.byId(p.featuredMediaId()).orElse(null);
    }
}
