package dev.kioku.mail;

import dev.kioku.config.Smtp;
import dev.kioku.jobs.Job;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outgoing mail: features queue messages in their own transactions; a job sends what is due every 30 seconds.
 *
 * <p>Why a table and not a send after commit: a message queued with the write that caused it is sent exactly
 * when that write commits, survives a restart, and waits while the mail server is down or not yet configured.
 * A failed attempt is retried later ({@link Backoff}); a recipient the server calls unknown (550, 551, 553) is
 * given up at once; other 5xx answers (530 "sign in first", 554 "relaying denied") usually mean the settings
 * are wrong, so those messages wait for them to be fixed rather than being lost. A message is sent at least
 * once: a sender that dies between the server's "250 OK" and marking the row sends it again after
 * fifteen minutes, with the same Message-ID.
 */
public final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    static final String JOB = "send-mail";
    static final Duration EVERY = Duration.ofSeconds(30);
    static final Duration CLAIM = Duration.ofMinutes(15);
    private static final Duration RECENT_FAILURES = Duration.ofDays(7);
    private static final int BATCH = 50;
    private static final int ERROR_CHARS = 300;
    private final OutboxStore store;
    private final Smtp smtp;
    private final Mailer mailer;
    private final Clock clock;
    private final AtomicBoolean warnedUnconfigured = new AtomicBoolean();

    public Outbox(Jdbi jdbi, Smtp smtp, Clock clock) {
        this.store = new OutboxStore(jdbi);
        this.smtp = smtp;
        this.mailer = smtp.configured() ? new Mailer(smtp, clock) : null;
        this.clock = clock;
    }

    /** Queues a message inside the caller's open transaction, so it is sent only if that transaction commits. */
    public void enqueue(Handle h, Mail mail) {
        store.insert(h, mail, clock.instant());
    }

    /** Queues a message in its own transaction. */
    public void enqueue(Mail mail) {
        store.insert(mail, clock.instant());
    }

    /**
     * Sends every due message now (the job calls this every 30 seconds; tests call it after moving the clock).
     * A failure is recorded on the message and logged once; a mail server's fault is never thrown.
     *
     * @return how many messages were delivered; 0 when none was due or mail is not configured
     */
    public synchronized int sendDue() {
        if (mailer == null) {
            if (!warnedUnconfigured.get() && store.queued() > 0 && !warnedUnconfigured.getAndSet(true)) {
                LOG.warn("mail is not configured (set smtp.host): messages wait in the outbox until it is");
            }
            return 0;
        }
        int delivered = 0;
        while (true) {
            List<OutboxStore.Queued> batch = claimDue();
            if (batch.isEmpty()) return delivered;
            Mailer.Connection connection;
            try {
                connection = mailer.connect();
            } catch (MessagingException e) {
                unreachable(batch, e);
                return delivered;
            }
            try (connection) {
                for (int i = 0; i < batch.size(); i++) {
                    OutboxStore.Queued q = batch.get(i);
                    try {
                        connection.send(q.mail(), messageId(q));
                        store.sent(q.id(), q.attempts() + 1, clock.instant());
                        delivered++;
                    } catch (MessagingException e) {
                        if (!connection.open()) {
                            unreachable(batch.subList(i, batch.size()), e);
                            return delivered;
                        }
                        refused(q, e);
                    }
                }
            }
        }
    }

    /** Due messages this sender took; empty when none is due. */
    private List<OutboxStore.Queued> claimDue() {
        Instant now = clock.instant();
        List<OutboxStore.Queued> mine = new ArrayList<>();
        for (OutboxStore.Queued q : store.due(now, BATCH)) if (store.claim(q.id(), now, now.plus(CLAIM))) mine.add(q);
        return mine;
    }

    /** The server refused this one message; the connection is still usable for the others. */
    private void refused(OutboxStore.Queued q, MessagingException e) {
        Instant now = clock.instant();
        int attempts = q.attempts() + 1;
        String error = describe(e, smtp.password());
        Optional<Duration> wait = Backoff.after(attempts);
        if (unknownRecipient(e) || e instanceof AddressException) {
            store.failed(q.id(), attempts, now, error);
            LOG.warn("mail {} not sent: the server refused the recipient ({}); not retrying", q.id(), error);
        } else if (wait.isEmpty()) {
            store.failed(q.id(), attempts, now, error);
            LOG.warn("mail {} not sent after {} attempts over three days ({}); giving up", q.id(), attempts, error);
        } else {
            store.retry(q.id(), attempts, now, now.plus(wait.get()), error);
            LOG.warn("mail {} not sent ({}); trying again in {}", q.id(), error, readable(wait.get()));
        }
    }

    /** One log line for messages that could not reach the server; each keeps its own backoff. */
    private void unreachable(List<OutboxStore.Queued> batch, MessagingException e) {
        Instant now = clock.instant();
        String error = describe(e, smtp.password());
        int gaveUp = 0;
        for (OutboxStore.Queued q : batch) {
            int attempts = q.attempts() + 1;
            Optional<Duration> wait = Backoff.after(attempts);
            if (wait.isPresent()) {
                store.retry(q.id(), attempts, now, now.plus(wait.get()), error);
            } else {
                store.failed(q.id(), attempts, now, error);
                gaveUp++;
            }
        }
        LOG.warn("mail server {} not usable ({}): {} message(s) will be tried again, {} given up after three days",
                mailer.server(), error, batch.size() - gaveUp, gaveUp);
    }

    /** Stable across retries, so a receiving server can drop a copy sent twice. */
    private String messageId(OutboxStore.Queued q) {
        return "<kioku." + q.id() + "." + q.createdAt().toEpochMilli() + "@" + mailer.domain() + ">";
    }

    /** True when the server said it has no such mailbox: trying again would get the same answer. */
    static boolean unknownRecipient(MessagingException e) {
        if (!(e instanceof SendFailedException)) return false;
        for (Exception next = e.getNextException(); next != null;
             next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException a) {
                int code = a.getReturnCode();
                if (code == 550 || code == 551 || code == 553) return true;
            }
        }
        return false;
    }

    /**
     * The error class and first line of its message, then the first line of each cause (a server's own reply is
     * usually there), short, with the SMTP password masked should a server ever echo it.
     */
    static String describe(Exception e, String password) {
        StringBuilder line = new StringBuilder(e.getClass().getSimpleName());
        String message = firstLine(e);
        if (!message.isEmpty()) line.append(": ").append(message);
        Throwable cause = e instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : e.getCause();
        for (int depth = 0; cause != null && depth < 3; depth++) {
            String more = firstLine(cause);
            if (!more.isEmpty() && !line.toString().contains(more)) line.append(" (").append(more).append(")");
            cause = cause instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : cause.getCause();
        }
        String text = password == null ? line.toString() : line.toString().replace(password, "****");
        return text.length() <= ERROR_CHARS ? text : text.substring(0, ERROR_CHARS - 1) + "…";
    }

    private static String readable(Duration d) {
        return d.toMinutes() < 60 ? d.toMinutes() + " min" : d.toHours() + " h";
    }

    private static String firstLine(Throwable t) {
        return t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("").strip();
    }

    /** Messages queued and not yet delivered nor given up (for the admin and tests). */
    public int pending() {
        return store.queued();
    }

    /** Messages given up in the last seven days (for the admin). */
    public int failed() {
        return store.failedSince(clock.instant().minus(RECENT_FAILURES));
    }

    /** False when no SMTP server is set: messages are kept but not sent. */
    public boolean configured() {
        return mailer != null;
    }

    /** The recurring job that calls {@link #sendDue()}, for {@link dev.kioku.jobs.Jobs}. */
    public Job job() {
        return new Job(JOB, EVERY, this::sendDue);
    }

    /**
     * Sends one message now, bypassing the outbox: for {@code kioku mail test}.
     *
     * @return {@code host:port} of the server that accepted it
     * @throws IllegalStateException when mail is not configured or the message was not accepted; the message says
     *                               why in one line, without the password
     */
    public static String sendDirect(Smtp smtp, Mail mail, Clock clock) {
        if (!smtp.configured()) throw new IllegalStateException("mail is not configured (set smtp.host)");
        Mailer mailer = new Mailer(smtp, clock);
        try (Mailer.Connection c = mailer.connect()) {
            c.send(mail, "<kioku." + UUID.randomUUID() + "@" + mailer.domain() + ">");
            return mailer.server();
        } catch (MessagingException e) {
            throw new IllegalStateException(mailer.server() + " did not take it: " + describe(e, smtp.password()));
        }
    }
}
