package dev.kioku.webmentions;

import dev.kioku.content.Post;
import dev.kioku.content.Posts;
import dev.kioku.content.Status;
import dev.kioku.net.BlockedAddress;
import dev.kioku.net.HttpFetcher;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends webmentions for our posts: a post that goes public, or whose public text changes, is queued (inside its
 * own transaction); the job then compares its links with what was sent before, notifies each new link's page
 * and each removed one's (so the receiver can drop its copy), and remembers the outcome per link, so an
 * unchanged link is not notified again on every edit.
 *
 * <p>A post made public with a date more than a day in the past (back-dated, or imported by hand) notifies
 * nobody: its links are only remembered, so a later edit notifies just what it adds or removes.
 */
final class Sending {
    private static final Logger LOG = LoggerFactory.getLogger(Sending.class);
    static final Duration BACKDATED = Duration.ofHours(24);
    private static final Duration CLAIM = Duration.ofMinutes(10);

    private final Jdbi jdbi;
    private final SendStore store = new SendStore();
    private final Posts posts;
    private final Clock clock;
    private final HttpFetcher fetcher;
    private final Supplier<URI> site;
    private final Function<Post, String> permalink;

    /**
     * @param site      this site's address (its links are not ours to notify)
     * @param permalink a post's absolute public URL (the mention's source)
     */
    Sending(Jdbi jdbi, Posts posts, Clock clock, HttpFetcher fetcher, Supplier<URI> site, Function<Post, String> permalink) {
        this.jdbi = jdbi;
        this.posts = posts;
        this.clock = clock;
        this.fetcher = fetcher;
        this.site = site;
        this.permalink = permalink;
    }

    /** The {@link dev.kioku.content.PostListener}: queues a post whose public links may have changed. */
    void changed(Handle h, Post before, Post after) {
        boolean wasPublic = before.isPublic();
        boolean isPublic = after.isPublic();
        if (!wasPublic && !isPublic) return;
        if (wasPublic && isPublic && before.bodyHtml().equals(after.bodyHtml())) return;
        Instant now = clock.instant();
        // a scheduled post published late (the server was down) is news all the same; only a back-dated one is not
        boolean backdated = isPublic && !wasPublic && before.status() != Status.SCHEDULED
                && after.publishedAt().isBefore(now.minus(BACKDATED));
        store.queue(h, after.id(), backdated, now);
    }

    /** Looks at queued posts, then sends what is due. */
    synchronized void sendDue() {
        for (SendStore.Queued q : jdbi.withHandle(h -> store.queued(h, 50))) plan(q);
        Instant now = clock.instant();
        for (SendStore.Send s : jdbi.withHandle(h -> store.due(h, now, 50))) {
            if (jdbi.withHandle(h -> store.claim(h, s, now, now.plus(CLAIM)))) send(s);
        }
    }

    /** Compares a queued post's links with what was sent, in one transaction. */
    private void plan(SendStore.Queued q) {
        Instant now = clock.instant();
        Optional<Post> found = find(q.postId());
        Set<String> links = found.filter(Post::isPublic)
                .map(p -> Links.external(p.bodyHtml(), URI.create(permalink.apply(p)), site.get()).stream().map(URI::toString)
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .orElseGet(LinkedHashSet::new);
        jdbi.useTransaction(h -> {
            store.dequeue(h, q);
            if (found.isEmpty()) return;
            Post p = found.get();
            Map<String, SendStore.Send> known = new LinkedHashMap<>();
            for (SendStore.Send s : store.ofPost(h, p.id())) known.put(s.target(), s);
            for (String link : links) {
                SendStore.Send k = known.get(link);
                if (k == null) store.insert(h, p.id(), link, q.baseline() ? "skipped" : "due", now);
                else if (k.removed()) store.restore(h, p.id(), link, now);
            }
            for (SendStore.Send k : known.values()) {
                if (links.contains(k.target()) || k.removed()) continue;
                if (k.state().equals("sent")) store.markRemoved(h, p.id(), k.target(), now);
                else store.delete(h, p.id(), k.target());
            }
        });
    }

    private void send(SendStore.Send s) {
        Optional<Post> post = find(s.postId());
        if (post.isEmpty()) return;
        URI source = URI.create(permalink.apply(post.get()));
        URI target = URI.create(s.target());
        Instant now = clock.instant();
        int attempts = s.attempts() + 1;
        try {
            HttpFetcher.Response page = fetcher.get(target, Map.of("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"));
            if (page.status() >= 500 || page.status() == 429) {
                retry(s, attempts, "the page answered " + page.status());
                return;
            }
            Optional<URI> endpoint = page.status() >= 200 && page.status() < 300 ? Discovery.endpoint(page) : Optional.empty();
            if (endpoint.isEmpty()) {
                LOG.info("webmention for post {} to {}: no endpoint", s.postId(), Links.forLog(target));
                settle(s, "no_endpoint", page.status(), null, attempts);
                return;
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("source", source.toString());
            form.put("target", target.toString());
            HttpFetcher.Response answer = fetcher.postForm(endpoint.get(), form, Map.of());
            LOG.info("webmention for post {} to {} via {}: {}", s.postId(), Links.forLog(target), endpoint.get().getHost(), answer.status());
            if (answer.status() >= 200 && answer.status() < 300) settle(s, "sent", answer.status(), null, attempts);
            else if (answer.status() >= 500 || answer.status() == 429) retry(s, attempts, "the endpoint answered " + answer.status());
            else settle(s, "failed", answer.status(), "the endpoint answered " + answer.status(), attempts);
        } catch (BlockedAddress e) {
            LOG.info("webmention for post {} to {}: {}", s.postId(), Links.forLog(target), e.getMessage());
            settle(s, "failed", null, e.getMessage(), attempts);
        } catch (IOException e) {
            LOG.info("webmention for post {} to {} failed: {}", s.postId(), Links.forLog(target), e.toString());
            retry(s, attempts, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private Optional<Post> find(long id) {
        return Optional.ofNullable(posts.byIds(List.of(id)).get(id));
    }

    private void retry(SendStore.Send s, int attempts, String reason) {
        if (attempts >= Verification.MAX_ATTEMPTS) {
            settle(s, "failed", null, reason, attempts);
            return;
        }
        Instant now = clock.instant();
        jdbi.useHandle(h -> store.retry(h, s, attempts, Verification.nextTry(now, attempts), reason, now));
    }

    /** Records the outcome; a removed link is forgotten once its page was told (or could not be). */
    private void settle(SendStore.Send s, String state, Integer status, String reason, int attempts) {
        jdbi.useHandle(h -> {
            if (s.removed()) store.delete(h, s.postId(), s.target());
            else store.settle(h, s, state, status, reason, attempts, clock.instant());
        });
    }
}
