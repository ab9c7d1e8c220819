package dev.kioku.series;

import dev.kioku.content.Kind;
import dev.kioku.content.Post;
import dev.kioku.content.Posts;
import dev.kioku.db.Writes;
import dev.kioku.events.ChangeEvent;
import dev.kioku.events.EventBus;
import dev.kioku.markdown.Markdown;
import dev.kioku.markdown.Slugs;
import dev.kioku.site.SiteSettings;
import dev.kioku.web.Invalid;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
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
    /** A series address, as a path nothing answered (it may be an old slug). */
    private static final Pattern OLD_URL = Pattern.compile("/series/([^/]+)/?");

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
        if (title == null || title.isBlank()) throw Invalid.field("title", "A series needs a title.");
        String md = descriptionMd == null ? "" : descriptionMd;
        String html = markdown.render(md).html();
        long id = jdbi.inTransaction(h -> {
            Writes.serialize(h);
            String slug = Slugs.unique(title, "series", candidate -> store.slugTaken(h, candidate));
            store.dropOldSlug(h, slug);
            return store.insert(h, slug, title.strip(), md, html, clock.instant());
        });
        events.publish(ChangeEvent.of("series:" + id, "series"));
        return get(id);
    }

    /**
     * Changes a series' title, description and, when {@code slug} is given and differs, its address. The old
     * address keeps answering with a 301 to the new one ({@link #movedFrom}).
     *
     * @param slug the wanted slug, or null/blank to keep the current one
     * @return the series as saved
     * @throws Invalid naming {@code title} or {@code slug} when one breaks a rule (empty title, slug without
     *                 letters or digits, slug used by another series)
     * @throws IllegalArgumentException when there is no such series
     */
    public Series update(long id, String title, String slug, String descriptionMd) {
        if (title == null || title.isBlank()) throw Invalid.field("title", "A series needs a title.");
        String md = descriptionMd == null ? "" : descriptionMd;
        String html = markdown.render(md).html();
        jdbi.useTransaction(h -> {
            Writes.serialize(h);
            Series before = store.byId(h, id).orElseThrow(() -> new IllegalArgumentException("no series " + id));
            String wanted = slug == null || slug.isBlank() ? before.slug() : Slugs.slugify(slug);
            if (wanted.isEmpty()) throw Invalid.field("slug", "The address needs at least one letter or digit.");
            if (!wanted.equals(before.slug())) {
                if (store.slugTaken(h, wanted)) throw Invalid.field("slug", "Another series already lives at /series/" + wanted + "/.");
                store.dropOldSlug(h, wanted);
                store.keepOldSlug(h, before.slug(), id);
            }
            store.update(h, id, wanted, title.strip(), md, html, clock.instant());
        });
        events.publish(ChangeEvent.of("series:" + id, "series"));
        return get(id);
    }

    /**
     * Deletes a series with its parts and its old addresses: its posts stay as they are, only no longer parts
     * of it, and {@code /series/<slug>/} (old slugs included) answers 404 from then on.
     *
     * @throws IllegalArgumentException when there is no such series
     */
    public void delete(long id) {
        Set<String> keys = jdbi.inTransaction(h -> {
            Writes.serialize(h);
            store.byId(h, id).orElseThrow(() -> new IllegalArgumentException("no series " + id));
            Set<String> k = changed(id, store.parts(h, id));
            store.deleteOldSlugs(h, id);
            store.deleteParts(h, id);
            store.delete(h, id);
            return k;
        });
        keys.add("series");
        events.publish(new ChangeEvent(keys));
    }

    /**
     * Changes what readers see of a part before a post fills it and is published: its announced title and
     * note.
     *
     * @throws Invalid naming {@code plannedTitle} when the title is empty
     * @throws IllegalArgumentException when there is no such part
     */
    public void updatePlanned(long partId, String title, String note) {
        if (title == null || title.isBlank()) throw Invalid.field("plannedTitle", "A planned part needs a title.");
        Part part = jdbi.inTransaction(h -> {
            Writes.serialize(h);
            Part p = store.part(h, partId).orElseThrow(() -> new IllegalArgumentException("no series part " + partId));
            store.updatePlanned(h, partId, title.strip(), note == null ? "" : note.strip());
            store.touch(h, p.seriesId(), clock.instant());
            return p;
        });
        events.publish(new ChangeEvent(changed(part.seriesId(), List.of(part))));
    }

    /** The series that used to live at {@code /series/<slug>/} before a rename, or empty. */
    public Optional<Series> movedFrom(String slug) {
        return jdbi.withHandle(h -> store.byOldSlug(h, slug));
    }

    /** Where an old series address ({@code /series/old/}) lives now, for the 301; empty for other paths. */
    public Optional<String> redirectFor(String path) {
        var m = OLD_URL.matcher(path);
        return m.matches() ? movedFrom(m.group(1)).map(Series::url) : Optional.empty();
    }

    /**
     * Moves a part one place earlier ({@code by = -1}) or later ({@code +1}); at either end nothing changes.
     *
     * @throws IllegalArgumentException when there is no such part or {@code by} is not -1 or +1
     */
    public void move(long partId, int by) {
        if (by != -1 && by != 1) throw new IllegalArgumentException("a part moves by one place, not " + by);
        Set<String> keys = jdbi.inTransaction(h -> {
            Writes.serialize(h);
            Part part = store.part(h, partId).orElseThrow(() -> new IllegalArgumentException("no series part " + partId));
            List<Part> parts = new ArrayList<>(store.parts(h, part.seriesId()));
            int from = indexOf(parts, partId);
            int to = from + by;
            if (to < 0 || to >= parts.size()) return Set.<String>of();
            Part other = parts.get(to);
            Collections.swap(parts, from, to);
            store.renumber(h, parts);
            store.touch(h, part.seriesId(), clock.instant());
            return changed(part.seriesId(), List.of(part, other));
        });
        events.publish(new ChangeEvent(keys));
    }

    /**
     * Takes a part out of its series; a post in it stays as it is, just no longer a part. The parts after it
     * move up one place.
     *
     * @throws IllegalArgumentException when there is no such part
     */
    public void remove(long partId) {
        Set<String> keys = jdbi.inTransaction(h -> {
            Writes.serialize(h);
            Part part = store.part(h, partId).orElseThrow(() -> new IllegalArgumentException("no series part " + partId));
            List<Part> parts = new ArrayList<>(store.parts(h, part.seriesId()));
            int at = indexOf(parts, partId);
            store.deletePart(h, partId);
            parts.remove(at);
            store.renumber(h, parts);
            store.touch(h, part.seriesId(), clock.instant());
            List<Part> renumbered = new ArrayList<>(parts.subList(at, parts.size()));
            renumbered.add(part);
            return changed(part.seriesId(), renumbered);
        });
        events.publish(new ChangeEvent(keys));
    }

    /** The keys of a change to a series' parts: the series, list badges, and the posts whose part number moved. */
    private static Set<String> changed(long seriesId, List<Part> parts) {
        Set<String> keys = new HashSet<>(Set.of("series:" + seriesId, "posts"));
        for (Part p : parts) if (p.postId() != null) keys.add("post:" + p.postId());
        return keys;
    }

    private static int indexOf(List<Part> parts, long partId) {
        for (int i = 0; i < parts.size(); i++) if (parts.get(i).id() == partId) return i;
        throw new IllegalStateException("part " + partId + " is not among its series' parts");
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
        if (title == null || title.isBlank()) throw Invalid.field("plannedTitle", "A planned part needs a title.");
        return append(seriesId, null, title.strip(), note);
    }

    /** Fills a planned part with its post; once that post is published the part becomes a link everywhere. */
    public void attach(long partId, long postId) {
        requirePost(postId);
        long seriesId = jdbi.inTransaction(h -> {
            Writes.serialize(h);
            Part part = store.part(h, partId).orElseThrow(() -> new IllegalArgumentException("no series part " + partId));
            if (part.postId() != null) throw new IllegalArgumentException("part " + partId + " has a post already");
            if (store.partOfPost(h, postId).isPresent()) throw new IllegalArgumentException("post " + postId + " is already in a series");
            store.attach(h, partId, postId);
            store.touch(h, part.seriesId(), clock.instant());
            return part.seriesId();
        });
        events.publish(ChangeEvent.of("series:" + seriesId, "post:" + postId, "posts"));
    }

    private long append(long seriesId, Long postId, String title, String note) {
        if (postId != null) requirePost(postId);
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

    /** One slot of a series as exports write it: a post, or a planned part's title and note. */
    public record Slot(int position, Long postId, String plannedTitle, String plannedNote) {
    }

    /** The slots of a series in order, for exports; empty when it has none. */
    public List<Slot> slots(long seriesId) {
        return jdbi.withHandle(h -> store.parts(h, seriesId)).stream()
                .map(p -> new Slot(p.position(), p.postId(), p.plannedTitle(), p.plannedNote())).toList();
    }

    /** A series an import found or made: {@code created} is false when one with its slug was there already. */
    public record Imported(long id, boolean created) {
    }

    /**
     * For imports, inside the importer's transaction {@code h} and publishing nothing: the series with this slug,
     * created with this title and description when there is none.
     */
    public Imported importSeries(Handle h, String slug, String title, String descriptionMd) {
        Optional<Series> there = store.bySlug(h, slug);
        if (there.isPresent()) return new Imported(there.get().id(), false);
        String md = descriptionMd == null ? "" : descriptionMd;
        store.dropOldSlug(h, slug);
        return new Imported(store.insert(h, slug, title.strip(), md, markdown.render(md).html(), clock.instant()), true);
    }

    /**
     * For imports, inside the importer's transaction: appends a post or a planned part to a series. A post already
     * part of a series is left where it is.
     */
    public void importPart(Handle h, long seriesId, Long postId, String plannedTitle, String note) {
        if (postId != null && store.partOfPost(h, postId).isPresent()) return;
        store.appendPart(h, seriesId, postId, plannedTitle, note);
    }

    /** Only posts can be parts: pages have no date, no place in feeds and no series box. */
    private void requirePost(long postId) {
        if (posts.byIds(List.of(postId)).values().stream().noneMatch(p -> p.kind() == Kind.POST)) {
            throw new IllegalArgumentException("no post " + postId);
        }
    }

    /** The parts of a series in order, whatever the state of their posts (for the admin). */
    List<Part> parts(long seriesId) {
        return jdbi.withHandle(h -> store.parts(h, seriesId));
    }

    /** The part with this id, or empty. */
    Optional<Part> part(long partId) {
        return jdbi.withHandle(h -> store.part(h, partId));
    }

    /** Which of these posts are parts of a series already. */
    Set<Long> inSomeSeries(List<Long> postIds) {
        Set<Long> out = new HashSet<>();
        jdbi.useHandle(h -> store.partsOfPosts(h, postIds).forEach(p -> out.add(p.postId())));
        return out;
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
        return view(new SeriesStore.Outline(series, jdbi.withHandle(h -> store.parts(h, series.id()))), 0L);
    }

    /** Every series as readers see them, by slug; two statements however many series and parts there are. */
    public List<SeriesView> allViews() {
        List<SeriesStore.Outline> outlines = jdbi.withHandle(h -> store.outlines(h, store.all(h).stream().map(Series::id).toList()));
        Map<Long, Posts.Brief> byId = posts.briefs(outlines.stream().flatMap(o -> postIds(o).stream()).toList());
        return outlines.stream().map(o -> view(o, byId, 0L)).toList();
    }

    /** The published posts of a series, newest first (its feed); empty when none is public yet. */
    public List<Post> publishedParts(Series series) {
        List<Part> parts = jdbi.withHandle(h -> store.parts(h, series.id()));
        return posts.byIds(parts.stream().map(Part::postId).filter(id -> id != null).toList()).values().stream()
                .filter(Post::isPublic)
                .sorted(java.util.Comparator.comparing(Post::publishedAt).thenComparing(Post::id).reversed())
                .toList();
    }

    /** The series box for a post's page, or empty when the post is in no series. */
    public Optional<SeriesView> forPost(long postId) {
        return jdbi.withHandle(h -> store.outlineOfPost(h, postId)).map(o -> view(o, postId));
    }

    /** For list pages: the "Part 2 of 3" badge of each post that is in a series. */
    public Map<Long, Badge> badges(List<Long> postIds) {
        Set<Long> wanted = new HashSet<>(postIds);
        Map<Long, Badge> out = new HashMap<>();
        for (SeriesStore.Outline o : jdbi.withHandle(h -> store.outlinesOfPosts(h, wanted))) {
            List<Part> all = o.parts();
            for (int i = 0; i < all.size(); i++) {
                Long postId = all.get(i).postId();
                if (postId != null && wanted.contains(postId)) {
                    out.put(postId, new Badge(o.series().title(), o.series().url(), i + 1, all.size(), o.series().key()));
                }
            }
        }
        return out;
    }

    /** "Part {number} of {total}" of a series; {@code key} is what a page showing it depends on. */
    public record Badge(String seriesTitle, String seriesUrl, int number, int total, String key) {
    }

    private static List<Long> postIds(SeriesStore.Outline o) {
        return o.parts().stream().map(Part::postId).filter(id -> id != null).toList();
    }

    private SeriesView view(SeriesStore.Outline o, long currentPostId) {
        return view(o, posts.briefs(postIds(o)), currentPostId);
    }

    /** @param byId the posts of the parts, without their text (at least those of this series) */
    private SeriesView view(SeriesStore.Outline o, Map<Long, Posts.Brief> byId, long currentPostId) {
        SiteSettings site = settings.get();
        Set<String> keys = new HashSet<>(Set.of(o.series().key()));
        List<SeriesView.PartView> views = new ArrayList<>();
        int current = 0;
        for (Part part : o.parts()) {
            Posts.Brief post = part.postId() == null ? null : byId.get(part.postId());
            if (post != null) keys.add("post:" + post.id());
            boolean live = post != null && post.isPublic();
            boolean isCurrent = post != null && post.id() == currentPostId;
            if (isCurrent) current = views.size() + 1;
            // a draft's own title is not public: before publication a part shows its announced title
            String title = live ? post.title() : part.plannedTitle() != null ? part.plannedTitle() : UNANNOUNCED;
            views.add(new SeriesView.PartView(views.size() + 1, title,
                    live ? post.permalink(site.permalinks(), site.timeZone()) : null, live ? "" : part.plannedNote(),
                    live ? post.excerpt() : "", live ? site.date(post.publishedAt()) : "", isCurrent));
        }
        return new SeriesView(o.series(), views, current, keys);
    }
}
