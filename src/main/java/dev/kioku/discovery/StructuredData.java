package dev.kioku.discovery;

import dev.kioku.authors.Author;
import dev.kioku.content.Kind;
import dev.kioku.content.Post;
import dev.kioku.content.ReviewKind;
import dev.kioku.content.Tag;
import dev.kioku.series.SeriesView;
import dev.kioku.site.Site;
import dev.kioku.web.Meta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * schema.org JSON-LD for the head of public pages: one {@code @graph} per page holding what the page is
 * (a BlogPosting, Review, WebPage, ProfilePage…) and its BreadcrumbList.
 *
 * <p>Why a rated review is a {@code Review} and an unrated one a {@code BlogPosting} {@code about} the item:
 * search engines show review snippets only for a Review with {@code itemReviewed}, {@code reviewRating},
 * {@code author} and {@code datePublished}, and report a Review without a rating as an error. A review post
 * without stars is still a blog post about a book, which is what the second form says.
 *
 * <p>The JSON is written here ({@link ObjectNode}, {@link ArrayNode}) rather than by Jackson: every post page not in
 * the cache makes it, and building Jackson's tree and serializing it was about 1.5% of the CPU of such a render. The
 * text is what Jackson's {@code ObjectMapper} wrote (fields in the order put, no spaces, the same escapes;
 * StructuredDataTest holds it to that).
 */
public final class StructuredData {
    private final Site site;
    private final ObjectNode root = new ObjectNode();
    private final ArrayNode graph;

    private StructuredData(Site site) {
        this.site = site;
        root.put("@context", "https://schema.org");
        graph = root.putArray("@graph");
    }

    /** One step of a breadcrumb trail: its name and site path. */
    public record Crumb(String name, String path) {
    }

    /** Structured data for a page of {@code site}; add what the page holds, then call {@link #script()}. */
    public static StructuredData of(Site site) {
        return new StructuredData(site);
    }

    /**
     * A post as a BlogPosting (or a Review when it rates what it reviews), or a page as a WebPage.
     *
     * @param url    the post's absolute canonical URL
     * @param image  its featured image, or null
     * @param series the series it is a part of, or null
     */
    public StructuredData post(Post p, Author author, String url, Meta.Image image, SeriesView series) {
        Post.Review review = p.review();
        boolean rated = review != null && review.rating() != null && p.kind() == Kind.POST;
        String type = p.kind() == Kind.PAGE ? "WebPage" : rated ? "Review" : "BlogPosting";
        ObjectNode n = graph.addObject();
        n.put("@type", type);
        n.put("@id", url + "#main");
        n.put(p.kind() == Kind.PAGE ? "name" : "headline", p.title());
        if (rated) n.put("name", p.title());
        n.put("description", p.excerpt());
        n.put("url", url);
        if (p.kind() == Kind.POST) n.set("mainEntityOfPage", new ObjectNode().put("@type", "WebPage").put("@id", url));
        if (p.publishedAt() != null) n.put("datePublished", site.settings().isoDate(p.publishedAt()));
        n.put("dateModified", site.settings().isoDate(p.updatedAt()));
        n.set("author", person(author));
        n.set("publisher", publisher());
        if (image != null) n.set("image", imageObject(image));
        if (!p.tags().isEmpty()) n.put("keywords", String.join(", ", p.tags().stream().map(Tag::name).toList()));
        if (series != null) {
            n.set("isPartOf", new ObjectNode().put("@type", "CreativeWorkSeries").put("name", series.title())
                    .put("url", site.absolute(series.url())));
        }
        if (review != null && p.kind() == Kind.POST) {
            n.set(rated ? "itemReviewed" : "about", item(review));
            if (rated) {
                n.set("reviewRating", new ObjectNode().put("@type", "Rating").put("ratingValue", review.rating())
                        .put("bestRating", 5).put("worstRating", 1));
            }
        }
        return this;
    }

    /** The home page: the site itself. */
    public StructuredData website(String description) {
        ObjectNode n = graph.addObject();
        n.put("@type", "WebSite");
        n.put("@id", site.absolute("/") + "#website");
        n.put("name", site.title());
        n.put("url", site.absolute("/"));
        if (!description.isBlank()) n.put("description", description);
        n.put("inLanguage", site.settings().language());
        n.set("publisher", publisher());
        return this;
    }

    /** An author's page: a ProfilePage about the author as a Person. */
    public StructuredData profile(Author a) {
        ObjectNode n = graph.addObject();
        n.put("@type", "ProfilePage");
        n.put("url", site.absolute(a.url()));
        n.put("name", a.displayName());
        ObjectNode person = person(a);
        if (!a.bio().isBlank()) person.put("description", a.bio());
        if (a.avatarUrl() != null) person.put("image", absolute(a.avatarUrl()));
        if (!a.links().isEmpty()) {
            ArrayNode same = person.putArray("sameAs");
            a.links().forEach(l -> same.add(l.url()));
        }
        n.set("mainEntity", person);
        return this;
    }

    /** A list of posts (a tag, a series) as a CollectionPage. */
    public StructuredData collection(String name, String description, String path) {
        ObjectNode n = graph.addObject();
        n.put("@type", "CollectionPage");
        n.put("name", name);
        if (!description.isBlank()) n.put("description", description);
        n.put("url", site.absolute(path));
        n.set("isPartOf", new ObjectNode().put("@type", "WebSite").put("name", site.title()).put("url", site.absolute("/")));
        return this;
    }

    /** The trail from the home page to this page; the home page is added first. */
    public StructuredData breadcrumbs(List<Crumb> trail) {
        ObjectNode n = graph.addObject();
        n.put("@type", "BreadcrumbList");
        ArrayNode items = n.putArray("itemListElement");
        int position = 1;
        items.addObject().put("@type", "ListItem").put("position", position++).put("name", site.title())
                .put("item", site.absolute("/"));
        for (Crumb c : trail) {
            items.addObject().put("@type", "ListItem").put("position", position++).put("name", c.name())
                    .put("item", site.absolute(c.path()));
        }
        return this;
    }

    /**
     * The JSON for a {@code <script type="application/ld+json">} element. Every {@code <} is written as
     * {@code \u003c} (it can only occur inside JSON strings), so no title can close the script element.
     */
    public String script() {
        StringBuilder json = new StringBuilder(2048);
        root.writeTo(json);
        return json.toString();
    }

    private ObjectNode person(Author a) {
        return new ObjectNode().put("@type", "Person").put("name", a.displayName()).put("url", site.absolute(a.url()));
    }

    private ObjectNode publisher() {
        ObjectNode n = new ObjectNode().put("@type", "Organization").put("name", site.title()).put("url", site.absolute("/"));
        if (site.logo() != null) {
            n.set("logo", new ObjectNode().put("@type", "ImageObject").put("url", absolute(site.logo().src()))
                    .put("width", site.logo().width()).put("height", site.logo().height()));
        }
        return n;
    }

    private static ObjectNode imageObject(Meta.Image image) {
        ObjectNode n = new ObjectNode().put("@type", "ImageObject").put("url", image.url());
        if (image.width() > 0) n.put("width", image.width()).put("height", image.height());
        return n;
    }

    /** The reviewed item: its type, name, and who made it under the property its type uses. */
    private static ObjectNode item(Post.Review r) {
        ReviewKind kind = r.kind() == null ? ReviewKind.CREATIVE_WORK : r.kind();
        ObjectNode n = new ObjectNode().put("@type", kind.schemaType()).put("name", r.title());
        if (r.url() != null) n.put("url", r.url());
        if (r.creator() != null) {
            switch (kind) {
                case BOOK -> n.set("author", named("Person", r.creator()));
                case MOVIE -> n.set("director", named("Person", r.creator()));
                case MUSIC_ALBUM -> n.set("byArtist", named("MusicGroup", r.creator()));
                case VIDEO_GAME, GAME -> n.set("creator", named("Organization", r.creator()));
                case PRODUCT -> n.set("brand", named("Brand", r.creator()));
                case RESTAURANT, PLACE -> { }
                case TV_SERIES, CREATIVE_WORK -> n.set("creator", named("Person", r.creator()));
            }
        }
        boolean creativeWork = kind != ReviewKind.PRODUCT && kind != ReviewKind.RESTAURANT && kind != ReviewKind.PLACE;
        if (r.year() != null && creativeWork) n.put("datePublished", String.valueOf(r.year()));
        return n;
    }

    private static ObjectNode named(String type, String name) {
        return new ObjectNode().put("@type", type).put("name", name);
    }

    private String absolute(String pathOrUrl) {
        return pathOrUrl.startsWith("/") ? site.absolute(pathOrUrl) : pathOrUrl;
    }

    /**
     * A JSON object being built, as Jackson's {@code ObjectNode} was used here: fields in the order first put; putting
     * a name again replaces its value where it stands; a null value is written {@code null}.
     */
    static final class ObjectNode {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        ObjectNode put(String name, String value) {
            fields.put(name, value);
            return this;
        }

        ObjectNode put(String name, Integer value) {
            fields.put(name, value);
            return this;
        }

        ObjectNode set(String name, ObjectNode value) {
            fields.put(name, value);
            return this;
        }

        ArrayNode putArray(String name) {
            ArrayNode array = new ArrayNode();
            fields.put(name, array);
            return array;
        }

        void writeTo(StringBuilder out) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                if (!first) out.append(',');
                first = false;
                string(out, field.getKey());
                out.append(':');
                value(out, field.getValue());
            }
            out.append('}');
        }
    }

    /** A JSON array being built: objects and strings. */
    static final class ArrayNode {
        private final List<Object> items = new ArrayList<>();

        ObjectNode addObject() {
            ObjectNode n = new ObjectNode();
            items.add(n);
            return n;
        }

        void add(String value) {
            items.add(value);
        }

        void writeTo(StringBuilder out) {
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) out.append(',');
                value(out, items.get(i));
            }
            out.append(']');
        }
    }

    private static void value(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(out, s);
            case Integer i -> out.append(i.intValue());
            case ObjectNode o -> o.writeTo(out);
            case ArrayNode a -> a.writeTo(out);
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * A JSON string as Jackson writes it by default: a backslash before a quote or backslash, the short escapes of
     * backspace, tab, newline, form feed and carriage return, the other control characters as six-character
     * u-escapes with capital hex digits, everything else as it is; and {@code <} as its u-escape (003c) so that no
     * text can close the script element ({@code <} only ever occurs inside strings).
     */
    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                case '<' -> out.append("\\u003c");
                default -> {
                    if (c < 0x20) out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
