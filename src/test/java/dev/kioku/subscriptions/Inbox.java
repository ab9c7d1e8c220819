package dev.kioku.subscriptions;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.kioku.testing.Commenter;
import dev.kioku.testing.TestBlog;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reader's side of subscriptions in tests: the form, the mail that arrives at GreenMail, and its links. */
final class Inbox {
    private static final Pattern CONFIRM = Pattern.compile("https?://[^/\\s]+(/subscribe/confirm/[A-Za-z0-9_-]+/)");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("https?://[^/\\s]+(/subscribe/unsubscribe/[A-Za-z0-9_-]+/)");
    private final TestBlog blog;
    private final GreenMailExtension smtp;

    Inbox(TestBlog blog, GreenMailExtension smtp) {
        this.blog = blog;
        this.smtp = smtp;
    }

    /** The subscribe box's POST from a page of the blog; {@code seriesId} null for every post. */
    TestBlog.Response subscribe(String email, Long seriesId) {
        return subscribe(new Commenter(blog), email, seriesId);
    }

    TestBlog.Response subscribe(Commenter browser, String email, Long seriesId) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("email", email);
        if (seriesId != null) form.put("series", seriesId.toString());
        return browser.post("/subscribe/", form, blog.base());
    }

    /** Sends what the outbox holds, then every message GreenMail has for {@code address}, oldest first. */
    List<MimeMessage> to(String address) throws Exception {
        blog.app.outbox().sendDue();
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) if (m.getAllRecipients()[0].toString().equals(address)) out.add(m);
        return out;
    }

    /** Runs the mailing job and sends its mail. */
    void publishMail() {
        blog.app.subscriptions().sendMailings();
        blog.app.outbox().sendDue();
    }

    /** The path of the newest confirmation link mailed to {@code address}. */
    String confirmationPath(String address) throws Exception {
        List<MimeMessage> mails = to(address);
        for (int i = mails.size() - 1; i >= 0; i--) {
            Matcher m = CONFIRM.matcher(text(mails.get(i)));
            if (m.find()) return m.group(1);
        }
        throw new AssertionError("no confirmation mail for " + address);
    }

    /** Subscribes and confirms by the mailed link, as a reader would (GET shows the button, POST confirms). */
    void subscribeAndConfirm(String email, Long seriesId) throws Exception {
        TestBlog.Response r = subscribe(email, seriesId);
        if (r.status() != 200) throw new AssertionError("subscribe answered " + r.status() + ": " + r.text());
        confirm(email);
    }

    /** Confirms by the newest mailed link; then a minute passes, so what is published next comes after. */
    void confirm(String email) throws Exception {
        String path = confirmationPath(email);
        Commenter browser = new Commenter(blog);
        if (browser.get(path).status() != 200) throw new AssertionError("confirmation page did not open");
        TestBlog.Response done = browser.post(path, Map.of(), blog.base());
        if (done.status() != 200 || !done.text().contains("You are subscribed")) throw new AssertionError(done.text());
        blog.clock.advance(java.time.Duration.ofMinutes(1));
    }

    /** The unsubscribe link's path in a post mail (the one in its List-Unsubscribe header). */
    static String unsubscribePath(MimeMessage m) throws Exception {
        String header = m.getHeader("List-Unsubscribe")[0];
        Matcher u = UNSUBSCRIBE.matcher(header);
        if (!u.find()) throw new AssertionError("no unsubscribe URL in " + header);
        return u.group(1);
    }

    /** The plain-text body of a message, single-part or the text part of a multipart/alternative. */
    static String text(MimeMessage m) throws Exception {
        Object content = m.getContent();
        if (content instanceof String s) return s;
        return ((Multipart) content).getBodyPart(0).getContent().toString();
    }

    /** The HTML part of a multipart/alternative message. */
    static String html(MimeMessage m) throws Exception {
        return ((Multipart) m.getContent()).getBodyPart(1).getContent().toString();
    }
}
