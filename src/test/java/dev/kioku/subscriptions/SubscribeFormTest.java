package dev.kioku.subscriptions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.kioku.config.Smtp;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.series.Series;
import dev.kioku.testing.Commenter;
import dev.kioku.testing.TestBlog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The subscribe box and form: where they are, what they answer, and the limits on confirmation mail. */
@ParameterizedClass
@EnumSource(Engine.class)
class SubscribeFormTest {
    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Inbox inbox;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir, new Smtp("127.0.0.1", smtp.getSmtp().getPort(), null, null, Smtp.Security.NONE,
                "Kioku <blog@example.org>"));
        inbox = new Inbox(blog, smtp);
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    @Test
    void post_pages_carry_the_box_and_series_pages_the_next_part_box_the_same_bytes_for_everyone() {
        var aiko = blog.author("Aiko Mori");
        Series kyoto = blog.app.series().create("Trip to Kyoto", "");
        Post post = blog.app.posts().create(PostDraft.post("Arrival", "We landed.", aiko.id(), List.of()));
        blog.app.series().addPost(kyoto.id(), post.id());
        post = blog.app.posts().publish(post.id(), null);
        String path = blog.app.site().settings().permalink(post);

        TestBlog.Response first = new Commenter(blog).get(path);
        TestBlog.Response second = new Commenter(blog).get(path);
        assertArrayEquals(first.body(), second.body(), "a cached page is the same for every reader");
        assertNull(first.header("Set-Cookie"));
        Document page = Jsoup.parse(first.text());
        Element box = page.selectFirst(".subscribe form.subscribe-box");
        assertNotNull(box, "the box under the post");
        assertEquals("/subscribe/", box.attr("action"));
        assertEquals("Get new posts by email", box.selectFirst("label[for=subscribe-email]").text());
        assertTrue(box.select("input[name=series]").isEmpty(), "every post");
        Element follow = page.selectFirst(".series-box details.series-box__follow");
        assertEquals("Tell me when the next part is out", follow.selectFirst("summary").text());
        assertEquals(Long.toString(kyoto.id()), follow.selectFirst("input[name=series]").val());

        Document seriesPage = blog.page("/series/trip-to-kyoto/");
        Element next = seriesPage.selectFirst(".subscribe--series form");
        assertEquals("Tell me when the next part is out", next.selectFirst("label").text());
        assertEquals(Long.toString(kyoto.id()), next.selectFirst("input[name=series]").val());
    }

    @Test
    void a_bad_address_comes_back_with_a_message_and_what_was_typed() throws Exception {
        TestBlog.Response r = inbox.subscribe("not an address", null);

        assertEquals(422, r.status());
        Document page = Jsoup.parse(r.text());
        assertEquals("not an address", page.selectFirst("#subscribe-email").val());
        assertEquals("This does not look like an email address (name@example.com).", page.selectFirst(".field-error").text());
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    void the_answer_is_the_same_for_a_new_and_a_subscribed_address_and_only_new_ones_get_mail() throws Exception {
        inbox.subscribeAndConfirm("ann@example.org", null);
        blog.clock.advance(Duration.ofHours(2));

        TestBlog.Response known = inbox.subscribe("ann@example.org", null);
        TestBlog.Response fresh = inbox.subscribe("bob@example.org", null);

        assertEquals(fresh.status(), known.status());
        assertEquals(fresh.text().replace("bob@", "ann@"), known.text(), "nothing tells the two apart");
        assertEquals(1, inbox.to("ann@example.org").size(), "a subscribed address gets no new confirmation");
        assertEquals(1, inbox.to("bob@example.org").size());
    }

    @Test
    void an_address_gets_at_most_one_confirmation_an_hour_whoever_asks() throws Exception {
        inbox.subscribe("ann@example.org", null);
        inbox.subscribe(new Commenter(blog), "ANN@example.org", null);
        blog.clock.advance(Duration.ofMinutes(59));
        inbox.subscribe("ann@example.org", null);
        assertEquals(1, inbox.to("ann@example.org").size());

        blog.clock.advance(Duration.ofMinutes(2));
        inbox.subscribe("ann@example.org", null);
        assertEquals(2, inbox.to("ann@example.org").size());
        inbox.confirm("ann@example.org");
        assertEquals(1, blog.app.subscriptions().list("ann@", 0, 10).total(), "one row whatever the case");
    }

    @Test
    void one_network_address_may_ask_ten_times_an_hour() throws Exception {
        for (int i = 1; i <= Subscriptions.PER_IP; i++) assertEquals(200, inbox.subscribe("r" + i + "@example.org", null).status());

        TestBlog.Response refused = inbox.subscribe("one-more@example.org", null);
        assertEquals(429, refused.status());
        assertTrue(refused.text().contains("Too many subscriptions were asked for from here"), refused.text());
        assertEquals("one-more@example.org", Jsoup.parse(refused.text()).selectFirst("#subscribe-email").val());
        assertEquals(0, inbox.to("one-more@example.org").size());

        blog.clock.advance(Duration.ofMinutes(61));
        assertEquals(200, inbox.subscribe("one-more@example.org", null).status());
    }

    @Test
    void a_form_from_another_site_or_a_filled_trap_sends_nothing() throws Exception {
        TestBlog.Response forged = new Commenter(blog).post("/subscribe/", Map.of("email", "victim@example.org"), "https://evil.example");
        assertEquals(403, forged.status());

        TestBlog.Response bot = new Commenter(blog).post("/subscribe/", Map.of("email", "victim@example.org", "website", "spam"), blog.base());
        assertEquals(200, bot.status());
        assertTrue(bot.text().contains("Check your inbox"), "a bot is told the usual");

        assertEquals(0, inbox.to("victim@example.org").size());
    }

    @Test
    void the_form_page_names_the_series_and_a_series_that_is_gone_is_said_so() throws Exception {
        Series kyoto = blog.app.series().create("Trip to Kyoto", "");
        Document page = blog.page("/subscribe/?series=" + kyoto.id());
        assertEquals("Tell me when the next part is out", page.selectFirst("h1").text());
        assertTrue(page.text().contains("“Trip to Kyoto”"));
        assertEquals("Get new posts by email", blog.page("/subscribe/").selectFirst("h1").text());

        TestBlog.Response r = inbox.subscribe("ann@example.org", 999_999L);
        assertEquals(422, r.status());
        assertTrue(r.text().contains("That series is not there any more."), r.text());
    }
}
