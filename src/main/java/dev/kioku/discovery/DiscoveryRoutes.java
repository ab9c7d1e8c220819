package dev.kioku.discovery;

import dev.kioku.authors.Author;
import dev.kioku.authors.Authors;
import dev.kioku.content.Kind;
import dev.kioku.content.Post;
import dev.kioku.content.Posts;
import dev.kioku.events.ChangeEvent;
import dev.kioku.media.Media;
import dev.kioku.series.SeriesService;
import dev.kioku.site.Site;
import dev.kioku.site.SiteService;
import dev.kioku.web.NotFound;
import dev.kioku.web.Page;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Routes;
import dev.kioku.web.Templates;
import dev.kioku.web.WebServer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * How search engines and other sites find the blog: {@code /sitemap.xml} (and its sub-sitemaps),
 * {@code /robots.txt}, and oEmbed ({@code /oembed/}) with the card it frames ({@code /embed/ID/}). The
 * structured data and link-preview tags in each page's head are built by {@link StructuredData} and the blog.
 */
public final class DiscoveryRoutes implements Routes {
    private static final String XML = "application/xml; charset=utf-8";

    private final Posts posts;
    private final Authors authors;
    private final SiteService site;
    private final Templates templates;
    private final Sitemap sitemap;
    private final OEmbed oembed;
    private final String embedCss;

    /** @param embedCss the URL of the embed card's stylesheet */
    public DiscoveryRoutes(Posts posts, SeriesService series, Authors authors, dev.kioku.media.MediaLibrary media,
                           SiteService site, Templates templates, String embedCss) {
        this.posts = posts;
        this.authors = authors;
        this.site = site;
        this.templates = templates;
        this.embedCss = embedCss;
        this.sitemap = new Sitemap(posts, series, authors, site);
        this.oembed = new OEmbed(posts, authors, media, site);
    }

    @Override
    public void register(PublicPages pages) {
        pages.page("/sitemap.xml", XML, ctx -> sitemap.root());
        pages.page("/sitemap-{part}.xml", XML, ctx -> sitemap.part(ctx.pathParam("part")));
        pages.page("/robots.txt", "text/plain; charset=utf-8", ctx -> robots());
        pages.routes().get("/oembed", oembed::answer);
        pages.routes().before("/embed/*", WebServer::allowFramingByAnyone);
        pages.page("/embed/{id}", ctx -> embed(ctx.pathParam("id")));
    }

    /** Keeps crawlers out of the admin, private previews, readers' own pages and comment forms. */
    private Page robots() {
        String text = """
                User-agent: *
                Disallow: /admin/
                Disallow: /preview/
                Disallow: /readers/
                Disallow: /oembed/
                Disallow: /comments/token
                Disallow: /comments/mine
                Disallow: /comments/unsubscribe/
                Disallow: /comments/*/reply
                Disallow: /comments/*/edit

                Sitemap: %s
                """.formatted(site.site().absolute("/sitemap.xml"));
        return new Page(text.getBytes(StandardCharsets.UTF_8), Set.of(ChangeEvent.SITE));
    }

    private Page embed(String id) {
        if (!id.matches("[1-9]\\d{0,17}")) throw new NotFound("embed " + id);
        Post p = posts.publicPostOrPage(Long.parseLong(id)).orElseThrow(() -> new NotFound("embed " + id));
        Site s = site.site();
        Set<String> keys = new HashSet<>(Set.of(ChangeEvent.SITE, "post:" + p.id(), "author:" + p.authorId()));
        EmbedCard.Image image = null;
        Media m = oembed.featured(p);
        if (m != null) {
            keys.add("media:" + m.id());
            var v = m.renditionAtLeast(480);
            image = new EmbedCard.Image(v.path(), v.width(), v.height());
        }
        String byline = "";
        if (p.kind() == Kind.POST) {
            String name = authors.byId(p.authorId()).map(Author::displayName).orElse("");
            byline = "By " + name + " · " + s.settings().date(p.publishedAt());
        }
        var card = new EmbedCard(s, p.title(), s.absolute(s.settings().permalink(p)), p.excerpt(), image, byline, embedCss);
        return new Page(templates.render("discovery/embed.jte", card), keys);
    }
}
