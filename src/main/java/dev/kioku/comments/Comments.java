package dev.kioku.comments;

import dev.kioku.authors.Permission;
import dev.kioku.authors.Staff;
import dev.kioku.content.Kind;
import dev.kioku.content.Post;
import dev.kioku.content.Posts;
import dev.kioku.events.ChangeEvent;
import dev.kioku.events.EventBus;
import dev.kioku.markdown.CommentMarkdown;
import dev.kioku.web.Invalid;
import dev.kioku.web.NotFound;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Reader comments: taking them from the "Leave a Reply" form through the spam defences and moderation rules,
 * showing threads, letting a commenter fix their own comment for a few minutes, and moderating. Every write
 * is one transaction; when the public thread changes it publishes {@code comments-of:POST}, which drops the
 * post's page, its comment pages and feeds, and any list showing its comment count.
 */
public final class Comments {
    /** How long a commenter may edit or delete their own comment. */
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(10);
    /** A form sent sooner than this after the reader started typing is refused as a bot's. */
    static final Duration MIN_FILL_TIME = Duration.ofSeconds(3);
    /** A form token older than this no longer counts (the comment then waits for a moderator). */
    static final Duration TOKEN_LIFE = Duration.ofDays(2);
    static final int MAX_BODY = 10_000;
    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    static final int MAX_URL = 300;

    private final Jdbi jdbi;
    private final CommentStore store = new CommentStore();
    private final CommentWriter writer;
    private final DiscussionStore settingsStore;
    private final Posts posts;
    private final EventBus events;
    private final Clock clock;
    private final CommentMarkdown markdown = new CommentMarkdown();
    private final ModerationRules rules;
    private final RateLimits limits;
    private final FormToken tokens;
    private volatile DiscussionSettings settings;
    private final Notifications notifications;
    private final NewPostsByEmail newPosts;
    /** Posts that reached their closing age before this moment have had their pages redrawn. */
    private volatile Instant closingCheckedUpTo;

    /**
     * The comment form's "Notify me of new posts by email": starts the subscription's double opt-in for the
     * address, inside the comment's transaction (so a refused comment asks nothing).
     */
    @FunctionalInterface
    public interface NewPostsByEmail {
        NewPostsByEmail NONE = (h, email) -> {
        };

        void request(Handle h, String email);
    }

    public Comments(Jdbi jdbi, Posts posts, EventBus events, Clock clock, SpamCheck spamCheck, Notifications notifications,
                    NewPostsByEmail newPosts) {
        this.newPosts = newPosts;
        this.jdbi = jdbi;
        this.posts = posts;
        this.events = events;
        this.clock = clock;
        this.writer = new CommentWriter(jdbi);
        this.settingsStore = new DiscussionStore(jdbi);
        this.settings = settingsStore.load();
        this.rules = new ModerationRules(spamCheck);
        this.limits = new RateLimits(clock);
        this.tokens = new FormToken(settingsStore.secret("comment-form", Comments::randomToken));
        this.notifications = notifications;
        this.closingCheckedUpTo = clock.instant();
    }

    /** The avatars of this blog's commenters: Gravatar as the discussion settings say, identicons keyed with a site secret. */
    public Avatars avatars(String publicBase) {
        return new Avatars(publicBase, () -> settings.gravatar(), settingsStore.secret("avatars", Comments::randomToken));
    }

    // ---- settings

    public DiscussionSettings settings() {
        return settings;
    }

    /** Saves Settings → Discussion; every public page is redrawn (depth, paging and avatars show everywhere). */
    public void saveSettings(DiscussionSettings s) {
        settingsStore.save(s);
        settings = s;
        events.publish(ChangeEvent.of(ChangeEvent.SITE));
    }

    // ---- the public form

    /** Whether readers may comment on {@code p} now: a public post with comments on, not past the closing age. */
    public boolean isOpen(Post p) {
        if (p.kind() != Kind.POST || !p.isPublic() || !p.commentsOpen()) return false;
        int days = settings.closeAfterDays();
        return days == 0 || p.publishedAt() == null || clock.instant().isBefore(p.publishedAt().plus(Duration.ofDays(days)));
    }

    /**
     * Redraws the pages of posts whose comments closed by age since the last call (the cached page would go on
     * offering the form). Run by {@link #closingJob()}; tests call it after moving the clock.
     *
     * @return how many posts closed
     */
    public int closeByAge() {
        Instant now = clock.instant();
        Instant from = closingCheckedUpTo;
        closingCheckedUpTo = now;
        int days = settings.closeAfterDays();
        if (days == 0 || !now.isAfter(from)) return 0;
        Duration age = Duration.ofDays(days);
        List<Post> closed = posts.between(from.minus(age), now.minus(age), 0, 10_000).posts();
        if (!closed.isEmpty()) events.publish(new ChangeEvent(closed.stream().map(p -> "post:" + p.id()).collect(java.util.stream.Collectors.toSet())));
        return closed.size();
    }

    /** Every five minutes, {@link #closeByAge()}. */
    public dev.kioku.jobs.Job closingJob() {
        return new dev.kioku.jobs.Job("close-comments-by-age", Duration.ofMinutes(5), this::closeByAge);
    }

    /** A fresh signed stamp for the comment form (see {@link FormToken}). */
    public String formToken() {
        return tokens.issue(clock.instant());
    }

    /** A comment taken: the stored row and the browser token that owns it (to set as a cookie). */
    public record Posted(Comment comment, String ownerToken) {
    }

    /**
     * Takes a comment from the public form.
     *
     * @return the stored comment; its status says whether readers see it (spam is stored too, so a
     *         moderator can rescue it, but the commenter is told only "awaiting moderation")
     * @throws NotFound when the post is not public
     * @throws Invalid naming each field that is wrong ({@code form} for the form as a whole, e.g. closed)
     * @throws Refused when sent too fast, too often, or twice
     */
    public Posted submit(Submission s) {
        return submit(s, publicPost(s.postId()));
    }

    /** {@link #submit(Submission)} on the post the form named, already loaded by the caller with {@link #publicPost}. */
    Posted submit(Submission s, Post post) {
        if (post.id() != s.postId()) throw new IllegalArgumentException("post " + post.id() + " is not the form's " + s.postId());
        if (!isOpen(post)) throw Invalid.field("form", "Comments are closed on this post.");
        DiscussionSettings rulesNow = settings;
        CommentInput f = s.reader() == null ? CommentInput.check(s) : CommentInput.forReader(s, s.reader());
        Comment parent = s.parentId() == null ? null : parentFor(post, s.parentId(), rulesNow);
        Instant now = clock.instant();
        Optional<Instant> started = tokens.issuedAt(s.formToken());
        if (started.isPresent() && Duration.between(started.get(), now).compareTo(MIN_FILL_TIME) < 0) {
            throw new Refused(422, "That was very quick. Please take a moment to read your comment over, then send it again.");
        }
        limits.check(s.ip(), f.email());
        String html = markdown.render(f.body());
        String ownerToken = s.ownerToken() != null && s.ownerToken().length() >= 32 ? s.ownerToken() : randomToken();
        String tokenNote = started.isEmpty() ? "sent without the page's script"
                : Duration.between(started.get(), now).compareTo(TOKEN_LIFE) > 0 ? "form left open for days" : null;
        // the outside spam check runs before the write transaction: SQLite's write lock is never held across HTTP
        ModerationRules.Decision early = rules.spamSigns(rulesNow, s, f);
        SpamCheck.Verdict verdict = early == null ? rules.ask(rulesNow, s, f, post) : SpamCheck.Verdict.HAM;
        String ownerHash = hash(ownerToken);
        Posted posted = writer.write(h -> {
            // the post may have closed (or gone back to draft) since the checks above: the comment is refused alone
            if (!store.acceptsComments(h, post.id(), !writer.serialized())) throw Invalid.field("form", "Comments are closed on this post.");
            if (store.sameBodyExists(h, post.id(), f.email(), f.body())) {
                throw new Refused(422, "You have already said that: this comment is on the post already (it may be waiting for approval).");
            }
            boolean known = s.reader() == null ? store.hasApproved(h, f.email(), f.name()) : store.readerHasApproved(h, s.reader().id());
            ModerationRules.Decision d = rules.decide(rulesNow, early, verdict, f, html, tokenNote, known, s.reader() != null);
            int depth = parent == null ? 0 : parent.depth() + 1;
            CommentStore.Row row = new CommentStore.Row(post.id(), parent == null ? null : parent.id(), depth, d.status(),
                    f.name(), f.email(), f.website(), null, f.body(), html, nullToEmpty(s.ip()), clip(s.userAgent(), 500),
                    ownerHash, d.note(), now, s.reader() == null ? null : s.reader().id());
            // the row as stored, without reading it back (this runs once per comment inside the shared transaction)
            Comment c = row.stored(store.insert(h, row), s.reader() == null ? null : s.reader().avatarUrl());
            // a stand-in address never receives mail, so it follows nothing
            boolean mailable = !dev.kioku.readers.Readers.isPlaceholder(f.email());
            if (s.notifyFollowUps() && mailable) store.follow(h, post.id(), f.email(), randomToken(), now);
            if (s.notifyPosts() && mailable) newPosts.request(h, f.email());
            if (c.status() != CommentStatus.SPAM && rulesNow.notifyAuthor()) notifications.received(h, c, post);
            if (c.isPublic()) notifications.published(h, c, post);
            return new Posted(c, ownerToken);
        });
        if (posted.comment().isPublic()) events.publish(ChangeEvent.of(key(post.id()), ANY));
        return posted;
    }

    private Comment parentFor(Post post, long parentId, DiscussionSettings rulesNow) {
        Comment parent = jdbi.withHandle(h -> store.byId(h, parentId))
                .filter(c -> c.postId() == post.id() && c.isPublic())
                .orElseThrow(() -> Invalid.field("form", "The comment you are replying to is not there any more. Your reply can still be sent as a new comment."));
        // a reply past the deepest level joins its parent's level instead (the page offers no Reply there)
        while (parent.depth() + 1 >= rulesNow.threadDepth() && parent.parentId() != null) {
            long up = parent.parentId();
            parent = jdbi.withHandle(h -> store.byId(h, up)).orElseThrow();
        }
        return parent.depth() + 1 >= rulesNow.threadDepth() ? null : parent;
    }

    /**
     * Adds a published comment without the form's checks, rate limits or emails: for the demo blog and importers.
     *
     * @param parentId the comment replied to (on the same post), or null
     * @throws Invalid when a field is wrong; {@link NotFound} when the post or parent is not there
     */
    public Comment addApproved(long postId, Long parentId, String name, String email, String website, String body, Instant at) {
        Post post = posts.get(postId);
        CommentInput f = CommentInput.check(new Submission(postId, parentId, body, name, email, website, false, false, null,
                null, null, null, null, null));
        Comment parent = parentId == null ? null : find(parentId).filter(c -> c.postId() == postId)
                .orElseThrow(() -> new NotFound("comment " + parentId));
        Comment c = jdbi.inTransaction(h -> store.byId(h, store.insert(h, new CommentStore.Row(post.id(), parentId,
                parent == null ? 0 : parent.depth() + 1, CommentStatus.APPROVED, f.name(), f.email(), f.website(), null,
                f.body(), markdown.render(f.body()), "", "", null, null, at))).orElseThrow());
        events.publish(ChangeEvent.of(key(post.id()), ANY));
        return c;
    }

    /**
     * Ids for imported comments, handed out before the rows are saved so replies can name their parent and the rows
     * go to the database in batches. On SQLite the import's transaction holds the only write lock, so ids simply
     * continue from the highest ever used; on PostgreSQL they come from the identity sequence in blocks.
     */
    public final class ImportIds {
        private final Handle h;
        private final boolean sqlite;
        private long next;
        private final java.util.ArrayDeque<Long> reserved = new java.util.ArrayDeque<>();

        private ImportIds(Handle h) {
            this.h = h;
            try {
                this.sqlite = !"PostgreSQL".equals(h.getConnection().getMetaData().getDatabaseProductName());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            if (sqlite) next = store.highestIdSqlite(h) + 1;
        }

        public long next() {
            if (sqlite) return next++;
            if (reserved.isEmpty()) reserved.addAll(store.nextIdsPostgres(h, 1000));
            return reserved.removeFirst();
        }
    }

    /** Ids for the comments an import saves inside {@code h} (see {@link ImportIds}). */
    public ImportIds importIds(Handle h) {
        return new ImportIds(h);
    }

    /**
     * Saves imported comments inside the importer's transaction {@code h}, in one batch and in list order (a parent
     * before its replies), each with the id {@link ImportIds} gave it and its body rendered by {@link #renderImported}:
     * no checks, no mail, no event (the importer publishes one after commit).
     */
    public void insertImported(Handle h, List<Long> ids, List<ImportedComment> list, List<String> bodiesHtml) {
        List<CommentStore.Row> rows = new java.util.ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            ImportedComment c = list.get(i);
            rows.add(new CommentStore.Row(c.postId(), c.parentId(), c.depth(), c.status(), c.name(), c.email(), c.url(), null,
                    c.bodyMd(), bodiesHtml.get(i), c.ip(), "", null, null, c.at()));
        }
        store.insertBatch(h, ids, rows);
    }

    /** A comment body rendered as readers' comments are (importers render on several threads before they save). */
    public String renderImported(String bodyMd) {
        return markdown.render(bodyMd);
    }

    /**
     * Raises Settings → Discussion → reply depth to {@code levels} (at most the form's 10) when it is lower, so
     * imported threads can be answered at every level they have.
     *
     * @return the depth now in force
     */
    public int fitThreadDepth(int levels) {
        DiscussionSettings s = settings;
        int wanted = Math.min(10, levels);
        if (s.threadDepth() >= wanted) return s.threadDepth();
        saveSettings(new DiscussionSettings(s.moderation(), s.closeAfterDays(), wanted, s.perPage(), s.maxLinks(), s.blockedWords(),
                s.blockedEmails(), s.blockedIps(), s.gravatar(), s.notifyAuthor(), s.akismetKey(), s.akismetEndpoint()));
        return wanted;
    }

    // ---- reading

    /** The approved comments of a post, oldest first; empty when none. */
    public List<Comment> approved(long postId) {
        return jdbi.withHandle(h -> store.approved(h, postId));
    }

    /** One comment whatever its status, or empty. */
    public Optional<Comment> find(long id) {
        return jdbi.withHandle(h -> store.byId(h, id));
    }

    /** These comments whatever their status, by id; ids that do not exist are absent. */
    public Map<Long, Comment> find(Collection<Long> ids) {
        Map<Long, Comment> byId = new java.util.LinkedHashMap<>();
        jdbi.useHandle(h -> store.byIds(h, ids).forEach(c -> byId.put(c.id(), c)));
        return byId;
    }

    /** Approved comment counts for these posts; posts without comments are absent from the map. */
    public Map<Long, Integer> counts(Collection<Long> postIds) {
        return jdbi.withHandle(h -> store.approvedCounts(h, postIds));
    }

    /** The newest approved comments on public posts, newest first. */
    public List<Comment> latest(int limit) {
        return jdbi.withHandle(h -> store.latestApproved(h, limit));
    }

    /** This browser's comments on a post that wait for a moderator (spam shows the same way to its writer). */
    public List<Comment> held(long postId, String ownerToken) {
        if (ownerToken == null) return List.of();
        return jdbi.withHandle(h -> store.heldFor(h, postId, hash(ownerToken)));
    }

    /** This browser's comments on a post still inside the edit window. */
    public List<Comment> editable(long postId, String ownerToken) {
        if (ownerToken == null) return List.of();
        return jdbi.withHandle(h -> store.ownedSince(h, postId, hash(ownerToken), clock.instant().minus(EDIT_WINDOW)));
    }

    /** Whether this browser wrote the comment and may still change it. */
    public boolean mayChange(Comment c, String ownerToken) {
        return ownerToken != null && c.ownerHash() != null
                && MessageDigest.isEqual(c.ownerHash().getBytes(StandardCharsets.US_ASCII), hash(ownerToken).getBytes(StandardCharsets.US_ASCII))
                && (c.status() == CommentStatus.APPROVED || c.status() == CommentStatus.PENDING)
                && clock.instant().isBefore(c.createdAt().plus(EDIT_WINDOW));
    }

    // ---- a commenter changing their own comment

    /**
     * Replaces the text of the commenter's own comment inside the edit window. A changed comment goes back
     * to the moderators if it now breaks a rule (too many links, a blocked word).
     *
     * @throws NotFound when the comment is not this browser's or the window has closed
     * @throws Invalid when the new text is empty or too long
     */
    public Comment editOwn(long id, String ownerToken, String body) {
        Comment c = find(id).filter(x -> mayChange(x, ownerToken)).orElseThrow(() -> new NotFound("comment " + id));
        String text = CommentInput.body(body);
        String html = markdown.render(text);
        DiscussionSettings now = settings;
        boolean stillFine = CommentMarkdown.links(html) <= now.maxLinks() && ModerationRules.blockedWord(now, text) == null;
        Comment edited = jdbi.inTransaction(h -> {
            store.update(h, id, c.authorName(), c.authorEmail(), c.authorUrl(), text, html, clock.instant());
            if (!stillFine && c.isPublic()) store.setStatus(h, id, CommentStatus.PENDING, clock.instant());
            return store.byId(h, id).orElseThrow();
        });
        if (c.isPublic()) events.publish(ChangeEvent.of(key(c.postId()), ANY));
        return edited;
    }

    /** Moves the commenter's own comment to the trash inside the edit window. @throws NotFound otherwise */
    public void deleteOwn(long id, String ownerToken) {
        Comment c = find(id).filter(x -> mayChange(x, ownerToken)).orElseThrow(() -> new NotFound("comment " + id));
        jdbi.useTransaction(h -> store.setStatus(h, id, CommentStatus.TRASH, clock.instant()));
        if (c.isPublic()) events.publish(ChangeEvent.of(key(c.postId()), ANY));
    }

    // ---- a signed-in reader's own data

    /** Every comment this reader wrote, whatever its status, newest first; empty when none. */
    public List<Comment> ofReader(long readerId) {
        return jdbi.withHandle(h -> store.byReader(h, readerId));
    }

    /**
     * Deletes one of the reader's comments for good (their "your data" page); replies to it stay, each starting a
     * thread of its own.
     *
     * @throws NotFound when the comment is not this reader's
     */
    public void deleteOfReader(long readerId, long commentId) {
        Comment c = find(commentId).filter(x -> x.readerId() != null && x.readerId() == readerId)
                .orElseThrow(() -> new NotFound("comment " + commentId + " of reader " + readerId));
        jdbi.useTransaction(h -> store.delete(h, c.id()));
        if (c.isPublic()) publish(List.of(c.postId()));
    }

    /**
     * Before a reader's identity is deleted: either every comment of theirs is deleted, or they all become guest
     * comments under the same name (their pictures turn into identicons).
     *
     * @return how many comments were deleted or kept as guest comments
     */
    public int forgetReader(long readerId, boolean deleteComments) {
        List<Comment> theirs = ofReader(readerId);
        jdbi.useTransaction(h -> {
            if (deleteComments) for (Comment c : theirs) store.delete(h, c.id());
            else store.detachReader(h, readerId);
        });
        publish(theirs.stream().filter(Comment::isPublic).map(Comment::postId).distinct().toList());
        return theirs.size();
    }

    // ---- moderation

    /** Whether {@code who} moderates comments on {@code post}: editors and up everywhere, authors on their own posts. */
    public boolean mayModerate(Staff who, Post post) {
        return who.can(Permission.EDIT_ALL) || who.can(Permission.PUBLISH_OWN) && post.authorId() == who.id();
    }

    /** Whether {@code who} may open the moderation queue at all. */
    public static boolean mayModerateAny(Staff who) {
        return who.can(Permission.PUBLISH_OWN);
    }

    /** A page of the queue and the count in each status; authors see only comments on their own posts. */
    public record Queue(List<Comment> comments, Map<Long, Post> posts, Map<CommentStatus, Integer> counts) {
    }

    public Queue queue(Staff who, CommentStatus status, int offset, int limit) {
        Long only = who.can(Permission.EDIT_ALL) ? null : who.id();
        return jdbi.withHandle(h -> {
            List<Comment> list = store.queue(h, status, only, offset, limit);
            return new Queue(list, posts.byIds(list.stream().map(Comment::postId).distinct().toList()), store.queueCounts(h, only));
        });
    }

    /**
     * Moves comments to another status (approve, unapprove, spam, trash, restore). Comments on posts
     * {@code who} may not moderate are left as they were.
     *
     * @return how many were changed
     */
    public int moderate(Staff who, Collection<Long> ids, CommentStatus to) {
        List<Long> touchedPosts = new ArrayList<>();
        int changed = jdbi.inTransaction(h -> {
            int n = 0;
            for (Comment c : store.byIds(h, ids)) {
                if (c.status() == to) continue;
                Post post = posts.get(c.postId());
                if (!mayModerate(who, post)) continue;
                boolean firstTime = to == CommentStatus.APPROVED && !store.everApproved(h, c.id());
                store.setStatus(h, c.id(), to, clock.instant());
                n++;
                if (c.isPublic() || to == CommentStatus.APPROVED) touchedPosts.add(c.postId());
                if (firstTime) notifications.published(h, store.byId(h, c.id()).orElseThrow(), post);
            }
            return n;
        });
        publish(touchedPosts);
        return changed;
    }

    /**
     * Deletes trashed or spam comments for good. Their replies stay, each starting a thread of its own, so the
     * post's public thread changes too.
     *
     * @return how many were deleted
     */
    public int deleteForever(Staff who, Collection<Long> ids) {
        List<Long> touchedPosts = new ArrayList<>();
        int deleted = jdbi.inTransaction(h -> {
            int n = 0;
            for (Comment c : store.byIds(h, ids)) {
                if (c.isPublic() || c.status() == CommentStatus.PENDING) continue;
                if (!mayModerate(who, posts.get(c.postId()))) continue;
                store.delete(h, c.id());
                touchedPosts.add(c.postId());
                n++;
            }
            return n;
        });
        publish(touchedPosts);
        return deleted;
    }

    /**
     * A moderator's correction of a comment's text and commenter fields.
     *
     * @throws NotFound when there is no such comment or {@code who} may not moderate it
     * @throws Invalid naming the fields that are wrong
     */
    public Comment edit(Staff who, long id, String name, String email, String website, String body) {
        Comment c = moderatable(who, id);
        CommentInput f = CommentInput.check(new Submission(c.postId(), null, body, name, email, website, false, false, null, null,
                null, null, null, null));
        String html = markdown.render(f.body());
        Comment edited = jdbi.inTransaction(h -> {
            store.update(h, id, f.name(), f.email(), f.website(), f.body(), html, clock.instant());
            return store.byId(h, id).orElseThrow();
        });
        if (c.isPublic()) events.publish(ChangeEvent.of(key(c.postId()), ANY));
        return edited;
    }

    /**
     * A staff member's reply from the queue: published at once under their name, and the comment replied to
     * is approved with it (answering a comment is approving it, as in WordPress).
     *
     * @throws NotFound when there is no such comment or {@code who} may not moderate it
     * @throws Invalid when the text is empty or too long
     */
    public Comment reply(Staff who, long parentId, String body) {
        Comment parent = moderatable(who, parentId);
        Post post = posts.get(parent.postId());
        String text = CommentInput.body(body);
        String html = markdown.render(text);
        Instant now = clock.instant();
        Comment reply = jdbi.inTransaction(h -> {
            if (parent.status() != CommentStatus.APPROVED) {
                boolean firstTime = !store.everApproved(h, parent.id());
                store.setStatus(h, parent.id(), CommentStatus.APPROVED, now);
                if (firstTime) notifications.published(h, store.byId(h, parent.id()).orElseThrow(), post);
            }
            int depth = Math.min(parent.depth() + 1, settings.threadDepth() - 1);
            Long parentRef = depth == parent.depth() + 1 ? parent.id() : parent.parentId();
            long id = store.insert(h, new CommentStore.Row(post.id(), parentRef, depth, CommentStatus.APPROVED,
                    who.displayName(), who.email(), null, who.id(), text, html, "", "", null, null, now));
            Comment c = store.byId(h, id).orElseThrow();
            notifications.published(h, c, post);
            return c;
        });
        events.publish(ChangeEvent.of(key(post.id()), ANY));
        return reply;
    }

    private Comment moderatable(Staff who, long id) {
        Comment c = find(id).orElseThrow(() -> new NotFound("comment " + id));
        if (!mayModerate(who, posts.get(c.postId()))) throw new NotFound("comment " + id);
        return c;
    }

    // ---- follow-up emails

    /** The post a follow-up unsubscribe token belongs to, or empty when it was used already or never existed. */
    public Optional<Post> followed(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        return jdbi.withHandle(h -> store.followedPost(h, token)).map(posts::get);
    }

    /** Stops follow-up emails for this token; doing it twice is fine. */
    public void unfollow(String token) {
        if (token == null) return;
        jdbi.useTransaction(h -> store.unfollow(h, token));
    }

    List<CommentStore.Follower> followers(Handle h, long postId) {
        return store.followers(h, postId);
    }

    // ---- helpers

    /** Changes whenever any post's public comments do (the site's comment feed). */
    public static final String ANY = "comments";

    /** The change key of a post's public comments. */
    public static String key(long postId) {
        return "comments-of:" + postId;
    }

    private void publish(Collection<Long> postIds) {
        if (postIds.isEmpty()) return;
        Set<String> keys = new java.util.HashSet<>(Set.of(ANY));
        postIds.forEach(id -> keys.add(key(id)));
        events.publish(new ChangeEvent(keys));
    }

    /** The writer of new comments (tests watch it fill a batch). */
    CommentWriter writer() {
        return writer;
    }

    /** A public post (not a page) by id. @throws NotFound otherwise */
    Post publicPost(long id) {
        try {
            Post p = posts.get(id);
            if (p.kind() != Kind.POST || !p.isPublic()) throw new NotFound("post " + id);
            return p;
        } catch (IllegalArgumentException e) {
            throw new NotFound("post " + id);
        }
    }

    static String randomToken() {
        return dev.kioku.web.Tokens.random(24);
    }

    static String hash(String token) {
        return dev.kioku.web.Tokens.sha256(token);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
