package dev.kioku.series;

import dev.kioku.content.Post;
import dev.kioku.content.Posts;
import dev.kioku.db.Writes;
import dev.kioku.events.ChangeEvent;
import dev.kioku.events.EventBus;
import dev.kioku.markdown.Markdown;
import dev.kioku.markdown.Slugs;
import dev.kioku.site.SiteSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Series: ordered parts that are posts or planned ("coming soon") slots.
 *
 * <p>Why pages showing a series depend on each part's {@code post:ID} key: when the post of a planned part
 * is published, only the post changes; the earlier parts were not edited. Because every page listing the
 * series recorded that post's key when rendered, the post's own change event drops them, and the next
 * request shows the part as a link.
 */
public final class SeriesService {
    /** Shown for a part whose post is still a draft and that was never given a planned title. */
    static final String UNANNOUNCED = "To be announced";

    private final Jdbi jdbi;
    private final SeriesStore store = new SeriesStore();
    private final Posts posts;
    private final Markdown markdown;
    private final EventBus events;
    private final Clock clock;
    private final Supplier<SiteSettings> settings;

    public SeriesService(Jdbi jdbi, Posts posts, Markdown markdown, EventBus events, Clock clock,
                         Supplier<SiteSettings> settings) {
        this.jdbi = jdbi;
        this.posts = posts;
        this.markdown = markdown;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    /** Creates an empty series with a unique slug made from the title. */
    public Series create(String title, String descriptionMd) {
        if (title == null || title.isBlank()) throw new IllegalArgumentException("title must not be empty");
        String md = descriptionMd == null ? "" : descriptionMd;
        String html = markdown.render(md).html();
        long id = jdbi.inTransaction(h -> {
            Writes.serialize(h);
            String slug = Slugs.unique(title, "series", candidate -> store.slugTaken(h, candidate));
            return store.insert(h, slug, title.strip(), md, html, clock.instant());
        });
        events.publish(ChangeEvent.of("series:" + id, "series"));
        return get(id);
    }

    /**
     * Appends a post as the next part.
     *
     * @throws IllegalArgumentException when the post is already a part of a series
     */
    public long addPost(long seriesId, long postId) {
        return append(seriesId, postId, null, null);
    }

    /** Appends a planned part: announced with a title (and an optional note), no post yet. */
    public long addPlanned(long seriesId, String title, String note) {
        if (title == null || title.isBlank()) throw new IllegalArgumentException("a planned part needs a title");
        return append(seriesId, null, title.strip(), note);
    }

    /** Fills a planned part with its post; once that post is published the part becomes a link everywhere. */
    public void attach(long partId, long postId) {
        long seriesId = jdbi.inTransaction(h -> {
            Writes.serialize(h);
            Part part = store.part(h, partId).orElseThrow(() -> new IllegalArgumentException("no series part " + partId));
            if (store.partOfPost(h, postId).isPresent()) throw new IllegalArgumentException("post " + postId + " is already in a series");
            store.attach(h, partId, postId);
            store.touch(h, part.seriesId(), clock.instant());
            return part.seriesId();
        });
        events.publish(ChangeEvent.of("series:" + seriesId, "post:" + postId, "posts"));
    }

    private long append(long seriesId, Long postId, String title, String note) {
        long partId = jdbi.inTransaction(h -> {
            Writes.serialize(h);
            store.byId(h, seriesId).orElseThrow(() -> new IllegalArgumentException("no series " + seriesId));
            if (postId != null && store.partOfPost(h, postId).isPresent()) {
                throw new IllegalArgumentException("post " + postId + " is already in a series");
            }
            store.touch(h, seriesId, clock.instant());
            return store.appendPart(h, seriesId, postId, title, note);
        });
        Set<String> keys = new HashSet<>(Set.of("series:" + seriesId, "posts"));
        if (postId != null) keys.add("post:" + postId);
        events.publish(new ChangeEvent(keys));
        return partId;
    }

    /** @throws IllegalArgumentException when there is no such series */
    public Series get(long id) {
        return jdbi.withHandle(h -> store.byId(h, id)).orElseThrow(() -> new IllegalArgumentException("no series " + id));
    }

    public Optional<Series> bySlug(String slug) {
        return jdbi.withHandle(h -> store.bySlug(h, slug));
    }

    public List<Series> all() {
        return jdbi.withHandle(store::all);
    }

    /** The series as readers see it, with nothing marked as current. */
    public SeriesView view(Series series) {
        return view(series, 0L);
    }

    /** The series box for a post's page, or empty when the post is in no series. */
    public Optional<SeriesView> forPost(long postId) {
        return jdbi.withHandle(h -> store.partOfPost(h, postId).flatMap(p -> store.byId(h, p.seriesId())))
                .map(s -> view(s, postId));
    }

    /** For list pages: the "Part 2 of 3" badge of each post that is in a series. */
    public Map<Long, Badge> badges(List<Long> postIds) {
        Map<Long, Badge> out = new HashMap<>();
        jdbi.useHandle(h -> {
            for (Part part : store.partsOfPosts(h, postIds)) {
                Series s = store.byId(h, part.seriesId()).orElseThrow();
                List<Part> all = store.parts(h, s.id());
                out.put(part.postId(), new Badge(s.title(), s.url(), all.indexOf(part) + 1, all.size(), s.key()));
            }
        });
        return out;
    }

    /** "Part {number} of {total}" of a series; {@code key} is what a page showing it depends on. */
    public record Badge(String seriesTitle, String seriesUrl, int number, int total, String key) {
    }

    private SeriesView view(Series series, long currentPostId) {
        List<Part> parts = jdbi.withHandle(h -> store.parts(h, series.id()));
        Map<Long, Post> byId = posts.byIds(parts.stream().map(Part::postId).filter(id -> id != null).toList());
        SiteSettings site = settings.get();
        Set<String> keys = new HashSet<>(Set.of(series.key()));
        List<SeriesView.PartView> views = new ArrayList<>();
        int current = 0;
        for (Part part : parts) {
            Post post = part.postId() == null ? null : byId.get(part.postId());
            if (post != null) keys.add("post:" + post.id());
            boolean live = post != null && post.isPublic();
            boolean isCurrent = post != null && post.id() == currentPostId;
            if (isCurrent) current = views.size() + 1;
            // a draft's own title is not public: before publication a part shows its announced title
            String title = live ? post.title() : part.plannedTitle() != null ? part.plannedTitle() : UNANNOUNCED;
            views.add(new SeriesView.PartView(views.size() + 1, title,
                    live ? post.permalink(site.timeZone()) : null, live ? "" : part.plannedNote(),
                    live ? post.excerpt() : "", live ? site.date(post.publishedAt()) : "", isCurrent));
        }
        return new SeriesView(series, views, current, keys);
    }
}
