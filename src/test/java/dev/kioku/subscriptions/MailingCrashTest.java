package dev.kioku.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.kioku.config.Smtp;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.testing.TestBlog;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The mailing job dies in the middle of a batch; after it runs again, every subscriber has exactly one mail
 * for the post in GreenMail: nobody twice, nobody skipped.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class MailingCrashTest {
    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    static final int SUBSCRIBERS = 7;
    static final int BATCH = 3;

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Inbox inbox;
    List<String> addresses = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        blog = TestBlog.start(engine, dir, new Smtp("127.0.0.1", smtp.getSmtp().getPort(), null, null, Smtp.Security.NONE,
                "Kioku <blog@example.org>"));
        inbox = new Inbox(blog, smtp);
        for (int i = 1; i <= SUBSCRIBERS; i++) {
            String address = "reader" + i + "@example.org";
            inbox.subscribeAndConfirm(address, null);
            addresses.add(address);
        }
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    /** Post mails (not confirmations) per address, in GreenMail. */
    private Map<String, Integer> postMails(String title) throws Exception {
        blog.app.outbox().sendDue();
        Map<String, Integer> counts = new TreeMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (title.equals(m.getSubject())) counts.merge(m.getAllRecipients()[0].toString(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void a_crash_in_the_middle_of_a_batch_neither_repeats_nor_skips_anyone() throws Exception {
        Subscriptions subscriptions = blog.app.subscriptions();
        Post post;
        // sendMailings is synchronized: holding the service keeps the scheduler's own run of the job out of the way
        synchronized (subscriptions) {
            var aiko = blog.author("Aiko Mori");
            post = blog.app.posts().publish(blog.app.posts().create(PostDraft.post("Crash course", "Bear with us.", aiko.id(),
                    List.of())).id(), null);
            AtomicInteger queued = new AtomicInteger();
            Subscriptions.MailQueue dying = (h, mail) -> {
                // the second mail of the second batch: the process "dies" with half the batch queued
                if (queued.incrementAndGet() == BATCH + 2) throw new IllegalStateException("killed mid-batch");
                blog.app.outbox().enqueue(h, mail);
            };

            assertThrows(IllegalStateException.class, () -> subscriptions.sendMailings(BATCH, dying));

            assertEquals(BATCH, subscriptions.deliveries(post.id()), "the first batch committed, the second rolled back whole");
            Map<String, Integer> afterCrash = postMails("Crash course");
            assertEquals(Map.of(addresses.get(0), 1, addresses.get(1), 1, addresses.get(2), 1), afterCrash,
                    "only the committed batch was mailed; the half-queued one left no mail behind");

            assertEquals(SUBSCRIBERS - BATCH, subscriptions.sendMailings(BATCH, blog.app.outbox()::enqueue), "the rest, on the next run");
            assertEquals(0, subscriptions.sendMailings(BATCH, blog.app.outbox()::enqueue), "and nobody after that");
        }

        Map<String, Integer> expected = new TreeMap<>();
        for (String a : addresses) expected.put(a, 1);
        assertEquals(expected, postMails("Crash course"), "every subscriber exactly once");
        assertEquals(SUBSCRIBERS, blog.app.subscriptions().deliveries(post.id()));
    }

    @Test
    void a_crash_on_the_first_mail_of_the_first_batch_leaves_everything_to_the_next_run() throws Exception {
        Subscriptions subscriptions = blog.app.subscriptions();
        synchronized (subscriptions) {
            var aiko = blog.author("Aiko Mori");
            Post post = blog.app.posts().publish(blog.app.posts().create(PostDraft.post("Second try", "Again.", aiko.id(),
                    List.of())).id(), null);

            assertThrows(IllegalStateException.class, () -> subscriptions.sendMailings(BATCH, (h, mail) -> {
                throw new IllegalStateException("killed at once");
            }));
            assertEquals(0, subscriptions.deliveries(post.id()));

            assertEquals(SUBSCRIBERS, subscriptions.sendMailings());
        }
        Map<String, Integer> expected = new TreeMap<>();
        for (String a : addresses) expected.put(a, 1);
        assertEquals(expected, postMails("Second try"));
    }
}
