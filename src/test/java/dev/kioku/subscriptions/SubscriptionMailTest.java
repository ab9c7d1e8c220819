package dev.kioku.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.kioku.authors.Author;
import dev.kioku.config.Smtp;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.series.Series;
import dev.kioku.testing.Commenter;
import dev.kioku.testing.TestBlog;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * New posts by email, end to end through a real SMTP server (GreenMail): subscribe, confirm, publish, receive
 * once, unsubscribe in one click, receive nothing more; series, double opt-in and publication rules.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class SubscriptionMailTest {
    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Inbox inbox;
    Author aiko;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir, new Smtp("127.0.0.1", smtp.getSmtp().getPort(), null, null, Smtp.Security.NONE,
                "Kioku <blog@example.org>"));
        inbox = new Inbox(blog, smtp);
        aiko = blog.author("Aiko Mori");
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private Post draft(String title, String body) {
        return blog.app.posts().create(PostDraft.post(title, body, aiko.id(), List.of()));
    }

    private Post publishNow(Post p) {
        return blog.app.posts().publish(p.id(), null);
    }

    @Test
    void subscribe_confirm_publish_receive_once_unsubscribe_in_one_click_and_receive_nothing_more() throws Exception {
        TestBlog.Response asked = inbox.subscribe("ann@example.org", null);
        assertEquals(200, asked.status());
        assertTrue(asked.text().contains("Check your inbox"), asked.text());
        List<MimeMessage> confirmation = inbox.to("ann@example.org");
        assertEquals(1, confirmation.size());
        assertEquals("Confirm your subscription to Kioku", confirmation.getFirst().getSubject());
        inbox.confirm("ann@example.org");

        Post post = publishNow(draft("Autumn in Nara", "Deer everywhere, and the leaves turning.\n\n:::spoiler The ending\nThe deer won.\n:::\n"));
        inbox.publishMail();
        inbox.publishMail(); // a second run of the job finds nobody left

        List<MimeMessage> mails = inbox.to("ann@example.org");
        assertEquals(2, mails.size(), "the confirmation, then one mail for the post");
        MimeMessage m = mails.get(1);
        assertEquals("Autumn in Nara", m.getSubject());
        String text = Inbox.text(m);
        assertTrue(text.contains("Deer everywhere"), text);
        assertFalse(text.contains("The deer won"), "no spoilers in the mail: " + text);
        String url = blog.base() + blog.app.site().settings().permalink(post);
        assertTrue(text.contains("Read it on Kioku: " + url), text);
        assertTrue(Inbox.html(m).contains("href=\"" + url + "\""), Inbox.html(m));
        assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post")[0]);
        String unsubscribe = Inbox.unsubscribePath(m);
        assertTrue(text.contains(unsubscribe), "the link is in the text too");
        assertEquals(1, blog.app.subscriptions().deliveries(post.id()));

        // the mail program's one-click POST (RFC 8058), straight to the header's URL, with no Origin
        TestBlog.Response out = new Commenter(blog).post(unsubscribe, Map.of("List-Unsubscribe", "One-Click"), null);
        assertEquals(200, out.status());
        assertTrue(out.text().contains("Unsubscribed"));

        blog.clock.advance(Duration.ofHours(1));
        publishNow(draft("Winter in Sapporo", "Snow."));
        inbox.publishMail();
        assertEquals(2, inbox.to("ann@example.org").size(), "nothing more after unsubscribing");
    }

    @Test
    void a_series_subscriber_gets_only_that_series_posts_and_the_subject_names_the_part() throws Exception {
        Series kyoto = blog.app.series().create("Trip to Kyoto", "");
        Post one = publishNow(draft("Arrival", "We landed."));
        blog.app.series().addPost(kyoto.id(), one.id());
        inbox.subscribeAndConfirm("sam@example.org", kyoto.id());

        blog.clock.advance(Duration.ofMinutes(5));
        Post two = draft("Temples", "So many temples.");
        blog.app.series().addPost(kyoto.id(), two.id());
        publishNow(two);
        publishNow(draft("Unrelated", "Something else."));
        inbox.publishMail();

        List<MimeMessage> mails = inbox.to("sam@example.org");
        assertEquals(2, mails.size(), "the confirmation and part 2 only");
        assertEquals("Part 2 of Trip to Kyoto: Temples", mails.get(1).getSubject());
        assertTrue(Inbox.text(mails.get(1)).contains("next part of “Trip to Kyoto”"), Inbox.text(mails.get(1)));
    }

    @Test
    void someone_following_every_post_and_a_series_gets_one_mail_per_post() throws Exception {
        Series kyoto = blog.app.series().create("Trip to Kyoto", "");
        inbox.subscribeAndConfirm("both@example.org", kyoto.id());
        blog.clock.advance(Duration.ofHours(2));
        inbox.subscribeAndConfirm("both@example.org", null);

        blog.clock.advance(Duration.ofMinutes(5));
        Post part = draft("Arrival", "We landed.");
        blog.app.series().addPost(kyoto.id(), part.id());
        publishNow(part);
        inbox.publishMail();

        List<MimeMessage> mails = inbox.to("both@example.org");
        assertEquals(3, mails.size(), "two confirmations and one post mail");
        assertEquals("Part 1 of Trip to Kyoto: Arrival", mails.get(2).getSubject());
    }

    @Test
    void an_address_that_never_confirmed_gets_nothing() throws Exception {
        inbox.subscribe("lazy@example.org", null);
        assertEquals(1, inbox.to("lazy@example.org").size());

        publishNow(draft("Spring", "Blossoms."));
        inbox.publishMail();

        assertEquals(1, inbox.to("lazy@example.org").size(), "only the confirmation");
    }

    @Test
    void a_confirmation_link_works_once() throws Exception {
        inbox.subscribe("ann@example.org", null);
        String path = inbox.confirmationPath("ann@example.org");
        Commenter browser = new Commenter(blog);

        assertEquals(200, browser.get(path).status());
        assertEquals(200, browser.post(path, Map.of(), blog.base()).status());
        assertEquals(410, browser.get(path).status());
        TestBlog.Response again = browser.post(path, Map.of(), blog.base());
        assertEquals(410, again.status());
        assertTrue(again.text().contains("does not work any more"));
        assertEquals(410, browser.get("/subscribe/confirm/not-a-real-token-at-all-xyz/").status());
    }

    @Test
    void opening_the_unsubscribe_link_changes_nothing_until_its_button_is_pressed() throws Exception {
        inbox.subscribeAndConfirm("ann@example.org", null);
        publishNow(draft("First", "One."));
        inbox.publishMail();
        String unsubscribe = Inbox.unsubscribePath(inbox.to("ann@example.org").get(1));

        // a mail scanner opens the link: a page with a button, nothing more
        TestBlog.Response page = new Commenter(blog).get(unsubscribe);
        assertEquals(200, page.status());
        assertTrue(page.text().contains("Unsubscribe?"), page.text());
        assertTrue(page.text().contains("action=\"" + unsubscribe + "\""), page.text());
        blog.clock.advance(Duration.ofMinutes(5));
        publishNow(draft("Second", "Two."));
        inbox.publishMail();
        assertEquals(3, inbox.to("ann@example.org").size(), "still subscribed after the GET");

        assertEquals(200, new Commenter(blog).post(unsubscribe, Map.of(), blog.base()).status());
        assertTrue(new Commenter(blog).get(unsubscribe).text().contains("Already unsubscribed"));
        blog.clock.advance(Duration.ofMinutes(5));
        publishNow(draft("Third", "Three."));
        inbox.publishMail();
        assertEquals(3, inbox.to("ann@example.org").size(), "nothing after the POST");
    }

    @Test
    void the_comment_forms_checkbox_mails_a_confirmation_and_only_a_confirmed_address_gets_posts() throws Exception {
        Post post = publishNow(draft("On rain", "It rains."));
        Map<String, String> form = Commenter.form(post.id(), "Kenji", "kenji@example.org", "Nice post");
        form.put("subscribe", "yes");
        assertEquals(303, new Commenter(blog).send(form).status());

        List<MimeMessage> mails = inbox.to("kenji@example.org");
        assertEquals(1, mails.size());
        assertTrue(Inbox.text(mails.getFirst()).contains("/subscribe/confirm/"));
        inbox.confirm("kenji@example.org");

        blog.clock.advance(Duration.ofMinutes(5));
        publishNow(draft("On snow", "It snows."));
        inbox.publishMail();
        assertEquals("On snow", inbox.to("kenji@example.org").get(1).getSubject());
    }

    @Test
    void a_back_dated_post_mails_nobody_and_a_post_published_again_is_not_mailed_again() throws Exception {
        inbox.subscribeAndConfirm("ann@example.org", null);
        Post old = draft("From the archive", "Written long ago.");
        blog.app.posts().publish(old.id(), TestBlog.START.minus(Duration.ofDays(30)));
        Post fresh = publishNow(draft("Today", "New."));
        inbox.publishMail();
        assertEquals(2, inbox.to("ann@example.org").size(), "the confirmation and “Today” only");

        blog.app.posts().unpublish(fresh.id());
        blog.clock.advance(Duration.ofMinutes(10));
        blog.app.posts().publish(fresh.id(), null);
        inbox.publishMail();
        assertEquals(2, inbox.to("ann@example.org").size(), "no second mail for the same post");
        assertEquals(0, blog.app.subscriptions().deliveries(old.id()));
    }

    @Test
    void an_address_confirmed_after_a_post_went_public_does_not_get_that_post() throws Exception {
        inbox.subscribe("late@example.org", null);
        Post earlier = publishNow(draft("Earlier", "Before you came."));
        blog.clock.advance(Duration.ofMinutes(1));
        inbox.confirm("late@example.org");
        inbox.publishMail();

        assertEquals(1, inbox.to("late@example.org").size());
        assertEquals(0, blog.app.subscriptions().deliveries(earlier.id()));
    }

    @Test
    void a_scheduled_post_is_mailed_when_it_goes_public() throws Exception {
        inbox.subscribeAndConfirm("ann@example.org", null);
        Post later = draft("Planned", "Later.");
        blog.app.posts().publish(later.id(), TestBlog.START.plus(Duration.ofDays(2)));
        inbox.publishMail();
        assertEquals(1, inbox.to("ann@example.org").size(), "nothing while scheduled");

        blog.clock.advance(Duration.ofDays(2).plusMinutes(1));
        blog.app.publisher().publishDue();
        inbox.publishMail();
        assertEquals("Planned", inbox.to("ann@example.org").get(1).getSubject());
    }

    @Test
    void a_scheduled_post_published_days_late_because_the_blog_was_down_is_still_mailed() throws Exception {
        inbox.subscribeAndConfirm("ann@example.org", null);
        Post later = draft("Due on Saturday", "Later.");
        blog.app.posts().publish(later.id(), TestBlog.START.plus(Duration.ofDays(1)));

        blog.clock.advance(Duration.ofDays(3));
        blog.app.publisher().publishDue();
        inbox.publishMail();
        assertEquals("Due on Saturday", inbox.to("ann@example.org").getLast().getSubject());
    }
}
