package dev.kioku.webmentions;

import dev.kioku.authors.Permission;
import dev.kioku.authors.Staff;
import dev.kioku.content.Post;
import dev.kioku.content.Posts;
import dev.kioku.events.ChangeEvent;
import dev.kioku.events.EventBus;
import dev.kioku.jobs.Job;
import dev.kioku.net.HttpFetcher;
import dev.kioku.site.SiteSettings;
import dev.kioku.web.Tokens;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Webmention (W3C Recommendation): other sites tell us they link to a post, and we tell the pages our posts link
 * to. Receiving only checks the request and queues it; a job fetches the source through the SSRF guard, checks
 * that it really links here and reads its h-entry; a moderator approves it before readers see it under the post.
 * Sending is queued by each change of a public post and done by the same job (see {@link Sending}).
 */
public final class Webmentions {
    /** How many mentions or posts one run of the job handles. */
    private static final int BATCH = 50;
    private static final Duration CLAIM = Duration.ofMinutes(10);

    private final Jdbi jdbi;
    private final Posts posts;
    private final EventBus events;
    private final Clock clock;
    private final MentionStore store = new MentionStore();
    private final Targets targets;
    private final Verification verification;
    private final Sending sending;
    private final Function<String, String> identicon;

    /**
     * @param publicBase the site's address without a trailing slash, asked each time (tests bind port 0)
     * @param permalink  a post's absolute public URL
     * @param zone       the site's time zone (dated permalinks)
     * @param identicon  our picture URL for a key (an author's address or name)
     */
    public Webmentions(Jdbi jdbi, Posts posts, EventBus events, Clock clock, HttpFetcher fetcher, Supplier<String> publicBase,
                       Function<Post, String> permalink, Supplier<ZoneId> zone, Function<String, String> identicon) {
        this.jdbi = jdbi;
        this.posts = posts;
        this.events = events;
        this.clock = clock;
        this.identicon = identicon;
        this.targets = new Targets(posts, publicBase, zone);
        this.verification = new Verification(fetcher, permalink);
        this.sending = new Sending(jdbi, posts, clock, fetcher, targets::base, permalink);
        posts.addListener(sending::changed);
    }

    /** Verifies received mentions and sends ours, every half minute. */
    public Job job() {
        return new Job("webmentions", Duration.ofSeconds(30), () -> {
            verifyDue();
            sendDue();
        });
    }

    // ---- receiving

    /**
     * Takes a webmention for verification: a mention of the same post from the same source updates the one
     * already held.
     *
     * @return the token of its status page
     * @throws Refusal (400) naming what is wrong with {@code source} or {@code target}
     */
    String receive(String source, String target, String ip) {
        if (source == null || source.isBlank() || target == null || target.isBlank()) {
            throw new Refusal(400, "Both source and target are required.");
        }
        URI s = Links.resolve(null, source).orElseThrow(() -> new Refusal(400, "source must be an http or https URL."));
        URI t = Links.resolve(null, target).orElseThrow(() -> new Refusal(400, "target must be an http or https URL."));
        if (Links.same(s, t)) throw new Refusal(400, "source and target are the same page.");
        if (!Links.onSite(t, targets.base())) throw new Refusal(400, "target is not on this site.");
        Post post = targets.postAt(t).orElseThrow(() -> new Refusal(400, "target is not a published post or page of this site."));
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Optional<Mention> held = store.bySource(h, s.toString(), post.id());
            if (held.isPresent()) {
                store.resent(h, held.get().id(), t.toString(), ip, now);
                return held.get().token();
            }
            String token = Tokens.random(18);
            store.insert(h, post.id(), s.toString(), t.toString(), token, ip == null ? "" : ip, now);
            return token;
        });
    }

    /** What the sender of a mention may know about it, by its token; empty when there is no such mention. */
    Optional<String> statusText(String token) {
        return jdbi.withHandle(h -> store.byToken(h, token)).map(m -> switch (m.status()) {
            case QUEUED -> "Queued: the source will be checked shortly.";
            case PENDING, SPAM -> "Verified: the source links to the post. It is shown once the site's owner approves it.";
            case APPROVED -> "Verified and published.";
            // the detail (a refused address, a network error) is for the admin: a sender could probe hosts with it
            case FAILED -> "Not accepted: the source could not be fetched, or does not link to the post.";
        });
    }

    /** True when what a page would show of {@code m} differs from {@code e}. */
    private static boolean changed(Mention m, SourcePage.Entry e) {
        return m.kind() != e.kind() || !java.util.Objects.equals(m.authorName(), e.authorName())
                || !java.util.Objects.equals(m.authorUrl(), e.authorUrl()) || !java.util.Objects.equals(m.content(), e.content());
    }

    /** Verifies every mention whose check is due (by the injected clock); tests call it after moving the clock. */
    public synchronized void verifyDue() {
        Instant now = clock.instant();
        for (Mention m : jdbi.withHandle(h -> store.due(h, now, BATCH))) {
            if (!jdbi.withHandle(h -> store.claim(h, m.id(), now, now.plus(CLAIM)))) continue;
            Post post = posts.byIds(List.of(m.postId())).get(m.postId());
            if (post == null) continue;
            settle(m, verification.check(m, post));
        }
    }

    private void settle(Mention m, Verification.Outcome outcome) {
        Instant now = clock.instant();
        int attempts = m.attempts() + 1;
        boolean shown = jdbi.inTransaction(h -> switch (outcome) {
            case Verification.Verified v -> {
                // an approved mention whose words or author changed goes back to the moderator: approval was of what they read
                MentionStatus to = !m.status().verified() || (m.status() == MentionStatus.APPROVED && changed(m, v.entry()))
                        ? MentionStatus.PENDING : m.status();
                store.verified(h, m.id(), to, v.entry(), now);
                yield m.status() == MentionStatus.APPROVED;
            }
            case Verification.NotLinking n -> {
                if (m.status().verified()) store.delete(h, m.id());
                else store.settled(h, m.id(), MentionStatus.FAILED, n.reason(), attempts, now);
                yield m.status() == MentionStatus.APPROVED;
            }
            case Verification.Refused r -> {
                store.settled(h, m.id(), m.status().verified() ? m.status() : MentionStatus.FAILED, r.reason(), attempts, now);
                yield false;
            }
            case Verification.Transient t -> {
                if (attempts < Verification.MAX_ATTEMPTS) store.retry(h, m.id(), attempts, Verification.nextTry(now, attempts), t.reason(), now);
                else store.settled(h, m.id(), m.status().verified() ? m.status() : MentionStatus.FAILED, t.reason(), attempts, now);
                yield false;
            }
        });
        if (shown) events.publish(ChangeEvent.of(key(m.postId())));
    }

    // ---- sending

    /** Sends the webmentions that are due (by the injected clock); tests call it after publishing. */
    public void sendDue() {
        sending.sendDue();
    }

    // ---- showing

    /** The approved mentions of a post as its page shows them; {@link MentionSection#isEmpty()} when there are none. */
    public MentionSection section(Post post, SiteSettings site) {
        List<MentionSection.Person> likes = new ArrayList<>();
        List<MentionSection.Person> reposts = new ArrayList<>();
        List<MentionSection.Reply> replies = new ArrayList<>();
        for (Mention m : jdbi.withHandle(h -> store.approved(h, post.id()))) {
            String avatar = identicon.apply(m.authorUrl() != null ? m.authorUrl() : m.displayName());
            switch (m.kind()) {
                case LIKE -> likes.add(new MentionSection.Person(m.displayName(), m.authorUrl(), avatar));
                case REPOST -> reposts.add(new MentionSection.Person(m.displayName(), m.authorUrl(), avatar));
                case REPLY, MENTION -> {
                    Instant at = m.publishedAt() != null ? m.publishedAt() : m.receivedAt();
                    replies.add(new MentionSection.Reply(m.id(), m.displayName(), m.authorUrl(), avatar, site.date(at), site.isoDate(at),
                            m.content(), m.source(), m.sourceHost(), m.kind() == MentionKind.MENTION));
                }
            }
        }
        return new MentionSection(likes, reposts, replies);
    }

    /** The change key of the pages showing a post's mentions (its comments' key: the post page and the lists' counts). */
    public static String key(long postId) {
        return "comments-of:" + postId;
    }

    // ---- moderation

    /** Whether {@code who} may moderate mentions at all: as for comments, authors and up. */
    public static boolean mayModerateAny(Staff who) {
        return who.can(Permission.PUBLISH_OWN);
    }

    /** As for comments: editors every post's mentions, authors their own posts' ones. */
    static boolean mayModerate(Staff who, Post post) {
        return who.can(Permission.EDIT_ALL) || who.can(Permission.PUBLISH_OWN) && post.authorId() == who.id();
    }

    /** A page of one moderation tab and the count in each status; authors see only their own posts' mentions. */
    record Queue(List<Mention> mentions, Map<Long, Post> posts, Map<MentionStatus, Integer> counts) {
    }

    Queue queue(Staff who, MentionStatus status, int offset, int limit) {
        Long author = who.can(Permission.EDIT_ALL) ? null : who.id();
        return jdbi.withHandle(h -> {
            List<Mention> list = store.queue(h, status, author, offset, limit);
            Map<Long, Post> shown = posts.byIds(list.stream().map(Mention::postId).distinct().toList());
            return new Queue(list, shown, store.counts(h, author));
        });
    }

    Optional<Mention> find(long id) {
        return jdbi.withHandle(h -> store.byId(h, id));
    }

    /**
     * Applies a moderation action to the mentions {@code who} may moderate among {@code ids}; others, and actions
     * a mention's status does not offer, are skipped.
     *
     * @return how many changed
     */
    int moderate(Staff who, Collection<Long> ids, MentionAction action) {
        Set<Long> touched = new HashSet<>();
        int n = jdbi.inTransaction(h -> {
            int changed = 0;
            List<Mention> found = store.byIds(h, ids);
            Map<Long, Post> owners = posts.byIds(found.stream().map(Mention::postId).distinct().toList());
            for (Mention m : found) {
                Post post = owners.get(m.postId());
                if (post == null || !mayModerate(who, post) || !MentionAction.offeredFor(m.status()).contains(action)) continue;
                if (action == MentionAction.DELETE) store.delete(h, m.id());
                else store.setStatus(h, m.id(), action.to(), clock.instant());
                if (m.status() == MentionStatus.APPROVED || action.to() == MentionStatus.APPROVED) touched.add(m.postId());
                changed++;
            }
            return changed;
        });
        if (!touched.isEmpty()) events.publish(new ChangeEvent(touched.stream().map(Webmentions::key).collect(java.util.stream.Collectors.toSet())));
        return n;
    }
}
