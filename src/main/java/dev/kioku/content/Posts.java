package dev.kioku.content;

import dev.kioku.db.Writes;
import dev.kioku.events.ChangeEvent;
import dev.kioku.events.EventBus;
import dev.kioku.markdown.Markdown;
import dev.kioku.markdown.Rendered;
import dev.kioku.markdown.Slugs;
import dev.kioku.site.SiteSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Posts and pages: the one write path (create, update, publish, unpublish) and the reads public pages need.
 *
 * <p>Why the before/after keys: a write changes more pages than its own. Publishing a post changes the
 * home page, its tags' and author's pages, its archives, and the previous/next links of its neighbours.
 * Each write collects the dependency keys of the post as it was and as it is, inside the transaction, and
 * publishes their union after commit, so the page cache drops exactly those pages.
 */
public final class Posts {
    /** Autosaves kept per post; older ones are deleted as new ones arrive. Saves are all kept. */
    static final int AUTOSAVES_KEPT = 20;
    private final Jdbi jdbi;
    private final PostStore store = new PostStore();
    private final RevisionStore revisions = new RevisionStore();
    private final Markdown markdown;
    private final EventBus events;
    private final Clock clock;
    private final Supplier<SiteSettings> settings;
    private final List<PostListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** @param settings the site's settings as they are now: their time zone and permalink style shape addresses */
    public Posts(Jdbi jdbi, Markdown markdown, EventBus events, Clock clock, Supplier<SiteSettings> settings) {
        this.jdbi = jdbi;
        this.markdown = markdown;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    /** Adds a listener told of every later change inside its transaction (see {@link PostListener}). */
    public void addListener(PostListener listener) {
        listeners.add(listener);
    }

    /**
     * Saves a new draft, and its first revision; the slug is made unique among posts and pages by a {@code -2},
     * {@code -3}… suffix when needed, and one that names a site address or is only digits gets a suffix too.
     */
    public Post create(PostDraft draft) {
        Rendered r = markdown.render(draft.bodyMd());
        long id = jdbi.inTransaction(h -> {
            Writes.serialize(h);
            String slug = uniqueSlug(h, draft.kind(), draft.slug() == null || draft.slug().isBlank() ? draft.title() : draft.slug(), 0);
            long newId = store.insert(h, draft, slug, r, clock.instant());
            store.replaceTags(h, newId, tagIds(h, draft.tags()));
            recordSave(h, newId, draft.authorId());
            return newId;
        });
        return get(id);
    }

    /**
     * Replaces a post's content whatever was saved in between (imports, scripts), keeping a revision. When a
     * public post's URL changes (new slug), the old URL keeps answering with a 301 to the new one.
     *
     * @throws IllegalArgumentException when there is no such post
     */
    public Post update(long id, PostDraft draft) {
        return update(id, draft, null, draft.authorId());
    }

    /**
     * Replaces a post's content if it is still at {@code expectedVersion}, keeping a revision saved by
     * {@code savedBy}. The post keeps its status; the old URL of a public post keeps answering with a 301.
     *
     * @throws EditConflict when someone saved the post since that version (nothing is changed)
     * @throws IllegalArgumentException when there is no such post
     */
    public Post update(long id, PostDraft draft, long expectedVersion, long savedBy) {
        return update(id, draft, Long.valueOf(expectedVersion), savedBy);
    }

    private Post update(long id, PostDraft draft, Long expectedVersion, long savedBy) {
        Rendered r = markdown.render(draft.bodyMd());
        write(id, (h, before) -> {
            if (expectedVersion != null && before.version() != expectedVersion) throw new EditConflict(before);
            String wanted = draft.slug() == null || draft.slug().isBlank() ? before.slug() : draft.slug();
            // a slug saved before today's rules (shared with a page, say) stays as it is until the writer changes it
            String slug = wanted.equals(before.slug()) ? wanted : uniqueSlug(h, before.kind(), wanted, id);
            store.update(h, id, draft, slug, r, clock.instant());
            store.replaceTags(h, id, tagIds(h, draft.tags()));
            recordSave(h, id, savedBy);
        });
        return get(id);
    }

    private void recordSave(Handle h, long id, long savedBy) {
        Post p = store.byId(h, id).orElseThrow();
        revisions.insert(h, id, Revision.Reason.SAVE, p.title(), p.slug(), p.bodyMd(), p.customExcerpt(),
                p.tags().stream().map(Tag::name).toList(), savedBy, clock.instant());
    }

    /**
     * Keeps what a writer has typed as an autosave revision, without changing the post (nothing public
     * changes, so no change event). Only the newest {@value #AUTOSAVES_KEPT} autosaves of a post are kept.
     *
     * @return the new revision, or the newest one when it already holds exactly this text
     * @throws IllegalArgumentException when there is no such post
     */
    public Revision autosave(long id, PostDraft draft, long savedBy) {
        return jdbi.inTransaction(h -> {
            Writes.serialize(h);
            Post p = store.byId(h, id).orElseThrow(() -> new IllegalArgumentException("no post " + id));
            String slug = draft.slug() == null || draft.slug().isBlank() ? p.slug() : Slugs.slugify(draft.slug());
            List<String> tags = draft.tags().stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
            Optional<Revision> last = revisions.latest(h, id);
            if (last.isPresent() && last.get().title().equals(draft.title()) && last.get().slug().equals(slug)
                    && last.get().bodyMd().equals(draft.bodyMd()) && Objects.equals(last.get().customExcerpt(), draft.excerpt())
                    && last.get().tags().equals(tags)) {
                return last.get();
            }
            long revisionId = revisions.insert(h, id, Revision.Reason.AUTOSAVE, draft.title(), slug, draft.bodyMd(),
                    draft.excerpt(), tags, savedBy, clock.instant());
            revisions.pruneAutosaves(h, id, AUTOSAVES_KEPT);
            return revisions.byId(h, id, revisionId).orElseThrow();
        });
    }

    /**
     * Makes a post public at {@code at} (now if null). A time in the future schedules it instead.
     *
     * @throws IllegalArgumentException when there is no such post
     */
    public Post publish(long id, Instant at) {
        Instant now = clock.instant();
        Instant when = at == null ? now : at;
        write(id, (h, before) -> store.setStatus(h, id, when.isAfter(now) ? Status.SCHEDULED : Status.PUBLISHED, when, now));
        return get(id);
    }

    /** Takes a post off the site; it becomes a draft again and keeps its publication date. */
    public Post unpublish(long id) {
        write(id, (h, before) -> store.setStatus(h, id, Status.DRAFT, before.publishedAt(), clock.instant()));
        return get(id);
    }

    /**
     * Publishes every scheduled post or page whose time has come (by the injected clock), each through the
     * usual write path so the pages showing it are refreshed. A post unpublished or rescheduled meanwhile is
     * left alone, so running this twice, or on two nodes at once, publishes each post once.
     *
     * @return the posts published now; empty when none was due
     */
    public List<Post> publishDue() {
        List<Long> due = jdbi.withHandle(h -> store.dueIds(h, clock.instant()));
        List<Post> published = new ArrayList<>();
        for (long id : due) {
            boolean[] changed = {false};
            try {
                write(id, (h, before) -> {
                    Instant now = clock.instant();
                    if (before.status() != Status.SCHEDULED || before.publishedAt().isAfter(now)) return;
                    store.setStatus(h, id, Status.PUBLISHED, before.publishedAt(), now);
                    changed[0] = true;
                });
            } catch (IllegalArgumentException deletedMeanwhile) {
                continue;
            }
            if (changed[0]) published.add(get(id));
        }
        return published;
    }

    private interface Change {
        void apply(Handle h, Post before);
    }

    /**
     * Runs one change to an existing post in a transaction, keeps its old URL answering if the change
     * moved it, and publishes the keys of every page that showed it before or shows it after.
     */
    private void write(long id, Change change) {
        ZoneId z = settings.get().timeZone();
        Set<String> keys = jdbi.inTransaction(h -> {
            Writes.serialize(h);
            Post before = store.byId(h, id).orElseThrow(() -> new IllegalArgumentException("no post " + id));
            Set<String> k = new HashSet<>(keysOf(h, before, z));
            change.apply(h, before);
            Post after = store.byId(h, id).orElseThrow();
            keepOldUrls(h, before, after, z);
            for (PostListener l : listeners) l.changed(h, before, after);
            k.addAll(keysOf(h, after, z));
            if (after.kind() == Kind.PAGE && (before.isPublic() || after.isPublic())
                    && !(before.isPublic() == after.isPublic() && before.title().equals(after.title()) && before.slug().equals(after.slug()))) {
                k.add(ChangeEvent.NAV);
            }
            return k;
        });
        events.publish(new ChangeEvent(keys));
    }

    /** Every page key that shows this post as it is now: its page, lists it is in, its neighbours' links. */
    private Set<String> keysOf(Handle h, Post p, ZoneId z) {
        Set<String> keys = new HashSet<>();
        keys.add("post:" + p.id());
        if (p.kind() == Kind.PAGE || !p.isPublic()) return keys;
        keys.add("posts");
        keys.add("author-posts:" + p.authorId());
        for (Tag t : p.tags()) keys.add("tag:" + t.slug());
        keys.addAll(archiveKeys(p.publishedAt(), z));
        Neighbours n = store.neighbours(h, p.publishedAt(), p.id());
        if (n.older() != null) keys.add("post:" + n.older().id());
        if (n.newer() != null) keys.add("post:" + n.newer().id());
        return keys;
    }

    private static List<String> archiveKeys(Instant at, ZoneId z) {
        ZonedDateTime d = at.atZone(z);
        String y = "archive:%04d".formatted(d.getYear());
        String m = y + "-%02d".formatted(d.getMonthValue());
        return List.of(y, m, m + "-%02d".formatted(d.getDayOfMonth()));
    }

    /**
     * Keeps the addresses a change moved answering: the old address in every permalink style (the owner may
     * switch styles later, and links made under any of them must keep working), and frees the new ones.
     */
    private void keepOldUrls(Handle h, Post before, Post after, ZoneId z) {
        Set<String> newUrls = new HashSet<>();
        for (PermalinkStyle style : PermalinkStyle.values()) newUrls.add(after.permalink(style, z));
        newUrls.forEach(url -> store.removeRedirect(h, url));
        if (!before.isPublic()) return;
        for (PermalinkStyle style : PermalinkStyle.values()) {
            String oldUrl = before.permalink(style, z);
            if (!newUrls.contains(oldUrl)) store.addRedirect(h, oldUrl, before.id());
        }
    }

    /**
     * Posts and pages share one set of slugs, since both can live at {@code /slug/}; the site's own top-level
     * names and bare numbers (date archives) are left out.
     */
    private String uniqueSlug(Handle h, Kind kind, String wanted, long exceptId) {
        return Slugs.unique(wanted, kind == Kind.PAGE ? "page" : "post", slug ->
                TopLevelNames.isReserved(slug) || TopLevelNames.isNumber(slug) || store.slugTaken(h, slug, exceptId));
    }

    private List<Long> tagIds(Handle h, List<String> names) {
        Map<String, String> bySlug = new LinkedHashMap<>();
        for (String name : names) {
            String clean = name == null ? "" : name.strip();
            String slug = Slugs.slugify(clean);
            if (!slug.isEmpty()) bySlug.putIfAbsent(slug, clean);
        }
        List<Long> ids = new ArrayList<>();
        bySlug.forEach((slug, name) -> ids.add(store.ensureTag(h, slug, name)));
        return ids;
    }

    // ---- imports

    /**
     * Saves a post or page brought over from another blog inside the importer's transaction {@code h}: rendered,
     * with its own dates, status and tags and a first revision. Unlike the editor's writes it tells no
     * {@link PostListener} (an import sends no mail and no webmentions) and publishes no event: the importer
     * publishes one for the whole import after commit.
     *
     * @return the new post's id and slug (the wanted one, or with a {@code -2}… suffix when it was taken)
     */
    public Saved insertImported(Handle h, ImportedPost p, Rendered rendered, ImportSession session) {
        String wanted = p.slug() == null || p.slug().isBlank() ? p.title() : p.slug();
        String slug = session.freeSlugs.remove(wanted) ? wanted : uniqueSlug(h, p.kind(), wanted, 0);
        long id = store.insertImported(h, p, slug, rendered);
        for (var tag : p.tags().entrySet()) {
            long tagId = session.tagIds.computeIfAbsent(tag.getKey(), k -> store.ensureTag(h, k, tag.getValue()));
            h.createUpdate("insert into post_tags (post_id, tag_id) values (:post, :tag) on conflict do nothing")
                    .bind("post", id).bind("tag", tagId).execute();
        }
        revisions.insert(h, id, Revision.Reason.SAVE, p.title(), slug, p.bodyMd(), p.excerpt(), List.copyOf(p.tags().values()),
                p.authorId(), p.updatedAt() == null ? p.createdAt() : p.updatedAt());
        return new Saved(id, slug);
    }

    /**
     * What one import's transaction has learnt, so each post costs few statements: slugs it checked free (and no
     * one else can take while it holds the write lock), and tag ids.
     */
    public static final class ImportSession {
        private final Set<String> freeSlugs = new HashSet<>();
        private final Map<String, Long> tagIds = new java.util.HashMap<>();

        /** Marks a slug as checked free (see {@link #plannedSlug}); the post that asks for it first gets it unchecked. */
        public void slugIsFree(String slug) {
            freeSlugs.add(slug);
        }
    }

    /** Adds old addresses (paths, or {@code /?p=123}) of imported posts in one batch, inside {@code h}. */
    public void addImportedRedirects(Handle h, Map<String, Long> fromPathToPostId) {
        if (fromPathToPostId.isEmpty()) return;
        var batch = h.prepareBatch("""
                insert into redirects (from_path, post_id) values (:path, :id)
                on conflict (from_path) do update set post_id = excluded.post_id""");
        fromPathToPostId.forEach((path, id) -> batch.bind("path", path).bind("id", id).add());
        batch.execute();
    }

    /** An imported post's id and the slug it got. */
    public record Saved(long id, String slug) {
    }

    /** Renders Markdown as a post's body (for importers, which render before their transaction). */
    public Rendered render(String bodyMd) {
        return markdown.render(bodyMd);
    }

    /** Every slug posts and pages use now (importers plan new addresses with it). */
    public Set<String> slugsInUse() {
        return jdbi.withHandle(store::allSlugs);
    }

    /** The slug a post or page would get for {@code wanted} when none of {@code planned} is free either. */
    public static String plannedSlug(String wanted, Kind kind, java.util.function.Predicate<String> taken) {
        return Slugs.unique(wanted, kind == Kind.PAGE ? "page" : "post", slug ->
                TopLevelNames.isReserved(slug) || TopLevelNames.isNumber(slug) || taken.test(slug));
    }

    /** A post's address in the Day and name style, which every other style redirects to from its own. */
    public static String datedPath(String slug, Instant at, ZoneId zone) {
        return PermalinkStyle.DAY_AND_NAME.path(0, slug, at.atZone(zone), false);
    }

    // ---- revisions

    /** A post's revisions, newest first, at most {@code limit}; empty for an unknown post. */
    public List<Revision> revisions(long postId, int limit) {
        return jdbi.withHandle(h -> revisions.ofPost(h, postId, limit));
    }

    public int revisionCount(long postId) {
        return jdbi.withHandle(h -> revisions.countOfPost(h, postId));
    }

    /** One revision of a post, or empty when there is none with this id for this post. */
    public Optional<Revision> revision(long postId, long revisionId) {
        return jdbi.withHandle(h -> revisions.byId(h, postId, revisionId));
    }

    /** The newest revision of a post (a save or an autosave), or empty. */
    public Optional<Revision> latestRevision(long postId) {
        return jdbi.withHandle(h -> revisions.latest(h, postId));
    }

    // ---- private preview links

    /**
     * The secret of a post's private preview link, made the first time it is asked for. Not a content
     * change: nothing public changes, so no event.
     *
     * @throws IllegalArgumentException when there is no such post
     */
    public String previewToken(long id) {
        return jdbi.inTransaction(h -> {
            Optional<String> existing = store.previewToken(h, id);
            if (existing.isPresent()) return existing.get();
            store.byId(h, id).orElseThrow(() -> new IllegalArgumentException("no post " + id));
            store.setPreviewToken(h, id, dev.kioku.web.Tokens.random(24));
            return store.previewToken(h, id).orElseThrow();
        });
    }

    /** The post (any status) whose preview link has this secret, or empty for an unknown or malformed one. */
    public Optional<Post> byPreviewToken(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{32}")) return Optional.empty();
        return jdbi.withHandle(h -> store.byPreviewToken(h, token));
    }

    // ---- checks the admin makes before saving

    /**
     * Why a post or page of this kind (other than {@code exceptId}, 0 for a new one) cannot have this slug, as
     * a sentence part such as "is already used by “Tea”", or empty when it can. Slugs are shared by posts and
     * pages; the one a post already has is always fine, even if saved before these rules. {@code slug} must be
     * slugified.
     */
    public Optional<String> slugProblem(Kind kind, String slug, long exceptId) {
        return jdbi.withHandle(h -> {
            if (exceptId != 0 && store.byId(h, exceptId).filter(p -> p.slug().equals(slug)).isPresent()) return Optional.empty();
            if (TopLevelNames.isReserved(slug)) return Optional.of("is used by the site itself (/" + slug + "/)");
            if (TopLevelNames.isNumber(slug)) return Optional.of("cannot be only digits: such addresses are date archives (/2026/)");
            return store.otherWithSlug(h, slug, exceptId).map(p -> "is already used by "
                    + (p.kind() == kind ? "" : p.kind() == Kind.PAGE ? "the page " : "the post ") + "“" + p.title() + "”");
        });
    }

    /** Tags whose name starts with {@code prefix}, most used first, for autocomplete; all tags for "". */
    public List<Tag> tagsStartingWith(String prefix, int limit) {
        return jdbi.withHandle(h -> store.tagsStartingWith(h, prefix == null ? "" : prefix.strip(), limit));
    }

    // ---- reads

    /** The post with this id whatever its status. @throws IllegalArgumentException when there is none */
    public Post get(long id) {
        return jdbi.withHandle(h -> store.byId(h, id)).orElseThrow(() -> new IllegalArgumentException("no post " + id));
    }

    /** A public post or page by id, or empty (embeds: both can be embedded). */
    public Optional<Post> publicPostOrPage(long id) {
        return jdbi.withHandle(h -> store.byId(h, id)).filter(Post::isPublic);
    }

    /** A public post or page by slug, or empty. */
    public Optional<Post> publicBySlug(Kind kind, String slug) {
        return jdbi.withHandle(h -> store.bySlug(h, kind, slug)).filter(Post::isPublic);
    }

    /** One page of public posts, newest first, and the total count. */
    public Slice latest(int offset, int limit) {
        return jdbi.withHandle(h -> new Slice(store.latest(h, offset, limit), store.countPublic(h)));
    }

    /**
     * The newest public posts, of one tag or one author when given, without counting them all (feeds need no page
     * count; the count reads every matching post).
     *
     * @return at most {@code limit} posts, newest first; empty when there are none
     */
    public List<Post> newest(Tag tag, Long authorId, int limit) {
        return jdbi.withHandle(h -> tag != null ? store.byTag(h, tag.id(), 0, limit)
                : authorId != null ? store.byAuthor(h, authorId, 0, limit) : store.latest(h, 0, limit));
    }

    public Slice byTag(Tag tag, int offset, int limit) {
        return jdbi.withHandle(h -> new Slice(store.byTag(h, tag.id(), offset, limit), store.countByTag(h, tag.id())));
    }

    public Slice byAuthor(long authorId, int offset, int limit) {
        return jdbi.withHandle(h -> new Slice(store.byAuthor(h, authorId, offset, limit), store.countByAuthor(h, authorId)));
    }

    /** Public posts published in {@code [from, to)}. */
    public Slice between(Instant from, Instant to, int offset, int limit) {
        return jdbi.withHandle(h -> new Slice(store.between(h, from, to, offset, limit), store.countBetween(h, from, to)));
    }

    public Optional<Tag> tag(String slug) {
        return jdbi.withHandle(h -> store.tagBySlug(h, slug));
    }

    /** The public posts just older and newer than {@code p}, without their text; either may be null. */
    public Neighbours neighbours(Post p) {
        return jdbi.withHandle(h -> store.neighbours(h, p.publishedAt(), p.id()));
    }

    /** Public pages, by title, for the navigation. */
    public List<Post> publicPages() {
        return jdbi.withHandle(store::publicPages);
    }

    /** Like {@link #byIds}, each post with its tags (exports); missing ids are left out. */
    public Map<Long, Post> byIdsWithTags(Collection<Long> ids) {
        Map<Long, Post> out = new LinkedHashMap<>();
        jdbi.withHandle(h -> PostStore.withTags(h, store.byIds(h, ids))).forEach(p -> out.put(p.id(), p));
        return out;
    }

    /** Posts by id whatever their status, without their text (series outlines); missing ids are left out. */
    public Map<Long, Brief> briefs(Collection<Long> ids) {
        Map<Long, Brief> out = new LinkedHashMap<>();
        jdbi.withHandle(h -> store.briefs(h, ids)).forEach(p -> out.put(p.id(), p));
        return out;
    }

    /** Posts by id whatever their status (series parts), without their tags; missing ids are left out. */
    public Map<Long, Post> byIds(Collection<Long> ids) {
        Map<Long, Post> out = new LinkedHashMap<>();
        jdbi.withHandle(h -> store.byIds(h, ids)).forEach(p -> out.put(p.id(), p));
        return out;
    }

    /**
     * Posts or pages for the admin list, most recently edited first.
     *
     * @param status   only this status, or null for all
     * @param search   words to find in the title or text, or null
     * @param authorId only this author's, or null for everyone's
     */
    public Slice adminList(Kind kind, Status status, String search, Long authorId, int offset, int limit) {
        return jdbi.withHandle(h -> new Slice(store.adminList(h, kind, status, search, authorId, offset, limit),
                store.adminCount(h, kind, status, search, authorId)));
    }

    /** True when the database holds no posts or pages at all (first run). */
    public boolean isEmpty() {
        return jdbi.withHandle(store::countAll) == 0;
    }

    private static final java.util.regex.Pattern QUERY_ID = java.util.regex.Pattern.compile("/\\?p=([1-9]\\d{0,17})");

    /**
     * Where an old URL of a post now lives, if that post is public. {@code /?p=ID} is an imported post's
     * WordPress id when an import left one, else a post's or page's own id: feeds name their items so.
     */
    public Optional<String> redirectFor(String path) {
        return jdbi.withHandle(h -> store.redirectTarget(h, path).or(() -> {
                    java.util.regex.Matcher id = QUERY_ID.matcher(path);
                    return id.matches() ? Optional.of(Long.parseLong(id.group(1))) : Optional.empty();
                }).flatMap(id -> store.byId(h, id)))
                .filter(Post::isPublic).map(p -> settings.get().permalink(p));
    }

    /**
     * The public post or page whose address is {@code path} now, or was once (an old slug, an imported
     * permalink); empty for anything else.
     */
    public Optional<Post> publicAt(String path) {
        Optional<Post> moved = jdbi.withHandle(h -> store.redirectTarget(h, path).flatMap(id -> store.byId(h, id)));
        if (moved.isPresent()) return moved.filter(Post::isPublic);
        String[] parts = path.split("/");
        if (parts.length == 0 || !path.endsWith("/")) return Optional.empty();
        String slug = parts[parts.length - 1];
        SiteSettings s = settings.get();
        return publicBySlug(Kind.POST, slug).filter(p -> s.permalink(p).equals(path))
                .or(() -> publicBySlug(Kind.PAGE, slug).filter(p -> s.permalink(p).equals(path)));
    }

    /** A public post by id (the Numeric permalink style), or empty. */
    public Optional<Post> publicById(long id) {
        return jdbi.withHandle(h -> store.byId(h, id)).filter(p -> p.kind() == Kind.POST && p.isPublic());
    }

    /**
     * Posts and pages of any status that show an image, as their featured image or in their text (by path),
     * so the media library can refuse to delete an image still in use.
     *
     * @return the uses, oldest post first; empty when nothing shows it
     */
    public List<ImageUse> imageUses(long mediaId, String path) {
        return jdbi.withHandle(h -> store.imageUses(h, mediaId, path));
    }

    /**
     * Public posts (or pages) for the sitemap, oldest first, without their text.
     *
     * @return up to {@code limit} entries from {@code offset}; empty past the end
     */
    public List<Listed> listed(Kind kind, int offset, int limit) {
        return jdbi.withHandle(h -> store.listed(h, kind, offset, limit));
    }

    /** How many posts (or pages) are public. */
    public int countPublic(Kind kind) {
        return jdbi.withHandle(h -> store.countPublic(h, kind));
    }

    /** Tags that have a public post, with the last change of those posts; empty when none. */
    public List<InUse<Tag>> tagsInUse() {
        return jdbi.withHandle(store::tagsInUse);
    }

    /** Ids of authors who have a public post, with the last change of those posts; empty when none. */
    public List<InUse<Long>> authorsInUse() {
        return jdbi.withHandle(store::authorsInUse);
    }

    /** A public post or page as the sitemap needs it: where it lives and when it last changed. */
    public record Listed(long id, Kind kind, String slug, Instant publishedAt, Instant updatedAt, boolean sharesSlugWithPage) {
        /** Its address, as {@link Post#permalink} gives it. */
        public String permalink(PermalinkStyle style, ZoneId zone) {
            if (kind == Kind.PAGE) return "/" + slug + "/";
            return style.path(id, slug, publishedAt.atZone(zone), sharesSlugWithPage);
        }
    }

    /** Something that public posts use (a tag, an author) and when the last of those posts changed. */
    public record InUse<T>(T value, Instant lastChange) {
    }

    /** A post or page showing an image; {@code featured} when as its featured image, else in its text. */
    public record ImageUse(long postId, Kind kind, String title, boolean featured) {
    }

    /** A page of a listing and the total it was cut from. */
    public record Slice(List<Post> posts, int total) {
    }

    /** Previous (older) and next (newer) public posts; null at either end. */
    public record Neighbours(Brief older, Brief newer) {
    }

    /**
     * A post or page without its text, tags or review: what a link to it needs (previous/next, series parts).
     *
     * @param publishedAt when it went (or goes) public, or null for a draft never published
     * @param excerpt     what lists show (the writer's excerpt, else the automatic one)
     */
    public record Brief(long id, Kind kind, String title, String slug, Status status, Instant publishedAt, Instant createdAt,
                        String excerpt, boolean sharesSlugWithPage) {
        public boolean isPublic() {
            return status == Status.PUBLISHED;
        }

        /** Its address, as {@link Post#permalink} gives it. */
        public String permalink(PermalinkStyle style, ZoneId zone) {
            return Post.permalink(kind, id, slug, publishedAt, createdAt, sharesSlugWithPage, style, zone);
        }
    }
}
