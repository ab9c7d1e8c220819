package dev.kioku.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.kioku.config.Smtp;
import dev.kioku.content.Post;
import dev.kioku.content.PostDraft;
import dev.kioku.db.Engine;
import dev.kioku.testing.Commenter;
import dev.kioku.testing.TestBlog;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
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

/** Comment emails through a real SMTP server (GreenMail): to the post's author, and follow-ups with one-click unsubscribe. */
@ParameterizedClass
@EnumSource(Engine.class)
class CommentMailTest {
    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    TestBlog blog;
    Post post;

    @BeforeEach
    void start() {
        blog = TestBlog.start(engine, dir, new Smtp("127.0.0.1", smtp.getSmtp().getPort(), null, null, Smtp.Security.NONE,
                "Kioku <blog@example.org>"));
        var aiko = blog.author("Aiko Mori");
        post = blog.app.posts().publish(blog.app.posts().create(PostDraft.post("On rain", "It rains.", aiko.id(), List.of())).id(),
                TestBlog.START.minus(Duration.ofHours(1)));
    }

    @AfterEach
    void stop() {
        blog.close();
    }

    private List<MimeMessage> sent() {
        blog.app.outbox().sendDue();
        return Arrays.asList(smtp.getReceivedMessages());
    }

    private void moderation(Moderation m, boolean notifyAuthor) {
        blog.app.comments().saveSettings(new DiscussionSettings(m, 0, 5, 50, 2, List.of(), List.of(), List.of(), true,
                notifyAuthor, "", null));
    }

    private static String text(MimeMessage m) throws Exception {
        return m.getContent().toString();
    }

    private static String to(MimeMessage m) throws Exception {
        return m.getAllRecipients()[0].toString();
    }

    @Test
    void the_post_author_hears_of_a_held_comment_with_approve_and_spam_links() throws Exception {
        new Commenter(blog).comment(post.id(), "Kenji", "kenji@example.org", "May I ask something?");
        long id = blog.app.comments().find(1).orElseThrow().id();

        List<MimeMessage> mails = sent();
        assertEquals(1, mails.size());
        MimeMessage m = mails.getFirst();
        assertEquals("aiko.mori@example.org", to(m));
        assertEquals("[Kioku] Please moderate: “On rain”", m.getSubject());
        String body = text(m);
        assertTrue(body.contains("May I ask something?"), body);
        assertTrue(body.contains("/admin/comments/" + id + "/?action=approve"), body);
        assertTrue(body.contains("/admin/comments/" + id + "/?action=spam"), body);
        assertTrue(body.contains("kenji@example.org"), "the author sees who wrote: " + body);
    }

    @Test
    void no_email_to_the_author_when_the_setting_is_off_and_none_for_spam() throws Exception {
        moderation(Moderation.HOLD_FIRST, false);
        new Commenter(blog).comment(post.id(), "Kenji", "kenji@example.org", "Quiet please");
        moderation(Moderation.HOLD_FIRST, true);
        Map<String, String> bot = Commenter.form(post.id(), "Bot", "bot@example.org", "Spam spam");
        bot.put("homepage", "x");
        blog.clock.advance(Duration.ofHours(1));
        new Commenter(blog).send(bot);

        assertEquals(List.of(), sent());
    }

    @Test
    void followers_get_each_new_comment_and_a_reply_says_so_then_one_click_stops_them() throws Exception {
        moderation(Moderation.APPROVE_ALL, false);
        Map<String, String> first = Commenter.form(post.id(), "Kenji", "kenji@example.org", "Following this one");
        first.put("follow", "yes");
        new Commenter(blog).send(first);
        long kenjis = blog.app.comments().approved(post.id()).getFirst().id();
        assertEquals(List.of(), sent(), "nobody hears of their own comment");

        blog.clock.advance(Duration.ofMinutes(2));
        Map<String, String> reply = Commenter.form(post.id(), "Mei", "mei@example.org", "Welcome, Kenji");
        reply.put("parent", Long.toString(kenjis));
        new Commenter(blog).send(reply);

        List<MimeMessage> mails = sent();
        assertEquals(1, mails.size());
        MimeMessage m = mails.getFirst();
        assertEquals("kenji@example.org", to(m));
        assertEquals("[Kioku] Mei replied to your comment on “On rain”", m.getSubject());
        assertTrue(text(m).contains("Welcome, Kenji"));
        String header = m.getHeader("List-Unsubscribe")[0];
        assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post")[0]);
        String unsubscribe = header.substring(1, header.length() - 1);
        assertTrue(text(m).contains(unsubscribe));

        // the mail program's one-click POST, straight to the URL in the header
        String path = URI.create(unsubscribe).getPath();
        assertEquals(200, new Commenter(blog).post(path, Map.of("List-Unsubscribe", "One-Click"), null).status());

        blog.clock.advance(Duration.ofMinutes(2));
        new Commenter(blog).comment(post.id(), "Jun", "jun@example.org", "Late to the party");
        assertEquals(1, sent().size(), "nothing more after unsubscribing");
    }

    @Test
    void a_follower_whose_comment_is_still_held_gets_nothing_until_it_is_approved() throws Exception {
        moderation(Moderation.HOLD_ALL, false);
        Map<String, String> first = Commenter.form(post.id(), "Stranger", "victim@example.org", "Sign me up");
        first.put("follow", "yes");
        new Commenter(blog).send(first);
        long held = blog.app.comments().find(1).orElseThrow().id();
        var aiko = blog.app.authors().staff(post.authorId()).orElseThrow();
        blog.app.comments().reply(aiko, held, "Thanks!"); // answering approves the comment replied to

        List<MimeMessage> mails = sent();
        assertEquals(1, mails.size(), "the follower hears of the reply once their own comment is public");
        assertEquals("victim@example.org", to(mails.getFirst()));
        assertTrue(mails.getFirst().getSubject().contains("replied to your comment"));

        blog.clock.advance(Duration.ofMinutes(2));
        Map<String, String> other = Commenter.form(post.id(), "Prankster", "target@example.org", "Subscribe a stranger");
        other.put("follow", "yes");
        new Commenter(blog).send(other);
        blog.app.comments().reply(aiko, held, "And another reply");
        assertEquals(2, sent().size(), "target@ never had a comment approved, so it gets nothing");
    }

    @Test
    void followers_hear_of_a_comment_once_however_often_it_is_approved() throws Exception {
        moderation(Moderation.APPROVE_ALL, false);
        Map<String, String> first = Commenter.form(post.id(), "Kenji", "kenji@example.org", "Following");
        first.put("follow", "yes");
        new Commenter(blog).send(first);
        moderation(Moderation.HOLD_ALL, false);
        blog.clock.advance(Duration.ofMinutes(2));
        new Commenter(blog).comment(post.id(), "Mei", "mei@example.org", "Held at first");
        long mei = blog.app.comments().find(2).orElseThrow().id();
        var aiko = blog.app.authors().staff(post.authorId()).orElseThrow();

        blog.app.comments().moderate(aiko, List.of(mei), CommentStatus.APPROVED);
        blog.app.comments().moderate(aiko, List.of(mei), CommentStatus.PENDING);
        blog.app.comments().moderate(aiko, List.of(mei), CommentStatus.APPROVED);

        assertEquals(1, sent().size());
    }
}
