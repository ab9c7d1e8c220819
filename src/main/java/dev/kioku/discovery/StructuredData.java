package dev.kioku.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kioku.authors.Author;
import dev.kioku.content.Kind;
import dev.kioku.content.Post;
import dev.kioku.content.ReviewKind;
import dev.kioku.content.Tag;
import dev.kioku.series.SeriesView;
import dev.kioku.site.Site;
import dev.kioku.web.Meta;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * schema.org JSON-LD for the head of public pages: one {@code @graph} per page holding what the page is
 * (a BlogPosting, Review, WebPage, ProfilePage…) and its BreadcrumbList.
 *
 * <p>Why a rated review is a {@code Review} and an unrated one a {@code BlogPosting} {@code about} the item:
 * search engines show review snippets only for a Review with {@code itemReviewed}, {@code reviewRating},
 * {@code author} and {@code datePublished}, and report a Review without a rating as an error. A review post
 * without stars is still a blog post about a book, which is what the second form says.
 */
public final class StructuredData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Site site;
    private final ObjectNode root = JSON.createObjectNode();
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
        if (p.kind() == Kind.POST) n.set("mainEntityOfPage", JSON.createObjectNode().put("@type", "WebPage").put("@id", url));
        if (p.publishedAt() != null) n.put("datePublished", site.settings().isoDate(p.publishedAt()));
        n.put("dateModified", site.settings().isoDate(p.updatedAt()));
        n.set("author", person(author));
        n.set("publisher", publisher());
        if (image != null) n.set("image", imageObject(image));
        if (!p.tags().isEmpty()) n.put("keywords", String.join(", ", p.tags().stream().map(Tag::name).toList()));
        if (series != null) {
            n.set("isPartOf", JSON.createObjectNode().put("@type", "CreativeWorkSeries").put("name", series.title())
                    .put("url", site.absolute(series.url())));
        }
        if (review != null && p.kind() == Kind.POST) {
            n.set(rated ? "itemReviewed" : "about", item(review));
            if (rated) {
                n.set("reviewRating", JSON.createObjectNode().put("@type", "Rating").put("ratingValue", review.rating())
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
        n.set("isPartOf", JSON.createObjectNode().put("@type", "WebSite").put("name", site.title()).put("url", site.absolute("/")));
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
        try {
            return JSON.writeValueAsString(root).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode person(Author a) {
        return JSON.createObjectNode().put("@type", "Person").put("name", a.displayName()).put("url", site.absolute(a.url()));
    }

    private ObjectNode publisher() {
        ObjectNode n = JSON.createObjectNode().put("@type", "Organization").put("name", site.title()).put("url", site.absolute("/"));
        if (site.logo() != null) {
            n.set("logo", JSON.createObjectNode().put("@type", "ImageObject").put("url", absolute(site.logo().src()))
                    .put("width", site.logo().width()).put("height", site.logo().height()));
        }
        return n;
    }

    private static ObjectNode imageObject(Meta.Image image) {
        ObjectNode n = JSON.createObjectNode().put("@type", "ImageObject").put("url", image.url());
        if (image.width() > 0) n.put("width", image.width()).put("height", image.height());
        return n;
    }

    /** The reviewed item: its type, name, and who made it under the property its type uses. */
    private static ObjectNode item(Post.Review r) {
        ReviewKind kind = r.kind() == null ? ReviewKind.CREATIVE_WORK : r.kind();
        ObjectNode n = JSON.createObjectNode().put("@type", kind.schemaType()).put("name", r.title());
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
        return JSON.createObjectNode().put("@type", type).put("name", name);
    }

    private String absolute(String pathOrUrl) {
        return pathOrUrl.startsWith("/") ? site.absolute(pathOrUrl) : pathOrUrl;
    }
}
