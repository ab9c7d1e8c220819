package dev.kioku.discovery;

import dev.kioku.authors.Author;
import dev.kioku.authors.Authors;
import dev.kioku.content.Kind;
import dev.kioku.content.Posts;
import dev.kioku.content.Tag;
import dev.kioku.events.ChangeEvent;
import dev.kioku.series.Series;
import dev.kioku.series.SeriesService;
import dev.kioku.site.Site;
import dev.kioku.site.SiteService;
import dev.kioku.web.NotFound;
import dev.kioku.web.Page;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code /sitemap.xml}: every public address of the blog with its last change. Up to {@link #MAX_URLS}
 * addresses it is one urlset; past that it becomes a sitemap index naming sub-sitemaps of at most
 * {@link #MAX_URLS} each: {@code /sitemap-posts-N.xml}, {@code /sitemap-pages-N.xml} (the home page and
 * pages) and {@code /sitemap-taxonomies-N.xml} (series, tags, authors). Posts are read a sub-sitemap at a
 * time, and never their text.
 */
final class Sitemap {
    /** Addresses in one sitemap file (the protocol allows 50,000; small files keep each render quick). */
    static final int MAX_URLS = 1000;
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_INSTANT;

    private final Posts posts;
    private final SeriesService series;
    private final Authors authors;
    private final SiteService site;

    Sitemap(Posts posts, SeriesService series, Authors authors, SiteService site) {
        this.posts = posts;
        this.series = series;
        this.authors = authors;
        this.site = site;
    }

    /** One address and when it last changed (null when unknown). */
    private record Url(String path, Instant lastmod) {
    }

    /** {@code /sitemap.xml}: the urlset of every address, or the index of the sub-sitemaps past {@link #MAX_URLS}. */
    Page root() {
        Set<String> keys = keys();
        List<Posts.InUse<Long>> authorsInUse = posts.authorsInUse();
        List<Url> pages = pages(keys, authorsInUse);
        List<Url> taxonomies = taxonomies(keys, authorsInUse);
        int postCount = posts.countPublic(Kind.POST);
        Site s = site.site();
        if (pages.size() + taxonomies.size() + postCount <= MAX_URLS) {
            List<Url> all = new ArrayList<>(pages);
            all.addAll(posts(0, MAX_URLS));
            all.addAll(taxonomies);
            return new Page(urlset(s, all), keys);
        }
        List<String> parts = new ArrayList<>();
        for (int i = 1; i <= chunks(postCount); i++) parts.add("/sitemap-posts-" + i + ".xml");
        for (int i = 1; i <= chunks(pages.size()); i++) parts.add("/sitemap-pages-" + i + ".xml");
        for (int i = 1; i <= chunks(taxonomies.size()); i++) parts.add("/sitemap-taxonomies-" + i + ".xml");
        return new Page(index(s, parts), keys);
    }

    /**
     * A sub-sitemap named like {@code posts-2}.
     *
     * @throws NotFound for a name that is not one, or a number past the last sub-sitemap (including every
     *                  number while the whole sitemap fits in {@code /sitemap.xml})
     */
    Page part(String name) {
        var m = java.util.regex.Pattern.compile("(posts|pages|taxonomies)-([1-9]\\d{0,6})").matcher(name);
        if (!m.matches()) throw new NotFound("sitemap " + name);
        int n = Integer.parseInt(m.group(2));
        Set<String> keys = keys();
        int postCount = posts.countPublic(Kind.POST);
        if (m.group(1).equals("posts") && postCount > MAX_URLS) {
            // the posts alone fill more than one file, so the sitemap is split whatever else it names: a posts part
            // needs neither the pages nor the tags and authors (whole-site reads, a hundred times over at 100,000 posts)
            if (n > chunks(postCount)) throw new NotFound("sitemap " + name);
            return new Page(urlset(site.site(), posts((n - 1) * MAX_URLS, MAX_URLS)), keys);
        }
        List<Posts.InUse<Long>> authorsInUse = posts.authorsInUse();
        List<Url> pages = pages(keys, authorsInUse);
        List<Url> taxonomies = taxonomies(keys, authorsInUse);
        if (pages.size() + taxonomies.size() + postCount <= MAX_URLS) throw new NotFound("sitemap " + name + ": all in /sitemap.xml");
        List<Url> urls = switch (m.group(1)) {
            case "posts" -> n <= chunks(postCount) ? posts((n - 1) * MAX_URLS, MAX_URLS) : List.of();
            case "pages" -> chunk(pages, n);
            default -> chunk(taxonomies, n);
        };
        if (urls.isEmpty()) throw new NotFound("sitemap " + name);
        return new Page(urlset(site.site(), urls), keys);
    }

    /** What every sitemap depends on: any public post, page, series, tag or author changing its address or time. */
    private static Set<String> keys() {
        return new HashSet<>(Set.of(ChangeEvent.SITE, ChangeEvent.NAV, "posts", "series"));
    }

    private List<Url> posts(int offset, int limit) {
        var settings = site.settings();
        return posts.listed(Kind.POST, offset, limit).stream()
                .map(p -> new Url(p.permalink(settings.permalinks(), settings.timeZone()), p.updatedAt())).toList();
    }

    /** The home page (changed with the newest post) and every public page. */
    private List<Url> pages(Set<String> keys, List<Posts.InUse<Long>> authorsInUse) {
        List<Url> out = new ArrayList<>();
        Instant newest = authorsInUse.stream().map(Posts.InUse::lastChange).max(Instant::compareTo).orElse(null);
        out.add(new Url("/", newest));
        int count = posts.countPublic(Kind.PAGE);
        for (int offset = 0; offset < count; offset += MAX_URLS) {
            for (Posts.Listed p : posts.listed(Kind.PAGE, offset, MAX_URLS)) {
                keys.add("post:" + p.id());
                out.add(new Url("/" + p.slug() + "/", p.updatedAt()));
            }
        }
        return out;
    }

    /** The series index and each series, each tag with a public post, each author of one. */
    private List<Url> taxonomies(Set<String> keys, List<Posts.InUse<Long>> authorsInUse) {
        List<Url> out = new ArrayList<>();
        List<Series> all = series.all();
        if (!all.isEmpty()) out.add(new Url("/series/", null));
        for (Series one : all) {
            keys.add(one.key());
            out.add(new Url(one.url(), null));
        }
        for (Posts.InUse<Tag> t : posts.tagsInUse()) out.add(new Url(t.value().url(), t.lastChange()));
        for (Posts.InUse<Long> a : authorsInUse) {
            keys.add("author:" + a.value());
            authors.byId(a.value()).map(Author::url).ifPresent(url -> out.add(new Url(url, a.lastChange())));
        }
        return out;
    }

    private static List<Url> chunk(List<Url> urls, int n) {
        int from = (n - 1) * MAX_URLS;
        if (from >= urls.size()) return List.of();
        return urls.subList(from, Math.min(urls.size(), from + MAX_URLS));
    }

    private static int chunks(int count) {
        return (count + MAX_URLS - 1) / MAX_URLS;
    }

    private static byte[] urlset(Site s, List<Url> urls) {
        return write(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(NS);
            for (Url u : urls) {
                w.writeStartElement("url");
                element(w, "loc", s.absolute(u.path()));
                if (u.lastmod() != null) element(w, "lastmod", W3C.format(u.lastmod().truncatedTo(ChronoUnit.SECONDS)));
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    private static byte[] index(Site s, List<String> parts) {
        return write(w -> {
            w.writeStartElement("sitemapindex");
            w.writeDefaultNamespace(NS);
            for (String part : parts) {
                w.writeStartElement("sitemap");
                element(w, "loc", s.absolute(part));
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    /** An XML document in UTF-8 with {@code body} as its content. */
    static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
        return out.toByteArray();
    }
}
