package dev.kioku.blog;

import dev.kioku.authors.Author;
import dev.kioku.authors.Authors;
import dev.kioku.admin.Fields;
import dev.kioku.comments.CommentRoutes;
import dev.kioku.comments.CommentSection;
import dev.kioku.comments.CommentThreads;
import dev.kioku.comments.Comments;
import dev.kioku.content.Kind;
import dev.kioku.content.PermalinkStyle;
import dev.kioku.content.Post;
import dev.kioku.content.Posts;
import dev.kioku.content.Tag;
import dev.kioku.db.OneConnection;
import dev.kioku.discovery.OEmbed;
import dev.kioku.discovery.StructuredData;
import dev.kioku.discovery.StructuredData.Crumb;
import dev.kioku.events.ChangeEvent;
import dev.kioku.feeds.PostFeeds;
import dev.kioku.media.Media;
import dev.kioku.media.MediaLibrary;
import dev.kioku.series.Series;
import dev.kioku.series.SeriesService;
import dev.kioku.series.SeriesView;
import dev.kioku.site.Site;
import dev.kioku.site.SiteService;
import dev.kioku.site.SiteSettings;
import dev.kioku.web.Meta;
import dev.kioku.web.NotFound;
import dev.kioku.web.Page;
import dev.kioku.web.PageRenderer;
import dev.kioku.web.Paths;
import dev.kioku.web.PublicPages;
import dev.kioku.web.Redirect;
import dev.kioku.web.Routes;
import dev.kioku.web.Templates;
import dev.kioku.webmentions.MentionSection;
import dev.kioku.webmentions.Webmentions;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The reader-facing site: home, posts, pages, tag/author/date archives and series, each rendered once into
 * the page cache with the change keys it depends on.
 *
 * <p>Why a post answers at four kinds of address: the owner picks a {@link PermalinkStyle} and may change it,
 * and links made under any style must keep working. So a post is found by any style's address
 * ({@code /2026/11/20/slug/}, {@code /2026/11/slug/}, {@code /archives/12/}, {@code /slug/}) and served only
 * at its address in the current style; the others answer 301 to it. At {@code /slug/} a page comes first.
 *
 * <p>Why renders read first and render after: everything a page shows is read on one pooled connection
 * ({@link OneConnection}), which is given back before the template runs, so a miss holds a connection only
 * while it reads.
 */
public final class BlogRoutes implements Routes {
    /** Link previews want a picture at least this wide (Facebook asks for 1200 pixels for large cards). */
    private static final int PREVIEW_IMAGE_WIDTH = 1200;
    private final OneConnection reads;
    private final Posts posts;
    private final SeriesService series;
    private final Authors authors;
    private final MediaLibrary media;
    private final SiteService site;
    private final Templates templates;
    private final CommentThreads comments;
    private final BiFunction<Post, SiteSettings, MentionSection> mentions;

    /**
     * @param reads    runs each page's reads on one connection
     * @param mentions a public post's approved webmentions, as its page shows them
     */
    public BlogRoutes(OneConnection reads, Posts posts, SeriesService series, Authors authors, MediaLibrary media, SiteService site,
                      Templates templates, CommentThreads comments, BiFunction<Post, SiteSettings, MentionSection> mentions) {
        this.reads = reads;
        this.mentions = mentions;
        this.posts = posts;
        this.series = series;
        this.authors = authors;
        this.media = media;
        this.site = site;
        this.templates = templates;
        this.comments = comments;
    }

    @Override
    public void register(PublicPages pages) {
        pages.page("/", read(ctx -> home(1)));
        pages.page("/page/{n}", read(ctx -> home(pageNumber(ctx, "/"))));
        pages.page("/tag/{slug}", read(ctx -> tag(ctx.pathParam("slug"), 1)));
        pages.page("/tag/{slug}/page/{n}", read(ctx -> tag(ctx.pathParam("slug"), pageNumber(ctx, "/tag/" + ctx.pathParam("slug") + "/"))));
        pages.page("/author/{slug}", read(ctx -> author(ctx.pathParam("slug"), 1)));
        pages.page("/author/{slug}/page/{n}", read(ctx -> author(ctx.pathParam("slug"), pageNumber(ctx, "/author/" + ctx.pathParam("slug") + "/"))));
        pages.page("/series", read(ctx -> seriesIndex()));
        pages.page("/series/{slug}", read(ctx -> seriesPage(ctx.pathParam("slug"))));
        pages.page("/{y}/page/{n}", read(ctx -> archive(ctx, pageNumber(ctx, "/" + ctx.pathParam("y") + "/"))));
        pages.page("/{y}/{m}/page/{n}", read(ctx -> archive(ctx, pageNumber(ctx, "/" + ctx.pathParam("y") + "/" + ctx.pathParam("m") + "/"))));
        pages.page("/{y}/{m}/{d}/page/{n}", read(ctx -> archive(ctx, pageNumber(ctx,
                "/" + ctx.pathParam("y") + "/" + ctx.pathParam("m") + "/" + ctx.pathParam("d") + "/"))));
        pages.page("/" + PermalinkStyle.ARCHIVES + "/{id}", read(ctx -> post(ctx, numbered(ctx.pathParam("id")))));
        pages.page("/{y}/{m}/{d}/{slug}", read(ctx -> post(ctx, dated(ctx, ctx.pathParam("slug")))));
        pages.page("/{y}/{m}/{d}", read(ctx -> isTwoDigits(ctx.pathParam("d")) ? archive(ctx, 1) : post(ctx, dated(ctx, ctx.pathParam("d")))));
        pages.page("/{y}/{m}", read(ctx -> archive(ctx, 1)));
        pages.page("/{y}", read(ctx -> isYear(ctx.pathParam("y")) ? archive(ctx, 1) : pageOrPost(ctx, ctx.pathParam("y"))));
    }

    /** What a render read: the template and its view, the page's change keys, and its Link header or null. */
    private record Read(String template, Object view, Set<String> keys, String link) {
        Read(String template, Object view, Set<String> keys) {
            this(template, view, keys, null);
        }
    }

    /** A renderer that reads on one connection, gives it back, then runs the template. */
    private PageRenderer read(Function<Context, Read> reading) {
        return ctx -> {
            Read r = reads.run(() -> reading.apply(ctx));
            Page page = new Page(templates.render(r.template(), r.view()), r.keys());
            return r.link() == null ? page : page.withHeader("Link", r.link());
        };
    }

    /** The styled error page for a status, rendered with the site frame. */
    public byte[] errorPage(int status) {
        ErrorView view = status == 404
                ? new ErrorView(site.site(), 404, "Page not found", "Nothing lives at this address. It may have moved, or never existed.")
                : new ErrorView(site.site(), status, "Something went wrong", "The server could not show this page. Please try again in a moment.");
        return templates.render("blog/error.jte", view);
    }

    // ---- listings

    private Read home(int page) {
        Site s = site.site();
        int per = s.settings().postsPerPage();
        Posts.Slice slice = posts.latest((page - 1) * per, per);
        if (page > 1 && slice.posts().isEmpty()) throw new NotFound("page " + page);
        Set<String> keys = keys("posts");
        String title = page == 1 ? s.title() + (s.settings().tagline().isBlank() ? "" : " · " + s.settings().tagline())
                : s.title() + " · Page " + page;
        String description = s.settings().tagline().isBlank() ? "The latest posts on " + s.title() : s.settings().tagline();
        Meta meta = Meta.website(title, description, s.absolute(page == 1 ? "/" : "/page/" + page + "/"));
        if (page == 1) meta = meta.withJsonLd(StructuredData.of(s).website(s.settings().tagline()).script());
        var view = new ListView(s, meta, null, s.title(), "", cards(slice.posts(), keys), Pager.of("/", page, slice.total(), per), page == 1);
        return new Read("blog/list.jte", view, keys);
    }

    private Read tag(String slug, int page) {
        Tag tag = posts.tag(slug).orElseThrow(() -> new NotFound("tag " + slug));
        Site s = site.site();
        int per = s.settings().postsPerPage();
        Posts.Slice slice = posts.byTag(tag, (page - 1) * per, per);
        if (slice.posts().isEmpty() && page > 1) throw new NotFound("tag page " + page);
        Set<String> keys = keys("tag:" + tag.slug());
        String description = "Posts tagged " + tag.name() + " on " + s.title();
        Meta meta = Meta.website(tag.name() + " · " + s.title(), description, s.absolute(tag.url()))
                .withAlternates(PostFeeds.alternates(s, tag))
                .withJsonLd(StructuredData.of(s).collection(tag.name(), description, tag.url())
                        .breadcrumbs(List.of(new Crumb(tag.name(), tag.url()))).script());
        var view = new ListView(s, meta, "Tag", tag.name(), "", cards(slice.posts(), keys), Pager.of(tag.url(), page, slice.total(), per), false);
        return new Read("blog/list.jte", view, keys);
    }

    private Read author(String slug, int page) {
        Author a = authors.bySlug(slug).orElseThrow(() -> new NotFound("author " + slug));
        Site s = site.site();
        int per = s.settings().postsPerPage();
        Posts.Slice slice = posts.byAuthor(a.id(), (page - 1) * per, per);
        if (slice.posts().isEmpty() && page > 1) throw new NotFound("author page " + page);
        Set<String> keys = keys("author:" + a.id(), "author-posts:" + a.id());
        String description = a.bio().isBlank() ? "Posts by " + a.displayName() + " on " + s.title() : a.bio();
        Meta meta = new Meta(a.displayName() + " · " + s.title(), description, s.absolute(a.url()), "profile",
                a.avatarUrl() == null ? null : absolute(s, a.avatarUrl()))
                .withAlternates(PostFeeds.alternates(s, a))
                .withJsonLd(StructuredData.of(s).profile(a).breadcrumbs(List.of(new Crumb(a.displayName(), a.url()))).script());
        var view = new ListView(s, meta, "Author", a.displayName(), a.bio(), cards(slice.posts(), keys),
                Pager.of(a.url(), page, slice.total(), per), false);
        return new Read("blog/list.jte", view, keys);
    }

    private Read archive(Context ctx, int page) {
        ZoneId zone = site.settings().timeZone();
        String y = ctx.pathParam("y");
        String m = ctx.pathParamMap().get("m");
        String d = ctx.pathParamMap().get("d");
        if (!isYear(y) || (m != null && !isTwoDigits(m)) || (d != null && !isTwoDigits(d))) {
            throw new NotFound("archive " + ctx.path());
        }
        LocalDate from;
        LocalDate to;
        String heading;
        String key;
        try {
            if (d != null) {
                from = LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
                to = from.plusDays(1);
                heading = site.settings().date(from.atStartOfDay(zone).toInstant());
                key = "archive:%s-%s-%s".formatted(y, m, d);
            } else if (m != null) {
                YearMonth ym = YearMonth.of(Integer.parseInt(y), Integer.parseInt(m));
                from = ym.atDay(1);
                to = ym.plusMonths(1).atDay(1);
                heading = ym.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.forLanguageTag(site.settings().language())) + " " + y;
                key = "archive:%s-%s".formatted(y, m);
            } else {
                from = LocalDate.of(Integer.parseInt(y), 1, 1);
                to = from.plusYears(1);
                heading = y;
                key = "archive:" + y;
            }
        } catch (RuntimeException e) {
            throw new NotFound("archive " + ctx.path());
        }
        Site s = site.site();
        int per = s.settings().postsPerPage();
        Posts.Slice slice = posts.between(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant(), (page - 1) * per, per);
        if (slice.posts().isEmpty()) throw new NotFound("empty archive " + ctx.path());
        String base = "/" + y + "/" + (m == null ? "" : m + "/") + (d == null ? "" : d + "/");
        Set<String> keys = keys(key);
        var view = new ListView(s, Meta.website(heading + " · " + s.title(), "Posts from " + heading, s.absolute(base)),
                "Archive", heading, "", cards(slice.posts(), keys), Pager.of(base, page, slice.total(), per), false);
        return new Read("blog/list.jte", view, keys);
    }

    // ---- single posts and pages

    /** The public post of a day-and-name or month-and-name address; its year and month must look like ones. */
    private Post dated(Context ctx, String slug) {
        if (!isYear(ctx.pathParam("y")) || !isTwoDigits(ctx.pathParam("m"))) throw new NotFound("post " + ctx.path());
        String d = ctx.pathParamMap().get("d");
        if (d != null && !d.equals(slug) && !isTwoDigits(d)) throw new NotFound("post " + ctx.path());
        return posts.publicBySlug(Kind.POST, slug).orElseThrow(() -> new NotFound("post " + slug));
    }

    private Post numbered(String id) {
        if (!isPostId(id)) throw new NotFound("post " + id);
        return posts.publicById(Long.parseLong(id)).orElseThrow(() -> new NotFound("post " + id));
    }

    /** {@code /slug/}: a page, else a post (the Post name style, or a link made under it). */
    private Read pageOrPost(Context ctx, String slug) {
        Optional<Post> page = posts.publicBySlug(Kind.PAGE, slug);
        if (page.isPresent()) return page(page.get());
        return post(ctx, posts.publicBySlug(Kind.POST, slug).orElseThrow(() -> new NotFound("page " + slug)));
    }

    /** Serves a post at its address in the current style; any other address of it answers 301 to that one. */
    private Read post(Context ctx, Post p) {
        Site s = site.site();
        String canonical = s.settings().permalink(p);
        String asked = Paths.decode(ctx.path());
        if (!canonical.equals(asked) && !canonical.equals(asked + "/")) throw new Redirect(canonical);
        Set<String> keys = keys("post:" + p.id(), "author:" + p.authorId());
        Posts.Neighbours n = posts.neighbours(p);
        if (n.older() != null) keys.add("post:" + n.older().id());
        if (n.newer() != null) keys.add("post:" + n.newer().id());
        SeriesView box = series.forPost(p.id()).orElse(null);
        if (box != null) keys.addAll(box.keys());
        keys.add(Comments.key(p.id()));
        keys.add(Webmentions.key(p.id()));
        CommentSection section = comments.section(p, s.settings(), 1, Fields.empty());
        return new Read("blog/post.jte", view(p, s, canonical, box, link(n.older(), s), link(n.newer(), s), keys, section,
                mentions.apply(p, s.settings())), keys, webmentionLink(s));
    }

    private static PostView.Link link(Posts.Brief p, Site s) {
        return p == null ? null : new PostView.Link(p.title(), p.permalink(s.settings().permalinks(), s.settings().timeZone()));
    }

    /**
     * A public post with this comment section (the comment form refused, as typed, with its messages): the
     * page a reader just sent, never cached.
     */
    public byte[] postWithComments(Post p, CommentSection section) {
        PostView view = reads.run(() -> {
            Site s = site.site();
            Posts.Neighbours n = posts.neighbours(p);
            SeriesView box = series.forPost(p.id()).orElse(null);
            return view(p, s, s.settings().permalink(p), box, link(n.older(), s), link(n.newer(), s), keys(), section,
                    mentions.apply(p, s.settings()));
        });
        return templates.render("blog/post.jte", view);
    }

    private Read page(Post p) {
        Site s = site.site();
        Set<String> keys = keys("post:" + p.id(), "author:" + p.authorId(), Webmentions.key(p.id()));
        return new Read("blog/post.jte", view(p, s, s.settings().permalink(p), null, null, null, keys, null,
                mentions.apply(p, s.settings())), keys, webmentionLink(s));
    }

    /** Where other sites send webmentions for this page (W3C Webmention discovery, beside the head's link). */
    private static String webmentionLink(Site s) {
        return "<" + s.absolute("/webmention/") + ">; rel=\"webmention\"";
    }

    /**
     * A post or page of any status as readers will see it once published, for private preview links: never
     * cached, no canonical link, and without neighbours (a draft has no place among public posts yet).
     */
    public byte[] draftPage(Post p) {
        PostView view = reads.run(() -> {
            Site s = site.site();
            SeriesView box = p.kind() == Kind.PAGE ? null : series.forPost(p.id()).orElse(null);
            return view(p, s, null, box, null, null, keys(), null, null);
        });
        return templates.render("blog/post.jte", view);
    }

    /** @param path the canonical path, or null for a page that must not name one (previews) */
    private PostView view(Post p, Site s, String path, SeriesView box, PostView.Link older, PostView.Link newer,
                          Set<String> keys, CommentSection section, MentionSection mentionSection) {
        SiteSettings st = s.settings();
        Author author = authors.byId(p.authorId()).orElseThrow();
        Media image = featuredImage(p, keys);
        Figure featured = image == null ? null : figure(image);
        Meta meta = meta(p, s, path, author, box, image);
        // a post's comment feed is announced only where the post is public (not on previews)
        if (path != null && p.kind() == Kind.POST && p.isPublic()) meta = meta.withAlternates(CommentRoutes.feedAlternates(s, p));
        // a draft has no publication date yet: it shows the time it was last saved
        java.time.Instant shown = p.publishedAt() != null ? p.publishedAt() : p.updatedAt();
        var day = shown.atZone(st.timeZone());
        String archive = PermalinkStyle.monthPath(day.getYear(), day.getMonthValue());
        return new PostView(s, meta, p.kind() == Kind.PAGE, p.title(), st.date(shown), st.isoDate(shown), archive,
                p.readingMinutes(), author, featured, p.bodyHtml(), p.tags(), box, older, newer, section,
                p.kind() == Kind.PAGE ? null : p.review(), mentionSection);
    }

    /**
     * The head of a post or page: its excerpt as description, the featured image (a large copy) for link
     * previews, article tags, oEmbed discovery and structured data; a preview ({@code path} null) gets only
     * the tags that name no address.
     */
    private Meta meta(Post p, Site s, String path, Author author, SeriesView box, Media featured) {
        Meta.Image image = null;
        if (featured != null) {
            var big = featured.renditionAtLeast(PREVIEW_IMAGE_WIDTH);
            image = new Meta.Image(s.absolute(big.path()), big.width(), big.height(), featured.alt());
        }
        String title = p.title() + " · " + s.title();
        String description = p.excerpt().isBlank() ? p.title() : p.excerpt();
        Meta meta = new Meta(title, description, path == null ? null : s.absolute(path),
                p.kind() == Kind.PAGE ? "website" : "article", null).withImage(image);
        if (p.kind() == Kind.POST && p.publishedAt() != null) {
            meta = meta.withArticle(new Meta.Article(s.settings().isoDate(p.publishedAt()), s.settings().isoDate(p.updatedAt()),
                    s.absolute(author.url()), p.tags().stream().map(Tag::name).toList()));
        }
        if (path == null) return meta;
        List<Crumb> trail = new java.util.ArrayList<>();
        if (box != null) trail.add(new Crumb(box.title(), box.url()));
        else if (p.kind() == Kind.POST && !p.tags().isEmpty()) trail.add(new Crumb(p.tags().getFirst().name(), p.tags().getFirst().url()));
        trail.add(new Crumb(p.title(), path));
        return meta.withAlternates(OEmbed.discovery(s, s.absolute(path), p.title()))
                .withJsonLd(StructuredData.of(s).post(p, author, s.absolute(path), image, box).breadcrumbs(trail).script());
    }

    private static String absolute(Site s, String pathOrUrl) {
        return pathOrUrl.startsWith("/") ? s.absolute(pathOrUrl) : pathOrUrl;
    }

    // ---- series

    private Read seriesPage(String slug) {
        Series found = series.bySlug(slug).orElseThrow(() -> new NotFound("series " + slug));
        SeriesView view = series.view(found);
        Site s = site.site();
        Set<String> keys = keys();
        keys.addAll(view.keys());
        String description = found.title() + ": a series in " + view.total() + (view.total() == 1 ? " part" : " parts") + " on " + s.title();
        Meta meta = Meta.website(found.title() + " · " + s.title(), description, s.absolute(found.url()))
                .withAlternates(PostFeeds.alternates(s, found))
                .withJsonLd(StructuredData.of(s).collection(found.title(), description, found.url())
                        .breadcrumbs(List.of(new Crumb("Series", "/series/"), new Crumb(found.title(), found.url()))).script());
        return new Read("blog/series.jte", new SeriesPage(s, meta, List.of(view), false), keys);
    }

    private Read seriesIndex() {
        Site s = site.site();
        Set<String> keys = keys("series");
        List<SeriesView> all = series.allViews();
        all.forEach(v -> keys.addAll(v.keys()));
        Meta meta = Meta.website("Series · " + s.title(), "Every series on " + s.title(), s.absolute("/series/"))
                .withJsonLd(StructuredData.of(s).collection("Series", "Every series on " + s.title(), "/series/")
                        .breadcrumbs(List.of(new Crumb("Series", "/series/"))).script());
        return new Read("blog/series.jte", new SeriesPage(s, meta, all, true), keys);
    }

    // ---- helpers

    private List<PostCard> cards(List<Post> list, Set<String> keys) {
        SiteSettings st = site.settings();
        Map<Long, SeriesService.Badge> badges = series.badges(list.stream().map(Post::id).toList());
        badges.values().forEach(b -> keys.add(b.key()));
        list.forEach(p -> keys.add("post:" + p.id()));
        list.forEach(p -> keys.add(Comments.key(p.id())));
        Map<Long, Integer> counts = comments.counts(list.stream().map(Post::id).toList());
        return list.stream().map(p -> new PostCard(p.title(), st.permalink(p), st.date(p.publishedAt()),
                st.isoDate(p.publishedAt()), p.excerpt(), p.readingMinutes(), p.tags(), badges.get(p.id()),
                featured(p, keys), counts.getOrDefault(p.id(), 0))).toList();
    }

    private Figure featured(Post p, Set<String> keys) {
        Media image = featuredImage(p, keys);
        return image == null ? null : figure(image);
    }

    /** The post's featured image, or null (none, or deleted since); its key is added either way. */
    private Media featuredImage(Post p, Set<String> keys) {
        if (p.featuredMediaId() == null) return null;
        keys.add("media:" + p.featuredMediaId());
        return media.byId(p.featuredMediaId()).orElse(null);
    }

    private static Figure figure(Media m) {
        return new Figure(m.path(), m.alt(), m.width(), m.height(), m.caption(), m.srcset());
    }

    private static Set<String> keys(String... more) {
        Set<String> keys = new HashSet<>(Set.of(ChangeEvent.SITE, ChangeEvent.NAV));
        keys.addAll(List.of(more));
        return keys;
    }

    /** Page numbers from {@code /page/N/}; {@code /page/1/} answers 301 to the first page. */
    private static int pageNumber(Context ctx, String firstPage) {
        String n = ctx.pathParam("n");
        if (!isPageNumber(n)) throw new NotFound("page " + n);
        int page = Integer.parseInt(n);
        if (page == 1) throw new Redirect(firstPage);
        return page;
    }

    // ---- address parts, checked by hand: every post address is checked with them, and a regex match cost more than
    // the rest of choosing the post (by perf, java.util.regex was among the hot spots of a page not in the cache)

    /** Four ASCII digits, as {@code \d{4}} matches. */
    static boolean isYear(String s) {
        return s.length() == 4 && asciiDigits(s);
    }

    /** Two ASCII digits, as {@code \d{2}} matches. */
    static boolean isTwoDigits(String s) {
        return s.length() == 2 && asciiDigits(s);
    }

    /** A post id as {@code [1-9]\d{0,17}} matches: no leading zero, and within a long. */
    static boolean isPostId(String s) {
        return s.length() >= 1 && s.length() <= 18 && s.charAt(0) != '0' && asciiDigits(s);
    }

    /** A page number as {@code [1-9]\d{0,5}} matches. */
    static boolean isPageNumber(String s) {
        return s.length() >= 1 && s.length() <= 6 && s.charAt(0) != '0' && asciiDigits(s);
    }

    private static boolean asciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }
}
