package dev.kioku.subscriptions;

import dev.kioku.content.Kind;
import dev.kioku.content.Post;
import dev.kioku.content.PostListener;
import dev.kioku.content.Posts;
import dev.kioku.content.Status;
import dev.kioku.jobs.Job;
import dev.kioku.mail.Mail;
import dev.kioku.mail.Outbox;
import dev.kioku.series.Series;
import dev.kioku.series.SeriesService;
import dev.kioku.series.SeriesView;
import dev.kioku.web.Invalid;
import dev.kioku.web.RateLimit;
import dev.kioku.web.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * New posts by email: readers ask (the subscribe box, a series' "Tell me when the next part is out", or the
 * comment form's checkbox), confirm by a single-use link, and get one email per new post until they press
 * the unsubscribe link (or their mail program's one-click button, RFC 8058).
 *
 * <p>Why a ledger: when a post first goes public, {@link #listener()} records a mailing in the same
 * transaction. {@link #sendMailings()} then works through the subscribers in batches; each batch is ONE
 * transaction that writes a {@code post_deliveries} row per subscriber and queues that subscriber's mail in
 * the outbox. A crash mid-batch rolls back both (nobody marked, nobody mailed) and the next run picks up the
 * same people; the ledger's primary key makes a second mail for the same post and address impossible. From
 * there the outbox sends with retries (at least once, with a stable Message-ID).
 *
 * <p>Why the same answer to every request: the form must not tell a stranger whether an address is
 * subscribed. At most one confirmation per address per hour leaves, whoever asks.
 */
public final class Subscriptions {
    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);
    /** Subscribers handled per transaction by {@link #sendMailings()}. */
    public static final int BATCH = 100;
    /** A post whose publication date lies further back than this when it goes public (imported, back-dated) is not mailed. */
    public static final Duration BACKDATED = Duration.ofHours(24);
    static final Duration CONFIRM_LIFE = Duration.ofDays(7);
    static final Duration RESEND_AFTER = Duration.ofHours(1);
    static final int PER_IP = 10;
    static final Duration IP_WINDOW = Duration.ofHours(1);
    static final String JOB = "send-post-mailings";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,100}");

    private final Jdbi jdbi;
    private final Posts posts;
    private final SeriesService series;
    private final Outbox outbox;
    private final Clock clock;
    private final Supplier<String> siteTitle;
    private final Supplier<String> publicBase;
    private final Function<Post, String> permalinks;
    private final PostMails mails;
    private final SubscriberStore store = new SubscriberStore();
    private final MailingStore mailings = new MailingStore();
    private final RateLimit perIp;

    /** Queues one mail inside the batch's transaction; the outbox in production, a failing one in tests. */
    @FunctionalInterface
    public interface MailQueue {
        void enqueue(Handle h, Mail mail);
    }

    /** Too many requests from one network address; {@code wait} until it may ask again. */
    public static final class TooMany extends RuntimeException {
        private final Duration wait;

        TooMany(Duration wait) {
            super("too many subscription requests", null, false, false);
            this.wait = wait;
        }

        public Duration waitFor() {
            return wait;
        }
    }

    /**
     * @param publicBase the site's absolute address (asked each time: tests learn their port late)
     * @param permalinks a post's path on the site
     */
    public Subscriptions(Jdbi jdbi, Posts posts, SeriesService series, Outbox outbox, dev.kioku.web.Templates templates,
                         Clock clock, Supplier<String> siteTitle, Supplier<String> publicBase, Function<Post, String> permalinks) {
        this.jdbi = jdbi;
        this.posts = posts;
        this.series = series;
        this.outbox = outbox;
        this.clock = clock;
        this.siteTitle = siteTitle;
        this.publicBase = publicBase;
        this.permalinks = permalinks;
        this.mails = new PostMails(templates);
        this.perIp = new RateLimit(clock, PER_IP, IP_WINDOW);
    }

    // ---- asking

    /**
     * The address as typed, stripped.
     *
     * @throws Invalid ({@code email}) when it is empty or cannot be mailed
     */
    static String address(String typed) {
        String email = typed == null ? "" : typed.strip();
        if (email.isEmpty()) throw Invalid.field("email", "Please give your email address.");
        if (!Mail.isAddress(email) || dev.kioku.readers.Readers.isPlaceholder(email)) {
            throw Invalid.field("email", "This does not look like an email address (name@example.com).");
        }
        return email;
    }

    /**
     * A reader asked on the site for every new post ({@code seriesId} null) or the parts of one series: mails a
     * confirmation link, unless the address already gets that or had a confirmation within the hour (then
     * nothing happens, and the caller answers the same).
     *
     * @throws Invalid when the address is not one, or the series does not exist
     * @throws TooMany when this network address asked {@value #PER_IP} times within the hour
     */
    public void request(String typedEmail, Long seriesId, String ip) {
        String email = address(typedEmail);
        if (seriesId != null && seriesTitle(seriesId).isEmpty()) throw Invalid.field("form", "That series is not there any more.");
        Duration wait = perIp.acquire(ip == null ? "" : ip);
        if (!wait.isZero()) throw new TooMany(wait);
        jdbi.useTransaction(h -> request(h, email, seriesId, seriesId == null ? "subscribe-box" : "series-box"));
    }

    /**
     * The comment form's "Notify me of new posts by email", inside the comment's transaction: the same double
     * opt-in as the subscribe box. An address mail cannot use is ignored.
     */
    public void requestFromComment(Handle h, String email) {
        if (email == null || !Mail.isAddress(email.strip())) return;
        request(h, email.strip(), null, "comment-form");
    }

    private void request(Handle h, String email, Long seriesId, String source) {
        Instant now = clock.instant();
        Optional<SubscriberStore.Row> known = store.byEmail(h, email);
        Optional<Long> added = known.isPresent() ? Optional.empty() : store.insertPending(h, email, source, now);
        // a unique-key clash (the same address asked twice at once) must not fail the request, nor a comment holding it
        if (known.isEmpty() && added.isEmpty()) known = store.byEmail(h, email);
        long id = known.isPresent() ? known.get().id() : added.orElseThrow();
        if (known.isPresent() && store.alreadyGets(h, id, seriesId)) return;
        store.want(h, id, seriesId);
        if (known.isPresent() && known.get().confirmSentAt() != null && known.get().confirmSentAt().isAfter(now.minus(RESEND_AFTER))) {
            return;
        }
        String token = Tokens.random(24);
        store.newConfirmation(h, id, Tokens.sha256(token), now);
        String what = seriesId == null ? "new posts" : "new parts of “" + seriesTitle(seriesId).orElse("a series") + "”";
        String to = known.map(SubscriberStore.Row::email).orElse(email);
        outbox.enqueue(h, mails.confirmation(to, siteTitle.get(), what, base() + "/subscribe/confirm/" + token + "/"));
    }

    // ---- the links in mail

    /** The address a confirmation link is for, while it is unused and fresh; else empty (also for malformed tokens). */
    public Optional<String> confirmable(String token) {
        return jdbi.withHandle(h -> liveConfirmation(h, token)).map(SubscriberStore.Row::email);
    }

    /**
     * Uses a confirmation link: the address gets what it asked for from now on (never posts published before).
     *
     * @return the address, or empty when the link is unknown, used or expired (then nothing changes)
     */
    public Optional<String> confirm(String token) {
        return jdbi.inTransaction(h -> {
            Optional<SubscriberStore.Row> row = liveConfirmation(h, token);
            row.ifPresent(r -> store.confirm(h, r.id(), clock.instant()));
            return row.map(SubscriberStore.Row::email);
        });
    }

    private Optional<SubscriberStore.Row> liveConfirmation(Handle h, String token) {
        if (token == null || !TOKEN.matcher(token).matches()) return Optional.empty();
        return store.byConfirmHash(h, Tokens.sha256(token))
                .filter(r -> r.confirmSentAt() != null && r.confirmSentAt().plus(CONFIRM_LIFE).isAfter(clock.instant()));
    }

    /** The subscribed address an unsubscribe link stops; empty when the link is unknown or the address gets nothing. */
    public Optional<String> unsubscribable(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) return Optional.empty();
        return jdbi.withHandle(h -> store.byUnsubscribeHash(h, Tokens.sha256(token)))
                .filter(r -> r.status() == SubscriberStatus.CONFIRMED).map(SubscriberStore.Row::email);
    }

    /**
     * Uses an unsubscribe link: the address gets no more post mail, from any series.
     *
     * @return false when the link is unknown (nothing changes)
     */
    public boolean unsubscribe(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) return false;
        return jdbi.inTransaction(h -> {
            Optional<SubscriberStore.Row> row = store.byUnsubscribeHash(h, Tokens.sha256(token));
            row.ifPresent(r -> store.unsubscribe(h, r.id()));
            return row.isPresent();
        });
    }

    // ---- publishing

    /**
     * Records a mailing when a post first becomes public (for {@code posts.addListener}); nothing is sent here.
     * A post dated more than {@link #BACKDATED} before that moment is recorded as skipped, and a post that was
     * public once is never mailed again.
     */
    public PostListener listener() {
        return (h, before, after) -> {
            if (after.kind() != Kind.POST || !after.isPublic() || before.isPublic()) return;
            Instant now = clock.instant();
            // a scheduled post published late (the server was down) is news all the same; only a back-dated one is not
            boolean backdated = before.status() != Status.SCHEDULED && after.publishedAt() != null
                    && after.publishedAt().isBefore(now.minus(BACKDATED));
            mailings.open(h, after.id(), backdated, now);
        };
    }

    /** Every 30 seconds, {@link #sendMailings()}. */
    public Job job() {
        return new Job(JOB, Duration.ofSeconds(30), this::sendMailings);
    }

    /**
     * Queues the mails of every mailing still going out, {@value #BATCH} subscribers per transaction, into the
     * outbox (which sends them). A mailing whose post is not public now waits.
     *
     * @return how many mails were queued
     */
    public int sendMailings() {
        return sendMailings(BATCH, outbox::enqueue);
    }

    /**
     * {@link #sendMailings()} with its batch size and mail queue given: tests make a queue that fails in the
     * middle of a batch, as a crash would.
     *
     * @throws RuntimeException whatever {@code queue} throws, after rolling back the batch it was in
     */
    public synchronized int sendMailings(int batchSize, MailQueue queue) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be 1 or more, got " + batchSize);
        int queued = 0;
        for (MailingStore.Mailing m : jdbi.withHandle(mailings::sending)) {
            Post post = posts.byIds(List.of(m.postId())).get(m.postId());
            if (post == null || !post.isPublic()) continue;
            SeriesView inSeries = series.forPost(post.id()).orElse(null);
            Long seriesId = inSeries == null ? null : inSeries.series().id();
            String url = base() + permalinks.apply(post);
            while (true) {
                int[] done = {0};
                boolean more = jdbi.inTransaction(h -> {
                    List<MailingStore.Recipient> batch = mailings.nextRecipients(h, m, seriesId, batchSize);
                    Instant now = clock.instant();
                    if (batch.isEmpty()) {
                        mailings.finish(h, m.postId(), now);
                        return false;
                    }
                    for (MailingStore.Recipient r : batch) {
                        String token = Tokens.random(24);
                        if (!mailings.deliver(h, m.postId(), r.id(), Tokens.sha256(token), now)) continue;
                        if (!Mail.isAddress(r.email())) {
                            // stays in the ledger: an address mail cannot use would otherwise stop the mailing for good
                            LOG.warn("post {}: subscriber {} not mailed, the address is not usable", m.postId(), r.id());
                            continue;
                        }
                        // any other failure building the mail rolls the whole batch back, so nobody is in the ledger without a mail
                        queue.enqueue(h, mails.post(r.email(), siteTitle.get(), post, url, inSeries, !r.allPosts(),
                                base() + "/subscribe/unsubscribe/" + token + "/"));
                        done[0]++;
                    }
                    return true;
                });
                queued += done[0];
                if (!more) break;
            }
        }
        return queued;
    }

    /** How many subscribers a post's mailing has reached (queued), for the admin and tests. */
    public int deliveries(long postId) {
        return jdbi.withHandle(h -> mailings.deliveries(h, postId));
    }

    // ---- the admin

    /** One page of the list: its rows and how many match in all. */
    public record Page(List<Subscriber> rows, int total) {
    }

    /** Addresses containing {@code search} (any case; blank for all), newest first. */
    public Page list(String search, int offset, int limit) {
        return jdbi.withHandle(h -> {
            List<Subscriber> rows = withSeries(h, store.list(h, search, offset, limit));
            return new Page(rows, store.count(h, search));
        });
    }

    /** Every address, newest first (for the export). */
    public List<Subscriber> all() {
        return jdbi.withHandle(h -> withSeries(h, store.list(h, null, 0, Integer.MAX_VALUE)));
    }

    /** One address with what it follows, or empty. */
    public Optional<Subscriber> byId(long id) {
        return jdbi.withHandle(h -> store.byId(h, id).map(s -> withSeries(h, List.of(s)).getFirst()));
    }

    /** Removes an address and everything it follows. @return false when there was none */
    public boolean remove(long id) {
        return jdbi.inTransaction(h -> store.delete(h, id));
    }

    /** Confirmed addresses, for the dashboard. */
    public int confirmedCount() {
        return jdbi.withHandle(store::confirmed);
    }

    private List<Subscriber> withSeries(Handle h, List<Subscriber> rows) {
        Map<Long, List<Long>> follows = store.seriesOf(h, rows.stream().map(Subscriber::id).toList());
        List<Subscriber> out = new ArrayList<>(rows.size());
        for (Subscriber s : rows) {
            List<String> titles = follows.getOrDefault(s.id(), List.of()).stream()
                    .map(id -> seriesTitle(id).orElse(null)).filter(t -> t != null).sorted().toList();
            out.add(new Subscriber(s.id(), s.email(), s.status(), s.source(), s.createdAt(), s.confirmedAt(), s.allPosts(), titles));
        }
        return out;
    }

    private Optional<String> seriesTitle(long id) {
        try {
            return Optional.of(series.get(id)).map(Series::title);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String base() {
        String b = publicBase.get();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }
}
