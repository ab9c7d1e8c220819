package dev.kioku.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.kioku.config.Smtp;
import dev.kioku.db.Database;
import dev.kioku.db.Engine;
import dev.kioku.testing.MutableClock;
import dev.kioku.testing.TestDatabases;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Queued mail reaches a real SMTP server once, intact; a server that is down or refuses is handled; both engines. */
@ParameterizedClass
@EnumSource(Engine.class)
class OutboxTest {
    static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
    static final String FROM = "Kioku <no-reply@blog.example.org>";

    @RegisterExtension
    static final GreenMailExtension smtpServer = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(START);
    Database db;

    @BeforeEach
    void open() {
        TestDatabases.Db target = TestDatabases.fresh(engine, dir);
        db = Database.open(target.url(), target.user(), target.password());
        db.migrate();
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Smtp smtp(int port) {
        return new Smtp("127.0.0.1", port, null, null, Smtp.Security.NONE, FROM);
    }

    private Outbox outbox(Smtp smtp) {
        return new Outbox(db.jdbi(), smtp, clock);
    }

    private Outbox toGreenMail() {
        return outbox(smtp(smtpServer.getSmtp().getPort()));
    }

    static Mail note(String to) {
        return new Mail(to, "A new comment", "Ann wrote: lovely.", null, null);
    }

    /** A port nothing listens on. */
    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Row(String status, int attempts, Instant nextAttemptAt, String lastError) {
    }

    private Row row() {
        return db.jdbi().withHandle(h -> h.createQuery("select status, attempts, next_attempt_at, last_error from mail_outbox")
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getInt(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4))).one());
    }

    @Test
    void a_queued_message_arrives_once_with_its_utf8_subject_and_body_and_one_click_unsubscribe() throws Exception {
        String subject = "新しいコメント: “Spring tea” 🍵🎌 — a reply to you on the first flush of the season 🍃🍃🍃";
        String text = "Ann wrote:\n\n美味しい 🍵 café\n\nReply: https://blog.example.org/2026/11/20/spring-tea/#c1";
        Outbox outbox = toGreenMail();
        outbox.enqueue(new Mail("reader@example.org", subject, text, null, "https://blog.example.org/unsubscribe/t0k3n"));

        assertEquals(1, outbox.pending());
        assertEquals(1, outbox.sendDue());
        assertEquals(0, outbox.sendDue(), "nothing left");

        assertEquals(0, outbox.pending());
        MimeMessage[] received = smtpServer.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage m = received[0];
        assertEquals(subject, m.getSubject());
        assertEquals(text, ((String) m.getContent()).replace("\r\n", "\n"));
        assertTrue(m.getContentType().startsWith("text/plain"), m.getContentType());
        assertEquals("<https://blog.example.org/unsubscribe/t0k3n>", m.getHeader("List-Unsubscribe", null));
        assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post", null));
        assertEquals(FROM, m.getFrom()[0].toString());
        assertEquals("reader@example.org", m.getAllRecipients()[0].toString());
        assertEquals(Date.from(START), m.getSentDate());
        assertTrue(m.getMessageID().matches("<kioku\\.\\d+\\.\\d+@blog\\.example\\.org>"), m.getMessageID());
        assertEquals("sent", row().status());
    }

    @Test
    void html_and_text_arrive_as_multipart_alternative_text_first() throws Exception {
        Outbox outbox = toGreenMail();
        outbox.enqueue(new Mail("reader@example.org", "Part 2 is out", "Part 2 of Tea is out.", "<p>Part 2 of <em>Tea</em> is out. 🍵</p>", null));

        assertEquals(1, outbox.sendDue());

        MimeMessage m = smtpServer.getReceivedMessages()[0];
        assertTrue(m.getContentType().startsWith("multipart/alternative"), m.getContentType());
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertEquals("Part 2 of Tea is out.", parts.getBodyPart(0).getContent());
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        assertEquals("<p>Part 2 of <em>Tea</em> is out. 🍵</p>", parts.getBodyPart(1).getContent());
        assertNull(m.getHeader("List-Unsubscribe"), "no unsubscribe URL, no header");
    }

    @Test
    void an_international_domain_is_sent_in_its_ascii_form() throws Exception {
        Outbox outbox = toGreenMail();
        outbox.enqueue(note("ann@例え.jp"));

        assertEquals(1, outbox.sendDue());

        assertEquals("ann@xn--r8jz45g.jp", smtpServer.getReceivedMessages()[0].getAllRecipients()[0].toString());
    }

    @Test
    void a_message_waits_while_the_server_is_down_then_arrives_exactly_once() throws Exception {
        int port = closedPort();
        Outbox outbox = outbox(smtp(port));
        outbox.enqueue(note("reader@example.org"));

        assertEquals(0, outbox.sendDue());
        Row failed = row();
        assertEquals("queued", failed.status());
        assertEquals(1, failed.attempts());
        assertEquals(START.plus(Duration.ofMinutes(1)), failed.nextAttemptAt());
        assertTrue(failed.lastError().startsWith("MailConnectException"), failed.lastError());
        assertEquals(1, outbox.pending());

        clock.advance(Duration.ofSeconds(30));
        assertEquals(0, outbox.sendDue());
        assertEquals(1, row().attempts(), "not due yet: not tried");

        clock.advance(Duration.ofSeconds(31));
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            assertEquals(1, outbox.sendDue());
            assertEquals(0, outbox.sendDue());
            assertEquals(1, server.getReceivedMessages().length);
            assertEquals("sent", row().status());
            assertEquals(2, row().attempts());
        } finally {
            server.stop();
        }
    }

    @Test
    void a_message_queued_in_a_transaction_that_rolls_back_is_never_sent() throws Exception {
        Outbox outbox = toGreenMail();

        assertThrows(IllegalStateException.class, () -> db.jdbi().useTransaction(h -> {
            outbox.enqueue(h, note("reader@example.org"));
            throw new IllegalStateException("the comment was refused");
        }));
        db.jdbi().useTransaction(h -> outbox.enqueue(h, note("kept@example.org")));

        assertEquals(1, outbox.pending());
        assertEquals(1, outbox.sendDue());
        assertEquals(1, smtpServer.getReceivedMessages().length);
        assertEquals("kept@example.org", smtpServer.getReceivedMessages()[0].getAllRecipients()[0].toString(), "only the committed one");
    }

    @Test
    void a_recipient_the_server_does_not_know_is_given_up_at_once() throws Exception {
        try (RefusingSmtpServer server = new RefusingSmtpServer("550 5.1.1 <gone@example.org>: no such mailbox")) {
            Outbox outbox = outbox(smtp(server.port()));
            outbox.enqueue(note("gone@example.org"));

            assertEquals(0, outbox.sendDue());

            Row row = row();
            assertEquals("failed", row.status());
            assertEquals(1, row.attempts());
            assertTrue(row.lastError().contains("550"), row.lastError());
            assertEquals(0, outbox.pending());
            assertEquals(1, outbox.failed());
        }
    }

    @Test
    void a_temporary_refusal_is_tried_again_later() throws Exception {
        try (RefusingSmtpServer server = new RefusingSmtpServer("450 4.2.1 mailbox busy, try later")) {
            Outbox outbox = outbox(smtp(server.port()));
            outbox.enqueue(note("busy@example.org"));

            assertEquals(0, outbox.sendDue());

            Row row = row();
            assertEquals("queued", row.status());
            assertEquals(1, row.attempts());
            assertEquals(START.plus(Duration.ofMinutes(1)), row.nextAttemptAt());
        }
    }

    @Test
    void a_relay_refusal_means_wrong_settings_so_the_message_waits_rather_than_being_lost() throws Exception {
        try (RefusingSmtpServer server = new RefusingSmtpServer("554 5.7.1 relay access denied")) {
            Outbox outbox = outbox(smtp(server.port()));
            outbox.enqueue(note("reader@example.org"));

            assertEquals(0, outbox.sendDue());

            assertEquals("queued", row().status());
        }
    }

    @Test
    void attempts_stop_after_three_days_and_the_message_is_marked_failed() {
        Outbox outbox = outbox(smtp(closedPort()));
        outbox.enqueue(note("reader@example.org"));

        int runs = 0;
        while (row().status().equals("queued") && runs++ < 50) {
            outbox.sendDue();
            if (row().status().equals("queued")) clock.advance(Duration.between(clock.instant(), row().nextAttemptAt()));
        }

        Row row = row();
        assertEquals("failed", row.status());
        assertEquals(12, row.attempts());
        assertTrue(Duration.between(START, clock.instant()).compareTo(Duration.ofDays(3)) > 0, "tried for more than three days");
        assertEquals(1, outbox.failed());
        clock.advance(Duration.ofDays(8));
        assertEquals(0, outbox.failed(), "the admin hears of failures from the last week only");
    }

    @Test
    void two_senders_draining_at_once_deliver_each_message_once() throws Exception {
        Outbox first = toGreenMail();
        Outbox second = toGreenMail();
        IntStream.range(0, 20).forEach(i -> first.enqueue(note("reader" + i + "@example.org")));

        int delivered;
        try (var pool = Executors.newFixedThreadPool(2)) {
            var a = pool.submit((Callable<Integer>) first::sendDue);
            var b = pool.submit((Callable<Integer>) second::sendDue);
            delivered = a.get() + b.get();
        }

        assertEquals(20, delivered);
        assertEquals(20, smtpServer.getReceivedMessages().length);
        assertEquals(0, first.pending());
    }

    @Test
    void without_smtp_messages_stay_queued_untried_and_one_warning_says_so() {
        Outbox outbox = outbox(Smtp.NONE.withFrom(FROM));
        outbox.enqueue(note("a@example.org"));
        outbox.enqueue(note("b@example.org"));

        List<String> warnings;
        try (CapturedLogs logs = new CapturedLogs()) {
            assertEquals(0, outbox.sendDue());
            clock.advance(Duration.ofDays(10));
            outbox.enqueue(note("c@example.org"));
            assertEquals(0, outbox.sendDue());
            warnings = logs.from(Outbox.class);
        }

        assertEquals(List.of("WARN dev.kioku.mail.Outbox: mail is not configured (set smtp.host): messages wait in the outbox until it is"), warnings);

        assertFalse(outbox.configured());
        assertEquals(3, outbox.pending());
        assertEquals(0, outbox.failed());
        assertEquals(0, (int) db.jdbi().withHandle(h -> h.createQuery("select max(attempts) from mail_outbox").mapTo(Integer.class).one()));
    }

    @Test
    void the_smtp_password_appears_in_no_log_line_and_no_stored_error() throws Exception {
        smtpServer.setUser("kioku@blog.example.org", "kioku", "the-right-one");
        Smtp wrong = new Smtp("127.0.0.1", smtpServer.getSmtp().getPort(), "kioku", "s3cret-Pa55", Smtp.Security.NONE, FROM);
        Outbox outbox = outbox(wrong);
        outbox.enqueue(note("reader@example.org"));

        List<String> lines;
        try (CapturedLogs logs = new CapturedLogs()) {
            assertEquals(0, outbox.sendDue());
            lines = logs.lines();
        }

        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("WARN dev.kioku.mail.Outbox: mail server 127.0.0.1:"), lines.get(0));
        assertTrue(lines.get(0).contains("AuthenticationFailedException"), lines.get(0));
        assertFalse(lines.get(0).contains("s3cret-Pa55"), lines.get(0));
        assertFalse(row().lastError().contains("s3cret-Pa55"), row().lastError());
        assertEquals("queued", row().status(), "a refused sign-in is a settings problem: the message waits");
        assertFalse(wrong.toString().contains("s3cret-Pa55"));
        assertEquals(0, smtpServer.getReceivedMessages().length);
    }
}
