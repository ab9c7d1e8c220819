package dev.kioku.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.kioku.authors.Role;
import dev.kioku.db.Engine;
import dev.kioku.testing.AdminClient;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The running blog sends queued mail on its own, and its dashboard says when mail is not set up or failed. */
@ParameterizedClass
@EnumSource(Engine.class)
class MailInTheAppTest {
    @RegisterExtension
    static final GreenMailExtension smtpServer = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    AdminClient owner;

    @AfterEach
    void stop() {
        if (blog != null) blog.close();
    }

    private List<String> dashboardWarnings() {
        if (owner == null) owner = blog.signIn("Olive Owner", Role.OWNER);
        return owner.page("/admin/").select(".dashboard-warning").eachText();
    }

    @Test
    void the_blog_sends_queued_mail_in_the_background_once_the_clock_reaches_the_next_run() throws InterruptedException {
        blog = TestBlog.start(engine, dir, OutboxTest.smtp(smtpServer.getSmtp().getPort()));
        // every job runs once as the blog starts and is next due 30 s after that run ends by the blog's clock:
        // moving the clock before that first run ends would put the next one at 10:01:01, never reached here
        awaitFirstRunOfTheMailJob();
        blog.app.outbox().enqueue(OutboxTest.note("reader@example.org"));

        blog.clock.advance(Duration.ofSeconds(31));

        assertTrue(smtpServer.waitForIncomingEmail(30_000, 1), "the job ran within its 10 s polling interval");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (blog.app.outbox().pending() > 0 && System.nanoTime() < deadline) Thread.sleep(50);
        assertEquals(0, blog.app.outbox().pending(), "marked sent just after the server took it");
        assertEquals(1, smtpServer.getReceivedMessages().length);
    }

    private void awaitFirstRunOfTheMailJob() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            boolean ran = blog.app.database().jdbi().withHandle(h -> h.createQuery(
                            "select count(*) from scheduled_tasks where task_name = :name and picked = false and last_success is not null")
                    .bind("name", Outbox.JOB).mapTo(Integer.class).one()) > 0;
            if (ran) return;
            Thread.sleep(50);
        }
        throw new AssertionError("the mail job did not run as the blog started");
    }

    @Test
    void the_dashboard_says_email_is_not_set_up_and_how_many_messages_wait() {
        blog = TestBlog.start(engine, dir);
        assertEquals(List.of("Email is not set up."), dashboardWarnings());

        for (int i = 0; i < 3; i++) blog.app.outbox().enqueue(OutboxTest.note("reader" + i + "@example.org"));

        assertEquals(List.of("Email is not set up: 3 messages are waiting."), dashboardWarnings());
    }

    @Test
    void the_dashboard_counts_emails_that_could_not_be_sent() throws Exception {
        try (RefusingSmtpServer server = new RefusingSmtpServer("550 5.1.1 no such mailbox")) {
            blog = TestBlog.start(engine, dir, OutboxTest.smtp(server.port()));
            assertEquals(List.of(), dashboardWarnings(), "set up, nothing failed: nothing to say");

            blog.app.outbox().enqueue(OutboxTest.note("gone@example.org"));
            blog.app.outbox().enqueue(OutboxTest.note("left@example.org"));
            blog.app.outbox().sendDue();

            assertEquals(List.of("2 emails could not be sent in the last 7 days."), dashboardWarnings());
        }
    }
}
